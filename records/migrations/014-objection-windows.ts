import { sql, type Kysely } from 'kysely';

/**
 * Each customer's objection window of a change (5.2), kept beside whom the change concerns: one row per
 * customer, so `subprocessor-change-<changeId>` holds every window of its change without a workflow per
 * customer. `window_state` is null on rows of changes announced before this migration (their windows
 * were workflows of their own); a new change's rows start `notifying`.
 *
 * - `closes_at`: the last instant an objection is in time (the end of the 30th day after the notice, in
 *   the customer's time zone), as the notice states it;
 * - `reminder_at` / `reminded_at`: when the reminder is due, and when it went out;
 * - `objection_*`: the objection taken, which the objection's own workflow then carries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = 'subprocessor_change_recipients';
  await db.schema.alterTable(table).addColumn('window_state', 'text').execute();
  await db.schema.alterTable(table).addColumn('notice_accepted_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('closes_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('reminder_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('reminded_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('objection_received_at', 'timestamptz').execute();
  await db.schema.alterTable(table).addColumn('objection_webhook_id', 'text').execute();
  // Why the notice reached nobody (SMTP answers and ids only, never an address).
  await db.schema.alterTable(table).addColumn('problem', 'text').execute();
  await db.schema
    .alterTable(table)
    .addCheckConstraint(
      'subprocessor_change_recipients_window_state',
      sql`window_state in ('notifying', 'open', 'objected', 'accepted', 'undeliverable')`,
    )
    .execute();
  // The change's loop asks for the windows due next, by state and instant.
  await db.schema
    .createIndex('subprocessor_change_windows_closing')
    .on(table)
    .columns(['change_id', 'window_state', 'closes_at'])
    .execute();
  await db.schema
    .createIndex('subprocessor_change_windows_reminding')
    .on(table)
    .columns(['change_id', 'window_state', 'reminder_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const table = 'subprocessor_change_recipients';
  await db.schema.dropIndex('subprocessor_change_windows_reminding').execute();
  await db.schema.dropIndex('subprocessor_change_windows_closing').execute();
  await db.schema.alterTable(table).dropConstraint('subprocessor_change_recipients_window_state').execute();
  for (const column of [
    'problem',
    'objection_webhook_id',
    'objection_received_at',
    'reminded_at',
    'reminder_at',
    'closes_at',
    'notice_accepted_at',
    'window_state',
  ]) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
