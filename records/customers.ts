import type { Customer } from '../domain/customer';
import type { Language } from '../domain/language';
import type { ConcernedCustomers } from '../domain/subprocessor-change';
import { sql, type Selectable } from 'kysely';
import type { Db } from './database';
import type { CustomersTable } from './schema';

export interface CustomerRepository {
  /** Last writer wins by the event's own timestamp; returns false when a newer version was already stored. */
  upsert(customer: Customer, sourceTimestamp: string): Promise<boolean>;
  get(customerId: string): Promise<Customer | undefined>;
  /** The customers named that are described, by id: one query for a batch's slice. */
  getMany(customerIds: readonly string[]): Promise<Map<string, Customer>>;
  listIds(): Promise<string[]>;
  /**
   * The time zones of the customers named (every customer on record when none are), and whether any
   * named is not described yet: one query, whatever their number.
   */
  timeZonesOf(customerIds: readonly string[] | undefined): Promise<ConcernedCustomers>;
}

export function customerRepository(db: Db): CustomerRepository {
  return {
    async upsert(customer, sourceTimestamp) {
      const row = {
        customer_id: customer.customerId,
        name: customer.name,
        language: customer.language,
        contacts: JSON.stringify(customer.contacts),
        time_zone: customer.timeZone,
        breach_notice_hours: customer.contract.breachNoticeHours ?? null,
        export_window_days: customer.contract.exportWindowDays ?? null,
        source_timestamp: sourceTimestamp,
        updated_at: new Date(),
      };
      const result = await db
        .insertInto('customers')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('customer_id')
            .doUpdateSet(({ ref }) => ({
              name: ref('excluded.name'),
              language: ref('excluded.language'),
              contacts: ref('excluded.contacts'),
              time_zone: ref('excluded.time_zone'),
              breach_notice_hours: ref('excluded.breach_notice_hours'),
              export_window_days: ref('excluded.export_window_days'),
              source_timestamp: ref('excluded.source_timestamp'),
              updated_at: ref('excluded.updated_at'),
            }))
            .whereRef('customers.source_timestamp', '<=', 'excluded.source_timestamp'),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async get(customerId) {
      const row = await db.selectFrom('customers').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      return row && toCustomer(row);
    },

    async getMany(customerIds) {
      if (customerIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('customers')
        .selectAll()
        .where('customer_id', '=', sql<string>`any(${[...customerIds]}::text[])`)
        .execute();
      return new Map(rows.map((row) => [row.customer_id, toCustomer(row)]));
    },

    async timeZonesOf(customerIds) {
      if (customerIds === undefined) {
        const rows = await db.selectFrom('customers').select('time_zone').distinct().execute();
        return { timeZones: rows.map((row) => row.time_zone), undescribed: false };
      }
      const named = [...new Set(customerIds)];
      // One array parameter, not one per id: PostgreSQL takes at most 65,535 parameters in a statement.
      const rows = await db
        .selectFrom('customers')
        .select((eb) => ['time_zone', eb.fn.countAll<string>().as('count')])
        .where('customer_id', '=', sql<string>`any(${named}::text[])`)
        .groupBy('time_zone')
        .execute();
      const described = rows.reduce((sum, row) => sum + Number(row.count), 0);
      return { timeZones: rows.map((row) => row.time_zone), undescribed: described < named.length };
    },

    async listIds() {
      const rows = await db.selectFrom('customers').select('customer_id').orderBy('customer_id').execute();
      return rows.map((row) => row.customer_id);
    },
  };
}

function toCustomer(row: Selectable<CustomersTable>): Customer {
  return {
    customerId: row.customer_id,
    name: row.name,
    language: row.language as Language,
    contacts: row.contacts,
    timeZone: row.time_zone,
    contract: {
      ...(row.breach_notice_hours !== null && { breachNoticeHours: row.breach_notice_hours }),
      ...(row.export_window_days !== null && { exportWindowDays: row.export_window_days }),
    },
  };
}
