import type { Db } from './database';

export function instructionRepository(_db: Db) {
  return {};
}
