import { condition, continueAsNew, proxyActivities, setHandler, allHandlersFinished, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { customerUpsertedSignal, pendingUpsertsQuery, type CustomerUpsert } from '../domain/customer-messages';
import { recordOptions } from './activity-options';

const { upsertCustomer } = proxyActivities<Activities>(recordOptions);

/** How long the workflow stays open for more descriptions of the same customer before it ends. */
const idleBeforeEnd = '1 minute';

/**
 * `customer-<customerId>`: applies the product's descriptions of a customer to the records, one at a
 * time and in arrival order (signal-with-start opens it again after it ended). The records keep the
 * newest by event timestamp, so a late, older event never overwrites a newer one.
 */
export async function customerRecord(carried: { pending?: CustomerUpsert[] } = {}): Promise<void> {
  const pending: CustomerUpsert[] = [...(carried.pending ?? [])];
  const seen = new Set<string>();
  setHandler(customerUpsertedSignal, (upsert) => {
    if (seen.has(upsert.webhookId)) return;
    seen.add(upsert.webhookId);
    pending.push(upsert);
  });
  setHandler(pendingUpsertsQuery, () => pending.length);

  for (;;) {
    while (pending.length > 0) {
      const next = pending[0]!;
      await upsertCustomer({ customer: next.customer, sourceTimestamp: next.sourceTimestamp });
      pending.shift();
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof customerRecord>({ pending });
      }
    }
    const more = await condition(() => pending.length > 0, idleBeforeEnd);
    if (!more) break;
  }
  await condition(allHandlersFinished);
}
