import type { Customer } from '../domain/customer';
import type { Records } from '../records';

export function createCustomerActivities(deps: { records: Records }) {
  return {
    /** Idempotent: the newest description by event timestamp wins, however often this runs. */
    async upsertCustomer(input: { customer: Customer; sourceTimestamp: string }): Promise<{ applied: boolean }> {
      const applied = await deps.records.customers.upsert(input.customer, input.sourceTimestamp);
      return { applied };
    },
  };
}
