import type { Kysely } from 'kysely';

/**
 * When each customer's final report was accepted by the mail server: the incident stays `closing`
 * until every notified customer has had its own (8.2), and the register shows who has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('breach_notifications').addColumn('final_report_at', 'timestamptz').execute();
  // Why no contact accepted it: the report is settled either way, and the privacy team is alerted.
  await db.schema.alterTable('breach_notifications').addColumn('final_report_problem', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('breach_notifications').dropColumn('final_report_problem').execute();
  await db.schema.alterTable('breach_notifications').dropColumn('final_report_at').execute();
}
