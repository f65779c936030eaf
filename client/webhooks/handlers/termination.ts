import { workflowIds } from '../../../domain/ids';
import { deletionConfirmedUpdate, exportCompletedUpdate, exportExtendedUpdate } from '../../../domain/termination';
import type { contractTermination } from '../../../workflows';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { openCase, refused, updateCase, type DispatchAnswer } from '../answers';
import type { EventHandlers } from './types';

/**
 * The end of a contract (policy 11.1-11.3, 13). `contract.terminated` is written to the records first
 * (so that a new case for the customer is refused from then on) and starts `termination-<customerId>`;
 * an extension, the export's completion and each store's deletion confirmation are updates, so that the
 * case's own state decides whether they fit (a 409 with the validator's reason when not), each under
 * the delivery's webhook-id.
 */
export const terminationHandlers: EventHandlers = {
  async 'contract.terminated'(context, data) {
    const workflowId = workflowIds.termination(data.customerId);
    const receipt = await context.records.terminations.recordReceipt({
      customerId: data.customerId,
      terminatedAt: data.terminatedAt,
      reportedAt: context.timestamp,
      ...(data.exportWindowDays !== undefined && { exportWindowDays: data.exportWindowDays }),
    });
    if (receipt.outcome === 'conflict') {
      return refused(
        409,
        `the contract of customer ${data.customerId} was already reported ended with another ${receipt.differs.join(', ')}; ` +
          'a contract ends once: an extension of the export window is contract.export-extended',
        workflowId,
      );
    }
    return openCase<typeof contractTermination>(context.client, 'contractTermination', {
      workflowId,
      args: [
        {
          customerId: data.customerId,
          terminatedAt: data.terminatedAt,
          reportedAt: context.timestamp,
          ...(data.exportWindowDays !== undefined && { exportWindowDays: data.exportWindowDays }),
        },
      ],
      process: 'termination',
      customerIds: [data.customerId],
      staticSummary: `End of contract of customer ${data.customerId}`,
      closedReason: `the end of the contract of customer ${data.customerId} is already completed: its data was deleted`,
    });
  },

  async 'contract.export-extended'({ client, webhookId, timestamp }, data) {
    return updateContractEnd(
      client,
      data.customerId,
      exportExtendedUpdate,
      {
        extraDays: data.extraDays,
        ...(data.reason !== undefined && { reason: data.reason }),
        receivedAt: timestamp,
        source: 'product',
        webhookId,
      },
      webhookId,
    );
  },

  async 'export.completed'({ client, webhookId, timestamp }, data) {
    return updateContractEnd(
      client,
      data.customerId,
      exportCompletedUpdate,
      {
        completedAt: data.completedAt,
        ...(data.deleteNow !== undefined && { deleteNow: data.deleteNow }),
        receivedAt: timestamp,
        source: 'product',
        webhookId,
      },
      webhookId,
    );
  },

  async 'deletion.confirmed'({ client, webhookId }, data) {
    return updateContractEnd(
      client,
      data.customerId,
      deletionConfirmedUpdate,
      {
        store: data.store,
        method: data.method,
        completedAt: data.completedAt,
        reference: data.reference,
        ...(data.lastCopyExpiresAt !== undefined && { lastCopyExpiresAt: data.lastCopyExpiresAt }),
        source: 'product',
        webhookId,
      },
      webhookId,
    );
  },
};

/** An update of the customer's `termination-<customerId>`, under the delivery's webhook-id. */
function updateContractEnd<Ret, Message>(
  client: Client,
  customerId: string,
  update: UpdateDefinition<Ret, [Message]>,
  message: Message,
  webhookId: string,
): Promise<DispatchAnswer> {
  return updateCase(
    client,
    workflowIds.termination(customerId),
    `the end of the contract of customer ${customerId}`,
    update,
    message,
    webhookId,
  );
}
