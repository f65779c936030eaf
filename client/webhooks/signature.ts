import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signatures: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`, keyed by
 * the base64 part of a `whsec_...` secret. Used for the product's webhooks to us and ours to it.
 */
export const timestampToleranceSeconds = 5 * 60;

export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('a webhook secret must be "whsec_" followed by base64');
  return key;
}

export function sign(secret: string, id: string, timestamp: number, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.`).update(rawBody).digest('base64');
  return `v1,${mac}`;
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

export function verify(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  rawBody: Buffer,
  now = new Date(),
): Verification {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp must be Unix seconds' };
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > timestampToleranceSeconds) return { ok: false, reason: 'webhook-timestamp is more than 5 minutes off' };

  // Compared as base64 text: decoding first would let padding and stray characters through.
  const expected = Buffer.from(sign(secret, id, Number(timestamp), rawBody).slice('v1,'.length));
  // The header may list several signatures (a secret being rotated); any v1 match is enough.
  const matches = signature.split(' ').some((candidate) => {
    const [version, encoded] = candidate.split(',', 2);
    if (version !== 'v1' || !encoded) return false;
    const given = Buffer.from(encoded);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'no valid signature' };
}
