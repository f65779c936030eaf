import { sleep } from '@temporalio/workflow';

/** The first pause, doubling up to the longest: a description usually follows within seconds. */
const firstPauseMs = 2_000;
const longestPauseMs = 60_000;

/**
 * A customer the product has not described yet may be on its way (its `customer.upserted` can follow
 * the event that names it). `attempt` is tried, and while `stillUnknown` says its result found no
 * customer, tried again after a pause (2 s, doubling to 60 s) until `graceMinutes` from the first try have
 * passed. Gives back the last try's result, which the process then judges: known, or given up.
 */
export async function untilCustomerDescribed<T>(
  graceMinutes: number,
  attempt: () => Promise<T>,
  stillUnknown: (result: T) => boolean,
): Promise<T> {
  const giveUpAt = Date.now() + graceMinutes * 60_000;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, longestPauseMs)) {
    const result = await attempt();
    if (!stillUnknown(result) || Date.now() >= giveUpAt) return result;
    await sleep(Math.min(pause, giveUpAt - Date.now()), { summary: 'waiting for the customer to be described (customer.upserted)' });
  }
}
