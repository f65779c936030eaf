/**
 * True when an error means Temporal could not be reached (the product should retry: 503), as opposed
 * to Temporal answering with a refusal. gRPC codes: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === 14 || candidate.code === 4) return true;
    if (
      typeof candidate.message === 'string' &&
      /UNAVAILABLE|DEADLINE_EXCEEDED|ECONNREFUSED|Failed to connect|transport error/i.test(candidate.message)
    ) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}
