import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EventData } from './events';
import { isValidId } from './ids';

/** The facts of a breach as the product reported them (8.1; Art. 33(3)). */
export interface BreachFacts {
  incidentId: string;
  awareAt: string;
  /**
   * 8.1: the processor notifies when it "vaststelt of redelijkerwijs vermoedt" (finds, or reasonably
   * suspects) a breach. A suspected breach is later confirmed or ruled out (`assessBreach`).
   */
  suspected?: boolean;
  summary: string;
  dataCategories: string[];
  subjectsApprox?: number;
  subjectCategories?: string[];
  recordsApprox?: number;
  likelyConsequences?: string;
  measures: string[];
}

/**
 * The breach process's delays. Defaults, and why:
 * - a reminder to acknowledge after 24 hours: the customer's own 72-hour clock is running, and a
 *   notice that has not been read after a day needs a nudge while two days remain;
 * - escalation to the privacy team after 48 hours: a day before that clock ends, someone should call;
 * - a status update due to the customers 48 hours after the last one while the incident is open:
 *   Art. 33(4) allows information in phases "without undue further delay".
 */
export interface BreachSettings {
  acknowledgementReminderAfterHours: number;
  escalationAfterHours: number;
  statusUpdateEveryHours: number;
  /**
   * How long a notice waits for a customer the product has not described yet (its `customer.upserted`
   * may still be on its way) before the privacy team is told that nobody could be notified. Inputs
   * stored before it existed take the default.
   */
  unknownCustomerGraceMinutes?: number;
}

export const defaultBreachSettings: BreachSettings = {
  acknowledgementReminderAfterHours: 24,
  escalationAfterHours: 48,
  statusUpdateEveryHours: 48,
  unknownCustomerGraceMinutes: 5,
};

export interface BreachIncidentInput extends BreachFacts {
  /** When the product reported the breach (the event's timestamp). */
  detectedAt: string;
  affectedCustomerIds: string[];
  settings?: BreachSettings;
  /** What a run hands to the next when the history grows long (continue-as-new); absent at the start. */
  carried?: BreachIncidentCarried;
  /** Tests only: smaller batches and shorter runs, to exercise several of each with few customers. */
  batching?: { customersPerBatch: number; continueAsNewAfterEvents?: number };
}

/** The incident's state in plain JSON, carried across continue-as-new. */
export interface BreachIncidentCarried {
  /** Customers added after the start (an operator, a repeated breach.detected), in the order added. */
  addedCustomerIds: string[];
  /** Every customer before this position of affectedCustomerIds + addedCustomerIds has been announced. */
  announced: number;
  notified: number;
  /**
   * Customers by their position, not their ids (the input holds those already): at 10,000 customers a
   * carried copy of the ids and reasons would pass Temporal's 2 MB limit on a payload. The reasons of the
   * undeliverable notices stay in the register.
   */
  undeliverable: number[];
  handedOver: number[];
  acknowledged: Array<[position: number, acknowledgedAt: string]>;
  pendingAcknowledgements: BreachAcknowledgedSignal[];
  pendingUpdates: BreachUpdateSignal[];
  seenUpdateKeys: string[];
  measures: string[];
  contained: boolean;
  /** The assessment of a suspected breach, once accepted (absent before the field existed). */
  assessment?: BreachAssessmentRecord;
  /** Art. 33(4): the facts updates brought so far, over those of the report (absent before the field existed). */
  facts?: BreachFactsUpdate;
  lastUpdateAt: string;
  lastNewsMs: number;
  statusRemindersSent: number;
  runs: number;
}

/** The customers of an incident announced by one activity call, side by side (and per run). */
export const breachCustomersPerBatch = 500;

export interface BreachNoticeInput {
  incidentId: string;
  customerId: string;
  facts: BreachFacts;
  settings: BreachSettings;
  /** `breach-<incidentId>`, told of the notice's outcome when this workflow delivered it itself. */
  incidentWorkflowId?: string;
  /** The initial notice as the announcement sent it; absent: this workflow sends it (and waits for an undescribed customer). */
  notice?: AnnouncedBreachNotice;
}

