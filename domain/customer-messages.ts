import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * That the product described a customer again: ids and instants only. The description itself (names,
 * contact addresses) goes straight to the records and never into a workflow history.
 */
export interface CustomerUpsert {
  /** The event's own timestamp: the records keep the newest description. */
  sourceTimestamp: string;
  webhookId: string;
  /** False when a newer description was already stored (an older event that arrived late). */
  applied: boolean;
}

export const customerUpsertedSignal = defineSignal<[CustomerUpsert]>('customerUpserted');
export const customerUpsertsQuery = defineQuery<CustomerUpsert[]>('customerUpserts');
