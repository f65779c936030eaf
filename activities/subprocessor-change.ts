import type { ProcessActivityDeps } from './deps';

export function createSubprocessorChangeActivities(_deps: ProcessActivityDeps) {
  return {};
}