export type AnnouncedBreachNotice =
  | { status: 'notified'; notifiedAt: string; recipients: number; undeliverable: number; contractualDeadlineAt?: string }
  | { status: 'undeliverable'; problem: string };

export type BreachNoticeOutcome =
  | { customerId: string; status: 'notified'; notifiedAt: string; recipients: number; undeliverable: number }
  | { customerId: string; status: 'undeliverable'; problem: string };

/** The facts every customer's notice repeats: the incident's, without the list of customers. */
export function breachFactsOf(input: BreachFacts): BreachFacts {
  return {
    incidentId: input.incidentId,
    awareAt: input.awareAt,
    ...(input.suspected === true && { suspected: true }),
    summary: input.summary,
    dataCategories: input.dataCategories,
    ...(input.subjectsApprox !== undefined && { subjectsApprox: input.subjectsApprox }),
    ...(input.subjectCategories !== undefined && { subjectCategories: input.subjectCategories }),
    ...(input.recordsApprox !== undefined && { recordsApprox: input.recordsApprox }),
    ...(input.likelyConsequences !== undefined && { likelyConsequences: input.likelyConsequences }),
    measures: input.measures,
  };
}

export function breachIncidentInput(data: EventData<'breach.detected'>, detectedAt: string): BreachIncidentInput {
  return {
    ...breachFactsOf(data),
    detectedAt,
    affectedCustomerIds: [...new Set(data.affectedCustomerIds)],
    settings: defaultBreachSettings,
  };
}

/** GDPR Art. 33(1): the controller's own clock to the authority, shown to it as guidance. */
export const controllerNotificationHours = 72;

/** PRODUCT.md: the first notice is to reach the customer's mail server within a minute of the report. */
export const noticeTargetMs = 60_000;

/**
 * 8.1: when a contract sets its own hours for the notice, the privacy team is alerted halfway through
 * them if the customer's mail server has not accepted the notice yet: while something can still be done
 * (another channel, a call), not only once the deadline has passed. A notice first tried after the
 * halfway point has the minute the product allows a notice before the alert. No such alert when that
 * minute would reach the deadline: the deadline's own alert follows.
 */
export function contractualHalfwayAlertAt(awareAt: string, contractualDeadlineAt: string, firstAttemptMs: number): number | undefined {
  const aware = Date.parse(awareAt);
  const deadline = Date.parse(contractualDeadlineAt);
  const at = Math.max(aware + (deadline - aware) / 2, firstAttemptMs + noticeTargetMs);
  return at < deadline ? at : undefined;
}

// Messages of `breach-<incidentId>`. Signals carry facts (from the product's webhooks or an
// operator); updates carry an operator's decisions and are refused, with the reason, when impossible.

/** 8.1: what became of a breach notified as suspected. */
export type BreachAssessment = 'confirmed' | 'ruled-out';
export const breachAssessments = ['confirmed', 'ruled-out'] as const satisfies readonly BreachAssessment[];

/**
 * Art. 33(3)(a), (c) and 33(4): facts of the breach that may arrive in phases, after the notice. Each
 * one an update gives replaces what was known of it; what it leaves out stays as it was.
 */
export interface BreachFactsUpdate {
  dataCategories?: string[];
  subjectCategories?: string[];
  subjectsApprox?: number;
  recordsApprox?: number;
  likelyConsequences?: string;
}
export const breachFactNames = [
  'dataCategories',
  'subjectCategories',
  'subjectsApprox',
  'recordsApprox',
  'likelyConsequences',
] as const satisfies ReadonlyArray<keyof BreachFactsUpdate>;
export type BreachFactName = (typeof breachFactNames)[number];

/** The facts given, without those left out: `undefined` never stands for a fact. */
export function givenFacts(update: BreachFactsUpdate | undefined): BreachFactsUpdate {
  const given: BreachFactsUpdate = {};
  for (const name of breachFactNames) if (update?.[name] !== undefined) Object.assign(given, { [name]: update[name] });
  return given;
}

/** What is known of the breach once an update's facts are in (Art. 33(4)). */
export function withFacts(facts: BreachFacts, update: BreachFactsUpdate | undefined): BreachFacts {
  return { ...facts, ...givenFacts(update) };
}

