import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { endOfLastLocalDay } from './clocks';
import { defaultTimeZone } from './language';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';
import type { TransferBasis, TransferSafeguard } from './transfers';

/**
 * The subprocessor change process (policy 5.1-5.4, 6; GDPR Art. 28(2), 28(4)).
 *
 * `subprocessor-change-<changeId>` announces one change of the register to every customer concerned and
 * owns every customer's 30-day objection window, kept in the records. A customer's objection starts
 * `objection-<changeId>~<customerId>`, which owns what follows: the judgment, the processor's 30 days to
 * offer a remedy, the right to terminate.
 */

export type SubprocessorChangeAction = 'added' | 'replaced' | 'removed';

/** What every customer is told about a change (5.2): no personal data, ids and public facts only. */
export interface SubprocessorChangeNotice {
  changeId: string;
  action: SubprocessorChangeAction;
  subprocessor: { id: string; name: string; country: string; purpose: string; safeguard?: TransferSafeguard };
  /** 6.3: what makes a transfer to it lawful ('eea' when it is inside the EEA); absent for a removal. */
  transferBasis?: TransferBasis;
  /** The id of the subprocessor replaced ('replaced' only). */
  replaces?: string;
  effectiveAt: string;
  /** When the register was updated: the event's timestamp. */
  announcedAt: string;
  /**
   * A change that takes effect before its customers' windows can close (`refuseEarlyEffect`), taken
   * because the product marked it urgent, with its reason. Absent from changes announced before it existed.
   */
  urgent?: { reason: string };
}

/**
 * The delays of one customer's objection window. Defaults, and why:
 * - 30 days to object (5.2), counted from the notice; no customer contract setting exists for it yet
 *   (ContractSettings has only breachNoticeHours and exportWindowDays), so the policy's value applies;
 * - a reminder 7 days before the window closes: time enough to consult and write reasons;
 * - at most 30 days from a reasonable objection for the processor to offer a change (5.3);
 * - `unknownCustomerGraceMinutes: 5`. As for a breach: a customer.upserted may be on its way, so the
 *   notice is retried that long before the privacy team is told that nobody could be notified;
 * - `lateDeliveryDays: 7`. An objection counts by when it was received (5.2), but its webhook can
 *   arrive after the close: the product retries while this side is down or unreachable. A window that
 *   closed without an objection is `accepted` at once, and still takes one received in time for a week.
 * After an objection (the privacy team's clocks; nothing about an objection may pass in silence):
 * - `teamReminderDays: 7`. An objection nobody has judged, and a declined offer nobody has decided on,
 *   are brought to the team again every week;
 * - `remedyWarningDays: 7`. A week before the processor's 30 days end while no offer is recorded, the
 *   team is warned that the customer will be told of its right to terminate;
 * - `offerReminderDays: 7`. An offer the customer has not answered is brought to it again every week,
 *   three times; then the team is told;
 * - `terminationNoticeDays: 30`. 5.3 lets the customer terminate "binnen een redelijke termijn" by
 *   written notice: the objection waits that long for it after telling the customer of its right.
 */
export interface ObjectionWindowSettings {
  objectionWindowDays: number;
  reminderDaysBeforeClose: number;
  remedyDays: number;
  unknownCustomerGraceMinutes: number;
  lateDeliveryDays: number;
  teamReminderDays: number;
  remedyWarningDays: number;
  offerReminderDays: number;
  terminationNoticeDays: number;
}

export const defaultObjectionWindowSettings: ObjectionWindowSettings = {
  objectionWindowDays: 30,
  reminderDaysBeforeClose: 7,
  remedyDays: 30,
  unknownCustomerGraceMinutes: 5,
  lateDeliveryDays: 7,
  teamReminderDays: 7,
  remedyWarningDays: 7,
  offerReminderDays: 7,
  terminationNoticeDays: 30,
};

/** How many times an unanswered offer is brought to the customer before the team is told. */
export const offerReminders = 3;

/** The settings that came after the first ones: inputs stored before them lack them. */
type LaterSettings =
  | 'unknownCustomerGraceMinutes'
  | 'lateDeliveryDays'
  | 'teamReminderDays'
  | 'remedyWarningDays'
  | 'offerReminderDays'
  | 'terminationNoticeDays';

