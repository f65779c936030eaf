import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  addLocalDays,
  addWorkingDays,
  compareLocalDates,
  earliestAuditDate,
  fromLocalDateTime,
  isInstant,
  isLocalDate,
  localDateOf,
  normalizeInstant,
  parseInstant,
  parseLocalDate,
  workingDaysBetween,
  type Instant,
  type LocalDate,
} from './clocks';
import type { UndeliveredAlertView } from './breach';

/**
 * The audit / inspection process (policy 12.1-12.4): a customer asks to inspect the processor. The
 * date needs at least 30 Belgian working days' notice, counted from the day the request was received on
 * the customer's calendar (12.2); its auditors must be bound to confidentiality before the date (12.3);
 * the costs are the customer's unless, and as far as, a serious incident or a breach of the policy is
 * found (12.4).
 *
 * Pure and deterministic: the workflow, the activities and the webhook handlers share these rules. The
 * auditor's name and address are absent from every type here: they live in the records only
 * (audit_requests), so that they never enter a workflow history.
 */

// ---------------------------------------------------------------------------------------------
// Clocks

/** The hour (customer's wall clock) at which a working-day reminder goes out: the start of a working day. */
export const auditReminderHour = 9;

/** The settings of one audit; the workflow input may override any of them. */
export interface AuditSettings {
  /** 12.3: the customer is reminded this many working days before the date while its auditors are not bound. */
  confidentialityReminderWorkingDays: number[];
  /** 12.3: the privacy team is alerted this many working days before the date while they are not bound. */
  confidentialityAlertWorkingDays: number;
  /** Everyone invited is reminded this many working days before the date, and on the working day before it. */
  invitationReminderWorkingDays: number[];
  /** 12.4: while no findings are recorded, the team is reminded every this many working days after the date. */
  findingsReminderEveryWorkingDays: number;
}

export const defaultAuditSettings: AuditSettings = {
  // Ten working days leave time to have a confidentiality agreement signed; three is the last call.
  confidentialityReminderWorkingDays: [10, 3],
  // Two working days: time enough for the team to postpone the audit or refuse the auditors entry.
  confidentialityAlertWorkingDays: 2,
  // A week's notice to plan travel and rooms; the working day before, so that nobody learns of it on a Sunday.
  invitationReminderWorkingDays: [5, 1],
  // A working week: findings are written while the audit is fresh, and costs invoiced in the same month.
  findingsReminderEveryWorkingDays: 5,
};

export function auditSettings(overrides: Partial<AuditSettings> | undefined): AuditSettings {
  return { ...defaultAuditSettings, ...overrides };
}

