import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { customerUpsertedSignal, customerUpsertsQuery, type CustomerUpsert } from '../domain/customer-messages';
import { searchAttributes } from '../domain/search-attributes';
import { handle } from './handlers';

/** How long the workflow stays open for more descriptions of the same customer before it ends. */
const idleBeforeEnd = '1 minute';

/**
 * `customer-<customerId>`: the trail, in Temporal, of the product's descriptions of one customer:
 * when each arrived and whether it was the newest. The webhook endpoint has already written the
 * description to the records (so a breach reported right after finds the customer); this workflow
 * holds no name or address. Signal-with-start opens it again after it ended.
 */
export async function customerRecord(carried: { upserts?: CustomerUpsert[] } = {}): Promise<void> {
  const upserts: CustomerUpsert[] = [...(carried.upserts ?? [])];
  handle(customerUpsertedSignal, (upsert) => {
    if (upserts.some((seen) => seen.webhookId === upsert.webhookId)) return;
    upserts.push(upsert);
    upsertSearchAttributes([{ key: searchAttributes.status, value: 'described' }]);
    setCurrentDetails(
      `last description from the product: ${upsert.sourceTimestamp}${upsert.applied ? '' : ' (older than the stored one: ignored)'}`,
    );
  });
  handle(customerUpsertsQuery, () => upserts);

  let seen = upserts.length;
  for (;;) {
    const more = await condition(() => upserts.length > seen, idleBeforeEnd);
    if (!more) break;
    seen = upserts.length;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof customerRecord>({ upserts: upserts.slice(-20) });
    }
  }
  await condition(allHandlersFinished);
}
