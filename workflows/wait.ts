import { condition } from '@temporalio/workflow';

/** Now on the workflow's clock (deterministic in a workflow: the time of the current task). */
export const nowIso = (): string => new Date().toISOString();

/**
 * Waits until `predicate` holds or the stored instant `at` comes, and says which: true when the
 * predicate held. The remaining time is computed from the instant at each call, never carried over, so
 * an extension that moves `at` moves the wait with it. `summary` names the clock in the Web UI's timer.
 */
export async function waitUntil(at: string | number, predicate: () => boolean, summary: string): Promise<boolean> {
  if (predicate()) return true;
  const atMs = typeof at === 'number' ? at : Date.parse(at);
  return condition(predicate, Math.max(atMs - Date.now(), 1), { summary });
}
