import { customerUpsertedSignal, type CustomerUpsert } from '../../../domain/customer-messages';
import { workflowIds } from '../../../domain/ids';
import { defaultTimeZone } from '../../../domain/language';
import { searchAttributes } from '../../../domain/search-attributes';
import { taskQueue } from '../../../domain/task-queue';
import type { customerRecord } from '../../../workflows';
import { accepted } from '../answers';
import type { EventHandlers } from './types';

export const customerHandlers: EventHandlers = {
  async 'customer.upserted'({ client, webhookId, timestamp }, data) {
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
          sourceTimestamp: timestamp,
          webhookId,
        },
      ],
      typedSearchAttributes: [{ key: searchAttributes.process, value: 'customer' }],
      staticSummary: `Customer ${data.customerId}: records kept up to date`,
    });
    return accepted(workflowId);
  },
};
