import { Context, heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import { WorkflowIdReusePolicy, type Workflow } from '@temporalio/common';
import { searchAttributes } from '../domain/search-attributes';

/** Customers one activity handles side by side: enough to hide each one's round trips to SMTP, SQL and Temporal. */
export const parallelCustomers = 32;

/**
 * One batch of customers, handled `parallelCustomers` at a time by a heartbeating activity. The
 * progress (`done` and whatever the caller counts) is the heartbeat's detail as of the last whole slice,
 * so a retried attempt resumes there: neither over from the start nor counting half a slice twice. The
 * sender's own heartbeats (it beats while it waits on a mail server) carry that same checkpoint: a
 * heartbeat without detail would wipe it.
 */
export function resumableBatch<P extends { done: number }>(fresh: P) {
  const resumed = Context.current().info.heartbeatDetails as P | undefined;
  const progress: P = resumed ?? fresh;
  let checkpoint = structuredClone(progress);
  return {
    progress,
    /** For the sender: beats with the last checkpoint. */
    heartbeat: (): void => heartbeat(checkpoint),
    /** Handles every customer from `progress.done` on, `parallel` at a time, and checkpoints after each slice. */
    run(customerIds: readonly string[], handleOne: (customerId: string) => Promise<void>, parallel = parallelCustomers): Promise<P> {
      return this.runSlices(customerIds, async (slice) => void (await Promise.all(slice.map(handleOne))), parallel);
    },
    /** `run`, a whole slice handed to one call: for work done for the slice together (one query, one statement). */
    async runSlices(
      customerIds: readonly string[],
      handleSlice: (slice: string[]) => Promise<void>,
      parallel = parallelCustomers,
    ): Promise<P> {
      while (progress.done < customerIds.length) {
        const slice = customerIds.slice(progress.done, progress.done + parallel);
        await handleSlice(slice);
        progress.done += slice.length;
        checkpoint = structuredClone(progress);
        heartbeat(checkpoint);
      }
      return progress;
    },
  };
}

/**
 * Starts one customer's own case workflow on this activity's task queue, findable in the Web UI from its
 * first instant (process, customer, status), once per id whatever happened to it since
 * (REJECT_DUPLICATE). A case an earlier attempt started stands as it was started: `already-started`.
 */
export async function startCustomerCase<W extends Workflow>(
  client: Client,
  workflowType: string,
  options: Pick<WorkflowStartOptions<W>, 'workflowId' | 'args' | 'staticSummary'> & {
    process: string;
    customerId: string;
    status: string;
  },
): Promise<'started' | 'already-started'> {
  try {
    await client.workflow.start<W>(workflowType, {
      workflowId: options.workflowId,
      args: options.args,
      staticSummary: options.staticSummary,
      taskQueue: Context.current().info.taskQueue,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: searchAttributes.process, value: options.process },
        { key: searchAttributes.customerIds, value: [options.customerId] },
        { key: searchAttributes.status, value: options.status },
      ],
    } as WorkflowStartOptions<W>);
    return 'started';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
    throw error;
  }
}
