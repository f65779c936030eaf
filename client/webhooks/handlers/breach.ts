import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  assessBreachUpdate,
  breachAcknowledgedSignal,
  breachClosedSignal,
  breachIncidentInput,
  breachReportedSignal,
  refuseGrowingIncident,
  breachUpdatedSignal,
  givenFacts,
  type BreachUpdateSignal,
} from '../../../domain/breach';
import { workflowIds } from '../../../domain/ids';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../../../domain/search-attributes';
import { taskQueue } from '../../../domain/task-queue';
import type { breachIncident } from '../../../workflows';
import { accepted, decide, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const breachHandlers: EventHandlers = {
  /**
   * Starts the incident, or, when it is open already, adds the customers this report names that it did
   * not concern yet (they are told with the facts first reported): a repeated report never drops a
   * customer. Signal-with-start does both atomically; a closed incident refuses with 409.
   */
  async 'breach.detected'({ client, records, timestamp }, data) {
    const input = breachIncidentInput(data, timestamp);
    const workflowId = workflowIds.breach(input.incidentId);
    // A repeated report may add customers, up to the most one incident can carry: checked here, where
    // the product can be told, since a signal cannot be refused.
    const known = await records.breaches.get(input.incidentId);
    if (known) {
      const concerned = new Set(known.notifications.map((notification) => notification.customerId));
      const tooMany = refuseGrowingIncident(
        concerned.size,
        input.affectedCustomerIds.filter((customerId) => !concerned.has(customerId)).length,
      );
      if (tooMany) return refused(409, tooMany, workflowId);
    }
    try {
      await client.workflow.signalWithStart<typeof breachIncident, [{ customerIds: string[] }]>('breachIncident', {
        workflowId,
        taskQueue,
        args: [input],
        signal: breachReportedSignal,
        signalArgs: [{ customerIds: input.affectedCustomerIds }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.process, value: 'breach' },
          { key: searchAttributes.status, value: 'notifying' },
          ...(input.affectedCustomerIds.length <= maxCustomerIdsInSearchAttribute
            ? [{ key: searchAttributes.customerIds, value: input.affectedCustomerIds }]
            : []),
        ],
        staticSummary: `Breach ${input.incidentId}: ${input.affectedCustomerIds.length} customer(s) to notify`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return refused(409, `breach ${input.incidentId} is already closed; report a new incident id`, workflowId);
      }
      throw error;
    }
    return accepted(workflowId);
  },

  /**
   * Information in phases (Art. 33(4)), passed to every notified customer. One that confirms or rules out
   * a suspected breach (8.1) is a decision the incident may refuse (409: not suspected, or assessed
   * already), so it goes as an update; the rest as a signal.
   */
  async 'breach.updated'({ client, webhookId, timestamp }, data) {
    const workflowId = workflowIds.breach(data.incidentId);
    const facts = givenFacts(data);
    const update: BreachUpdateSignal = {
      update: data.update,
      measures: data.measures,
      ...(data.contained !== undefined && { contained: data.contained }),
      ...(Object.keys(facts).length > 0 && { facts }),
      at: timestamp,
      key: webhookId,
    };
    const { assessment } = data;
    return sendToCase(client, workflowId, `breach ${data.incidentId}`, (handle) =>
      assessment
        ? decide(workflowId, () => handle.executeUpdate(assessBreachUpdate, { args: [{ ...update, assessment }] }))
        : handle.signal(breachUpdatedSignal, update),
    );
  },

  async 'breach.acknowledged'({ client, records, timestamp }, data) {
    const workflowId = workflowIds.breach(data.incidentId);
    // The register knows which customers an incident concerns; a stranger's acknowledgement is refused.
    const entry = await records.breaches.get(data.incidentId);
    if (entry && !entry.notifications.some((notification) => notification.customerId === data.customerId)) {
      return refused(404, `customer ${data.customerId} is not affected by breach ${data.incidentId}`, workflowId);
    }
    return sendToCase(client, workflowId, `breach ${data.incidentId}`, (handle) =>
      handle.signal(breachAcknowledgedSignal, { customerId: data.customerId, at: timestamp, via: 'webhook' }),
    );
  },

  async 'breach.closed'({ client, timestamp }, data) {
    return sendToCase(client, workflowIds.breach(data.incidentId), `breach ${data.incidentId}`, (handle) =>
      handle.signal(breachClosedSignal, { finalReport: data.finalReport, closedAt: timestamp }),
    );
  },
};
