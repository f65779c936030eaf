import type { ProcessActivityDeps } from './deps';

export function createAuthorityActivities(_deps: ProcessActivityDeps) {
  return {};
}
