import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  addDays,
  addWorkingDays,
  belgianCalendar,
  formatLocalDate,
  fromLocalDateTime,
  isInstant,
  parseInstant,
  parseLocalDate,
  toLocalDateTime,
  withExtraHolidays,
  type Instant,
  type WorkingCalendar,
} from './clocks';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';
import { defaultTimeZone } from './language';
import { ownEntry } from './own-keys';

/**
 * Authority requests (policy 8.1 and 7.1; GDPR Art. 28(3)(a)): an information request, a subpoena, an
 * inspection or audit by a competent authority, or the processor's intent to disclose personal data to
 * one. Every customer concerned is told within a reasonable time unless the law forbids it, and before
 * any disclosure the scope and manner are discussed with it.
 */
export type AuthorityRequestKind = EventData<'authority.requested'>['requestKind'];

/**
 * The clocks of an authority request; each case keeps the settings it started with. Defaults, and why:
 *
 * - `noticeDeadlineWorkingDays: 2`. Customers are emailed at once; the deadline only tracks that they
 *   were really told. 8.1 asks for "een redelijke termijn": two Belgian working days leaves the
 *   customer most of an authority's usual answer period (commonly ten days or more) to react, object
 *   or seek advice, and gives the privacy team, who must act on a miss, working days to phone a
 *   customer whose email bounced. Counted in working days so that a request that arrives on a Friday
 *   evening or before Easter Monday does not fall due while nobody is at work.
 * - `noticeWarningWorkingDays: 1`. Half of that window: a customer still not told after one working day
 *   is named to the privacy team while a working day is left to reach it by telephone or letter, in
 *   addition to the alert at the deadline itself.
 * - `viewWindowWorkingDays: 5`. 7.1: scope and manner are discussed before any disclosure. One working
 *   week is enough for a customer's DPO and counsel to give a considered view, and short enough to fit
 *   inside an authority's deadline with time left to prepare the disclosure.
 * - `viewReminderWorkingDaysBefore: [2, 1]`. A customer whose view is missing is reminded mid-window and
 *   once more the working day before the window closes, always on a working day.
 * - `prohibitionReviewDays: 30`. While the law forbids telling the customers the case stays open; every
 *   30 days the privacy team is asked whether the prohibition still holds, so that none is forgotten.
 * - `prohibitionBasisWorkingDays: 1`. Art. 28(3)(a) allows silence only where the law forbids telling
 *   "on important grounds of public interest": a prohibition reported without the provision or order
 *   behind it must have one recorded within one Belgian working day, while the order is at hand. The
 *   privacy team is reminded at that deadline and every working day after it until the basis is in.
 * - `unknownCustomerGraceMinutes: 5`. As for a breach: a customer.upserted may be on its way.
 * - `timeZone: Europe/Brussels` and no extra non-working days: the processor's home and Belgian public
 *   holidays (PRODUCT.md "Dates and times"); each instant is still shown in the customer's own zone.
 */
export interface AuthoritySettings {
  noticeDeadlineWorkingDays: number;
  noticeWarningWorkingDays: number;
  viewWindowWorkingDays: number;
  viewReminderWorkingDaysBefore: number[];
  prohibitionReviewDays: number;
  prohibitionBasisWorkingDays: number;
  unknownCustomerGraceMinutes: number;
  timeZone: string;
  /** Closing days on top of the Belgian public holidays, `YYYY-MM-DD`. */
  extraNonWorkingDays: string[];
}

export const defaultAuthoritySettings: AuthoritySettings = {
  noticeDeadlineWorkingDays: 2,
  noticeWarningWorkingDays: 1,
  viewWindowWorkingDays: 5,
  viewReminderWorkingDaysBefore: [2, 1],
  prohibitionReviewDays: 30,
  prohibitionBasisWorkingDays: 1,
  unknownCustomerGraceMinutes: 5,
  timeZone: defaultTimeZone,
  extraNonWorkingDays: [],
};

export function authoritySettings(overrides: Partial<AuthoritySettings> = {}): AuthoritySettings {
  return { ...defaultAuthoritySettings, ...overrides };
}

