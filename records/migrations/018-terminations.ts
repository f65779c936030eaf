import { sql, type Kysely } from 'kysely';

/**
 * The end of a contract (policy 11.1-11.3, 13), one row per customer:
 * - `terminations`: written by the webhook endpoint when `contract.terminated` arrives (so that a new
 *   case for the customer is refused at once), then by `termination-<customerId>`: the period the notice
 *   states and where it came from, when the mail server accepted the notice (the window's start), the
 *   window's end with every extension, the export, the deletion;
 * - `termination_extensions`: each extension of the export window, with the end it led to;
 * - `termination_deletions`: each store asked to delete (its outgoing webhook id) and its confirmation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('terminations')
    .addColumn('customer_id', 'text', (col) => col.primaryKey())
    .addColumn('terminated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reported_at', 'timestamptz', (col) => col.notNull())
    .addColumn('requested_window_days', 'integer')
    .addColumn('export_window_days', 'integer')
    .addColumn('window_source', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('notice_accepted_at', 'timestamptz')
    .addColumn('export_closes_at', 'timestamptz')
    .addColumn('export_completed_at', 'timestamptz')
    .addColumn('delete_now', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('deletion_started_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('terminations_window_source', sql`window_source in ('event', 'contract', 'setting')`)
    .execute();
  await db.schema
    .createTable('termination_extensions')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('terminations.customer_id'))
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('extra_days', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closes_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('termination_extensions_pk', ['customer_id', 'sequence'])
    .execute();
  await db.schema
    .createTable('termination_deletions')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('terminations.customer_id'))
    .addColumn('store', 'text', (col) => col.notNull())
    .addColumn('webhook_id', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_answer', 'text')
    .addColumn('method', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('reference', 'text')
    .addColumn('last_copy_expires_at', 'timestamptz')
    .addColumn('confirmed_by', 'text')
    .addPrimaryKeyConstraint('termination_deletions_pk', ['customer_id', 'store'])
    .addCheckConstraint('termination_deletions_method', sql`method in ('delete', 'anonymise')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('termination_deletions').execute();
  await db.schema.dropTable('termination_extensions').execute();
  await db.schema.dropTable('terminations').execute();
}
