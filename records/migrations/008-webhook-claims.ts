import type { Kysely } from 'kysely';

/**
 * A delivery claims its `webhook-id` before it dispatches: the primary key lets one of two deliveries
 * of the same id that arrive together go on, while the other waits for its answer. The claim is
 * removed when the answer is kept in `webhook_deliveries` or when the delivery ends without one (a 503,
 * a 400, a 501, an error); one left by a process that died is taken over once it is stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_claims')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    // Which delivery holds the claim: only it may answer or release it.
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_claims').execute();
}
