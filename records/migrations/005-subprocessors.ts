import { sql, type Kysely } from 'kysely';

/**
 * The dated subprocessor register (policy 5.2, Bijlage III; GDPR Art. 28(2), 28(4)): every subprocessor
 * with its country, purpose and transfer safeguard (6.3), when it came on and went off the list, and
 * every change to the list with the date it was announced and the date it takes effect.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per engagement: an id comes on the list once and, at most, goes off it once.
  await db.schema
    .createTable('subprocessors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('safeguard', 'text')
    .addColumn('transfer_basis', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('subprocessors_status', sql`status in ('active', 'removed')`)
    .addCheckConstraint(
      'subprocessors_removal',
      sql`(status = 'active') = (removed_at is null) and (removed_at is null or removed_at > added_at)`,
    )
    .execute();
  await db.schema.createIndex('subprocessors_added_at').on('subprocessors').column('added_at').execute();

  // 5.2: the changes, marked and dated: when the list was updated, and when the change takes effect.
  await db.schema
    .createTable('subprocessor_changes')
    .addColumn('change_id', 'text', (c) => c.primaryKey())
    .addColumn('action', 'text', (c) => c.notNull())
    // Deferred: a change is claimed (idempotency) before the subprocessor it adds is written.
    .addColumn('subprocessor_id', 'text', (c) =>
      c
        .notNull()
        .references('subprocessors.id')
        .modifyEnd(sql`deferrable initially deferred`),
    )
    .addColumn('replaces', 'text', (c) => c.references('subprocessors.id').modifyEnd(sql`deferrable initially deferred`))
    .addColumn('announced_at', 'timestamptz', (c) => c.notNull())
    .addColumn('effective_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('subprocessor_changes_action', sql`action in ('added', 'replaced', 'removed')`)
    .addCheckConstraint('subprocessor_changes_replaces', sql`(action = 'replaced') = (replaces is not null)`)
    .execute();
  await db.schema.createIndex('subprocessor_changes_announced_at').on('subprocessor_changes').column('announced_at').execute();
  await db.schema.createIndex('subprocessor_changes_subprocessor').on('subprocessor_changes').column('subprocessor_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['subprocessor_changes', 'subprocessors']) {
    await db.schema.dropTable(table).execute();
  }
}
