import { sql, type Kysely } from 'kysely';

/**
 * Unlawful instructions in the order of policy 3.2: the customer is told and given a response period
 * (`response_due_at`) while the instruction is `flagged`; only then, or at once by an operator, is it
 * `suspended`, with when and why (`suspended_at`, `suspension_cause`: no-answer | refused | operator, and
 * the operator's or the customer's reason). An instruction answered before any suspension is
 * `carried-out` rather than `resumed`. Rows of before this migration were suspended when flagged.
 *
 * Every revision the customer sends (`instruction_revisions`) is judged by an operator before it is
 * carried out (3.2: "zodat deze niet langer in strijd is"): accepted or rejected, with the reason.
 *
 * 3.4: a customer's notice that it cannot meet its obligations (`cannot_comply_notices`), kept once per
 * notice id, with when the privacy team's address took the alert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('instructions')
    .addColumn('response_due_at', 'timestamptz')
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('suspension_cause', 'text')
    .addColumn('suspension_reason', 'text')
    .execute();

  await db.schema
    .createTable('instruction_revisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('instruction_id', 'text', (c) => c.notNull().references('instructions.instruction_id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted', 'boolean')
    .addColumn('judgement_reason', 'text')
    .addColumn('judged_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('instruction_revisions_sequence', ['instruction_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('cannot_comply_notices')
    .addColumn('notice_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('obligation', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('team_alerted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cannot_comply_notices_customer').on('cannot_comply_notices').column('customer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cannot_comply_notices').execute();
  await db.schema.dropTable('instruction_revisions').execute();
  await db.schema
    .alterTable('instructions')
    .dropColumn('suspension_reason')
    .dropColumn('suspension_cause')
    .dropColumn('suspended_at')
    .dropColumn('response_due_at')
    .execute();
}
