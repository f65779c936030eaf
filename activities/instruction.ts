import type { ProcessActivityDeps } from './deps';

export function createInstructionActivities(_deps: ProcessActivityDeps) {
  return {};
}
