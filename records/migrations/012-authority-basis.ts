import type { Kysely } from 'kysely';

/**
 * Authority requests, as policy 7.1 and GDPR Art. 28(3)(a) word them:
 * - whether an answer disclosed personal data (7.1: "voor enige bekendmaking"), so that an answer that
 *   disclosed none says so, and one that did keeps its scope and manner in `disclosure_scope` and
 *   `disclosure_manner` as a disclosure does;
 * - by when the privacy team must record the legal basis of a prohibition to tell the customers that was
 *   reported without one (one Belgian working day).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authority_requests').addColumn('answer_discloses_personal_data', 'boolean').execute();
  await db.schema.alterTable('authority_requests').addColumn('prohibition_basis_due_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authority_requests').dropColumn('prohibition_basis_due_at').execute();
  await db.schema.alterTable('authority_requests').dropColumn('answer_discloses_personal_data').execute();
}
