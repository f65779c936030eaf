import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createRecords, openDatabase, type Database, type Records } from '../../records';

/**
 * A fresh records database for one test file: PGlite in memory, or a new database on the PostgreSQL
 * server that `npm test` starts (TEST_DATABASE_URL, set by scripts/test.sh and .ci/run).
 */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; records: Records; url?: string }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { database, records: createRecords(database.db) };
  }
  const url = await freshPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url });
  return { database, records: createRecords(database.db), url };
}

export async function freshPostgresDatabase(): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  }
  const name = `dpa_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new PgClient({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The kinds of database every records test runs on. */
export const databaseKinds = ['pglite', 'postgres'] as const;

export interface FreshDatabase {
  readonly database: Database;
  readonly records: Records;
}

/**
 * The setup of a records test (inside its describe): registers beforeAll/afterAll that open a fresh
 * database of `kind` and close it, and gives its database and records to the tests.
 */
export function useFreshDatabase(kind: 'pglite' | 'postgres'): FreshDatabase {
  let opened: { database: Database; records: Records } | undefined;
  beforeAll(async () => {
    opened = await freshDatabase(kind);
  });
  afterAll(async () => {
    await opened?.database.close();
  });
  const ready = () => {
    if (!opened) throw new Error('the database is not open yet: use it inside a test or a hook');
    return opened;
  };
  return {
    get database() {
      return ready().database;
    },
    get records() {
      return ready().records;
    },
  };
}
