import { workflowIds } from '../../../domain/ids';
import { maxCustomerIdsInSearchAttribute } from '../../../domain/search-attributes';
import {
  objectToChangeUpdate,
  refuseObjection,
  subprocessorChangeNotice,
  type ObjectionWindowState,
  type SubprocessorChangeInput,
} from '../../../domain/subprocessor-change';
import { transferRule, type TransferBasis } from '../../../domain/transfers';
import { SubprocessorChangeRefused } from '../../../records/subprocessors';
import type { subprocessorChange } from '../../../workflows';
import { accepted, decide, invalid, openCase, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

/**
 * The subprocessor change process (policy 5.1-5.4, 6). `subprocessor.changed` is checked against
 * policy 6 first (a forbidden transfer is refused with 400 and changes nothing), then recorded in the
 * dated register (announced at the event's timestamp), then `subprocessor-change-<changeId>` starts one
 * objection window per customer concerned (every customer when the event names none).
 * `subprocessor.objected` is the update `objectToChange` of `objection-<changeId>-<customerId>`, under
 * the delivery's webhook-id as update id: a late, repeated or empty objection is refused with 409 and
 * the workflow's reason.
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
    let stored;
    try {
      stored = await records.subprocessors.recordChange({
        changeId: change.changeId,
        action: change.action,
        subprocessor: change.subprocessor,
        ...(change.replaces !== undefined && { replaces: change.replaces }),
        announcedAt: timestamp,
        effectiveAt: change.effectiveAt,
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
      Date.parse(stored.effectiveAt) === Date.parse(change.effectiveAt);
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
    // The change workflow ends once every window has started: a repeated report of it is the same fact.
    return answer.statusCode === 409 ? accepted(workflowId) : answer;
  },

  async 'subprocessor.objected'({ client, records, webhookId }, data) {
    const workflowId = workflowIds.objection(data.changeId, data.customerId);
    const objection = { reasons: data.reasons, receivedAt: data.receivedAt, webhookId };
    const answer = await sendToCase(
      client,
      workflowId,
      `the objection window of customer ${data.customerId} for change ${data.changeId}`,
      (handle) => decide(workflowId, () => handle.executeUpdate(objectToChangeUpdate, { args: [objection], updateId: webhookId })),
      // A window that has ended says why from its final state, as its validator would have.
      async (handle, status) =>
        status === 'completed' ? refuseObjection((await handle.result()) as ObjectionWindowState, objection, Date.now()) : undefined,
    );
    // Taken or refused, the objection is kept with its answer: a refusal leaves no trace in Temporal.
    if (answer.statusCode === 202 || answer.statusCode === 404 || answer.statusCode === 409) {
      await records.subprocessors.recordObjection({
        webhookId,
        changeId: data.changeId,
        customerId: data.customerId,
        reasons: data.reasons,
        receivedAt: data.receivedAt,
        answer: answer.statusCode,
        refusal: answer.statusCode === 202 ? null : answer.body.error,
        deliveredAt: new Date().toISOString(),
      });
    }
    return answer;
  },
};
