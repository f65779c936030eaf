import { dsrActionCompletedUpdate, dsrExtendedUpdate, dsrInstructedUpdate, dsrRequestInput } from '../../../domain/dsr';
import { workflowIds } from '../../../domain/ids';
import { refuseNewCaseForEndedContract } from '../../../domain/termination';
import type { dsrRequest } from '../../../workflows';
import { decide, openCase, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

/**
 * The data subject request process (policy 10.1-10.2). `dsr.received` starts `dsr-<requestId>`; the
 * customer's instruction, an extension and the product's confirmation are Temporal updates, so that the
 * workflow's own state decides, atomically, whether they fit: a refusal (a second, conflicting
 * instruction; a third month of extension; a confirmation of an action nobody asked for) is answered
 * 409 with the validator's reason and, being a rejected update, leaves no event in the history. A
 * query-then-signal would race with a second delivery arriving in between, and a signal cannot say no.
 *
 * Each update carries the delivery's webhook-id as its update id, so a redelivery is answered from the
 * first one by Temporal itself, and the workflow remembers the ids it applied as well.
 */
export const dsrHandlers: EventHandlers = {
  async 'dsr.received'(context, data) {
    const workflowId = workflowIds.dsr(data.requestId);
    // 13: no new request for a customer whose contract ended; a request reported before (a retried delivery) goes on.
    const ended = refuseNewCaseForEndedContract(
      data.customerId,
      await context.records.terminations.ended(data.customerId),
      'data subject request',
    );
    if (ended && !(await context.records.dsr.get(data.requestId))) return refused(409, ended, workflowId);
    // The subject's address is personal data: it goes to the records, never into Temporal (no workflow
    // input, memo, search attribute or id). Written first, so that the workflow's activities find it.
    // A 503 after this write leaves the receipt: the retried delivery finds the same facts
    // ('already-recorded', not a conflict) and starts the one case.
    const receipt = await context.records.dsr.recordReceipt({
      requestId: data.requestId,
      customerId: data.customerId,
      requestType: data.requestType,
      receivedAt: data.receivedAt,
      reportedAt: context.timestamp,
      ...(data.subjectEmail !== undefined && { subjectEmail: data.subjectEmail }),
    });
    if (receipt.outcome === 'conflict') {
      return refused(
        409,
        `data subject request ${data.requestId} was already reported with another ${receipt.differs.join(', ')}; ` +
          'a request id names one request, so report a new one under a new id',
        workflowId,
      );
    }
    const input = dsrRequestInput(data, context.timestamp);
    return openCase<typeof dsrRequest>(context.client, 'dsrRequest', {
      workflowId,
      args: [input],
      process: 'dsr',
      customerIds: [data.customerId],
      staticSummary: `Data subject request ${data.requestId} (${data.requestType}) for customer ${data.customerId}`,
      closedReason: `data subject request ${data.requestId} is already closed; report a new request id`,
    });
  },

  async 'dsr.instructed'({ client, webhookId, timestamp }, data) {
    const workflowId = workflowIds.dsr(data.requestId);
    return sendToCase(client, workflowId, `data subject request ${data.requestId}`, (handle) =>
      decide(workflowId, () =>
        handle.executeUpdate(dsrInstructedUpdate, {
          args: [
            {
              instruction: data.instruction,
              ...(data.note !== undefined && { note: data.note }),
              receivedAt: timestamp,
              source: 'product',
              webhookId,
            },
          ],
          updateId: webhookId,
        }),
      ),
    );
  },

  async 'dsr.extension-requested'({ client, webhookId, timestamp }, data) {
    const workflowId = workflowIds.dsr(data.requestId);
    return sendToCase(client, workflowId, `data subject request ${data.requestId}`, (handle) =>
      decide(workflowId, () =>
        handle.executeUpdate(dsrExtendedUpdate, {
          args: [
            {
              extraMonths: data.extraMonths,
              ...(data.reason !== undefined && { reason: data.reason }),
              receivedAt: timestamp,
              source: 'product',
              webhookId,
            },
          ],
          updateId: webhookId,
        }),
      ),
    );
  },

  async 'dsr.action-completed'({ client, webhookId }, data) {
    const workflowId = workflowIds.dsr(data.requestId);
    return sendToCase(client, workflowId, `data subject request ${data.requestId}`, (handle) =>
      decide(workflowId, () =>
        handle.executeUpdate(dsrActionCompletedUpdate, {
          args: [
            {
              action: data.action,
              completedAt: data.completedAt,
              ...(data.note !== undefined && { note: data.note }),
              source: 'product',
              webhookId,
            },
          ],
          updateId: webhookId,
        }),
      ),
    );
  },
};
