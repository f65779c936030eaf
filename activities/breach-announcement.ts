import { Context, heartbeat, log } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
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
import { searchAttributes } from '../domain/search-attributes';
import type { breachCustomerNotice } from '../workflows';
import { notifyCustomerOfBreach, type BreachActivityDeps } from './breach';

/** Customers one activity handles side by side: enough to hide each one's round trips to SMTP, SQL and Temporal. */
const parallelCustomers = 32;

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
  | { kind: 'closed'; closure: BreachClosedSignal & { measures: string[] } }
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
      const context = Context.current();
      const resumed = context.info.heartbeatDetails as AnnounceProgress | undefined;
      const progress: AnnounceProgress = resumed ?? { done: 0, notified: 0, undeliverable: {}, handedOver: [] };
      // The sender heartbeats while it works; it must carry the progress as of the last whole slice, or a
      // retry would start the batch over (or, mid-slice, count a customer twice).
      let checkpoint = structuredClone(progress);
      const sending = { ...deps, heartbeat: () => heartbeat(checkpoint) };

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
        else if (notice?.status === 'undeliverable') progress.undeliverable[customerId] = notice.problem;
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
        try {
          await deps.temporal.workflow.start<typeof breachCustomerNotice>('breachCustomerNotice', {
            workflowId,
            taskQueue: context.info.taskQueue,
            args,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            typedSearchAttributes: [
              { key: searchAttributes.process, value: 'breach-notice' },
              { key: searchAttributes.customerIds, value: [customerId] },
              { key: searchAttributes.status, value: notice?.status ?? 'notifying' },
            ],
            staticSummary: `Breach ${input.incidentId}: notice to customer ${customerId}`,
          });
        } catch (error) {
          // Started by an earlier attempt: what it was started with stands.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      };

      while (progress.done < input.customerIds.length) {
        const slice = input.customerIds.slice(progress.done, progress.done + parallelCustomers);
        await Promise.all(slice.map(announceOne));
        progress.done += slice.length;
        checkpoint = structuredClone(progress);
        heartbeat(checkpoint);
      }
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
      const progress = (Context.current().info.heartbeatDetails as { done: number; delivered: number; missing: string[] } | undefined) ?? {
        done: 0,
        delivered: 0,
        missing: [],
      };
      const passOne = async (customerId: string): Promise<void> => {
        const handle = deps.temporal.workflow.getHandle(workflowIds.breachNotice(input.incidentId, customerId));
        const { message } = input;
        try {
          if (message.kind === 'update') await handle.signal(breachUpdatedSignal, message.update);
          else if (message.kind === 'closed') await handle.signal(incidentClosedSignal, message.closure);
          else await handle.signal(noticeAcknowledgedSignal, message.acknowledgement);
          progress.delivered += 1;
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          progress.missing.push(customerId);
        }
      };
      while (progress.done < input.customerIds.length) {
        const slice = input.customerIds.slice(progress.done, progress.done + parallelCustomers * 2);
        await Promise.all(slice.map(passOne));
        progress.done += slice.length;
        heartbeat(progress);
      }
      return { delivered: progress.delivered, missing: progress.missing };
    },
  };
}
