import type { Db } from './database';

export function dsrRepository(_db: Db) {
  return {};
}
