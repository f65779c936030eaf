import type { Db } from './database';

export function authorityRepository(_db: Db) {
  return {};
}
