import type { Client } from '@temporalio/client';
import { workflowIds } from '../domain/ids';
import {
  objectionWindowSettings,
  type AnnouncedNotice,
  type ObjectionWindowInput,
  type StoredObjectionWindowSettings,
  type SubprocessorChangeNotice,
} from '../domain/subprocessor-change';
import type { customerObjectionWindow } from '../workflows';
import { resumableBatch, startCustomerCase } from './customer-batch';
import type { ProcessActivityDeps } from './deps';
import { emailObjectionWindow, replacedName } from './subprocessor-change';

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
      const batch = resumableBatch<Progress>({ done: 0, notified: 0, started: 0, alreadyExisted: 0 });
      const { progress } = batch;
      const sending = { ...deps, heartbeat: batch.heartbeat };
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
        const started = await startCustomerCase<typeof customerObjectionWindow>(deps.temporal, 'customerObjectionWindow', {
          workflowId,
          args,
          process: 'subprocessor-objection',
          customerId,
          status: 'notifying',
          staticSummary: `Subprocessor change ${change.changeId}: objection window of customer ${customerId}`,
        });
        if (started === 'started') progress.started += 1;
        else progress.alreadyExisted += 1;
      };

      await batch.run(customerIds, announceOne);
      return { notified: progress.notified, started: progress.started, alreadyExisted: progress.alreadyExisted };
    },
  };
}
