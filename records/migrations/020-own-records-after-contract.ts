import type { Kysely } from 'kysely';

/**
 * This product's own records after a contract ended (policy 11.3, 13): once the certificate of deletion
 * is sent, the data subject requests of that customer keep their evidence (dates, types, instructions,
 * outcomes) but no personal data of its data subjects. `anonymised_at` marks a request whose subject
 * address and notes were cleared, and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dsr_requests').addColumn('anonymised_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dsr_requests').dropColumn('anonymised_at').execute();
}