export function authorityCalendar(settings: AuthoritySettings): WorkingCalendar {
  return settings.extraNonWorkingDays.length > 0 ? withExtraHolidays(belgianCalendar, settings.extraNonWorkingDays) : belgianCalendar;
}

/**
 * The same wall-clock time `workingDays` working days later (earlier when negative) in `timeZone`:
 * "five working days" from Thursday 09:00 is 09:00 on the fifth working day, across weekends, public
 * holidays and a change of summer time alike.
 */
export function workingDaysLater(instant: Instant, workingDays: number, settings: AuthoritySettings): Instant {
  const local = toLocalDateTime(instant, settings.timeZone);
  const date = addWorkingDays(formatLocalDate(local), workingDays, authorityCalendar(settings));
  return fromLocalDateTime({ ...local, ...parseLocalDate(date) }, settings.timeZone);
}

export interface AuthorityRequestInput {
  requestId: string;
  /** The authority's name as the product reported it (an institution, never a person). */
  authority: string;
  requestKind: AuthorityRequestKind;
  receivedAt: string;
  /** When the product reported it (the event's timestamp). */
  reportedAt: string;
  customerIds: string[];
  /** The law forbids telling the customers (Art. 28(3)(a): "important grounds of public interest"). */
  disclosureProhibited: boolean;
  /** The legal provision or order that forbids telling them, when the product reported it with the prohibition. */
  prohibitionBasis?: string;
  settings?: Partial<AuthoritySettings>;
}

export function authorityRequestInput(data: EventData<'authority.requested'>, reportedAt: string): AuthorityRequestInput {
  return {
    requestId: data.requestId,
    authority: data.authority,
    requestKind: data.requestKind,
    receivedAt: data.receivedAt,
    reportedAt,
    customerIds: [...new Set(data.customerIds)],
    disclosureProhibited: data.disclosureProhibited ?? false,
    ...(data.prohibitionBasis !== undefined && { prohibitionBasis: data.prohibitionBasis }),
  };
}

// ---------------------------------------------------------------------------------------------
// State, as the query shows it (plain JSON)

export type AuthorityNotice =
  /** The law forbids telling this customer for now. */
  | { status: 'withheld' }
  | { status: 'pending' }
  | { status: 'notified'; notifiedAt: string; via: 'email' | 'operator'; recipients?: number; channel?: string }
  | { status: 'undeliverable'; problem: string };

export interface AuthorityCustomerState {
  customerId: string;
  notice: AuthorityNotice;
  /** 7.1: the customer's view on scope and manner; the text itself is in the records only. */
  view?: { firstReceivedAt: string; lastReceivedAt: string; objectsToDisclosure: boolean; responses: number };
}

/**
 * An answer says whether it disclosed personal data processed for the customers (7.1: "voor enige
 * bekendmaking"); one that did carries its scope and manner, as a disclosure does.
 */
export type AuthorityOutcome =
  | { kind: 'answered'; at: string; summary: string; disclosesPersonalData: false; note?: string }
  | {
      kind: 'answered';
      at: string;
      summary: string;
      disclosesPersonalData: true;
      scope: string;
      manner: string;
      note?: string;
      objectionsConsidered?: boolean;
    }
  | { kind: 'disclosed'; at: string; scope: string; manner: string; note?: string; objectionsConsidered?: boolean };

export type AuthorityCaseStatus =
  | 'prohibition-basis-missing'
  | 'prohibited'
  | 'notifying'
  | 'awaiting-views'
  | 'ready-to-disclose'
  | 'awaiting-answer'
  | 'answered'
  | 'disclosed';

export interface AuthorityProhibition {
  since: string;
  basis?: string;
  basisRecordedAt?: string;
  /** Reported without a basis: by when the privacy team must record one (`prohibitionBasisWorkingDays`). */
  basisDueAt?: string;
  /** Reminders sent since `basisDueAt` passed without a basis. */
  basisReminders?: number;
  liftedAt?: string;
  liftReason?: string;
  reviewsSent: number;
  nextReviewAt?: string;
}

