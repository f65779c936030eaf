import { authorityCustomerRespondedSignal, authorityRequestInput, openingAuthorityStatus } from '../../../domain/authority';
import { workflowIds } from '../../../domain/ids';
import type { authorityRequest } from '../../../workflows';
import { openCase, sendToCase } from '../answers';
import type { EventHandlers } from './types';

export const authorityHandlers: EventHandlers = {
  /** 8.1: an authority's request, or the processor's intent to disclose, starts `authority-<requestId>`. */
  async 'authority.requested'({ client, timestamp }, data) {
    const input = authorityRequestInput(data, timestamp);
    const workflowId = workflowIds.authority(input.requestId);
    return openCase<typeof authorityRequest>(client, 'authorityRequest', {
      workflowId,
      args: [input],
      process: 'authority',
      status: openingAuthorityStatus(input),
      staticSummary: `Authority request ${input.requestId} (${input.requestKind}): ${input.customerIds.length} customer(s)`,
      closedReason: `authority request ${input.requestId} is already closed; report a new request id`,
    });
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
