import { sql, type Kysely } from 'kysely';

/**
 * Instructions the processor found unlawful (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph): the
 * instruction and why, when the customer was told, every decision to continue under earlier
 * instructions or to stop, and how the instruction was resumed (revised, or its lawfulness guaranteed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instructions')
    .addColumn('instruction_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('instruction', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flagged_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_status', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'timestamptz')
    .addColumn('notice_problem', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolution_text', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_via', 'text')
    .addColumn('resumed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('instructions_customer').on('instructions').column('customer_id').execute();

  await db.schema
    .createTable('instruction_decisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('instruction_id', 'text', (c) => c.notNull().references('instructions.instruction_id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('instruction_decisions_sequence', ['instruction_id', 'sequence'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['instruction_decisions', 'instructions']) {
    await db.schema.dropTable(table).execute();
  }
}
