import { workflowIds } from '../../../domain/ids';
import { recordRemedyAnswerUpdate, recordServicesTerminatedUpdate } from '../../../domain/subprocessor-change';
import { updateCase } from '../answers';
import type { EventHandlers } from './types';

/**
 * The customer's answers after its objection (5.3), delivered by the product to
 * `objection-<changeId>~<customerId>` as Temporal updates: the objection's own state decides whether
 * they fit (no offer to answer, an answer already given, an objection that has ended), and a refusal is
 * answered 409 with the validator's reason and leaves no trace in its history. Each update carries the
 * delivery's webhook-id as its update id, so a redelivery is answered from the first.
 */
export const objectionHandlers: EventHandlers = {
  async 'subprocessor.remedy-answered'({ client, webhookId, timestamp }, data) {
    return updateCase(
      client,
      workflowIds.objection(data.changeId, data.customerId),
      `the objection of customer ${data.customerId} to change ${data.changeId}`,
      recordRemedyAnswerUpdate,
      { accepted: data.accepted, ...(data.reason !== undefined && { reason: data.reason }), receivedAt: timestamp, webhookId },
      webhookId,
    );
  },

  async 'subprocessor.services-terminated'({ client, webhookId, timestamp }, data) {
    return updateCase(
      client,
      workflowIds.objection(data.changeId, data.customerId),
      `the objection of customer ${data.customerId} to change ${data.changeId}`,
      recordServicesTerminatedUpdate,
      { services: data.services, receivedAt: timestamp, webhookId },
      webhookId,
    );
  },
};
