import { sql, type Kysely } from 'kysely';

/**
 * Every objection the product delivered (`subprocessor.objected`), with the answer it got: the ones the
 * window took and the ones it refused, with the reason (PRODUCT.md: an objection after its window
 * closed is recorded, refused, reason given). A refusal leaves no trace in Temporal, so this is where
 * the privacy team finds it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subprocessor_objections')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    // Not a reference: an objection to a change never reported is kept too (answered 404).
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer', 'integer', (c) => c.notNull())
    .addColumn('refusal', 'text')
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('subprocessor_objections_refusal', sql`(answer = 202) = (refusal is null)`)
    .execute();
  await db.schema
    .createIndex('subprocessor_objections_change')
    .on('subprocessor_objections')
    .columns(['change_id', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('subprocessor_objections').execute();
}
