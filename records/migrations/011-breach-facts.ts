import { sql, type Kysely } from 'kysely';

/** The facts of Art. 33(3) that a breach's register entry keeps, each with the instant it became known. */
const facts = ['data_categories', 'subject_categories', 'subjects_approx', 'records_approx', 'likely_consequences'] as const;

/**
 * The breach register (Art. 33(5)) keeps what policy 8.1 and Art. 33(3)-(4) ask of a breach as it comes:
 * - a breach reported as suspected ("redelijkerwijs vermoedt", 8.1), since when, and when it was
 *   confirmed or ruled out;
 * - the facts that may arrive in phases (Art. 33(4)): the categories of data subjects, the approximate
 *   number of records and the likely consequences, which were not kept before; and for every fact the
 *   instant its current value became known, while each update keeps the facts it brought.
 * Entries recorded before this migration knew their categories and count at detection.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('breach_incidents')
    .addColumn('suspected_since', 'timestamptz')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('ruled_out_at', 'timestamptz')
    .addColumn('subject_categories', 'jsonb')
    // PostgreSQL integer, like subjects_approx: the contract bounds both to 2,147,483,647.
    .addColumn('records_approx', 'integer')
    .addColumn('likely_consequences', 'text')
    .execute();
  for (const fact of facts) {
    await db.schema.alterTable('breach_incidents').addColumn(`${fact}_known_at`, 'timestamptz').execute();
  }
  await sql`update breach_incidents set data_categories_known_at = detected_at`.execute(db);
  await sql`update breach_incidents set subjects_approx_known_at = detected_at where subjects_approx is not null`.execute(db);

  // What each update assessed (8.1) and which facts it brought (Art. 33(4)), as the product sent them.
  await db.schema.alterTable('breach_updates').addColumn('assessment', 'text').addColumn('facts', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('breach_updates').dropColumn('facts').dropColumn('assessment').execute();
  for (const fact of facts) {
    await db.schema.alterTable('breach_incidents').dropColumn(`${fact}_known_at`).execute();
  }
  await db.schema
    .alterTable('breach_incidents')
    .dropColumn('likely_consequences')
    .dropColumn('records_approx')
    .dropColumn('subject_categories')
    .dropColumn('ruled_out_at')
    .dropColumn('confirmed_at')
    .dropColumn('suspected_since')
    .execute();
}
