import type { Kysely } from 'kysely';

/**
 * How an objection ended (5.3), written into the customer's window by `objection-<changeId>~<customerId>`
 * when it ends, so that the windows endpoint shows it without asking Temporal:
 * - `objection_outcome`: the objection's final status (objection-rejected, remedied, offer-stands,
 *   termination-right, services-terminated), and `objection_ended_at` when it ended;
 * - `services_terminated` / `services_terminated_at`: the customer's written notice that it terminates
 *   the services affected (subprocessor.services-terminated), as the customer named them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = 'subprocessor_change_recipients';
  await db.schema.alterTable(table).addColumn('objection_outcome', 'text').execute();
  await db.schema.alterTable(table).addColumn('objection_ended_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('services_terminated', 'jsonb').execute();
  await db.schema.alterTable(table).addColumn('services_terminated_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const table = 'subprocessor_change_recipients';
  for (const column of ['services_terminated_at', 'services_terminated', 'objection_ended_at', 'objection_outcome']) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
