import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool } from 'pg';
import { migrationProvider } from './migrations';
import type { Schema } from './schema';

export type Db = Kysely<Schema>;

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the records live in PGlite. */
  databaseUrl?: string;
  /** PGlite's folder (state survives a restart), or undefined for an in-memory database. */
  pgliteDir?: string;
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens the records database and brings its schema up to date: one SQL dialect everywhere. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let database: Database;
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    database = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    const pglite = new PGlite(options.pgliteDir);
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
    database = {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function migrateToLatest(db: Kysely<Schema>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
