import { breachAcknowledgedSignal, breachClosedSignal, breachIncidentInput, breachUpdatedSignal } from '../../../domain/breach';
import { workflowIds } from '../../../domain/ids';
import { openCase, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const breachHandlers: EventHandlers = {
  async 'breach.detected'({ client, timestamp }, data) {
    const input = breachIncidentInput(data, timestamp);
    const workflowId = workflowIds.breach(input.incidentId);
    return openCase(client, 'breachIncident', {
      workflowId,
      args: [input],
      process: 'breach',
      staticSummary: `Breach ${input.incidentId}: ${input.affectedCustomerIds.length} customer(s) to notify`,
      closedReason: `breach ${input.incidentId} is already closed; report a new incident id`,
    });
  },

  async 'breach.updated'({ client, webhookId, timestamp }, data) {
    return sendToCase(client, workflowIds.breach(data.incidentId), `breach ${data.incidentId}`, (handle) =>
      handle.signal(breachUpdatedSignal, {
        update: data.update,
        measures: data.measures,
        ...(data.contained !== undefined && { contained: data.contained }),
        at: timestamp,
        key: webhookId,
      }),
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
