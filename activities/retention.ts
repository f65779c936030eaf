import { log } from '@temporalio/activity';
import type { RetentionCounts, RetentionSettings } from '../domain/digests';
import type { Records } from '../records';

/** The retention job's one activity: the statements of records/retention.ts, at the workflow's instant. Logs counts, never content. */
export function createRetentionActivities(deps: { records: Records }) {
  return {
    async applyRetention(input: { at: string; settings: RetentionSettings }): Promise<RetentionCounts> {
      const counts = await deps.records.retention.applyRetention(input.at, input.settings);
      log.info('retention applied', { at: input.at, ...counts });
      return counts;
    },
  };
}
