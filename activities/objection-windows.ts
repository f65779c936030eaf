import { Context, heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { workflowIds } from '../domain/ids';
import { searchAttributes } from '../domain/search-attributes';
import {
  objectionWindowSettings,
  type AnnouncedNotice,
  type ObjectionWindowInput,
  type StoredObjectionWindowSettings,
  type SubprocessorChangeNotice,
} from '../domain/subprocessor-change';
import type { customerObjectionWindow } from '../workflows';
import type { ProcessActivityDeps } from './deps';
import { emailObjectionWindow, replacedName } from './subprocessor-change';

/** How many customers one activity handles side by side: enough to hide each call's round trips. */
const parallelCustomers = 32;

export interface StartObjectionWindowsInput {
  change: SubprocessorChangeNotice;
  /** One batch of the customers concerned: their positions among the change's recorded recipients… */
  positions?: { from: number; to: number };
  /** …or the customers themselves (a change started with its customers inline). */
  customerIds?: string[];
  settings: StoredObjectionWindowSettings;
}

export interface StartObjectionWindowsResult {
  /** Customers whose notice a contact accepted here (the rest: their window tries itself). */
  notified: number;
  started: number;
  /** Windows that exist already under their id: running, or closed (a retry, a repeated batch). */
  alreadyExisted: number;
}

/** The progress a retried attempt resumes from (heartbeat details). */
interface Progress extends StartObjectionWindowsResult {
  /** Every customer before this index has been handled. */
  done: number;
}

/**
 * Announces a change to every customer of a batch (5.2): sends each its notice, then starts its
 * `objection-<changeId>-<customerId>` window, an independent workflow on the worker's own task queue,
 * with the notice's outcome in its input; the window's 30 days run from the notice's acceptance.
 *
 * Why here and not in each window, and why not child workflows: a window that sends its own notice costs
 * its start, two workflow tasks and an activity before the customer hears of the change, and a parent's
 * children are started by the server one after another. On the embedded stack a change for 1,000
 * customers took minutes either way (bench/fan-out.ts); sending side by side from one activity brings it
 * near the cost of the emails themselves. The window still owns everything after the notice, and sends
 * the notice itself when the customer is not described yet (its grace) — or when it was started by hand.
 *
 * Idempotent: the notice is sent under the window's own id and step (`change-notice`), so the email log
 * sends it once whoever asks; a window id is started at most once, whatever happened to it since
 * (REJECT_DUPLICATE). A retried batch therefore resends nothing and starts only what is missing, and
 * heartbeats carry the progress so that a retry after a worker's death resumes where it left off.
 */
export function createObjectionWindowActivities(deps: ProcessActivityDeps & { temporal: Client }) {
  return {
    async announceChangeToCustomers(input: StartObjectionWindowsInput): Promise<StartObjectionWindowsResult> {
      const context = Context.current();
      const resumed = context.info.heartbeatDetails as Progress | undefined;
      const progress: Progress = resumed ?? { done: 0, notified: 0, started: 0, alreadyExisted: 0 };
      // The sender heartbeats while it works: it carries the progress as of the last whole slice, not
      // nothing (which would make a retry start the batch over) nor a half slice (counted twice).
      let checkpoint: Progress = { ...progress };
      const sending = { ...deps, heartbeat: () => heartbeat(checkpoint) };
      const { change, settings } = input;
      // The recorded recipients never change, so a retried attempt reads the same batch in the same order.
      const customerIds =
        input.customerIds ??
        (input.positions ? await deps.records.subprocessors.recipients(change.changeId, input.positions.from, input.positions.to) : []);
      const objectionWindowDays = objectionWindowSettings(settings).objectionWindowDays;
      const replaced = await replacedName(deps, change);

      const announceOne = async (customerId: string): Promise<void> => {
        const workflowId = workflowIds.objection(change.changeId, customerId);
        // What the email states; the window counts 30 days from its own start, a moment later.
        const windowClosesAt = new Date(Date.now() + objectionWindowDays * 86_400_000).toISOString();
        const request = { customerId, change, windowClosesAt, email: { kind: 'change-notice' } as const };
        const sent = await emailObjectionWindow(sending, workflowId, request, replaced);
        // An undescribed customer's window sends the notice itself once the product describes it.
        const notice: AnnouncedNotice | undefined = sent.status === 'customer-unknown' ? undefined : sent;
        if (notice?.status === 'sent') progress.notified += 1;
        const args: [ObjectionWindowInput] = [{ change, customerId, settings, ...(notice && { notice }) }];
        try {
          await deps.temporal.workflow.start<typeof customerObjectionWindow>('customerObjectionWindow', {
            workflowId,
            taskQueue: context.info.taskQueue,
            args,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            // Findable in the Web UI from its first instant, before its first task has run.
            typedSearchAttributes: [
              { key: searchAttributes.process, value: 'subprocessor-objection' },
              { key: searchAttributes.customerIds, value: [customerId] },
              { key: searchAttributes.status, value: 'notifying' },
            ],
            staticSummary: `Subprocessor change ${change.changeId}: objection window of customer ${customerId}`,
          });
          progress.started += 1;
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          progress.alreadyExisted += 1;
        }
      };

      // Slices of `parallelCustomers`: a slice is done when all of it is, so `done` is exact.
      while (progress.done < customerIds.length) {
        const slice = customerIds.slice(progress.done, progress.done + parallelCustomers);
        await Promise.all(slice.map(announceOne));
        progress.done += slice.length;
        checkpoint = { ...progress };
        heartbeat(checkpoint);
      }
      return { notified: progress.notified, started: progress.started, alreadyExisted: progress.alreadyExisted };
    },
  };
}
