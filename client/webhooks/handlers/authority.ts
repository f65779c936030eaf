import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { authorityCustomerRespondedSignal, authorityRequestInput } from '../../../domain/authority';
import { workflowIds } from '../../../domain/ids';
import { searchAttributes } from '../../../domain/search-attributes';
import { taskQueue } from '../../../domain/task-queue';
import type { authorityRequest } from '../../../workflows';
import { accepted, refused, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const authorityHandlers: EventHandlers = {
  /** 8.1: an authority's request, or the processor's intent to disclose, starts `authority-<requestId>`. */
  async 'authority.requested'({ client, timestamp }, data) {
    const input = authorityRequestInput(data, timestamp);
    const workflowId = workflowIds.authority(input.requestId);
    try {
      await client.workflow.start<typeof authorityRequest>('authorityRequest', {
        workflowId,
        taskQueue,
        args: [input],
        // A repeated report of an open request joins it; one of a closed request is refused.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.process, value: 'authority' },
          { key: searchAttributes.status, value: input.disclosureProhibited ? 'prohibited' : 'notifying' },
        ],
        staticSummary: `Authority request ${input.requestId} (${input.requestKind}): ${input.customerIds.length} customer(s)`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return refused(409, `authority request ${input.requestId} is already closed; report a new request id`, workflowId);
      }
      throw error;
    }
    return accepted(workflowId);
  },

  /** 7.1: a customer's view on the scope and manner of a disclosure (a fact: a signal, once per delivery). */
  async 'authority.customer-responded'({ client, webhookId, timestamp }, data) {
    return sendToCase(client, workflowIds.authority(data.requestId), `authority request ${data.requestId}`, (handle) =>
      handle.signal(authorityCustomerRespondedSignal, {
        customerId: data.customerId,
        view: data.view,
        objectsToDisclosure: data.objectsToDisclosure ?? false,
        receivedAt: timestamp,
        webhookId,
      }),
    );
  },
};
