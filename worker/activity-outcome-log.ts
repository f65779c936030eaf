import { CancelledFailure, CompleteAsyncError, type Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInboundCallsInterceptor, ActivityInterceptorsFactory } from '@temporalio/worker';
import { withoutAddresses } from '../activities/email/send-email';

type ExecuteInput = Parameters<NonNullable<ActivityInboundCallsInterceptor['execute']>>[0];

/**
 * One log line per activity attempt at info, in one place instead of in every activity: how it ended
 * and how long it took, on the activity's own logger, which adds its ids (activity type and id, workflow
 * id and type, attempt, task queue) and writes through the product's pino (worker/runtime.ts). Ids and
 * states only: arguments and results (addresses, names, notes) are never logged; a failure gives its
 * type and its message with any address replaced. The SDK's own lines (started, completed at debug; a
 * failure with its stack at warn) stay as they are.
 */
export const activityOutcomeLogging: ActivityInterceptorsFactory = (context) => ({ inbound: new ActivityOutcomeLog(context) });

class ActivityOutcomeLog implements ActivityInboundCallsInterceptor {
  constructor(private readonly context: Context) {}

  async execute(input: ExecuteInput, next: (input: ExecuteInput) => Promise<unknown>): Promise<unknown> {
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      const result = await next(input);
      this.context.log.info('activity completed', { outcome: 'completed', ...resultStatus(result), durationMs: durationMs() });
      return result;
    } catch (error) {
      if (error instanceof CompleteAsyncError) {
        this.context.log.info('activity left to complete asynchronously', { outcome: 'async', durationMs: durationMs() });
        throw error;
      }
      const cancelled = error instanceof CancelledFailure || this.context.cancellationSignal.aborted;
      const failure = error instanceof ApplicationFailure ? error : undefined;
      this.context.log.info(cancelled ? 'activity cancelled' : 'activity failed', {
        outcome: cancelled ? 'cancelled' : 'failed',
        errorType: failure?.type ?? (error instanceof Error ? error.name : typeof error),
        ...(failure?.nonRetryable && { nonRetryable: true }),
        reason: withoutAddresses(error instanceof Error ? error.message : String(error)).slice(0, 500),
        durationMs: durationMs(),
      });
      throw error;
    }
  }
}

/**
 * A result's own state word (an email's `sent` or `rejected`, a lookup's `known`), when it has one: a
 * short lower-case word, never free text.
 */
function resultStatus(result: unknown): { resultStatus?: string } {
  const status = typeof result === 'object' && result !== null ? (result as { status?: unknown }).status : undefined;
  return typeof status === 'string' && /^[a-z][a-z-]{0,31}$/.test(status) ? { resultStatus: status } : {};
}
