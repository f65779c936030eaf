import { customerUpsertedSignal, type CustomerUpsert } from '../../../domain/customer-messages';
import { workflowIds } from '../../../domain/ids';
import { defaultTimeZone } from '../../../domain/language';
import { searchAttributes } from '../../../domain/search-attributes';
import { taskQueue } from '../../../domain/task-queue';
import type { customerRecord } from '../../../workflows';
import { accepted } from '../answers';
import type { EventHandlers } from './types';

export const customerHandlers: EventHandlers = {
  /**
   * The description goes to the records first (the newest by event timestamp wins, whatever the order
   * of arrival), so that contact addresses never travel through Temporal and an event that follows
   * at once finds the customer. Temporal gets the fact that it happened.
   *
   * When Temporal cannot be reached (503), the description stays written: the retried delivery writes
   * the same row again (same event timestamp) and signals once, so it converges. Undoing the write
   * instead could erase a newer description stored in between.
   */
  async 'customer.upserted'({ client, records, webhookId, timestamp }, data) {
    const applied = await records.customers.upsert(
      {
        customerId: data.customerId,
        name: data.name,
        language: data.language,
        contacts: data.contacts,
        timeZone: data.timezone ?? defaultTimeZone,
        contract: data.contract ?? {},
      },
      timestamp,
    );
    const workflowId = workflowIds.customer(data.customerId);
    await client.workflow.signalWithStart<typeof customerRecord, [CustomerUpsert]>('customerRecord', {
      workflowId,
      taskQueue,
      args: [{}],
      signal: customerUpsertedSignal,
      signalArgs: [{ sourceTimestamp: timestamp, webhookId, applied }],
      typedSearchAttributes: [{ key: searchAttributes.process, value: 'customer' }],
      staticSummary: `Customer ${data.customerId}: descriptions received from the product`,
    });
    return accepted(workflowId);
  },
};
