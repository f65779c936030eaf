import {
  auditCancelledUpdate,
  auditConfidentialityConfirmedUpdate,
  auditDateProposedUpdate,
  isEarlyEnough,
  type AuditRequestInput,
} from '../../../domain/audit';
import { earliestAuditDate } from '../../../domain/clocks';
import { workflowIds } from '../../../domain/ids';
import { refuseNewCaseForEndedContract } from '../../../domain/termination';
import type { auditRequest } from '../../../workflows';
import { accepted, decide, openCase, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

/**
 * The audit process (policy 12.1-12.4). `audit.requested` starts `audit-<auditId>` and is answered
 * with the earliest date 12.2 allows and the date fixed (null when the proposed one is too early, in
 * which case the customer is asked by email for another one). The customer's later date, its
 * confirmation that the auditors are bound, and a cancellation are Temporal updates under the delivery's
 * webhook-id: the case's own state decides, and a refusal is a 409 with the reason.
 *
 * A customer the product has not described (no customer.upserted) is refused with 409 and nothing is
 * kept: its calendar (time zone) decides the notice and its contacts receive the invitation, and unlike
 * a breach nothing is lost by waiting, since the audit is at least 30 working days away. The product
 * describes the customer and sends the request again.
 *
 * The auditor's name, address and organisation go to the records only, never into Temporal.
 */
export const auditHandlers: EventHandlers = {
  async 'audit.requested'(context, data) {
    const workflowId = workflowIds.audit(data.auditId);
    // 13: no new audit for a customer whose contract ended; a request reported before (a retried delivery) goes on.
    const ended = refuseNewCaseForEndedContract(data.customerId, await context.records.terminations.ended(data.customerId), 'audit');
    if (ended && !(await context.records.audits.get(data.auditId))) return refused(409, ended, workflowId);
    const customer = await context.records.customers.get(data.customerId);
    if (!customer) {
      return refused(
        409,
        `customer ${data.customerId} is not known (no customer.upserted): its calendar decides the notice of policy 12.2 ` +
          'and its contacts receive the invitation; describe the customer, then send the request again',
      );
    }
    const timeZone = customer.timeZone;
    // 12.2 counts from the day the request reached us: a timestamp the product dated back (or a
    // delivery it held back) must not shorten the notice.
    const receivedAt = context.receivedAt;
    const earliestDate = earliestAuditDate(receivedAt, timeZone);
    const receipt = await context.records.audits.recordReceipt({
      auditId: data.auditId,
      customerId: data.customerId,
      proposedDate: data.proposedDate,
      receivedAt,
      timeZone,
      earliestDate,
      auditor: data.auditor,
      ...(data.scope !== undefined && { scope: data.scope }),
    });
    if (receipt.outcome === 'conflict') {
      return refused(
        409,
        `audit ${data.auditId} was already requested with another ${receipt.differs.join(', ')}; an audit id names one ` +
          'audit: propose another date with audit.date-proposed, or request a new audit under a new id',
        workflowId,
      );
    }
    // A request reported again counts from its first receipt, as the case does.
    const first = receipt.outcome === 'already-recorded' ? receipt.receipt : { receivedAt, timeZone };
    const input: AuditRequestInput = {
      auditId: data.auditId,
      customerId: data.customerId,
      proposedDate: data.proposedDate,
      receivedAt: first.receivedAt,
      timeZone: first.timeZone,
    };
    const earliest = earliestAuditDate(first.receivedAt, first.timeZone);
    const answer = await openCase<typeof auditRequest>(context.client, 'auditRequest', {
      workflowId,
      args: [input],
      process: 'audit',
      status: 'opening',
      customerIds: [data.customerId],
      staticSummary: `Audit ${data.auditId} for customer ${data.customerId}`,
      closedReason: `audit ${data.auditId} has ended; request a new audit under a new id`,
    });
    if (answer.statusCode !== 202) return answer;
    const date = isEarlyEnough({ earliestDate: earliest }, data.proposedDate) ? data.proposedDate : null;
    return accepted(workflowId, { earliestDate: earliest, date });
  },

  async 'audit.date-proposed'({ client, records, webhookId, timestamp }, data) {
    const workflowId = workflowIds.audit(data.auditId);
    let result: { date: string | null; earliestDate: string } | undefined;
    const answer = await sendToCase(client, workflowId, `audit ${data.auditId}`, (handle) =>
      decide(workflowId, async () => {
        result = await handle.executeUpdate(auditDateProposedUpdate, {
          args: [{ proposedDate: data.proposedDate, receivedAt: timestamp, source: 'product', webhookId }],
          updateId: webhookId,
        });
      }),
    );
    if (answer.statusCode === 202 && result) {
      return accepted(workflowId, { earliestDate: result.earliestDate, date: result.date });
    }
    // A refusal for want of notice names the earliest date, as the case computed it from the records' receipt.
    const earliestDate = (await records.audits.get(data.auditId))?.earliestDate;
    if (answer.statusCode === 409 && earliestDate !== undefined && !isEarlyEnough({ earliestDate }, data.proposedDate)) {
      return refused(409, answer.body.error, workflowId, { earliestDate });
    }
    return answer;
  },

  async 'audit.confidentiality-confirmed'({ client, webhookId, timestamp }, data) {
    const workflowId = workflowIds.audit(data.auditId);
    return sendToCase(client, workflowId, `audit ${data.auditId}`, (handle) =>
      decide(workflowId, () =>
        handle.executeUpdate(auditConfidentialityConfirmedUpdate, {
          args: [
            { ...(data.reference !== undefined && { reference: data.reference }), confirmedAt: timestamp, source: 'product', webhookId },
          ],
          updateId: webhookId,
        }),
      ),
    );
  },

  async 'audit.cancelled'({ client, webhookId, timestamp }, data) {
    const workflowId = workflowIds.audit(data.auditId);
    return sendToCase(client, workflowId, `audit ${data.auditId}`, (handle) =>
      decide(workflowId, () =>
        handle.executeUpdate(auditCancelledUpdate, {
          args: [{ ...(data.reason !== undefined && { reason: data.reason }), cancelledAt: timestamp, source: 'product', webhookId }],
          updateId: webhookId,
        }),
      ),
    );
  },
};