export interface AuthorityState {
  requestId: string;
  authority: string;
  requestKind: AuthorityRequestKind;
  receivedAt: string;
  status: AuthorityCaseStatus;
  settings: AuthoritySettings;
  prohibition?: AuthorityProhibition;
  /** 8.1: by when every customer must have been told (from receipt, or from the lifting of a prohibition). */
  noticeDueAt?: string;
  /** 8.1: when customers not told yet are named to the privacy team, while there is still time before `noticeDueAt`. */
  noticeWarningAt?: string;
  noticeDeadline?: 'met' | 'missed';
  /**
   * 7.1: until when the customers' views on the scope and manner of any disclosure are awaited, whatever
   * the request's kind: an answer may disclose personal data as much as an intended disclosure does.
   */
  viewsDueAt?: string;
  viewsDeadlinePassed: boolean;
  viewRemindersSent: number;
  customers: Record<string, AuthorityCustomerState>;
  outcome?: AuthorityOutcome;
  /** Responses naming a customer this request does not concern: counted, not applied. */
  ignoredResponses: number;
  /** Alerts the privacy team's address refused, retried until it takes them (workflows/privacy-team-alerts.ts). */
  undeliveredAlerts: UndeliveredAlertView[];
  closed: boolean;
}

export function prohibitionStanding(state: AuthorityState): boolean {
  return state.prohibition !== undefined && state.prohibition.liftedAt === undefined;
}

/** Customers whose view on an intended disclosure has not arrived. */
export function customersWithoutView(state: AuthorityState): string[] {
  return Object.values(state.customers)
    .filter((customer) => customer.view === undefined)
    .map((customer) => customer.customerId);
}

export function customersObjecting(state: AuthorityState): string[] {
  return Object.values(state.customers)
    .filter((customer) => customer.view?.objectsToDisclosure)
    .map((customer) => customer.customerId);
}

export function noticesInFlight(state: AuthorityState): boolean {
  return Object.values(state.customers).some((customer) => customer.notice.status === 'pending');
}

/**
 * 7.1: "In een dergelijk geval zal o2o voor enige bekendmaking en/of mededeling de omvang en de wijze
 * daarvan met de Klant bespreken." Views are awaited, for every kind of request, once the customers
 * were told of it; not while the law forbids telling them.
 */
export function viewsSought(state: AuthorityState): boolean {
  return state.viewsDueAt !== undefined;
}

/** A prohibition stands whose legal basis is still to be recorded (Art. 28(3)(a)). */
export function prohibitionBasisMissing(state: AuthorityState): boolean {
  return prohibitionStanding(state) && state.prohibition!.basis === undefined;
}

/** The status a case opens with, which the webhook sets before the workflow's first task. */
export function openingAuthorityStatus(input: AuthorityRequestInput): AuthorityCaseStatus {
  if (!input.disclosureProhibited) return 'notifying';
  return input.prohibitionBasis === undefined ? 'prohibition-basis-missing' : 'prohibited';
}

export function authorityCaseStatus(state: AuthorityState, now: string): AuthorityCaseStatus {
  if (state.closed && state.outcome) return state.outcome.kind;
  if (prohibitionBasisMissing(state)) return 'prohibition-basis-missing';
  if (prohibitionStanding(state)) return 'prohibited';
  if (noticesInFlight(state)) return 'notifying';
  if (state.outcome) return state.outcome.kind;
  if (state.requestKind !== 'disclosure-intent') return 'awaiting-answer';
  return viewsPending(state, now) ? 'awaiting-views' : 'ready-to-disclose';
}

function viewsPending(state: AuthorityState, now: string): boolean {
  if (!viewsSought(state) || state.viewsDeadlinePassed) return false;
  if (parseInstant(now) >= parseInstant(state.viewsDueAt!)) return false;
  return customersWithoutView(state).length > 0;
}

/**
 * What an operator should see as the next clock: the legal basis of a prohibition (or its next reminder)
 * or a review, the notice deadline, or the views deadline.
 */
export function authorityNextDeadline(state: AuthorityState): string | undefined {
  if (state.closed) return undefined;
  if (prohibitionStanding(state)) {
    const basisAt = nextProhibitionBasisReminderAt(state);
    const reviewAt = state.prohibition!.nextReviewAt;
    if (basisAt === undefined || reviewAt === undefined) return basisAt ?? reviewAt;
    return parseInstant(basisAt) <= parseInstant(reviewAt) ? basisAt : reviewAt;
  }
  if (state.noticeDueAt && state.noticeDeadline === undefined) return state.noticeDueAt;
  if (viewsSought(state) && !state.viewsDeadlinePassed && !state.outcome && customersWithoutView(state).length > 0) {
    return state.viewsDueAt;
  }
  return undefined;
}

