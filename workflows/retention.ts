import { log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RetentionCounts, RetentionInput } from '../domain/digests';
import { recordOptions } from './activity-options';
import { nowIso } from './wait';

const { applyRetention } = proxyActivities<Activities>({
  ...recordOptions,
  // Thousands of rows in one transaction may take longer than a single record's write.
  startToCloseTimeout: '10 minutes',
});

/**
 * `dpa-retention`'s daily runs (issue 13; 11.1, Art. 5(1)(e)): whatever is due by the workflow's clock
 * is anonymised or deleted, and the counts logged and returned; never the content.
 */
export async function retention(input: RetentionInput): Promise<RetentionCounts> {
  const at = nowIso();
  const counts = await applyRetention({ at, settings: input.settings });
  log.info('retention applied', { at, ...counts });
  return counts;
}
