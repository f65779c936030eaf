import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { MockActivityEnvironment } from '@temporalio/testing';
import { activityOutcomeLogging } from '../../worker/activity-outcome-log';

/**
 * The activity outcome line: the SDK's activity environment runs an activity through the interceptor,
 * and the activity's logger (which the worker's runtime sends to pino) is read back.
 */

function environment(attempt = 1) {
  const entries: LogEntry[] = [];
  const env = new MockActivityEnvironment(
    { activityType: 'notifyCustomerOfDsr', activityId: '3', attempt, workflowType: 'dsrRequest' },
    { interceptors: [activityOutcomeLogging], logger: new DefaultLogger('TRACE', (entry) => entries.push(entry)) },
  );
  const outcomes = () => entries.filter((entry) => entry.message.startsWith('activity '));
  return { env, outcomes };
}

test('a completed activity: its outcome, its duration and the state word of its result, not the result', async () => {
  const { env, outcomes } = environment();
  const result = await env.run(async () => ({ status: 'sent', recipient: 'dpo@customer.example', note: 'Free text' }));
  expect(result).toMatchObject({ status: 'sent' });
  expect(outcomes()).toEqual([
    expect.objectContaining({
      level: 'INFO',
      message: 'activity completed',
      meta: expect.objectContaining({
        activityType: 'notifyCustomerOfDsr',
        workflowType: 'dsrRequest',
        attempt: 1,
        outcome: 'completed',
        resultStatus: 'sent',
        durationMs: expect.any(Number),
      }),
    }),
  ]);
  const logged = JSON.stringify(outcomes().map(({ message, meta }) => ({ message, meta })));
  expect(logged).not.toContain('dpo@customer.example');
  expect(logged).not.toContain('Free text');
});

test('a status that is free text is not logged', async () => {
  const { env, outcomes } = environment();
  await env.run(async () => ({ status: 'Refused by Jan Peeters' }));
  expect(outcomes()[0]!.meta).not.toHaveProperty('resultStatus');
});

test('a failure: its type and message without the address, rethrown as it was', async () => {
  const { env, outcomes } = environment(4);
  const failure = ApplicationFailure.create({
    message: '550 <dpo@customer.example>: no such user',
    type: 'EmailDeferred',
    nonRetryable: true,
  });
  await expect(
    env.run(async () => {
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(outcomes()).toEqual([
    expect.objectContaining({
      message: 'activity failed',
      meta: expect.objectContaining({
        attempt: 4,
        outcome: 'failed',
        errorType: 'EmailDeferred',
        nonRetryable: true,
        reason: '550 <address>: no such user',
      }),
    }),
  ]);
});

test('a cancellation is an outcome of its own', async () => {
  const { env, outcomes } = environment();
  const run = env.run(async () => {
    const { cancelled } = await import('@temporalio/activity');
    await cancelled();
  });
  env.cancel('CANCELLED');
  await expect(run).rejects.toThrow();
  expect(outcomes()).toEqual([
    expect.objectContaining({ message: 'activity cancelled', meta: expect.objectContaining({ outcome: 'cancelled' }) }),
  ]);
});
