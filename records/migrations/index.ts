import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation';

/** Migrations are listed in code, in order, so that a bundled or compiled build carries them. */
const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
