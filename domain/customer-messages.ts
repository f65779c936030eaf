import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Customer } from './customer';

export interface CustomerUpsert {
  customer: Customer;
  /** The event's own timestamp: the record keeps the newest description. */
  sourceTimestamp: string;
  webhookId: string;
}

export const customerUpsertedSignal = defineSignal<[CustomerUpsert]>('customerUpserted');
export const pendingUpsertsQuery = defineQuery<number>('pendingUpserts');
