import { sql, type Kysely } from 'kysely';

/**
 * Who each subprocessor change concerns (policy 5.2), fixed when the change is first reported: the
 * customers it names, or every customer on record at that moment. The announcement reads them from
 * here a batch at a time, so a change for any number of customers carries none of their ids in its
 * workflow's input; and the register can say, for ever, whom a change was announced to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subprocessor_change_recipients')
    .addColumn('change_id', 'text', (c) => c.notNull().references('subprocessor_changes.change_id'))
    // 0, 1, 2, ... in the order of the announcement: batches are ranges of it.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subprocessor_change_recipients_pk', ['change_id', 'position'])
    .addUniqueConstraint('subprocessor_change_recipients_once', ['change_id', 'customer_id'])
    .addCheckConstraint('subprocessor_change_recipients_position', sql`position >= 0`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('subprocessor_change_recipients').execute();
}