/**
 * Settings as a workflow input holds them: inputs stored before the later settings existed (running or
 * continued changes, objections started from them) lack them, and must still start.
 */
export type StoredObjectionWindowSettings = Omit<ObjectionWindowSettings, LaterSettings> &
  Partial<Pick<ObjectionWindowSettings, LaterSettings>>;

/** The settings a workflow works with: the stored ones, completed with today's defaults. */
export function objectionWindowSettings(stored: StoredObjectionWindowSettings | undefined): ObjectionWindowSettings {
  return { ...defaultObjectionWindowSettings, ...stored };
}

/**
 * How `subprocessorChange` announces: `windowsPerBatch` customers per activity call (each call sends
 * their notices side by side and heartbeats its progress), `batchesPerRun` calls per run before it
 * continues as new. A run's history stays at a few dozen events whatever the number of customers.
 */
export const windowsPerBatch = 500;
export const batchesPerRun = 10;
/** Rounds of the windows' loop (a wake-up, its batch of closes and reminders) before a run continues as new. */
export const windowRoundsPerRun = 200;

/** The state of one customer's window, as the records keep it. */
export type ObjectionWindowLabel = 'notifying' | 'open' | 'objected' | 'accepted' | 'undeliverable';

/**
 * One customer's window of a change, as kept in the records (records/objection-windows.ts) and shown by
 * `GET /subprocessor-changes/<changeId>/windows`. No address: ids, states and instants.
 */
export interface ObjectionWindow {
  changeId: string;
  customerId: string;
  /** null for a change announced before the windows were kept in the records. */
  state: ObjectionWindowLabel | null;
  /** When the mail server first accepted the notice for one of its contacts. */
  noticeAcceptedAt: string | null;
  /** The last instant an objection is in time: the end of the 30th day after the notice, in its zone. */
  closesAt: string | null;
  reminderAt: string | null;
  remindedAt: string | null;
  objection: { receivedAt: string; webhookId: string | null } | null;
  /** Why nobody could be told (SMTP answers and ids, never an address). */
  problem: string | null;
  /** How the objection ended, once it has: its final status, and the customer's notice of termination if it gave one. */
  outcome: ObjectionOutcome | null;
}

export interface ObjectionOutcome {
  status: ObjectionStatusLabel;
  endedAt: string;
  servicesTerminated?: { services: string[]; receivedAt: string };
}

/** How many windows of a change are in each state; `notified`: whose notice a contact accepted. */
export interface ObjectionWindowCounts {
  total: number;
  notifying: number;
  notified: number;
  open: number;
  objected: number;
  accepted: number;
  undeliverable: number;
}

/**
 * 5.2 "binnen dertig (30) dagen na de kennisgeving": the window ends with the 30th day after the day of
 * the notice, whole, on the customer's own calendar; so an objection late on that day is in time, and
 * a daylight-saving change in between moves nothing. Gives the last instant of that day.
 */
export function objectionWindowClosesAt(noticeAt: string, timeZone: string, days: number): string {
  return endOfLastLocalDay(noticeAt, timeZone, days);
}

/**
 * The customers a change concerns, as the records describe them when the change is received: the
 * distinct time zones of those described, and whether any is not described yet (a customer.upserted may
 * follow the change within `unknownCustomerGraceMinutes`).
 */
export interface ConcernedCustomers {
  timeZones: readonly string[];
  undescribed: boolean;
}

/**
 * Every zone an undescribed customer could come to have: the runtime's IANA zones, the fixed-offset
 * `Etc/GMT` ones from -14 to +12 (a customer.upserted may name them; no city zone lies at UTC-12) and the
 * default zone. Why not only the extremes (Etc/GMT+12, Pacific/Kiritimati): the window ends at the end
 * of a local day, so the latest close of all belongs to the zone whose local day has begun most
 * recently, which is an extreme only when the received instant falls near midnight there. Received at
 * 18:00 UTC, say, a customer at UTC+6 (its day six hours old) closes six hours after both extremes.
 */
