import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/**
 * Standard Webhooks signatures, both ways: the product's webhooks to us (client/http/webhook-route.ts)
 * and ours to it (activities/product-webhook.ts). The signing and the check are the reference
 * library's (`standardwebhooks`): `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed by the
 * base64 part of a `whsec_...` secret, with a space-separated list of signatures so that a secret can be
 * rotated. What the library leaves open is ours and is written here: the timestamp must be plain Unix
 * seconds, each refusal has its own reason for the 401, and the rule for a webhook-id.
 *
 * Its own folder, beside client/ and activities/, because both import it and neither may import the
 * other; domain/ is not the place either, since the workflow bundle loads domain/ and this is not
 * deterministic code (it reads the clock).
 */
export const timestampToleranceSeconds = 5 * 60;

/**
 * The library reads a Buffer body as UTF-8 text: a body that is not UTF-8 is checked as that text
 * (with U+FFFD in place of what could not be read). The webhook route refuses such a body with 400
 * once its signature is checked, so the text that was checked is never acted on.
 */
export function sign(secret: string, id: string, timestamp: number, rawBody: Buffer | string): string {
  return new Webhook(secret).sign(id, new Date(timestamp * 1000), rawBody);
}

export function signedHeaders(secret: string, id: string, rawBody: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, rawBody),
  };
}

/**
 * The `webhook-id` is kept for days as the key of a delivery's answer: 1 to 128 visible ASCII
 * characters (0x21-0x7E), as ids such as `msg_2KWPBgLlAfxdpx2AI54pPJ85f1W` are. Anything else is a
 * fault of the sender, answered 400 before anything is stored.
 */
export const maxWebhookIdLength = 128;

export function webhookIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'webhook-id must not be empty';
  if (id.length > maxWebhookIdLength) return `webhook-id must be at most ${maxWebhookIdLength} characters (got ${id.length})`;
  const invalid = /[^\x21-\x7E]/.exec(id)?.[0];
  if (invalid !== undefined) {
    return `webhook-id must be visible ASCII characters only (0x21-0x7E), without spaces (found U+${invalid.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return undefined;
}

export type Verification = { ok: true } | { ok: false; reason: string };

/** Checks a delivery against the clock now, as the library does (it reads `Date.now()`). */
export function verify(secret: string, headers: { id?: string; timestamp?: string; signature?: string }, rawBody: Buffer): Verification {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  // The library reads the timestamp with parseInt, which would take "1767605400.5" or "1767605400 ".
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp must be Unix seconds' };
  // Checked here as well as in the library, to answer with its own reason; the library's bound is the same.
  const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (skew > timestampToleranceSeconds) return { ok: false, reason: 'webhook-timestamp is more than 5 minutes off' };

  try {
    new Webhook(secret).verify(
      rawBody,
      { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
      { jsonParse: false },
    );
    return { ok: true };
  } catch (error) {
    // The headers and the timestamp passed above: what the library refuses now is the signature.
    if (error instanceof WebhookVerificationError) return { ok: false, reason: 'no valid signature' };
    throw error;
  }
}
