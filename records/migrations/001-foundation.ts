import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('contacts', 'jsonb', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('breach_notice_hours', 'integer')
    .addColumn('export_window_days', 'integer')
    .addColumn('source_timestamp', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_received_at').on('webhook_deliveries').column('received_at').execute();

  // Art. 33(5): the register documents every breach: facts, effects and measures taken.
  await db.schema
    .createTable('breach_incidents')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('aware_at', 'timestamptz', (c) => c.notNull())
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('data_categories', 'jsonb', (c) => c.notNull())
    .addColumn('subjects_approx', 'integer')
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    .addColumn('contained', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('final_report', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('breach_notifications')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('breach_incidents.incident_id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('controller_deadline_at', 'timestamptz')
    .addColumn('contractual_deadline_at', 'timestamptz')
    .addColumn('problem', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('breach_notifications_pk', ['incident_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('breach_updates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('breach_incidents.incident_id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    .addColumn('contained', 'boolean')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .execute();

  // The evidence trail: who was told what, when, and what the mail server answered.
  await db.schema
    .createTable('email_log')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('smtp_response', 'text')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('email_log_workflow_id').on('email_log').column('workflow_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['email_log', 'breach_updates', 'breach_notifications', 'breach_incidents', 'webhook_deliveries', 'customers']) {
    await db.schema.dropTable(table).execute();
  }
}