export interface BreachUpdateSignal {
  update: string;
  measures: string[];
  contained?: boolean;
  /** Art. 33(4): facts known since the notice or the last update; each replaces what was known of it. */
  facts?: BreachFactsUpdate;
  /** Only through `assessBreach`, never the signal: an assessment may be refused. */
  assessment?: BreachAssessment;
  at: string;
  /** The delivery's webhook id, or any unique key an operator chooses: a repeat is applied once. */
  key: string;
}
export const breachUpdatedSignal = defineSignal<[BreachUpdateSignal]>('breachUpdated');

export interface BreachAcknowledgedSignal {
  customerId: string;
  at: string;
  via: 'webhook' | 'operator';
  note?: string;
}
export const breachAcknowledgedSignal = defineSignal<[BreachAcknowledgedSignal]>('breachAcknowledged');

export interface BreachClosedSignal {
  finalReport: string;
  closedAt: string;
}
export const breachClosedSignal = defineSignal<[BreachClosedSignal]>('breachClosed');

/**
 * A repeated `breach.detected` for an open incident: the customers it names that the incident did not
 * concern yet are added and told, with the incident's facts as first reported (later facts travel as
 * breach.updated). Never dropped, never told twice.
 */
export const breachReportedSignal = defineSignal<[{ customerIds: string[] }]>('breachReported');

// The rules by which the incident refuses an operator's decision (the validator hands the reason to
// workflows/failures.ts `refuse`; the caller reads it).

/** What the incident knows of one customer when an operator records an acknowledgement. */
export interface BreachCustomerView {
  concerned: boolean;
  /** Announced, and its notice's outcome known. */
  settled: boolean;
  undeliverable: boolean;
  acknowledgedAt?: string;
}

/** A breach may concern every customer of the processor; one incident holds at most this many. */
export const maxCustomersPerIncident = 10_000;

export function refuseAddingCustomers(
  closed: boolean,
  request: { customerIds: unknown },
  concerned: (customerId: string) => boolean,
  count: number,
): string | undefined {
  if (closed) return 'the incident is closed';
  if (!Array.isArray(request.customerIds) || request.customerIds.length === 0) return 'name at least one customer id';
  const invalid = request.customerIds.find((customerId) => !isValidId(customerId));
  if (invalid !== undefined) return `"${String(invalid)}" is not a valid customer id`;
  return refuseGrowingIncident(count, new Set(request.customerIds.filter((customerId) => !concerned(customerId))).size);
}

/** An incident grows only up to maxCustomersPerIncident customers; beyond, report another incident. */
export function refuseGrowingIncident(count: number, added: number): string | undefined {
  return count + added > maxCustomersPerIncident
    ? `the incident would concern ${count + added} customers; one incident concerns at most ${maxCustomersPerIncident}: report the others under another incident id`
    : undefined;
}

export function refuseAcknowledgementRecord(closed: boolean, customerId: string, customer: BreachCustomerView): string | undefined {
  if (closed) return 'the incident is closed';
  if (!customer.concerned) return `customer ${customerId} is not affected by this incident`;
  if (!customer.settled) return `customer ${customerId} has not been notified (pending)`;
  if (customer.undeliverable) return `customer ${customerId} has not been notified (undeliverable)`;
  return customer.acknowledgedAt ? `customer ${customerId} already acknowledged at ${customer.acknowledgedAt}` : undefined;
}

export function refuseMeasure(closed: boolean, request: { measure: unknown }): string | undefined {
  if (closed) return 'the incident is closed';
  return typeof request.measure !== 'string' || request.measure.trim() === '' ? 'describe the measure' : undefined;
}

/** The assessment an incident accepted: which, when, and under which key (a repeat is no second one). */
export interface BreachAssessmentRecord {
  assessment: BreachAssessment;
  at: string;
  key: string;
}

/**
 * 8.1 ("vaststelt of redelijkerwijs vermoedt"): only a breach notified as suspected is later confirmed
 * or ruled out, and only once. The same delivery again (its key) is no second assessment.
 */