/**
 * 8.1: when the customers not told yet are named to the privacy team, `noticeWarningWorkingDays` into the
 * notice window that opens at `from`; none when that is not before the deadline itself.
 */
export function noticeWarningAt(from: string, settings: AuthoritySettings): string | undefined {
  const warnAt = workingDaysLater(from, settings.noticeWarningWorkingDays, settings);
  const dueAt = workingDaysLater(from, settings.noticeDeadlineWorkingDays, settings);
  return settings.noticeWarningWorkingDays > 0 && parseInstant(warnAt) < parseInstant(dueAt) ? warnAt : undefined;
}

/** When the `n`th review of a standing prohibition is due: every `prohibitionReviewDays` from its start. */
export function prohibitionReviewAt(since: string, n: number, settings: AuthoritySettings): string {
  return addDays(since, n * settings.prohibitionReviewDays, settings.timeZone);
}

/**
 * While a standing prohibition has no basis: when the privacy team is next reminded, at the basis
 * deadline and then at the same time each working day after it.
 */
export function nextProhibitionBasisReminderAt(state: AuthorityState): string | undefined {
  const prohibition = state.prohibition;
  if (!prohibitionBasisMissing(state) || prohibition?.basisDueAt === undefined) return undefined;
  return workingDaysLater(prohibition.basisDueAt, prohibition.basisReminders ?? 0, state.settings);
}

export interface ViewReminder {
  /** Changes when the deadline moves, so that an extension schedules its own reminders. */
  key: string;
  at: string;
}

/** 7.1: reminders on working days before the views deadline, earliest first. */
export function viewReminderSchedule(viewsDueAt: string, settings: AuthoritySettings): ViewReminder[] {
  const days = [...new Set(settings.viewReminderWorkingDaysBefore.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => b - a);
  return days.map((n) => ({ key: `${n}wd@${viewsDueAt}`, at: workingDaysLater(viewsDueAt, -n, settings) }));
}

/** The next reminder still ahead (at or after `now`) that was not sent, or none. */
export function nextViewReminder(
  viewsDueAt: string,
  settings: AuthoritySettings,
  sent: readonly string[],
  now: string,
): ViewReminder | undefined {
  const nowMillis = parseInstant(now);
  return viewReminderSchedule(viewsDueAt, settings).find(
    (reminder) =>
      !sent.includes(reminder.key) && parseInstant(reminder.at) >= nowMillis && parseInstant(reminder.at) < parseInstant(viewsDueAt),
  );
}

// ---------------------------------------------------------------------------------------------
// Messages of `authority-<requestId>`

/** A fact from the product: a customer's view on the scope and manner of a disclosure (7.1). */
export interface AuthorityCustomerRespondedSignal {
  customerId: string;
  view: string;
  objectsToDisclosure: boolean;
  receivedAt: string;
  /** The delivery's webhook id: a repeat is applied once. */
  webhookId: string;
}
export const authorityCustomerRespondedSignal = defineSignal<[AuthorityCustomerRespondedSignal]>('authorityCustomerResponded');

export interface RecordProhibitionBasisRequest {
  /** The legal provision or order that forbids telling the customers, e.g. "Art. 46quater §2 Sv.; order of 2 April". */
  basis: string;
}
export const recordProhibitionBasisUpdate = defineUpdate<AuthorityProhibition, [RecordProhibitionBasisRequest]>('recordProhibitionBasis');

export interface LiftProhibitionRequest {
  reason: string;
}
export const liftProhibitionUpdate = defineUpdate<AuthorityProhibition, [LiftProhibitionRequest]>('liftProhibition');

export interface RecordCustomerNotifiedRequest {
  customerId: string;
  /** How the customer was told when email failed: "telephone to its DPO", "registered letter". */
  channel: string;
  notifiedAt?: string;
}
export const recordCustomerNotifiedUpdate = defineUpdate<AuthorityNotice, [RecordCustomerNotifiedRequest]>('recordCustomerNotified');

export interface ExtendViewsDeadlineRequest {
  until: string;
  reason: string;
}
export const extendViewsDeadlineUpdate = defineUpdate<{ viewsDueAt: string }, [ExtendViewsDeadlineRequest]>('extendViewsDeadline');

export interface RecordDisclosureRequest {
  scope: string;
  manner: string;
  disclosedAt?: string;
  note?: string;
  /** Required when a customer objected: the objection was weighed before disclosing. */
  objectionsConsidered?: boolean;
}
export const recordDisclosureUpdate = defineUpdate<AuthorityOutcome, [RecordDisclosureRequest]>('recordDisclosure');

export interface RecordAnswerRequest {
  summary: string;
  /**
   * 7.1: whether the answer discloses personal data processed for the customers. Never assumed: an
   * answer that discloses none says so, and the customers are told so.
   */
  disclosesPersonalData: boolean;
  /** Required when the answer discloses personal data, refused when it does not. */
  scope?: string;
  manner?: string;
  answeredAt?: string;
  note?: string;
  /** Required when a customer objected and the answer discloses personal data. */
  objectionsConsidered?: boolean;
}
export const recordAnswerUpdate = defineUpdate<AuthorityOutcome, [RecordAnswerRequest]>('recordAnswer');

export const authorityStatusQuery = defineQuery<AuthorityState>('authorityStatus');

// ---------------------------------------------------------------------------------------------
// Why an operator's decision is refused (the update validators); undefined means it is allowed

const maxText = 10_000;
// An operator's clock may run a little ahead of the workflow's.
const clockSkewMillis = 5 * 60_000;

function textProblem(name: string, value: unknown, max = maxText): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `${name} must be a non-empty text`;
  if (value.length > max) return `${name} must be at most ${max} characters`;
  return undefined;
}

