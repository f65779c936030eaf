import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';
import type { TransferBasis, TransferSafeguard } from './transfers';

/**
 * The subprocessor change process (policy 5.1-5.4, 6; GDPR Art. 28(2), 28(4)).
 *
 * `subprocessor-change-<changeId>` announces one change of the register to every customer concerned by
 * starting one `objection-<changeId>-<customerId>` per customer; each of those holds that customer's
 * 30-day objection window and, after a reasonable objection, the processor's 30 days to offer a remedy.
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
 */
export interface ObjectionWindowSettings {
  objectionWindowDays: number;
  reminderDaysBeforeClose: number;
  remedyDays: number;
  unknownCustomerGraceMinutes: number;
  lateDeliveryDays: number;
}

export const defaultObjectionWindowSettings: ObjectionWindowSettings = {
  objectionWindowDays: 30,
  reminderDaysBeforeClose: 7,
  remedyDays: 30,
  unknownCustomerGraceMinutes: 5,
  lateDeliveryDays: 7,
};

/**
 * Settings as a workflow input holds them: inputs stored before `unknownCustomerGraceMinutes` and
 * `lateDeliveryDays` existed (running or continued changes, windows started from them) lack them, and
 * must still start.
 */
export type StoredObjectionWindowSettings = Omit<ObjectionWindowSettings, 'unknownCustomerGraceMinutes' | 'lateDeliveryDays'> &
  Partial<Pick<ObjectionWindowSettings, 'unknownCustomerGraceMinutes' | 'lateDeliveryDays'>>;

/** The settings a workflow works with: the stored ones, completed with today's defaults. */
export function objectionWindowSettings(stored: StoredObjectionWindowSettings | undefined): ObjectionWindowSettings {
  return { ...defaultObjectionWindowSettings, ...stored };
}

/**
 * How `subprocessorChange` starts the windows: `windowsPerBatch` customers per activity call (each call
 * starts them side by side and heartbeats its progress), `batchesPerRun` calls per run before it
 * continues as new. A run's history stays at a few dozen events whatever the number of customers.
 */
export const windowsPerBatch = 500;
export const batchesPerRun = 10;

/**
 * Input of `subprocessor-change-<changeId>`. The customer id list is passed once, in the input, and
 * each continued run carries only the offset of the next customer and the counts: the list is in the
 * input of every continued run (acceptable up to some thousands of ids: 5,000 ids of 64 characters are
 * about 330 kB, under Temporal's 2 MB payload limit), but it is never copied into events run after run.
 */
export interface SubprocessorChangeInput {
  change: SubprocessorChangeNotice;
  /**
   * How many customers the change concerns, as recorded with it (records/subprocessors.ts): the
   * announcement reads them a batch at a time, so the input stays small for any number of customers.
   * The webhook starts a change this way.
   */
  recipients?: number;
  /** Or the customers themselves, inline: for a change started by hand (and tests). */
  customerIds?: string[];
  settings?: StoredObjectionWindowSettings;
  /** Overrides windowsPerBatch and batchesPerRun (tests use small ones to show a continued run). */
  batching?: { windowsPerBatch: number; batchesPerRun: number };
  /** Position of the next customer whose window is to be started (continued runs). */
  nextIndex?: number;
  started?: number;
  alreadyRunning?: number;
  notified?: number;
  runs?: number;
}

export interface SubprocessorChangeState {
  changeId: string;
  status: 'notifying' | 'notified';
  total: number;
  /** Windows started by this change. */
  started: number;
  /** Windows that already existed under their id (a retried batch, a change reported again). */
  alreadyRunning: number;
  /** Customers whose notice the announcement delivered (the others' windows try themselves). */
  notified: number;
  nextIndex: number;
  runs: number;
}
export const subprocessorChangeStatusQuery = defineQuery<SubprocessorChangeState>('subprocessorChangeStatus');

export interface ObjectionWindowInput {
  change: SubprocessorChangeNotice;
  customerId: string;
  settings: StoredObjectionWindowSettings;
  /**
   * The notice as the change's announcement sent it before starting this window (absent: the window
   * sends it itself, as it does for a customer the product has not described yet).
   */
  notice?: AnnouncedNotice;
}

/** What became of a notice sent by the announcement; no address, SMTP answers without them. */
export type AnnouncedNotice =
  { status: 'sent'; firstAcceptedAt: string; recipients: number; refused: number } | { status: 'undeliverable'; problem: string };

export type ObjectionWindowStatusLabel =
  | 'notifying'
  | 'undeliverable'
  | 'open'
  | 'accepted'
  | 'objected'
  | 'objection-rejected'
  | 'remedy-pending'
  | 'offer-made'
  | 'remedied'
  | 'termination-right';

/**
 * Why the privacy team is asked to reach a customer by another channel: the product never described it
 * (no customer.upserted within the grace), or no contact of it accepted the notice; or, later in the
 * window, no contact accepted the reminder, the rejection of its objection, the offer of a change, or
 * the statement of its right to terminate.
 */
export type ObjectionWindowAlertKind =
  | 'no-customer-record'
  | 'notice-undeliverable'
  | 'reminder-undeliverable'
  | 'rejection-undeliverable'
  | 'offer-undeliverable'
  | 'termination-right-undeliverable';

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

