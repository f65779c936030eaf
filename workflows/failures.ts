import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * An update validator's refusal: thrown with the reason, which the caller reads (the webhook answers
 * 409 with it; the Web UI shows it to the operator). `type` names the process that refused.
 */
export function refuseWith(type: string, reason: string | undefined): void {
  if (reason !== undefined) throw ApplicationFailure.create({ message: reason, type, nonRetryable: true });
}

/** The activity's own message, beneath the ActivityFailure that wraps it: the useful one for a timeline. */
export function failureMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof ActivityFailure && current.cause) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
