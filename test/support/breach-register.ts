import { breachFactNames } from '../../domain/breach';
import type { BreachIncidentFacts, BreachRegisterEntry } from '../../records/breach-register';

export type RegisterNotice = BreachRegisterEntry['notifications'][number];

/** A register entry as it stands once the incident is recorded (open, nothing notified, updated or closed yet), with `changes`. */
export function registerEntry(facts: BreachIncidentFacts, changes: Partial<BreachRegisterEntry> = {}): BreachRegisterEntry {
  const { suspected, ...reported } = facts;
  return {
    ...reported,
    // 8.1: suspected since the processor became aware; every fact reported known from the report.
    suspectedSince: suspected === true ? facts.awareAt : null,
    confirmedAt: null,
    ruledOutAt: null,
    factsKnownAt: Object.fromEntries(breachFactNames.filter((name) => facts[name] !== undefined).map((name) => [name, facts.detectedAt])),
    status: 'open',
    contained: false,
    finalReport: null,
    closedAt: null,
    notifications: [],
    updates: [],
    ...changes,
  };
}

/** A customer's line in an entry with nothing recorded yet but `changes`: pending, no time, no problem. */
export function registerNotice(customerId: string, changes: Partial<RegisterNotice> = {}): RegisterNotice {
  return {
    customerId,
    status: 'pending',
    notifiedAt: null,
    acknowledgedAt: null,
    controllerDeadlineAt: null,
    contractualDeadlineAt: null,
    problem: null,
    finalReportAt: null,
    finalReportProblem: null,
    ...changes,
  };
}