let everyZone: readonly string[] | undefined;
function everyTimeZone(): readonly string[] {
  everyZone ??= [
    ...new Set([
      defaultTimeZone,
      ...Intl.supportedValuesOf('timeZone'),
      ...Array.from({ length: 27 }, (_, i) => i - 14).map((offset) =>
        offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : ''}${offset}`,
      ),
    ]),
  ];
  return everyZone;
}

/**
 * 5.2: the latest instant a window of the change could close, counted from when the change is received:
 * its notices go out from then, and none earlier, so no window closes before the close computed from it
 * in its customer's zone. A customer not described yet may be told up to the grace later, in any zone.
 * Undefined when the change concerns nobody. (A notice that leaves later still, with a slow mail server,
 * closes later: this is the least the customers are owed, not a promise of the exact close.)
 */
export function latestObjectionWindowClose(
  receivedAt: string,
  concerned: ConcernedCustomers,
  settings: Pick<ObjectionWindowSettings, 'objectionWindowDays' | 'unknownCustomerGraceMinutes'> = defaultObjectionWindowSettings,
): string | undefined {
  const closes = concerned.timeZones.map((zone) => Date.parse(objectionWindowClosesAt(receivedAt, zone, settings.objectionWindowDays)));
  if (concerned.undescribed) {
    const toldBy = new Date(Date.parse(receivedAt) + settings.unknownCustomerGraceMinutes * 60_000).toISOString();
    for (const zone of everyTimeZone()) closes.push(Date.parse(objectionWindowClosesAt(toldBy, zone, settings.objectionWindowDays)));
  }
  return closes.length === 0 ? undefined : new Date(Math.max(...closes)).toISOString();
}

/**
 * 5.2, Art. 28(2) GDPR: every customer has 30 days from its notice to object before a new subprocessor
 * processes its data. A change that adds one (`added`, `replaced`; a removal takes nobody new on) and
 * takes effect before the latest window can close is refused, unless the product marks it urgent with
 * its reason. Gives the reason, naming that instant and how to proceed, or undefined.
 */
export function refuseEarlyEffect(
  change: { changeId: string; action: SubprocessorChangeAction; effectiveAt: string; urgent?: { reason: string } },
  receivedAt: string,
  concerned: ConcernedCustomers,
  settings: Pick<ObjectionWindowSettings, 'objectionWindowDays' | 'unknownCustomerGraceMinutes'> = defaultObjectionWindowSettings,
): string | undefined {
  if (change.action === 'removed' || change.urgent !== undefined) return undefined;
  const latest = latestObjectionWindowClose(receivedAt, concerned, settings);
  if (latest === undefined || Date.parse(change.effectiveAt) >= Date.parse(latest)) return undefined;
  return (
    `change ${change.changeId} takes effect at ${change.effectiveAt}, before its customers' windows to object can close: ` +
    `the last closes at ${latest} (${settings.objectionWindowDays} days from the notice, policy 5.2; Art. 28(2) GDPR). ` +
    `Send it again with effectiveAt at or after ${latest}, or, if it cannot wait, mark it urgent with the reason: ` +
    `"urgent": {"reason": "..."}`
  );
}

/** The reminder, `daysBefore` days of 24 hours before the window closes. */
export function objectionReminderAt(closesAt: string, daysBefore: number): string {
  return new Date(Date.parse(closesAt) - daysBefore * 86_400_000).toISOString();
}

/**
 * Input of `subprocessor-change-<changeId>`. The customers are recorded with the change
 * (records/subprocessors.ts) and their windows kept beside them: the input holds only their number, and
 * a continued run where it stands.
 */
export interface SubprocessorChangeInput {
  change: SubprocessorChangeNotice;
  /** How many customers the change concerns, as recorded with it. */
  recipients: number;
  settings?: StoredObjectionWindowSettings;
  /** Overrides windowsPerBatch, batchesPerRun and windowRoundsPerRun (tests show continued runs with small ones). */
  batching?: { windowsPerBatch: number; batchesPerRun: number; roundsPerRun?: number };
  /** Where a continued run stands. */
  carried?: SubprocessorChangeCarried;
}

export interface SubprocessorChangeCarried {
  phase: SubprocessorChangeStatusLabel;
  /** Position of the next customer to announce to. */
  nextIndex: number;
  runs: number;
  /** The windows' counts as last read, shown until the next run reads them again. */
  counts?: ObjectionWindowCounts;
  /** Alerts raised and not yet accepted by the privacy team's address: raised again at once. */
  alerts: ObjectionWindowAlertRequest[];
}

/** `notifying`: notices going out (and undescribed customers waited for); `open`: windows counting; `closed`: every window final. */
export type SubprocessorChangeStatusLabel = 'notifying' | 'open' | 'closed';

export interface SubprocessorChangeState {
  changeId: string;
  status: SubprocessorChangeStatusLabel;
  total: number;
  counts: ObjectionWindowCounts;
  /** The next instant the change wakes for: a reminder due, or a window closing. */
  nextDeadline?: string;
  nextIndex: number;
  runs: number;
  undeliveredAlerts: UndeliveredAlertView[];
}
export const subprocessorChangeStatusQuery = defineQuery<SubprocessorChangeState>('subprocessorChangeStatus');
/** The webhook endpoint took an objection into the records: the change counts its windows again. */
export const windowObjectedSignal = defineSignal<[{ customerId: string }]>('windowObjected');

/** An alert of the change about one customer's window (the step names it once per change, customer and kind). */
export interface ObjectionWindowAlertRequest {
  step: string;
  raisedAt: string;
  /** Absent for an alert about the whole change ('urgent-change'). */
  customerId?: string;
  kind: ObjectionWindowAlertKind;
  detail: string;
}

/** Input of `objection-<changeId>~<customerId>`, started with the objection by signal-with-start. */
export interface ObjectionInput {
  change: SubprocessorChangeNotice;
  customerId: string;
  /** The window as the records had it when the objection was taken. */
  window: { noticeAcceptedAt: string | null; closesAt: string | null };
  settings?: StoredObjectionWindowSettings;
}

/**
 * `objected`: awaiting the team's judgment; `remedy-pending`: judged reasonable, awaiting an offer;
 * `offer-made`: awaiting the customer's answer; `offer-declined`: awaiting the team's decision (another
 * offer within the 30 days, or the right to terminate, or the offer stands); `termination-right`: the
 * customer was told it may terminate, and its notice is awaited. Final: `objection-rejected`,
 * `remedied`, `offer-stands`, `services-terminated`, and `termination-right` once the notice period ends.
 */
export type ObjectionStatusLabel =
  | 'objected'
  | 'objection-rejected'
  | 'remedy-pending'
  | 'offer-made'
  | 'offer-declined'
  | 'remedied'
  | 'offer-stands'
  | 'termination-right'
  | 'services-terminated';

/**
 * Why the privacy team is asked to reach a customer by another channel: the product never described it
 * (no customer.upserted within the grace), or no contact of it accepted the notice, or the reminder;
 * or, after an objection, no contact accepted the rejection of it, the offer of a change, or the
 * statement of its right to terminate.
 */
export type ObjectionWindowAlertKind =
  | 'no-customer-record'
  | 'notice-undeliverable'
  | 'reminder-undeliverable'
  | 'rejection-undeliverable'
  | 'offer-undeliverable'
  | 'termination-right-undeliverable'
  /** Not about one customer: the change takes effect before its windows close (5.2), marked urgent. */
  | 'urgent-change'
  | ObjectionNewsKind;

/**
 * What an objection brings to the privacy team while it runs (5.3): its arrival, with the date the
 * remedy deadline falls; reminders while nobody has judged it; a warning before the deadline while no
 * offer is recorded; the right to terminate granted because the deadline passed; a declined offer that
 * needs a decision (and reminders of it); an offer the customer leaves unanswered; the customer's notice
 * that it terminates services; an offer reminder, or the team's decision that the offer stands, that no
 * contact accepted.
 */
export type ObjectionNewsKind =
  | 'objection-received'
  | 'objection-unjudged'
  | 'remedy-deadline-near'
  | 'termination-right-granted'
  | 'offer-declined'
  | 'offer-unanswered'
  | 'services-terminated'
  | 'offer-reminder-undeliverable'
  | 'offer-stands-undeliverable';

export interface ObjectionRecord {
  reasons: string;
  receivedAt: string;
  webhookId?: string;
  /** When the workflow recorded it (its own clock). */
  recordedAt: string;
}

export interface ObjectionJudgment {
  reasonable: boolean;
  reason: string;
  judgedAt: string;
}

/** The state of `objection-<changeId>~<customerId>`: everything after a customer's objection (5.3-5.4). */
export interface ObjectionState {
  changeId: string;
  customerId: string;
  status: ObjectionStatusLabel;
  /** When the notice was accepted (absent: the customer objected before any notice reached it). */
  noticeAt?: string;
  /** The window's last instant, as the notice stated it. */
  windowClosesAt?: string;
  objection?: ObjectionRecord;
  judgment?: ObjectionJudgment;
  /** objection receivedAt + remedyDays (5.3). */
  remedyDeadlineAt?: string;
  /** The offer of a change; a second one may follow a declined one within the 30 days. */
  offer?: { offer: string; offeredAt: string };
  /** Offers made before the current one, each with the customer's answer. */
  earlierOffers?: Array<{ offer: string; offeredAt: string; answer: RemedyAnswer }>;
  remedyAnswer?: RemedyAnswer;
  /** How often the customer was reminded of the current offer. */
  offerReminders?: number;
  /** After a declined offer: the privacy team's decision. */
  decision?: { decision: DeclinedOfferDecision; reason: string; decidedAt: string };
  /** 5.4: the services the customer may terminate (the subprocessor's purpose). */
  terminableServices?: string;
  /** When the customer was told of its right to terminate, and until when its notice is awaited. */
  terminationRight?: { why: TerminationRightWhy; grantedAt: string; noticeAwaitedUntil: string };
  /** 5.3: the customer's written notice that it terminates services. */
  servicesTerminated?: { services: string[]; receivedAt: string; webhookId?: string; recordedAt: string };
  /**
   * The privacy team's alerts, each once its address answered: `delivered` false while it refuses one
   * (it is retried, see undeliveredAlerts), true once it took it. `step` names it once per objection.
   */
  privacyTeamAlerts: Array<{ kind: ObjectionWindowAlertKind; step: string; at: string; delivered: boolean }>;
  /** Alerts the privacy team's address refused, retried until it takes them (workflows/privacy-team-alerts.ts). */
  undeliveredAlerts: UndeliveredAlertView[];
  timeline: Array<{ at: string; what: string }>;
}

export interface ObjectToChangeMessage {
  reasons: string;
  receivedAt: string;
  webhookId?: string;
}
export interface JudgeObjectionMessage {
  reasonable: boolean;
  reason: string;
}
export interface RecordRemedyOfferMessage {
  offer: string;
}
export interface RecordRemedyAnswerMessage {
  accepted: boolean;
  /** Why the customer declined (or anything it said with its answer). */
  reason?: string;
  /** When the customer answered (the product's event), or absent when an operator records it now. */
  receivedAt?: string;
  webhookId?: string;
}
export interface RemedyAnswer {
  accepted: boolean;
  answeredAt: string;
  reason?: string;
  webhookId?: string;
}
/** Why the customer may terminate: no judgment, or no offer, within the 30 days; or the team's decision after a declined offer. */
export type TerminationRightWhy = 'not-judged' | 'no-offer' | 'offer-declined';
export type DeclinedOfferDecision = 'termination-right' | 'offer-stands';
export interface DecideOnDeclinedOfferMessage {
  decision: DeclinedOfferDecision;
  reason: string;
}
export interface ServicesTerminatedMessage {
  services: string[];
  receivedAt: string;
  webhookId?: string;
}

/** 5.2: the customer's written objection with reasons, taken into the records by the webhook endpoint. */
export const objectionReceivedSignal = defineSignal<[ObjectToChangeMessage]>('objectionReceived');
/** An operator judges whether the objection is reasonable (5.3). */
export const judgeObjectionUpdate = defineUpdate<ObjectionState, [JudgeObjectionMessage]>('judgeObjection');
/** 5.3: the processor's offer of a change in the services or in their use. */
export const recordRemedyOfferUpdate = defineUpdate<ObjectionState, [RecordRemedyOfferMessage]>('recordRemedyOffer');
/** The customer's answer to the offer: by an operator, or by the product's `subprocessor.remedy-answered`. */
export const recordRemedyAnswerUpdate = defineUpdate<ObjectionState, [RecordRemedyAnswerMessage]>('recordRemedyAnswer');
/** After a declined offer, the privacy team decides: the right to terminate, or the offer stands (another offer is recordRemedyOffer). */
export const decideOnDeclinedOfferUpdate = defineUpdate<ObjectionState, [DecideOnDeclinedOfferMessage]>('decideOnDeclinedOffer');
/** 5.3: the customer's written notice that it terminates the services affected (`subprocessor.services-terminated`). */
export const recordServicesTerminatedUpdate = defineUpdate<ObjectionState, [ServicesTerminatedMessage]>('recordServicesTerminated');
export const objectionStatusQuery = defineQuery<ObjectionState>('objectionStatus');

// ---------------------------------------------------------------------------------------------
// Validators: the reason a message is refused, or undefined. Operators type these by hand.

/** How far a stated time may lie ahead of the workflow's clock (clock skew between systems). */
const futureToleranceMs = 5 * 60_000;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * 5.2: whether a customer's window takes an objection, judged against the window as the records keep
 * it. An objection counts by when it was received: one received by the close is taken while the window
 * is open, and for `lateDeliveryDays` after the close (the product retries its webhook while this side
 * is unreachable); a window whose notice reached nobody is closed.
 */
export function refuseObjection(
  window: ObjectionWindow,
  message: ObjectToChangeMessage,
  nowMs: number,
  lateDeliveryDays: number = defaultObjectionWindowSettings.lateDeliveryDays,
): string | undefined {
  if (typeof message?.reasons !== 'string' || message.reasons.trim() === '') {
    return 'an objection must be made in writing with its reasons (policy 5.2): reasons is empty';
  }
  if (typeof message.receivedAt !== 'string' || !isoInstant.test(message.receivedAt) || Number.isNaN(Date.parse(message.receivedAt))) {
    return 'receivedAt must be an ISO 8601 date-time with a time zone';
  }
  if (window.objection)
    return `customer ${window.customerId} already objected to change ${window.changeId} (received ${window.objection.receivedAt})`;
  if (window.state === null || window.state === 'undeliverable' || window.state === 'objected') {
    return `the objection window for change ${window.changeId} is closed (${window.state ?? 'kept by a workflow of its own'})`;
  }
  const receivedMs = Date.parse(message.receivedAt);
  if (window.closesAt !== null && receivedMs > Date.parse(window.closesAt)) {
    return `the objection window for change ${window.changeId} closed at ${window.closesAt}; an objection received at ${message.receivedAt} is too late (policy 5.2)`;
  }
  if (window.state === 'accepted' && window.closesAt !== null && nowMs > Date.parse(window.closesAt) + lateDeliveryDays * 86_400_000) {
    return `the objection window for change ${window.changeId} is closed (accepted)`;
  }
  if (receivedMs > nowMs + futureToleranceMs) return `receivedAt (${message.receivedAt}) lies in the future`;
  return undefined;
}

/** Why nothing more can be decided on an objection whose course has ended, or undefined while it runs. */
function ended(state: ObjectionState): string | undefined {
  switch (state.status) {
    case 'termination-right':
      return `the customer was told at ${state.terminationRight?.grantedAt ?? 'an earlier time'} that it may terminate the services affected (policy 5.3)`;
    case 'services-terminated':
      return `the customer terminated the services affected (notice received ${state.servicesTerminated?.receivedAt})`;
    case 'objection-rejected':
      return 'the objection was judged unreasonable and has ended';
    case 'remedied':
      return 'the customer accepted the offer and the objection has ended';
    case 'offer-stands':
      return 'the privacy team decided that the declined offer stands, and the objection has ended';
    default:
      return undefined;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function refuseJudgment(state: ObjectionState, message: JudgeObjectionMessage): string | undefined {
  if (typeof message?.reasonable !== 'boolean') return 'reasonable must be true or false';
  if (!isText(message.reason)) return 'give the reason for the judgment';
  if (!state.objection) return `customer ${state.customerId} has not objected to change ${state.changeId}: nothing to judge`;
  if (state.judgment) {
    return `the objection was already judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'} at ${state.judgment.judgedAt}`;
  }
  return ended(state);
}

export function refuseRemedyOffer(state: ObjectionState, message: RecordRemedyOfferMessage, nowMs: number): string | undefined {
  if (!isText(message?.offer)) return 'describe the change offered';
  if (!state.judgment?.reasonable) return 'an offer follows only an objection judged reasonable';
  const over = ended(state);
  if (over !== undefined) return over;
  if (state.status === 'offer-made') return `an offer was made at ${state.offer!.offeredAt} and awaits the customer's answer`;
  if (state.remedyDeadlineAt && nowMs > Date.parse(state.remedyDeadlineAt)) {
    return state.status === 'offer-declined'
      ? `the 30 days to offer a change ended at ${state.remedyDeadlineAt} (policy 5.3): decide on the declined offer (decideOnDeclinedOffer)`
      : `the 30 days to offer a change ended at ${state.remedyDeadlineAt} (policy 5.3)`;
  }
  return undefined;
}

export function refuseRemedyAnswer(state: ObjectionState, message: RecordRemedyAnswerMessage, nowMs: number): string | undefined {
  if (typeof message?.accepted !== 'boolean') return 'accepted must be true or false';
  if (message.reason !== undefined && !isText(message.reason)) return 'reason, when given, must be a text';
  if (message.receivedAt !== undefined && (!isoInstant.test(message.receivedAt) || Number.isNaN(Date.parse(message.receivedAt)))) {
    return 'receivedAt must be an ISO 8601 date-time with a time zone';
  }
  if (message.receivedAt !== undefined && Date.parse(message.receivedAt) > nowMs + futureToleranceMs) {
    return `receivedAt (${message.receivedAt}) lies in the future`;
  }
  if (state.remedyAnswer) {
    return `the customer already ${state.remedyAnswer.accepted ? 'accepted' : 'declined'} the offer at ${state.remedyAnswer.answeredAt}`;
  }
  // An objection that ended before any offer (the customer terminated, the objection was rejected)
  // says so, rather than that no offer was made.
  return ended(state) ?? (state.offer ? undefined : 'no offer has been made to answer');
}

export function refuseDeclinedOfferDecision(state: ObjectionState, message: DecideOnDeclinedOfferMessage): string | undefined {
  if (message?.decision !== 'termination-right' && message?.decision !== 'offer-stands') {
    return "decision must be 'termination-right' or 'offer-stands' (another offer is recordRemedyOffer)";
  }
  if (!isText(message.reason)) return 'give the reason for the decision';
  if (state.status !== 'offer-declined') return ended(state) ?? `no declined offer awaits a decision (the objection is ${state.status})`;
  return undefined;
}

/** The most services one notice may name, and the longest name of one. */
export const servicesTerminatedLimits = { services: 100, length: 1000 } as const;

export function refuseServicesTerminated(state: ObjectionState, message: ServicesTerminatedMessage, nowMs: number): string | undefined {
  if (!Array.isArray(message?.services) || message.services.length === 0) return 'name the services terminated';
  if (message.services.length > servicesTerminatedLimits.services) return `at most ${servicesTerminatedLimits.services} services`;
  if (!message.services.every((service) => isText(service) && service.length <= servicesTerminatedLimits.length)) {
    return `each service is a text of at most ${servicesTerminatedLimits.length} characters`;
  }
  if (typeof message.receivedAt !== 'string' || !isoInstant.test(message.receivedAt) || Number.isNaN(Date.parse(message.receivedAt))) {
    return 'receivedAt must be an ISO 8601 date-time with a time zone';
  }
  if (Date.parse(message.receivedAt) > nowMs + futureToleranceMs) return `receivedAt (${message.receivedAt}) lies in the future`;
  if (state.servicesTerminated)
    return `the customer's notice of termination was already recorded (received ${state.servicesTerminated.receivedAt})`;
  if (state.status === 'termination-right') return undefined;
  return ended(state);
}

/** The input of the change workflow from the webhook (announcedAt: the event's timestamp). */
export function subprocessorChangeNotice(
  data: EventData<'subprocessor.changed'>,
  announcedAt: string,
  transferBasis: TransferBasis | undefined,
): SubprocessorChangeNotice {
  return {
    changeId: data.changeId,
    action: data.action,
    subprocessor: {
      id: data.subprocessor.id,
      name: data.subprocessor.name,
      country: data.subprocessor.country,
      purpose: data.subprocessor.purpose,
      ...(data.subprocessor.safeguard !== undefined && { safeguard: data.subprocessor.safeguard }),
    },
    ...(transferBasis !== undefined && { transferBasis }),
    ...(data.replaces !== undefined && { replaces: data.replaces }),
    effectiveAt: data.effectiveAt,
    announcedAt,
    ...(data.urgent !== undefined && { urgent: { reason: data.urgent.reason } }),
  };
}
