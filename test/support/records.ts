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
