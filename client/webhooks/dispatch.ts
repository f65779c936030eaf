import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { breachClosedSignal, breachIncidentInput } from '../../domain/breach';
import { customerUpsertedSignal, type CustomerUpsert } from '../../domain/customer-messages';
import { defaultTimeZone } from '../../domain/language';
import type { WebhookEvent } from '../../domain/events';
import { workflowIds } from '../../domain/ids';
import { searchAttributes } from '../../domain/search-attributes';
import { taskQueue } from '../../domain/task-queue';
import type { breachIncident, customerRecord } from '../../workflows';

/** What the webhook endpoint answers once the event has reached Temporal (or was refused there). */
export type DispatchAnswer =
  | { statusCode: 202; body: { workflowId: string } }
  | { statusCode: 404 | 409 | 501; body: { error: string; workflowId?: string } };

/**
 * Turns one accepted event into the Temporal call of the public contract. Every call is idempotent on
 * its own: deterministic workflow ids with USE_EXISTING, and signals that carry the webhook id.
 */
export async function dispatchEvent(client: Client, event: WebhookEvent, webhookId: string): Promise<DispatchAnswer> {
  switch (event.type) {
    case 'customer.upserted': {
      const { data } = event;
      const workflowId = workflowIds.customer(data.customerId);
      await client.workflow.signalWithStart<typeof customerRecord, [CustomerUpsert]>('customerRecord', {
        workflowId,
        taskQueue,
        args: [{}],
        signal: customerUpsertedSignal,
        signalArgs: [
          {
            customer: {
              customerId: data.customerId,
              name: data.name,
              language: data.language,
              contacts: data.contacts,
              timeZone: data.timezone ?? defaultTimeZone,
              contract: data.contract ?? {},
            },
            sourceTimestamp: event.timestamp,
            webhookId,
          },
        ],
        typedSearchAttributes: [{ key: searchAttributes.process, value: 'customer' }],
        staticSummary: `Customer ${data.customerId}: records kept up to date`,
      });
      return accepted(workflowId);
    }

    case 'breach.detected': {
      const input = breachIncidentInput(event.data, event.timestamp);
      const workflowId = workflowIds.breach(input.incidentId);
      try {
        await client.workflow.start<typeof breachIncident>('breachIncident', {
          workflowId,
          taskQueue,
          args: [input],
          // A second report of a running incident joins it; one of a closed incident is refused.
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: searchAttributes.process, value: 'breach' },
            { key: searchAttributes.status, value: 'notifying' },
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
    }

    case 'breach.closed': {
      const workflowId = workflowIds.breach(event.data.incidentId);
      return signalCase(client, workflowId, `breach ${event.data.incidentId}`, (handle) =>
        handle.signal(breachClosedSignal, { finalReport: event.data.finalReport, closedAt: event.timestamp }),
      );
    }

    default:
      return refused(501, `events of type ${event.type} are part of the contract but their process is not running yet`);
  }
}

const accepted = (workflowId: string): DispatchAnswer => ({ statusCode: 202, body: { workflowId } });
const refused = (statusCode: 404 | 409 | 501, error: string, workflowId?: string): DispatchAnswer => ({
  statusCode,
  body: { error, ...(workflowId && { workflowId }) },
});

/** A fact for a case that must exist and be open: unknown is 404, ended is 409. */
async function signalCase(
  client: Client,
  workflowId: string,
  caseName: string,
  send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
): Promise<DispatchAnswer> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    await send(handle);
    return accepted(workflowId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  try {
    const description = await handle.describe();
    return refused(409, `${caseName} is ${description.status.name.toLowerCase()}; the event was not applied`, workflowId);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return refused(404, `${caseName} is not known`);
    throw error;
  }
}
