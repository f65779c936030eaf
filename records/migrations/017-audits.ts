import { sql, type Kysely } from 'kysely';

/**
 * The audit process (policy 12.1-12.4): one row per audit. The auditor's name, address and organisation
 * are personal data: the webhook endpoint writes them here and the activity that sends the invitation
 * reads them, so that they never pass through Temporal. The workflow writes the rest as it happens:
 * the date fixed (and its version, the invitation's SEQUENCE + 1), the confidentiality of the auditors
 * (12.3), the findings and the cost allocation (12.4), a cancellation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_requests')
    .addColumn('audit_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('proposed_date', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('earliest_date', 'text', (c) => c.notNull())
    .addColumn('auditor_name', 'text', (c) => c.notNull())
    .addColumn('auditor_email', 'text')
    .addColumn('auditor_organisation', 'text')
    .addColumn('scope', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('audit_date', 'text')
    .addColumn('date_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidentiality_confirmed_at', 'timestamptz')
    .addColumn('confidentiality_reference', 'text')
    .addColumn('findings_summary', 'text')
    .addColumn('serious_incident_found', 'boolean')
    .addColumn('policy_breach_found', 'boolean')
    .addColumn('processor_cost_share', 'double precision')
    .addColumn('findings_recorded_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('audit_requests_status', sql`status in ('open', 'closed', 'cancelled')`)
    .addCheckConstraint('audit_requests_cost_share', sql`processor_cost_share is null or (processor_cost_share between 0 and 1)`)
    .execute();
  await db.schema.createIndex('audit_requests_customer_id').on('audit_requests').column('customer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_requests').execute();
}