function instantProblem(name: string, value: unknown, state: AuthorityState, now: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isInstant(value)) return `${name} must be an ISO 8601 instant with a zone, e.g. 2026-04-10T09:00:00Z`;
  if (parseInstant(value) < parseInstant(state.receivedAt))
    return `${name} cannot be before the request was received (${state.receivedAt})`;
  if (parseInstant(value) > parseInstant(now) + clockSkewMillis) return `${name} cannot be in the future`;
  return undefined;
}

export function refuseProhibitionBasis(state: AuthorityState, request: RecordProhibitionBasisRequest): string | undefined {
  if (!state.prohibition)
    return `authority request ${state.requestId} carries no prohibition to tell the customers; there is no basis to record`;
  return textProblem('basis', request?.basis, 2000);
}

export function refuseProhibitionLifting(state: AuthorityState, request: LiftProhibitionRequest): string | undefined {
  if (!state.prohibition) return `authority request ${state.requestId} carries no prohibition to lift`;
  if (state.prohibition.liftedAt) return `the prohibition was already lifted at ${state.prohibition.liftedAt}`;
  return textProblem('reason', request?.reason, 2000);
}

export function refuseCustomerNotified(state: AuthorityState, request: RecordCustomerNotifiedRequest, now: string): string | undefined {
  const customer = typeof request?.customerId === 'string' ? ownEntry(state.customers, request.customerId) : undefined;
  if (!customer) return `customer ${String(request?.customerId)} is not concerned by authority request ${state.requestId}`;
  if (prohibitionStanding(state)) return 'the law forbids telling the customers (disclosureProhibited): lift the prohibition first';
  if (customer.notice.status === 'notified') return `customer ${customer.customerId} was already notified at ${customer.notice.notifiedAt}`;
  return textProblem('channel', request.channel, 500) ?? instantProblem('notifiedAt', request.notifiedAt, state, now);
}

