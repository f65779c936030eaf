import type { Kysely } from 'kysely';

/**
 * Our own retention (issue 13; policy 11.1, GDPR Art. 5(1)(e)): when the retention job anonymised an
 * audit's auditor. A data subject request's `anonymised_at` (the subject's address and the notes gone)
 * is migration 020's, which the job sets as the end of a contract does. The instant is kept, so a reader
 * sees that the data was there and was removed on time, and the job never counts a row twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_requests').addColumn('auditor_anonymised_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_requests').dropColumn('auditor_anonymised_at').execute();
}
