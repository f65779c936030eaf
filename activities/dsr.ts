import type { ProcessActivityDeps } from './deps';

export function createDsrActivities(_deps: ProcessActivityDeps) {
  return {};
}
