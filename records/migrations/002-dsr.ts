import { sql, type Kysely } from 'kysely';

/** The data subject request process (policy 10.1-10.2; GDPR Art. 12(3), 28(3)(e)). */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per request. subject_email is the only personal data here; it is written by the webhook
  // endpoint and read by the activity that confirms receipt to the subject, so that it never passes
  // through Temporal.
  await db.schema
    .createTable('dsr_requests')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('request_type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('subject_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('time_zone', 'text')
    .addColumn('original_deadline_at', 'timestamptz')
    .addColumn('deadline_at', 'timestamptz')
    .addColumn('extension_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('customer_notified_at', 'timestamptz')
    .addColumn('customer_notice_problem', 'text')
    .addColumn('subject_confirmed_at', 'timestamptz')
    .addColumn('instruction', 'text')
    .addColumn('instruction_note', 'text')
    .addColumn('instruction_source', 'text')
    .addColumn('instructed_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('dsr_requests_customer_id').on('dsr_requests').column('customer_id').execute();

  // Every deadline a request had: the original month (sequence 0) and each extension (Art. 12(3)).
  await db.schema
    .createTable('dsr_deadlines')
    .addColumn('request_id', 'text', (c) => c.notNull().references('dsr_requests.request_id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
    .addColumn('extra_months', 'integer', (c) => c.notNull())
    .addColumn('total_extension_months', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('source', 'text')
    .addColumn('requested_at', 'timestamptz')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('dsr_deadlines_pk', ['request_id', 'sequence'])
    .execute();

  // What the product was asked to do, every attempt's answer, and its confirmation.
  await db.schema
    .createTable('dsr_action_requests')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('dsr_requests.request_id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_answer', 'text')
    .addColumn('first_accepted_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completion_note', 'text')
    .addColumn('completion_source', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dsr_action_requests_request_id').on('dsr_action_requests').column('request_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['dsr_action_requests', 'dsr_deadlines', 'dsr_requests']) {
    await db.schema.dropTable(table).execute();
  }
}