export interface ObjectionWindowState {
  changeId: string;
  customerId: string;
  status: ObjectionWindowStatusLabel;
  /**
   * When the notice was accepted for at least one contact (the workflow's clock just after the send);
   * absent while it is being sent, and for good when it could not be delivered.
   */
  noticeAt?: string;
  /**
   * noticeAt + objectionWindowDays: the last instant at which an objection is in time. Until the notice
   * is sent it is provisional (counted from the workflow's start), and only moves later.
   */
  windowClosesAt: string;
  /**
   * Set when the window closes without an objection: until then an objection received before the close
   * but delivered after it is still taken (see lateDeliveryDays); the window ends there.
   */
  lateDeliveryUntil?: string;
  reminderSent: boolean;
  objection?: ObjectionRecord;
  judgment?: ObjectionJudgment;
  /** objection receivedAt + remedyDays, once the objection is judged reasonable. */
  remedyDeadlineAt?: string;
  offer?: { offer: string; offeredAt: string };
  remedyAnswer?: { accepted: boolean; answeredAt: string };
  /** 5.4: the services the customer may terminate (the subprocessor's purpose). */
  terminableServices?: string;
  /** Why the notice could not be sent (ids and SMTP answers only, never an address). */
  problem?: string;
  /**
   * The privacy team's alerts about emails no contact accepted (one per kind), once its address answered:
   * `delivered` false while it refuses them (they are retried, see undeliveredAlerts), true once it took them.
   */
  privacyTeamAlerts: Array<{ kind: ObjectionWindowAlertKind; at: string; delivered: boolean }>;
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
}

/** 5.2: the customer objects in writing, with reasons (webhook `subprocessor.objected` or an operator). */
export const objectToChangeUpdate = defineUpdate<ObjectionWindowState, [ObjectToChangeMessage]>('objectToChange');
/** An operator judges whether the objection is reasonable (5.3). */
export const judgeObjectionUpdate = defineUpdate<ObjectionWindowState, [JudgeObjectionMessage]>('judgeObjection');
/** 5.3: the processor's offer of a change in the services or in their use. */
export const recordRemedyOfferUpdate = defineUpdate<ObjectionWindowState, [RecordRemedyOfferMessage]>('recordRemedyOffer');
/** The customer's answer to the offer. */
export const recordRemedyAnswerUpdate = defineUpdate<ObjectionWindowState, [RecordRemedyAnswerMessage]>('recordRemedyAnswer');
export const objectionWindowStatusQuery = defineQuery<ObjectionWindowState>('objectionWindowStatus');

// ---------------------------------------------------------------------------------------------
// Validators: the reason a message is refused, or undefined. Operators type these by hand.

/** How far a stated time may lie ahead of the workflow's clock (clock skew between systems). */
const futureToleranceMs = 5 * 60_000;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

const finished: ReadonlySet<ObjectionWindowStatusLabel> = new Set([
  'accepted',
  'objection-rejected',
  'remedied',
  'termination-right',
  'undeliverable',
]);

export function refuseObjection(state: ObjectionWindowState, message: ObjectToChangeMessage, nowMs: number): string | undefined {
  if (typeof message?.reasons !== 'string' || message.reasons.trim() === '') {
    return 'an objection must be made in writing with its reasons (policy 5.2): reasons is empty';
  }
  if (typeof message.receivedAt !== 'string' || !isoInstant.test(message.receivedAt) || Number.isNaN(Date.parse(message.receivedAt))) {
    return 'receivedAt must be an ISO 8601 date-time with a time zone';
  }
  if (state.objection)
    return `customer ${state.customerId} already objected to change ${state.changeId} (received ${state.objection.receivedAt})`;
  const receivedMs = Date.parse(message.receivedAt);
  if (receivedMs > Date.parse(state.windowClosesAt)) {
    return `the objection window for change ${state.changeId} closed at ${state.windowClosesAt}; an objection received at ${message.receivedAt} is too late (policy 5.2)`;
  }
  // Accepted, but still taking an objection received in time and delivered late.
  const lateDelivery = state.status === 'accepted' && state.lateDeliveryUntil !== undefined && nowMs <= Date.parse(state.lateDeliveryUntil);
  if (finished.has(state.status) && !lateDelivery) return `the objection window for change ${state.changeId} is closed (${state.status})`;
  if (receivedMs > nowMs + futureToleranceMs) return `receivedAt (${message.receivedAt}) lies in the future`;
  return undefined;
}

export function refuseJudgment(state: ObjectionWindowState, message: JudgeObjectionMessage): string | undefined {
  if (typeof message?.reasonable !== 'boolean') return 'reasonable must be true or false';
  if (typeof message.reason !== 'string' || message.reason.trim() === '') return 'give the reason for the judgment';
  if (!state.objection) return `customer ${state.customerId} has not objected to change ${state.changeId}: nothing to judge`;
  if (state.judgment) {
    return `the objection was already judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'} at ${state.judgment.judgedAt}`;
  }
  return undefined;
}

export function refuseRemedyOffer(state: ObjectionWindowState, message: RecordRemedyOfferMessage, nowMs: number): string | undefined {
  if (typeof message?.offer !== 'string' || message.offer.trim() === '') return 'describe the change offered';
  if (!state.judgment?.reasonable) return 'an offer follows only an objection judged reasonable';
  if (state.offer) return `an offer was already made at ${state.offer.offeredAt}`;
  if (state.status === 'termination-right' || (state.remedyDeadlineAt && nowMs > Date.parse(state.remedyDeadlineAt))) {
    return `the 30 days to offer a change ended at ${state.remedyDeadlineAt} (policy 5.3); the customer has been told it may terminate the services affected`;
  }
  return undefined;
}

export function refuseRemedyAnswer(state: ObjectionWindowState, message: RecordRemedyAnswerMessage): string | undefined {
  if (typeof message?.accepted !== 'boolean') return 'accepted must be true or false';
  if (!state.offer) return 'no offer has been made to answer';
  if (state.remedyAnswer)
    return `the customer already ${state.remedyAnswer.accepted ? 'accepted' : 'declined'} the offer at ${state.remedyAnswer.answeredAt}`;
  return undefined;
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
  };
}
