import { workflowIds } from '../../../domain/ids';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../../../domain/search-attributes';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/client';
import type { EventData } from '../../../domain/events';
import {
  objectionReceivedSignal,
  refuseEarlyEffect,
  refuseObjection,
  subprocessorChangeNotice,
  windowObjectedSignal,
  type ObjectionInput,
  type ObjectToChangeMessage,
  type SubprocessorChangeInput,
} from '../../../domain/subprocessor-change';
import { taskQueue } from '../../../domain/task-queue';
import { transferRule, type TransferBasis } from '../../../domain/transfers';
import { SubprocessorChangeRefused } from '../../../records/subprocessors';
import type { subprocessorChange, subprocessorObjection } from '../../../workflows';
import { accepted, invalid, openCase, refused, type DispatchAnswer } from '../answers';
import type { EventContext, EventHandlers } from './types';

/**
 * The subprocessor change process (policy 5.1-5.4, 6). `subprocessor.changed` is checked against
 * policy 6 first (a forbidden transfer is refused with 400 and changes nothing), and against 5.2 (a new
 * subprocessor effective before its customers' windows can close is refused with 400 unless marked
 * `urgent` with a reason), then recorded in the dated register (announced at the event's timestamp) with
 * whom it concerns (every customer when the event names none), then `subprocessor-change-<changeId>`
 * starts and owns every customer's window.
 * `subprocessor.objected` is judged against the customer's window in the records, taken there, and
 * starts `objection-<changeId>~<customerId>` (takeObjection): a late, repeated or empty objection is
 * refused with 409 and the reason.
 */
export const subprocessorHandlers: EventHandlers = {
  async 'subprocessor.changed'({ client, records, timestamp }, data) {
    const workflowId = workflowIds.subprocessorChange(data.changeId);
    let transferBasis: TransferBasis | undefined;
    if (data.action !== 'removed') {
      const verdict = transferRule(data.subprocessor.country, data.subprocessor.safeguard);
      if (!verdict.ok) {
        return invalid('the transfer this change implies is forbidden by policy 6', [
          { path: 'data.subprocessor.safeguard', message: verdict.reason },
        ]);
      }
      transferBasis = verdict.basis;
    }
    const change = subprocessorChangeNotice(data, timestamp, transferBasis);
    // 5.2: a new subprocessor that would take effect before its customers' windows can close is refused
    // unless marked urgent; the windows count from now, when the notices can go out at the earliest.
    // Judged at a change's first report only: a retry after a 503 finds it in the register, and goes on.
    const early =
      change.action === 'removed' || change.urgent !== undefined
        ? undefined
        : refuseEarlyEffect(change, new Date().toISOString(), await records.customers.timeZonesOf(data.customerIds));
    if (early !== undefined && (await records.objectionWindows.changeNotice(change.changeId)) === undefined) {
      return invalid(early, [{ path: 'data.effectiveAt', message: early }]);
    }
    let stored;
    try {
      stored = await records.subprocessors.recordChange({
        changeId: change.changeId,
        action: change.action,
        subprocessor: change.subprocessor,
        ...(change.replaces !== undefined && { replaces: change.replaces }),
        announcedAt: timestamp,
        effectiveAt: change.effectiveAt,
        ...(change.urgent !== undefined && { urgent: change.urgent }),
        // Whom it concerns is fixed with the change: the customers named, or every one on record now.
        ...(data.customerIds !== undefined && { customerIds: data.customerIds }),
      });
    } catch (error) {
      if (error instanceof SubprocessorChangeRefused) return refused(409, error.message, workflowId);
      throw error;
    }
    // A change id names one change for ever: a repeat must be the same change. A delivery answered 503
    // after the register was written converges here: its retry is the same change, announced at the
    // first report, to the recipients fixed then.
    const same =
      stored.action === change.action &&
      stored.subprocessorId === change.subprocessor.id &&
      (stored.replaces ?? undefined) === change.replaces &&
      Date.parse(stored.effectiveAt) === Date.parse(change.effectiveAt) &&
      (stored.urgentReason ?? undefined) === change.urgent?.reason;
    if (!same) {
      return refused(
        409,
        `subprocessor change ${change.changeId} was already announced as another change; report a new change id`,
        workflowId,
      );
    }
    // Announced at the first report, whatever the repeat's timestamp.
    change.announcedAt = stored.announcedAt;
    // The workflow reads the customers from the records a batch at a time; only a few are listed for the
    // Web UI's search by customer.
    const input: SubprocessorChangeInput = { change, recipients: stored.recipients };
    const searchable =
      stored.recipients <= maxCustomerIdsInSearchAttribute
        ? await records.subprocessors.recipients(change.changeId, 0, stored.recipients)
        : undefined;
    const answer = await openCase<typeof subprocessorChange>(client, 'subprocessorChange', {
      workflowId,
      args: [input],
      process: 'subprocessor-change',
      ...(searchable !== undefined && { customerIds: searchable }),
      staticSummary: `Subprocessor change ${change.changeId}: ${change.action} ${change.subprocessor.id} (${stored.recipients} customer(s))`,
      closedReason: `subprocessor change ${change.changeId} was already announced`,
    });
    // A change whose workflow has ended (every window closed): a repeated report of it is the same fact.
    return answer.statusCode === 409 ? accepted(workflowId) : answer;
  },

  async 'subprocessor.objected'(context, data) {
    return takeObjection(context, data, Date.now());
  },
};

