import { ApplicationFailure } from '@temporalio/common';
import { signedHeaders } from '../webhook-signing/standard-webhooks';

/** Where the product listens for our requests to act (PRODUCT_WEBHOOK_URL, PRODUCT_WEBHOOK_SECRET). */
export interface ProductWebhookTarget {
  url: string;
  /** `whsec_<base64>`, the same Standard Webhooks scheme the product uses towards us. */
  secret: string;
}

export interface ProductWebhookMessage {
  /** Deterministic per case and step: a re-send carries the same id, so that the product acts once. */
  webhookId: string;
  type: string;
  /** Fixed by the caller, so that a re-send is the same body byte for byte. */
  timestamp: string;
  data: Record<string, unknown>;
}

export type ProductWebhookAttempt = { accepted: true; status: number; at: string } | { accepted: false; answer: string; at: string };

/** The failure type a workflow recognises: retrying cannot help until the configuration changes. */
export const productWebhookNotConfigured = 'ProductWebhookNotConfigured';

/** One HTTP call may not hold an activity attempt longer than this; the next attempt follows the retry policy. */
const requestTimeoutMs = 20_000;

/**
 * Delivers one signed event to the product (Standard Webhooks, as PRODUCT.md asks of both directions).
 * Returns the attempt's outcome; the caller records it and throws on a refusal so that Temporal retries
 * (any non-2xx answer and any network failure are worth retrying: the product may be deploying).
 */
export async function deliverProductWebhook(
  target: ProductWebhookTarget | undefined,
  message: ProductWebhookMessage,
): Promise<ProductWebhookAttempt> {
  if (!target) {
    throw ApplicationFailure.nonRetryable(
      'PRODUCT_WEBHOOK_URL and PRODUCT_WEBHOOK_SECRET are not configured, so the product cannot be asked to act; ' +
        'set both and restart the worker',
      productWebhookNotConfigured,
    );
  }
  const body = JSON.stringify({ type: message.type, timestamp: message.timestamp, data: message.data });
  let headers: Record<string, string>;
  try {
    headers = signedHeaders(target.secret, message.webhookId, body);
  } catch (error) {
    throw ApplicationFailure.nonRetryable(`PRODUCT_WEBHOOK_SECRET cannot sign: ${(error as Error).message}`, productWebhookNotConfigured);
  }
  // Only the origin goes into answers and logs: a URL's path or query may carry a token.
  const origin = safeOrigin(target.url);
  try {
    const response = await fetch(target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(requestTimeoutMs) });
    // The body is not needed, but reading it lets the connection be reused.
    await response.arrayBuffer().catch(() => undefined);
    const at = new Date().toISOString();
    if (response.status >= 200 && response.status < 300) return { accepted: true, status: response.status, at };
    return { accepted: false, answer: `${response.status} from ${origin}`, at };
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { accepted: false, answer: `no answer from ${origin}: ${reason}`, at: new Date().toISOString() };
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw ApplicationFailure.nonRetryable('PRODUCT_WEBHOOK_URL is not a URL', productWebhookNotConfigured);
  }
}