export function refuseAssessment(
  incident: { closed: boolean; suspected: boolean; assessment?: BreachAssessmentRecord },
  request: { assessment?: unknown; key: string },
): string | undefined {
  if (!breachAssessments.includes(request.assessment as BreachAssessment)) return 'assessment must be "confirmed" or "ruled-out"';
  if (incident.assessment?.key === request.key) return undefined;
  if (incident.closed) return 'the incident is closed';
  if (!incident.suspected) return 'the breach was not notified as suspected, so there is nothing to confirm or rule out';
  if (incident.assessment)
    return `the suspected breach was already ${incident.assessment.assessment === 'confirmed' ? 'confirmed' : 'ruled out'} at ${incident.assessment.at}`;
  return undefined;
}

/**
 * A suspected breach confirmed or ruled out (8.1), with the update that tells every notified customer
 * so: an update, so that a breach not suspected, or assessed already, is refused with the reason.
 */
export const assessBreachUpdate = defineUpdate<void, [BreachUpdateSignal & { assessment: BreachAssessment }]>('assessBreach');

/** An operator adds customers found to be affected after the start; each is notified at once. */
export const addCustomersUpdate = defineUpdate<{ added: string[] }, [{ customerIds: string[] }]>('addCustomers');
/** An operator records an acknowledgement received by phone or letter. */
export const recordAcknowledgementUpdate = defineUpdate<void, [{ customerId: string; note?: string }]>('recordAcknowledgement');
/** An operator records a measure taken (8.2); it is sent to the customers with the next update. */
export const recordMeasureUpdate = defineUpdate<void, [{ measure: string; contained?: boolean }]>('recordMeasure');

export interface BreachTimelineEntry {
  at: string;
  what: string;
  customerId?: string;
}

/**
 * The incident as an operator sees it. Per customer only what needs a person: the undeliverable ones
 * with the reason, those whose notice is still being tried, the acknowledgements; the register
 * (`GET /breaches/<incidentId>`) has every customer's times.
 */
export interface BreachState {
  incidentId: string;
  status: 'notifying' | 'open' | 'closing' | 'closed';
  /** 8.1: notified as suspected; `assessment` says whether it was confirmed or ruled out since. */
  suspected?: boolean;
  assessment?: BreachAssessmentRecord;
  /** Customers the incident concerns. */
  customers: number;
  /** Customers whose notice a contact's mail server accepted. */
  notified: number;
  /** Customers not announced yet, or whose notice their own workflow is still trying to deliver. */
  pending: number;
  undeliverable: Record<string, string>;
  acknowledged: Record<string, string>;
  measures: string[];
  contained: boolean;
  lastUpdateAt: string;
  nextStatusUpdateDueAt?: string;
  finalReportsOutstanding?: number;
  undeliveredAlerts: UndeliveredAlertView[];
}

/** An internal alert still refused by the privacy team's address (workflows/privacy-team-alerts.ts). */
export interface UndeliveredAlertView {
  step: string;
  since: string;
  attempts: number;
  problem: string;
  nextAttemptAt: string;
}

export const breachStatusQuery = defineQuery<BreachState>('breachStatus');
export const breachTimelineQuery = defineQuery<BreachTimelineEntry[]>('breachTimeline');

// Messages of `breach-<incidentId>~<customerId>`, sent by the incident workflow (directly, or by the
// activity that passes updates and the closure to every customer).
export const noticeAcknowledgedSignal = defineSignal<[BreachAcknowledgedSignal]>('noticeAcknowledged');
/** The incident closed: the child sends the final report with every measure recorded meanwhile. */
export const incidentClosedSignal = defineSignal<[BreachClosedSignal & { measures: string[] }]>('incidentClosed');
/** The notice's outcome, reported to the incident by a notice that delivered itself. */
export const noticeOutcomeSignal = defineSignal<[BreachNoticeOutcome]>('noticeOutcome');

export interface BreachNoticeState {
  customerId: string;
  status: 'notifying' | 'notified' | 'acknowledged' | 'undeliverable' | 'closed';
  notifiedAt?: string;
  acknowledgedAt?: string;
  contractualDeadlineAt?: string;
  remindersSent: number;
  escalated: boolean;
  undeliveredAlerts: UndeliveredAlertView[];
}
export const noticeStatusQuery = defineQuery<BreachNoticeState>('noticeStatus');
