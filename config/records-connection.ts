import path from 'node:path';
import { openDatabase, type Database } from '../records';
import type { Config } from './config';

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data folder. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ pgliteDir: path.join(config.dataDir, 'records') });
}