export function refuseViewsDeadlineExtension(state: AuthorityState, request: ExtendViewsDeadlineRequest): string | undefined {
  if (!viewsSought(state)) return `authority request ${state.requestId} is not awaiting the customers' views`;
  if (state.outcome) return `the ${state.outcome.kind === 'disclosed' ? 'disclosure' : 'answer'} is already recorded`;
  if (state.viewsDeadlinePassed) return `the views deadline ${state.viewsDueAt} has already passed`;
  if (typeof request?.until !== 'string' || !isInstant(request.until)) return 'until must be an ISO 8601 instant with a zone';
  if (parseInstant(request.until) <= parseInstant(state.viewsDueAt!))
    return `until must be later than the current deadline ${state.viewsDueAt}`;
  return textProblem('reason', request.reason, 2000);
}

/**
 * 7.1: before any disclosure of personal data, whatever the request's kind, its scope and manner are
 * discussed with every customer told of the request: each customer's view is in, or the views deadline
 * has passed, and an objection was weighed. Only a standing prohibition to tell the customers (Art.
 * 28(3)(a)) makes the discussion impossible, and so not required.
 */
function refuseBeforeDiscussion(
  state: AuthorityState,
  objectionsConsidered: boolean | undefined,
  what: 'the disclosure' | 'an answer that discloses personal data',
  now: string,
): string | undefined {
  if (prohibitionStanding(state)) return undefined;
  if (!viewsSought(state) || noticesInFlight(state)) return 'the customers are still being told of the request; try again shortly';
  if (viewsPending(state, now)) {
    const missing = customersWithoutView(state);
    return (
      `7.1: the view of ${missing.length} customer(s) on scope and manner is still awaited (${missing.slice(0, 10).join(', ')}` +
      `${missing.length > 10 ? ', ...' : ''}) until ${state.viewsDueAt}; record ${what} once every view is in or the deadline has passed`
    );
  }
  const objecting = customersObjecting(state);
  if (objecting.length > 0 && objectionsConsidered !== true) {
    return `customer(s) ${objecting.join(', ')} object to the disclosure: weigh the objection, then set objectionsConsidered to true`;
  }
  return undefined;
}

export function refuseDisclosure(state: AuthorityState, request: RecordDisclosureRequest, now: string): string | undefined {
  if (state.requestKind !== 'disclosure-intent') {
    return `authority request ${state.requestId} is a ${state.requestKind} request: record its answer with recordAnswer`;
  }
  if (state.outcome) return `the disclosure was already recorded at ${state.outcome.at}`;
  const text =
    textProblem('scope', request?.scope) ??
    textProblem('manner', request?.manner) ??
    (request.note === undefined ? undefined : textProblem('note', request.note));
  if (text) return text;
  return (
    refuseBeforeDiscussion(state, request.objectionsConsidered, 'the disclosure', now) ??
    instantProblem('disclosedAt', request.disclosedAt, state, now)
  );
}

export function refuseAnswer(state: AuthorityState, request: RecordAnswerRequest, now: string): string | undefined {
  if (state.requestKind === 'disclosure-intent') {
    return `authority request ${state.requestId} is an intended disclosure: record it with recordDisclosure`;
  }
  if (state.outcome) return `the answer was already recorded at ${state.outcome.at}`;
  const text = textProblem('summary', request?.summary) ?? (request.note === undefined ? undefined : textProblem('note', request.note));
  if (text) return text;
  if (typeof request.disclosesPersonalData !== 'boolean') {
    return '7.1: disclosesPersonalData must be true or false: say whether the answer discloses personal data processed for the customers';
  }
  if (request.disclosesPersonalData) {
    const disclosed = textProblem('scope', request.scope) ?? textProblem('manner', request.manner);
    if (disclosed) return `${disclosed}: an answer that discloses personal data says what it discloses (scope) and how (manner)`;
  } else if (request.scope !== undefined || request.manner !== undefined) {
    return 'an answer that discloses no personal data has no scope or manner: leave them out, or set disclosesPersonalData to true';
  }
  // 8.1: the customers hear of the request before it is answered, unless the law forbids it.
  if (!prohibitionStanding(state) && (state.noticeDueAt === undefined || noticesInFlight(state))) {
    return 'the customers are still being told of the request; try again shortly';
  }
  return (
    (request.disclosesPersonalData
      ? refuseBeforeDiscussion(state, request.objectionsConsidered, 'an answer that discloses personal data', now)
      : undefined) ?? instantProblem('answeredAt', request.answeredAt, state, now)
  );
}