/**
 * 5.2: an objection, judged against the customer's window as the records keep it (`refuseObjection`): a
 * late, repeated or empty one is refused with 409 and the reason, before anything reaches Temporal. A
 * taken one is written into the window (only if the window is still in the state it was judged in;
 * otherwise it is judged again), then `objection-<changeId>~<customerId>` is started with it
 * (signal-with-start), which owns what follows, and the change is asked to count its windows again.
 * The same delivery again finds its objection in the window and goes on from there: a retry after a 503
 * starts the objection's workflow that Temporal could not start the first time.
 * `nowMs` is the endpoint's clock (the workflow tests give the test server's, and their own task queue).
 */
export async function takeObjection(
  { client, records, webhookId, queue = taskQueue }: Pick<EventContext, 'client' | 'records' | 'webhookId'> & { queue?: string },
  data: EventData<'subprocessor.objected'>,
  nowMs: number,
): Promise<DispatchAnswer> {
  const { changeId, customerId } = data;
  const workflowId = workflowIds.objection(changeId, customerId);
  const objection: ObjectToChangeMessage = { reasons: data.reasons, receivedAt: data.receivedAt, webhookId };
  const answer = await (async (): Promise<DispatchAnswer | undefined> => {
    for (;;) {
      const window = await records.objectionWindows.get(changeId, customerId);
      if (!window) return refused(404, `the objection window of customer ${customerId} for change ${changeId} is not known`);
      if (window.objection?.webhookId === webhookId) return undefined;
      const reason = refuseObjection(window, objection, nowMs);
      if (reason !== undefined) return refused(409, reason, workflowId);
      if (await records.objectionWindows.object(changeId, customerId, window.state!, { receivedAt: data.receivedAt, webhookId })) {
        return undefined;
      }
    }
  })();
  if (answer === undefined) {
    const window = (await records.objectionWindows.get(changeId, customerId))!;
    const change = (await records.objectionWindows.changeNotice(changeId))!;
    const input: ObjectionInput = {
      change,
      customerId,
      window: { noticeAcceptedAt: window.noticeAcceptedAt, closesAt: window.closesAt },
    };
    try {
      await client.workflow.signalWithStart<typeof subprocessorObjection, [ObjectToChangeMessage]>('subprocessorObjection', {
        workflowId,
        taskQueue: queue,
        args: [input],
        signal: objectionReceivedSignal,
        signalArgs: [objection],
        // One objection per window, for ever: a repeated delivery after it ended starts nothing.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: searchAttributes.process, value: 'subprocessor-objection' },
          { key: searchAttributes.status, value: 'objected' },
          { key: searchAttributes.customerIds, value: [customerId] },
        ],
        staticSummary: `Subprocessor change ${changeId}: objection of customer ${customerId}`,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    try {
      await client.workflow.getHandle(workflowIds.subprocessorChange(changeId)).signal(windowObjectedSignal, { customerId });
    } catch (error) {
      // The change has ended (its windows closed a week ago and more): nothing left to count.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  const final = answer ?? accepted(workflowId);
  // Taken or refused, the objection is kept with its answer: a refusal leaves no trace in Temporal.
  await records.subprocessors.recordObjection({
    webhookId,
    changeId,
    customerId,
    reasons: data.reasons,
    receivedAt: data.receivedAt,
    answer: final.statusCode as 202 | 404 | 409,
    refusal: final.statusCode === 202 ? null : (final.body as { error: string }).error,
    deliveredAt: new Date(nowMs).toISOString(),
  });
  return final;
}