/** The instant a clock of a given local date rings: 09:00 on the customer's wall. */
export function auditClockAt(date: LocalDate, timeZone: string): Instant {
  return fromLocalDateTime({ ...parseLocalDate(date), hour: auditReminderHour, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** `n` working days before the audit date (Belgian calendar). */
export function workingDaysBefore(date: LocalDate, n: number): LocalDate {
  return addWorkingDays(date, -n);
}

/** The first instant after the audit day, on the customer's wall: from here the findings are late. */
export function auditDayOver(date: LocalDate, timeZone: string): Instant {
  return fromLocalDateTime({ ...parseLocalDate(addLocalDays(date, 1)), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/**
 * A clock (a reminder) that need not ring: another of its kind, later, is due by `now` too. A worker down
 * for days before the date would otherwise send the reminders of 5 and 1 working days out at once; the
 * later one says the same, closer to the date. `clocks` are the clocks still to ring.
 */
export function supersededClock<C extends { key: string; kind: string; at: Instant }>(
  clock: C,
  clocks: readonly C[],
  now: Instant,
): boolean {
  const dueBy = parseInstant(now);
  return clocks.some(
    (later) =>
      later.key !== clock.key &&
      later.kind === clock.kind &&
      parseInstant(later.at) > parseInstant(clock.at) &&
      parseInstant(later.at) <= dueBy,
  );
}

/**
 * 12.4: which findings reminder is next, counting `every` working days from the date, given the last one
 * sent (0: none). After a long pause (a worker down for weeks) the latest reminder due stands for the
 * ones missed, so that the team gets one email rather than a burst; counted once from the working days
 * elapsed, not period by period.
 */
export function nextFindingsReminder(date: LocalDate, timeZone: string, every: number, lastSent: number, now: Instant): number {
  const today = localDateOf(now, timeZone);
  const elapsed = compareLocalDates(today, date) > 0 ? workingDaysBetween(date, today) : 0;
  let k = Math.max(lastSent + 1, Math.floor(elapsed / every));
  if (k > lastSent + 1 && parseInstant(auditClockAt(addWorkingDays(date, every * k), timeZone)) > parseInstant(now)) k -= 1;
  return k;
}

// ---------------------------------------------------------------------------------------------
// Workflow input and state

export interface AuditRequestInput {
  auditId: string;
  customerId: string;
  /** The date the customer proposed in its request. */
  proposedDate: LocalDate;
  /** When the request was received (the event's timestamp): 12.2's notice counts from that day. */
  receivedAt: Instant;
  /** The customer's zone when the request was received (the default zone for a customer without one). */
  timeZone: string;
  settings?: Partial<AuditSettings>;
}

export type AuditSource = 'product' | 'operator';

export type AuditPhase = 'opening' | 'awaiting-date' | 'scheduled' | 'awaiting-findings' | 'closed';

/** DpaStatus in the Web UI. */
export type AuditDisplayStatus =
  | 'opening'
  /** The proposed date was too early: the customer was asked for another one. */
  | 'awaiting-date'
  | 'scheduled'
  /** 12.3: the date is near and the customer has not confirmed that its auditors are bound. */
  | 'auditors-not-bound'
  | 'awaiting-findings'
  | 'closed'
  | 'cancelled';

export interface AuditFindings {
  summary: string;
  seriousIncidentFound: boolean;
  policyBreachFound: boolean;
  /** 12.4: the part of the costs the processor bears, from 0 (none: the customer pays all) to 1 (all). */
  processorCostShare: number;
  recordedAt: Instant;
  source: AuditSource;
}

export interface AuditState {
  auditId: string;
  customerId: string;
  receivedAt: Instant;
  timeZone: string;
  /** 12.2: the earliest date the audit may be held. */
  earliestDate: LocalDate;
  /** Every date proposed, in order, with whether it was accepted. */
  proposals: Array<{ date: LocalDate; at: Instant; accepted: boolean; source: AuditSource }>;
  /** The date fixed, once a proposal was early enough. */
  date?: LocalDate;
  /** When the date was fixed or last moved: the invitation's DTSTAMP. */
  dateFixedAt?: Instant;
  /** How often the date was fixed: the invitation's SEQUENCE is this minus one. */
  dateVersion: number;
  /** The date version the last invitation went out for (0: none yet). */
  invitedVersion: number;
  /** The date of the last invitation sent: what a cancellation withdraws. */
  invitedDate?: LocalDate;
  phase: AuditPhase;
  status: AuditDisplayStatus;
  confidentiality?: { confirmedAt: Instant; reference?: string; source: AuditSource };
  findings?: AuditFindings;
  cancellation?: { cancelledAt: Instant; reason?: string; source: AuditSource };
  /** Clock steps already done (reminders, alerts), each keyed by its kind and the date it was for. */
  stepsDone: string[];
  alertsSent: string[];
  undeliveredAlerts: UndeliveredAlertView[];
  appliedWebhookIds: string[];
  /** What happened when, for operators; ids, dates and facts only, never personal data. */
  timeline: Array<{ at: Instant; event: string }>;
  closed?: { closedAt: Instant; outcome: 'findings-recorded' | 'cancelled' };
  /** Bookkeeping of what the records already hold. */
  recorded: { dateVersion: number; confidentiality: boolean };
}

export function openAuditState(input: AuditRequestInput): AuditState {
  const earliestDate = earliestAuditDate(input.receivedAt, input.timeZone);
  const state: AuditState = {
    auditId: input.auditId,
    customerId: input.customerId,
    receivedAt: input.receivedAt,
    timeZone: input.timeZone,
    earliestDate,
    proposals: [],
    dateVersion: 0,
    invitedVersion: 0,
    phase: 'opening',
    status: 'opening',
    stepsDone: [],
    alertsSent: [],
    undeliveredAlerts: [],
    appliedWebhookIds: [],
    timeline: [{ at: input.receivedAt, event: `audit requested for ${input.proposedDate}; earliest allowed date ${earliestDate}` }],
    recorded: { dateVersion: 0, confidentiality: false },
  };
  proposeDate(state, input.proposedDate, input.receivedAt, 'product');
  return state;
}

/** 12.2: whether a date leaves the notice; the answer to the request names the earliest date either way. */
export function isEarlyEnough(state: Pick<AuditState, 'earliestDate'>, date: LocalDate): boolean {
  return compareLocalDates(date, state.earliestDate) >= 0;
}

function proposeDate(state: AuditState, date: LocalDate, at: Instant, source: AuditSource): boolean {
  const accepted = isEarlyEnough(state, date);
  state.proposals.push({ date, at, accepted, source });
  if (accepted && date !== state.date) {
    const moved = state.date;
    state.date = date;
    state.dateFixedAt = at;
    state.dateVersion += 1;
    state.timeline.push({ at, event: moved ? `date moved from ${moved} to ${date}` : `date fixed: ${date}` });
  } else if (!accepted) {
    state.timeline.push({ at, event: `date ${date} refused: too early, the earliest is ${state.earliestDate}` });
  }
  return accepted;
}

/**
 * 12.3: the auditors are "not bound" once a date is fixed, the customer's first confidentiality reminder
 * is due, and nothing confirms that they are; until the audit is held.
 */
export function auditorsNotBound(state: AuditState, now: Instant, settings: AuditSettings = defaultAuditSettings): boolean {
  if (!state.date || state.confidentiality || state.closed || state.cancellation) return false;
  const firstCall = Math.max(...settings.confidentialityReminderWorkingDays, settings.confidentialityAlertWorkingDays);
  return parseInstant(now) >= parseInstant(auditClockAt(workingDaysBefore(state.date, firstCall), state.timeZone));
}

export function displayStatus(state: AuditState, now: Instant, settings: AuditSettings = defaultAuditSettings): AuditDisplayStatus {
  if (state.cancellation) return 'cancelled';
  if (state.closed) return 'closed';
  if (state.phase === 'opening') return 'opening';
  if (!state.date) return 'awaiting-date';
  if (parseInstant(now) >= parseInstant(auditDayOver(state.date, state.timeZone))) return 'awaiting-findings';
  if (auditorsNotBound(state, now, settings)) return 'auditors-not-bound';
  return 'scheduled';
}

// ---------------------------------------------------------------------------------------------
// Messages

export interface AuditDateProposedMessage {
  proposedDate: LocalDate;
  receivedAt: Instant;
  source: AuditSource;
  webhookId?: string;
}

export interface AuditDateResult {
  /** The date fixed, or null while none is. */
  date: LocalDate | null;
  earliestDate: LocalDate;
  duplicate: boolean;
}

export interface AuditConfidentialityMessage {
  reference?: string;
  confirmedAt: Instant;
  source: AuditSource;
  webhookId?: string;
}

export interface AuditCancelledMessage {
  reason?: string;
  cancelledAt: Instant;
  source: AuditSource;
  webhookId?: string;
}

export interface AuditFindingsMessage {
  summary: string;
  seriousIncidentFound: boolean;
  policyBreachFound: boolean;
  /** 12.4: 0 to 1; above 0 only with a finding. */
  processorCostShare: number;
  recordedAt: Instant;
  source: AuditSource;
}

export interface AuditDoneResult {
  duplicate: boolean;
}

/** 12.2: the customer proposes a (new) date; too early is refused with the earliest date. */
export const auditDateProposedUpdate = defineUpdate<AuditDateResult, [AuditDateProposedMessage]>('auditDateProposed');
/** 12.3: the customer confirms that its auditors are bound to confidentiality. */
export const auditConfidentialityConfirmedUpdate = defineUpdate<AuditDoneResult, [AuditConfidentialityMessage]>(
  'auditConfidentialityConfirmed',
);
/** The customer (or an operator) calls the audit off: everyone invited gets the cancellation. */
export const auditCancelledUpdate = defineUpdate<AuditDoneResult, [AuditCancelledMessage]>('auditCancelled');
/** 12.4: the findings and the cost allocation, after the audit. */
export const auditFindingsRecordedUpdate = defineUpdate<AuditDoneResult, [AuditFindingsMessage]>('auditFindingsRecorded');
export const auditStatusQuery = defineQuery<AuditState>('auditStatus');

// ---------------------------------------------------------------------------------------------
// Validators

const futureTolerance = 5 * 60_000;

function refuseInstant(name: string, value: unknown, now: Instant): string | undefined {
  if (typeof value !== 'string' || !isInstant(value)) return `${name} must be an ISO 8601 date-time with a time zone`;
  if (parseInstant(value) > parseInstant(now) + futureTolerance) return `${name} (${value}) lies in the future`;
  return undefined;
}

function refuseText(name: string, value: unknown, required = false): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 10000) return `${name} must be a text of 1 to 10000 characters`;
  return undefined;
}

function refuseSource(value: unknown): string | undefined {
  return value === 'product' || value === 'operator' ? undefined : 'source must be "product" or "operator"';
}

const alreadyApplied = (state: AuditState, webhookId: string | undefined) =>
  webhookId !== undefined && state.appliedWebhookIds.includes(webhookId);

function endedReason(state: AuditState): string | undefined {
  if (state.cancellation) return `audit ${state.auditId} was cancelled at ${state.cancellation.cancelledAt}`;
  if (state.closed) return `audit ${state.auditId} is closed: its findings were recorded at ${state.findings?.recordedAt}`;
  return undefined;
}

/** The day the audit is held, on the customer's calendar, has begun. */
function auditDayReached(state: AuditState, now: Instant): boolean {
  return state.date !== undefined && compareLocalDates(localDateOf(now, state.timeZone), state.date) >= 0;
}

/** The wording of a too-early refusal: the earliest date goes with it, as the 409 body does. */
export function tooEarlyReason(state: Pick<AuditState, 'auditId' | 'earliestDate'>, date: LocalDate): string {
  return (
    `${date} is too early for audit ${state.auditId}: policy 12.2 requires at least 30 working days' notice, ` +
    `so the earliest date is ${state.earliestDate}`
  );
}

export function refuseDateProposal(state: AuditState, message: AuditDateProposedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message?.webhookId)) return undefined;
  const ended = endedReason(state);
  if (ended) return `${ended}; its date can no longer be changed`;
  if (typeof message?.proposedDate !== 'string' || !isLocalDate(message.proposedDate)) return 'proposedDate must be a date as YYYY-MM-DD';
  const shape = refuseInstant('receivedAt', message.receivedAt, now) ?? refuseSource(message.source);
  if (shape) return shape;
  if (auditDayReached(state, now)) {
    return `audit ${state.auditId} was held on ${state.date}; record its findings rather than a new date`;
  }
  if (!isEarlyEnough(state, message.proposedDate)) return tooEarlyReason(state, message.proposedDate);
  return undefined;
}

export function refuseConfidentiality(state: AuditState, message: AuditConfidentialityMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message?.webhookId)) return undefined;
  const ended = endedReason(state);
  if (ended) return `${ended}; nothing is awaited any more`;
  return (
    refuseInstant('confirmedAt', message?.confirmedAt, now) ?? refuseText('reference', message.reference) ?? refuseSource(message.source)
  );
}

