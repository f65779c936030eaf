import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** The one failure type of a refused update, in every process. */
export const refusedFailureType = 'Refused';

/**
 * An update validator's refusal: the rule is a pure `refuseX(state, request)` in domain/<process>.ts that
 * returns the reason or nothing, and the validator hands it here. The reason is what the caller reads
 * (the webhook answers 409 with it; the Web UI shows it to the operator).
 */
export function refuse(reason: string | undefined): void {
  if (reason !== undefined) throw ApplicationFailure.create({ message: reason, type: refusedFailureType, nonRetryable: true });
}

/** The activity's own message, beneath the ActivityFailure that wraps it: the useful one for a timeline. */
export function failureMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof ActivityFailure && current.cause) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
