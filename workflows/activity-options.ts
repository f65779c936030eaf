import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Records and email: quick calls whose transient failures (a database restart, an SMTP outage) are
 * retried without limit, because a duty must not be dropped; what cannot succeed is thrown as a
 * non-retryable ApplicationFailure by the activity itself.
 */
export const recordOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Sending to every contact of one customer. The activity heartbeats after each email, so a worker that
 * dies mid-way is noticed after the heartbeat timeout, not after the whole start-to-close timeout; the
 * latter allows for a customer with many contacts on a slow mail server.
 */
export const emailOptions: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
};

/**
 * Starting the workflows of one batch (a few hundred starts). Heartbeats after every few starts carry
 * the progress, so a retry resumes where the last attempt stopped; retried without limit like the rest.
 */
export const fanOutOptions: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