export function refuseCancellation(state: AuditState, message: AuditCancelledMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message?.webhookId)) return undefined;
  if (state.cancellation) return undefined; // the same cancellation again changes nothing
  const ended = endedReason(state);
  if (ended) return `${ended}; an audit held cannot be cancelled`;
  return refuseInstant('cancelledAt', message?.cancelledAt, now) ?? refuseText('reason', message.reason) ?? refuseSource(message.source);
}

export function refuseFindings(state: AuditState, message: AuditFindingsMessage, now: Instant): string | undefined {
  const ended = endedReason(state);
  if (ended) return `${ended}; findings can no longer be recorded`;
  if (!state.date) return `audit ${state.auditId} has no date yet; findings are recorded after the audit`;
  if (!auditDayReached(state, now)) return `audit ${state.auditId} is to be held on ${state.date}; findings are recorded from that day on`;
  const shape =
    refuseText('summary', message?.summary, true) ??
    (typeof message.seriousIncidentFound !== 'boolean' ? 'seriousIncidentFound must be true or false' : undefined) ??
    (typeof message.policyBreachFound !== 'boolean' ? 'policyBreachFound must be true or false' : undefined) ??
    refuseInstant('recordedAt', message.recordedAt, now) ??
    refuseSource(message.source);
  if (shape) return shape;
  const share = message.processorCostShare;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
    return 'processorCostShare must be a number from 0 (the customer bears every cost) to 1 (the processor bears them all)';
  }
  // 12.4: "uitsluitend voor rekening van de Klant, behalve indien (en voor zover) ... wordt vastgesteld".
  if (share > 0 && !message.seriousIncidentFound && !message.policyBreachFound) {
    return (
      `processorCostShare ${share} without a finding: policy 12.4 puts every cost of the audit on the customer ` +
      'unless a serious security incident or a breach of the policy is found'
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Applying a validated message

function remember(state: AuditState, webhookId: string | undefined): void {
  if (webhookId !== undefined && !state.appliedWebhookIds.includes(webhookId)) state.appliedWebhookIds.push(webhookId);
}

export function applyDateProposal(state: AuditState, message: AuditDateProposedMessage): AuditDateResult {
  if (alreadyApplied(state, message.webhookId)) return { date: state.date ?? null, earliestDate: state.earliestDate, duplicate: true };
  const duplicate = state.date === message.proposedDate;
  if (!duplicate) proposeDate(state, message.proposedDate, normalizeInstant(message.receivedAt), message.source);
  remember(state, message.webhookId);
  return { date: state.date ?? null, earliestDate: state.earliestDate, duplicate };
}

export function applyConfidentiality(state: AuditState, message: AuditConfidentialityMessage): AuditDoneResult {
  if (alreadyApplied(state, message.webhookId) || state.confidentiality) {
    remember(state, message.webhookId);
    return { duplicate: true };
  }
  const confirmedAt = normalizeInstant(message.confirmedAt);
  state.confidentiality = { confirmedAt, ...(message.reference !== undefined && { reference: message.reference }), source: message.source };
  remember(state, message.webhookId);
  state.timeline.push({ at: confirmedAt, event: `auditors bound to confidentiality (confirmed by the ${message.source})` });
  return { duplicate: false };
}

export function applyCancellation(state: AuditState, message: AuditCancelledMessage): AuditDoneResult {
  if (alreadyApplied(state, message.webhookId) || state.cancellation) {
    remember(state, message.webhookId);
    return { duplicate: true };
  }
  const cancelledAt = normalizeInstant(message.cancelledAt);
  state.cancellation = { cancelledAt, ...(message.reason !== undefined && { reason: message.reason }), source: message.source };
  remember(state, message.webhookId);
  state.timeline.push({ at: cancelledAt, event: `audit cancelled (by the ${message.source})` });
  return { duplicate: false };
}

export function applyFindings(state: AuditState, message: AuditFindingsMessage): AuditDoneResult {
  if (state.findings) return { duplicate: true };
  const recordedAt = normalizeInstant(message.recordedAt);
  state.findings = {
    summary: message.summary,
    seriousIncidentFound: message.seriousIncidentFound,
    policyBreachFound: message.policyBreachFound,
    processorCostShare: message.processorCostShare,
    recordedAt,
    source: message.source,
  };
  state.timeline.push({
    at: recordedAt,
    event: `findings recorded; the processor bears ${Math.round(message.processorCostShare * 100)}% of the costs`,
  });
  return { duplicate: false };
}

// ---------------------------------------------------------------------------------------------
// The invitation

/** Stable per audit, whatever the date: a calendar replaces the event rather than adding one. */
export function auditInvitationUid(auditId: string): string {
  return `audit-${auditId}@dpa-orchestrator`;
}
