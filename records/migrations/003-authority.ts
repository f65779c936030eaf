import { sql, type Kysely } from 'kysely';

/**
 * Authority requests (policy 8.1, 7.1; GDPR Art. 28(3)(a)): who asked what and when, whether the law
 * forbade telling the customers and on what basis, when each customer was told, each customer's view
 * on scope and manner before a disclosure, and what was finally disclosed or answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authority_requests')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('request_kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('customer_ids', 'jsonb', (c) => c.notNull())
    .addColumn('disclosure_prohibited', 'boolean', (c) => c.notNull())
    .addColumn('prohibition_basis', 'text')
    .addColumn('prohibition_basis_recorded_at', 'timestamptz')
    .addColumn('prohibition_lifted_at', 'timestamptz')
    .addColumn('prohibition_lift_reason', 'text')
    .addColumn('notice_due_at', 'timestamptz')
    .addColumn('views_due_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('answer_summary', 'text')
    .addColumn('disclosure_scope', 'text')
    .addColumn('disclosure_manner', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('authority_customers')
    .addColumn('request_id', 'text', (c) => c.notNull().references('authority_requests.request_id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('notice_status', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'timestamptz')
    .addColumn('notified_via', 'text')
    .addColumn('notice_problem', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('authority_customers_pk', ['request_id', 'customer_id'])
    .execute();

  // 7.1: every view a customer gave, in order, as evidence that scope and manner were discussed.
  await db.schema
    .createTable('authority_views')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('authority_requests.request_id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('objects_to_disclosure', 'boolean', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('authority_views_request').on('authority_views').columns(['request_id', 'customer_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['authority_views', 'authority_customers', 'authority_requests']) {
    await db.schema.dropTable(table).execute();
  }
}
