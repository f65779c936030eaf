import type { Kysely } from 'kysely';

/**
 * 5.2: a change that takes effect before its customers' objection windows can close is taken only when
 * the product marks it urgent, with its reason; the register keeps that reason with the change and shows
 * it to the customers. Null for every other change, and for those recorded before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subprocessor_changes').addColumn('urgent_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subprocessor_changes').dropColumn('urgent_reason').execute();
}
