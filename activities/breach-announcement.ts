import { log } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  breachUpdatedSignal,
  incidentClosedSignal,
  noticeAcknowledgedSignal,
  type AnnouncedBreachNotice,
  type BreachAcknowledgedSignal,
  type BreachClosedSignal,
  type BreachFacts,
  type BreachNoticeInput,
  type BreachSettings,
  type BreachUpdateSignal,
} from '../domain/breach';
import { workflowIds } from '../domain/ids';
import { setEntry } from '../domain/own-keys';
import type { breachCustomerNotice } from '../workflows';
import { parallelCustomers, resumableBatch, startCustomerCase } from './customer-batch';
import { notifyCustomerOfBreach, type BreachActivityDeps } from './breach';

export interface AnnounceBreachInput {
  incidentId: string;
  facts: BreachFacts;
  settings: BreachSettings;
  /** One batch of the customers concerned, in the incident's order. */
  customerIds: string[];
  noticeAt: string;
}

export interface AnnounceBreachResult {
  /** Customers whose notice a contact's mail server accepted here. */
  notified: number;
  /** Customers none of whose contacts accepted the notice, with the reason (no address in it). */
  undeliverable: Record<string, string>;
  /** Customers whose notice their own workflow delivers: not described yet, or the mail server failing now. */
  handedOver: string[];
}

interface AnnounceProgress extends AnnounceBreachResult {
  done: number;
}

export type BreachNoticeMessage =
  | { kind: 'update'; update: BreachUpdateSignal }
  | { kind: 'closed'; report: BreachClosedSignal & { measures: string[] } }
  | { kind: 'acknowledged'; acknowledgement: BreachAcknowledgedSignal };

/**
 * The incident's side of its customers (8.1): notices sent side by side from activities, each followed
 * by the start of that customer's `breach-<incidentId>~<customerId>` workflow, which owns everything
 * after the notice (reminders, updates, the final report). The subprocessor announcement does the same
 * (activities/objection-windows.ts says why: child workflows are started one after another, and each
 * would cost a start and two tasks before its customer hears anything).
 *
 * Notices wait for nobody: a customer whose notice cannot go out now (not described yet, the mail server
 * failing) is handed to its own workflow at once, which waits and retries with the contract's deadline
 * watched, while the rest of the batch goes on. Idempotent: the notice is sent under the notice
 * workflow's id and step, so the email log sends it once whoever asks, and a notice workflow is started
 * once (REJECT_DUPLICATE); heartbeats carry the progress, so a retry resumes where the last attempt
 * stopped.
 */
export function createBreachAnnouncementActivities(deps: BreachActivityDeps & { temporal: Client }) {
  return {
    async announceBreachToCustomers(input: AnnounceBreachInput): Promise<AnnounceBreachResult> {
      const batch = resumableBatch<AnnounceProgress>({ done: 0, notified: 0, undeliverable: {}, handedOver: [] });
      const { progress } = batch;
      const sending = { ...deps, heartbeat: batch.heartbeat };

      const announceOne = async (customerId: string): Promise<void> => {
        const workflowId = workflowIds.breachNotice(input.incidentId, customerId);
        let notice: AnnouncedBreachNotice | undefined;
        try {
          const result = await notifyCustomerOfBreach(sending, workflowId, {
            incidentId: input.incidentId,
            customerId,
            facts: input.facts,
            noticeAt: input.noticeAt,
          });
          if (result.status !== 'customer-unknown') notice = result;
        } catch (error) {
          // A fault of ours or of the mail server: the customer's own workflow retries, with its clocks.
          log.warn('breach notice handed to its workflow after a failed attempt', { workflowId, error: (error as Error).message });
        }
        if (notice?.status === 'notified') progress.notified += 1;
        else if (notice?.status === 'undeliverable') setEntry(progress.undeliverable, customerId, notice.problem);
        else progress.handedOver.push(customerId);
        const args: [BreachNoticeInput] = [
          {
            incidentId: input.incidentId,
            customerId,
            facts: input.facts,
            settings: input.settings,
            incidentWorkflowId: workflowIds.breach(input.incidentId),
            ...(notice && { notice }),
          },
        ];
        // Started by an earlier attempt: what it was started with stands.
        await startCustomerCase<typeof breachCustomerNotice>(deps.temporal, 'breachCustomerNotice', {
          workflowId,
          args,
          process: 'breach-notice',
          customerId,
          status: notice?.status ?? 'notifying',
          staticSummary: `Breach ${input.incidentId}: notice to customer ${customerId}`,
        });
      };

      await batch.run(input.customerIds, announceOne);
      return { notified: progress.notified, undeliverable: progress.undeliverable, handedOver: progress.handedOver };
    },

    /**
     * Passes one message of the incident (an update, an acknowledgement, the closure) to the notice
     * workflow of each customer of a batch. A notice workflow that has ended or never started is counted,
     * not an error: the incident must never fail because one of its customers' workflows is gone.
     */
    async passToBreachNotices(input: {
      incidentId: string;
      customerIds: string[];
      message: BreachNoticeMessage;
    }): Promise<{ delivered: number; missing: string[] }> {
      const batch = resumableBatch<{ done: number; delivered: number; missing: string[] }>({ done: 0, delivered: 0, missing: [] });
      const { progress } = batch;
      const passOne = async (customerId: string): Promise<void> => {
        const handle = deps.temporal.workflow.getHandle(workflowIds.breachNotice(input.incidentId, customerId));
        const { message } = input;
        try {
          if (message.kind === 'update') await handle.signal(breachUpdatedSignal, message.update);
          else if (message.kind === 'closed') await handle.signal(incidentClosedSignal, message.report);
          else await handle.signal(noticeAcknowledgedSignal, message.acknowledgement);
          progress.delivered += 1;
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          progress.missing.push(customerId);
        }
      };
      // A signal is one round trip to the server and no email: twice as many side by side.
      await batch.run(input.customerIds, passOne, parallelCustomers * 2);
      return { delivered: progress.delivered, missing: progress.missing };
    },
  };
}
