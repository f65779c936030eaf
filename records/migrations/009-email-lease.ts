import { sql, type Kysely } from 'kysely';

/**
 * "Nothing lost": the evidence log tells a fault of ours from a customer's answer, and one attempt at a
 * time sends an email.
 *
 * - `claimed_until`: the lease of the attempt that is sending the email. Another attempt of the same
 *   activity (Temporal starts one when heartbeats stop arriving, while the first may still be talking
 *   to the mail server) finds it and does not send.
 * - `failure_kind`: why the last attempt failed, in words an operator can act on: the recipient refused
 *   (an answer, status `failed`) or a fault of ours or of the mail server (status `deferred`, retried).
 * - `deferred_since`: when the email first failed for a reason that retrying can fix; kept through the
 *   retries until it is sent, so /healthz can say how long mail has been stuck.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('email_log')
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('failure_kind', 'text')
    .addColumn('deferred_since', 'timestamptz')
    .execute();
  // /healthz asks for the stuck emails every time it is called: a handful among all the sent ones.
  await db.schema
    .createIndex('email_log_deferred')
    .on('email_log')
    .column('deferred_since')
    .where(sql.ref('deferred_since'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('email_log_deferred').execute();
  await db.schema.alterTable('email_log').dropColumn('deferred_since').dropColumn('failure_kind').dropColumn('claimed_until').execute();
}
