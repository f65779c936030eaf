import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { endOfLastLocalDay, isInstant, normalizeInstant, parseInstant, type Instant, type ReminderOffset } from './clocks';
import type { UndeliveredAlertView } from './breach';
import { isValidId } from './ids';
import type { Language } from './language';

/**
 * The end of a contract (policy 11.1-11.3, 13; GDPR Art. 28(3)(g)): when the contract ends, the customer
 * is told that it may export its data during a period stated in the notice (11.2); it is reminded before
 * that period ends; when it ends, the product deletes or anonymises the customer's personal data in each
 * of its stores (11.3), each store confirming. Pure and deterministic: the workflow, the activities and
 * the webhook handlers share these rules.
 */

// ---------------------------------------------------------------------------------------------
// Settings of the deployment (environment, README "Settings"), read by the activities

/** How the customer exports its data: the tool's address and what to do there, in its language. */
export interface ExportTool {
  url: string;
  instructions: Record<Language, string>;
}

export interface TerminationConfig {
  /** 11.2: the export window when neither the event nor the customer's contract states one (EXPORT_WINDOW_DAYS). */
  defaultExportWindowDays: number;
  /** 11.3: the product's stores of personal data, each asked to delete or anonymise (PRODUCT_DATA_STORES). */
  dataStores: string[];
  /** EXPORT_TOOL_URL and EXPORT_INSTRUCTIONS_NL/_FR/_EN. */
  exportTool: ExportTool;
  /** 11.3: who signs the certificate of deletion; unset, the certificate says "the processor" in the customer's language. */
  processorName?: string;
}

export const defaultTerminationConfig: TerminationConfig = {
  // The policy leaves the period to the notice; thirty days is the usual contractual period and gives a
  // customer a full month of working days to export.
  defaultExportWindowDays: 30,
  dataStores: ['app-db'],
  exportTool: {
    url: 'https://app.processor.example/settings/export',
    instructions: {
      nl: 'Meld u aan als beheerder, open Instellingen > Export en kies "Alle gegevens exporteren".',
      fr: 'Connectez-vous en tant qu’administrateur, ouvrez Paramètres > Export et choisissez « Exporter toutes les données ».',
      en: 'Sign in as an administrator, open Settings > Export and choose "Export all data".',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Clocks of one termination; the workflow input may override them (tests)

export interface TerminationSettings {
  /** 11.2: reminders before the export window ends. */
  reminderOffsets: ReminderOffset[];
  /** How long a termination of a customer the product has not described waits for its customer.upserted. */
  unknownCustomerGraceMinutes: number;
  /** A store that has not confirmed its deletion is asked again after each such period (days). */
  deletionFollowUpDays: number;
  /** After this many days without a store's confirmation the privacy team is alerted. */
  deletionAlertAfterDays: number;
  /** How long, after telling them, the customer's open data subject requests are given to close before their records are anonymised. */
  endedCasesWaitMinutes: number;
  /**
   * The case continues as new once its history has this many events, or when the server suggests it
   * (a store silent for months is asked again every day). Unset: only when the server suggests it.
   */
  continueAsNewAfterEvents?: number;
}

export const defaultTerminationSettings: TerminationSettings = {
  // A week leaves time to plan an export; the last day is the last call.
  reminderOffsets: [{ days: 7 }, { days: 1 }],
  unknownCustomerGraceMinutes: 5,
  // A store deletes within hours; a day of silence means the request is lost or stuck.
  deletionFollowUpDays: 1,
  // Three days of silence is a deletion that will not happen by itself: a person must look.
  deletionAlertAfterDays: 3,
  // A request closes within seconds of being told; an hour covers a worker restart.
  endedCasesWaitMinutes: 60,
};

export function terminationSettings(overrides: Partial<TerminationSettings> | undefined): TerminationSettings {
  return { ...defaultTerminationSettings, ...overrides };
}

/**
 * 11.2: the export window runs from the notice (the instant the mail server accepted it) to the end of
 * its last day, whole, in the customer's time zone.
 */
export function exportWindowClosesAt(noticeAcceptedAt: Instant, timeZone: string, days: number): Instant {
  return endOfLastLocalDay(noticeAcceptedAt, timeZone, days);
}

export type ExportWindowSource = 'event' | 'contract' | 'setting';

/** 11.2: the period the notice states: the event's, else the contract's, else the setting's. */
export function exportWindowDays(
  eventDays: number | undefined,
  contractDays: number | undefined,
  settingDays: number,
): { days: number; source: ExportWindowSource } {
  if (eventDays !== undefined) return { days: eventDays, source: 'event' };
  if (contractDays !== undefined) return { days: contractDays, source: 'contract' };
  return { days: settingDays, source: 'setting' };
}

// ---------------------------------------------------------------------------------------------
// Workflow input and state

export interface TerminationInput {
  customerId: string;
  terminatedAt: Instant;
  /** The period the event states, if it states one. */
  exportWindowDays?: number;
  /** When the product reported it (the event's timestamp). */
  reportedAt: Instant;
  settings?: Partial<TerminationSettings>;
  /** The state of the previous run, when the case continued as new. */
  resume?: TerminationState;
}

export type TerminationSource = 'product' | 'operator';

export type TerminationPhase = 'notifying' | 'export-window' | 'deleting' | 'deleted';

export type TerminationStatus =
  | 'notifying'
  /** No contact accepted the notice (or the customer is unknown): the window has not started; the privacy team has it. */
  | 'customer-unreached'
  | 'export-window'
  | 'deleting'
  /** A store has not confirmed within the alert period, or could not be asked: the privacy team is alerted. */
  | 'deletion-unconfirmed'
  | 'deleted';

export type DeletionMethod = 'delete' | 'anonymise';
export const deletionMethods: readonly DeletionMethod[] = ['delete', 'anonymise'];

export interface ExportExtension {
  extraDays: number;
  reason?: string;
  receivedAt: Instant;
  source: TerminationSource;
  /** The window's end after this extension, once the window has started. */
  closesAt?: Instant;
  /** Applied before the notice went out, which then stated it: no email of its own. */
  beforeNotice?: true;
}

export interface StoreDeletion {
  store: string;
  /** The outgoing webhook's id: the same on every re-send, so that the store acts once. */
  webhookId: string;
  requestedAt: Instant;
  delivery: 'sending' | 'accepted' | 'not-configured' | 'failed';
  /** Follow-up periods that passed without a confirmation. */
  followUps: number;
  problem?: string;
  confirmed?: {
    method: DeletionMethod;
    completedAt: Instant;
    reference: string;
    lastCopyExpiresAt?: Instant;
    source: TerminationSource;
  };
}

/** The whole case, as `terminationStatus` shows it. Plain JSON. */
export interface TerminationState {
  customerId: string;
  terminatedAt: Instant;
  reportedAt: Instant;
  phase: TerminationPhase;
  status: TerminationStatus;
  timeZone?: string;
  /** The period stated in the notice (extensions not included) and where it came from. */
  windowDays?: number;
  windowSource?: ExportWindowSource;
  notice: 'pending' | 'notified' | 'undeliverable' | 'customer-unknown';
  /** 11.2: the window starts here: the mail server accepted the notice (or an operator gave it another way). */
  noticeAcceptedAt?: Instant;
  /** The end of the window, every extension included: what reminders and the deletion are computed from. */
  closesAt?: Instant;
  extensions: ExportExtension[];
  remindersSent: string[];
  export?: { completedAt: Instant; deleteNow: boolean; receivedAt: Instant; source: TerminationSource };
  /** The controller chose deletion before the window ended (deleteNow): when, so the customer is told. */
  waivedAt?: Instant;
  deletionStartedAt?: Instant;
  /** The stores to delete from (PRODUCT_DATA_STORES), read when the case opened. */
  dataStores: string[];
  stores: StoreDeletion[];
  deletedAt?: Instant;
  /** 11.3: the certificate of deletion, kept in the records (termination_certificates); here only its hash. */
  certificate?: { sha256: string; filename: string; language: string; email: 'sent' | 'undeliverable' | 'customer-unknown' };
  /** 13: the customer's other cases ended with the contract (contract-ended). */
  endedCases?: { dsrRequestIds: string[]; windowsClosed: number; objectionsEnded: string[] };
  /** 13: when the personal data of the customer's data subjects was cleared from this product's records. */
  dataSubjectsAnonymisedAt?: Instant;
  alertsSent: string[];
  undeliveredAlerts: UndeliveredAlertView[];
  appliedWebhookIds: string[];
  timeline: Array<{ at: Instant; event: string }>;
  /** Bookkeeping: what the records (and the customer) already have. */
  recorded: { extensions: number; export: boolean; confirmations: string[] };
}

export function openTerminationState(input: TerminationInput): TerminationState {
  return {
    customerId: input.customerId,
    terminatedAt: input.terminatedAt,
    reportedAt: input.reportedAt,
    phase: 'notifying',
    status: 'notifying',
    notice: 'pending',
    extensions: [],
    remindersSent: [],
    dataStores: [],
    stores: [],
    alertsSent: [],
    undeliveredAlerts: [],
    appliedWebhookIds: [],
    timeline: [{ at: input.terminatedAt, event: 'contract terminated' }],
    recorded: { extensions: 0, export: false, confirmations: [] },
  };
}

export function extraDays(state: TerminationState): number {
  return state.extensions.reduce((sum, extension) => sum + extension.extraDays, 0);
}

/** The window's end from its start and every extension so far: the one computation of it. */
export function currentClosesAt(state: TerminationState): Instant | undefined {
  if (!state.noticeAcceptedAt || !state.timeZone || state.windowDays === undefined) return undefined;
  return exportWindowClosesAt(state.noticeAcceptedAt, state.timeZone, state.windowDays + extraDays(state));
}

/** A store asked so often without confirming that the team is alerted (the deletion alert's rule, and the status's). */
export function storeOverdue(
  store: Pick<StoreDeletion, 'followUps'>,
  settings: Pick<TerminationSettings, 'deletionAlertAfterDays' | 'deletionFollowUpDays'>,
): boolean {
  return store.followUps * settings.deletionFollowUpDays >= settings.deletionAlertAfterDays;
}

/**
 * What is true of the case now. A store just asked, whose request the product has not yet answered with
 * 2xx (a deployment, a slow answer), is being asked: `deleting`, not yet `deletion-unconfirmed`. That
 * status, which the privacy team acts on, comes with the alert: a store silent for the alert period, or
 * one that could not be asked at all (the request failed, or the product webhook is not configured).
 */
export function terminationStatus(
  state: TerminationState,
  settings: Pick<TerminationSettings, 'deletionAlertAfterDays' | 'deletionFollowUpDays'>,
  /** Cases begun before this rule read `deletion-unconfirmed` until the product's 2xx; their histories keep it. */
  rule: 'until-alert' | 'legacy' = 'until-alert',
): TerminationStatus {
  if (state.phase === 'deleted') return 'deleted';
  if (state.phase === 'deleting') {
    const unconfirmed = (store: StoreDeletion) =>
      rule === 'legacy'
        ? !store.confirmed && (store.followUps >= settings.deletionAlertAfterDays || store.delivery !== 'accepted')
        : !store.confirmed && (store.delivery === 'failed' || store.delivery === 'not-configured' || storeOverdue(store, settings));
    return state.stores.some(unconfirmed) ? 'deletion-unconfirmed' : 'deleting';
  }
  // Told another way (recordExportNotice), the window runs like any other.
  if (state.phase === 'export-window') return 'export-window';
  if (state.notice === 'undeliverable' || state.notice === 'customer-unknown') return 'customer-unreached';
  return 'notifying';
}

// ---------------------------------------------------------------------------------------------
// Messages

export interface ExportExtendedMessage {
  extraDays: number;
  reason?: string;
  receivedAt: Instant;
  source: TerminationSource;
  webhookId?: string;
}

export interface ExportCompletedMessage {
  completedAt: Instant;
  /** The controller's written choice that deletion start before the window ends. */
  deleteNow?: boolean;
  receivedAt: Instant;
  source: TerminationSource;
  webhookId?: string;
}

export interface DeletionConfirmedMessage {
  store: string;
  method: DeletionMethod;
  completedAt: Instant;
  reference: string;
  lastCopyExpiresAt?: Instant;
  source: TerminationSource;
  webhookId?: string;
}

/** An operator's record that the customer was told of its window another way (a letter, a call). */
export interface ExportNoticeGivenMessage {
  givenAt: Instant;
  channel: string;
}

export interface ExportExtendedResult {
  extraDays: number;
  /** Absent while the window has not started (the notice not yet accepted). */
  closesAt?: Instant;
  duplicate: boolean;
}

export interface ExportCompletedResult {
  completedAt: Instant;
  deleteNow: boolean;
  duplicate: boolean;
}

export interface DeletionConfirmedResult {
  store: string;
  remaining: number;
  duplicate: boolean;
}

/** 11.2: the customer (or an operator for it) extends the export window. */
export const exportExtendedUpdate = defineUpdate<ExportExtendedResult, [ExportExtendedMessage]>('exportExtended');
/** The customer finished its export; `deleteNow` is its written choice to waive the rest of the window. */
export const exportCompletedUpdate = defineUpdate<ExportCompletedResult, [ExportCompletedMessage]>('exportCompleted');
/** 11.3: a store confirms that it deleted or anonymised the customer's personal data. */
export const deletionConfirmedUpdate = defineUpdate<DeletionConfirmedResult, [DeletionConfirmedMessage]>('deletionConfirmed');
/** The customer was told of its window another way, since no contact took the email: the window starts then. */
export const exportNoticeGivenUpdate = defineUpdate<{ closesAt: Instant }, [ExportNoticeGivenMessage]>('recordExportNotice');
export const terminationStatusQuery = defineQuery<TerminationState>('terminationStatus');

// ---------------------------------------------------------------------------------------------
// Rules: why a message is refused, or undefined when it may be applied

const futureTolerance = 5 * 60_000;
/** One extension may not stretch the window by more than a year (the contract's own maximum). */
export const maxExtraDays = 365;

function refuseInstant(name: string, value: unknown, now: Instant): string | undefined {
  if (typeof value !== 'string' || !isInstant(value)) return `${name} must be an ISO 8601 date-time with a time zone`;
  if (parseInstant(value) > parseInstant(now) + futureTolerance) return `${name} (${value}) lies in the future`;
  return undefined;
}

function refuseText(name: string, value: unknown, max = 5000): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) return `${name} must be a text of 1 to ${max} characters`;
  return undefined;
}

function refuseSource(value: unknown): string | undefined {
  return value === 'product' || value === 'operator' ? undefined : 'source must be "product" or "operator"';
}

const alreadyApplied = (state: TerminationState, webhookId: string | undefined) =>
  webhookId !== undefined && state.appliedWebhookIds.includes(webhookId);

function windowOverReason(state: TerminationState): string {
  return state.waivedAt
    ? `the export window of customer ${state.customerId} was waived at the customer's request (${state.waivedAt}); deletion has started`
    : `the export window of customer ${state.customerId} ended at ${state.closesAt}; deletion has started`;
}

export function refuseExportExtension(state: TerminationState, message: ExportExtendedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  const days = message?.extraDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > maxExtraDays)
    return `extraDays must be a whole number from 1 to ${maxExtraDays}`;
  const shape =
    refuseInstant('receivedAt', message.receivedAt, now) ?? refuseText('reason', message.reason) ?? refuseSource(message.source);
  if (shape) return shape;
  if (state.phase === 'deleting' || state.phase === 'deleted' || state.deletionStartedAt)
    return `${windowOverReason(state)}; it can no longer be extended`;
  if (state.export?.deleteNow)
    return `customer ${state.customerId} asked for deletion now (${state.export.receivedAt}); the window can no longer be extended`;
  return undefined;
}

export function refuseExportCompletion(state: TerminationState, message: ExportCompletedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  if (message?.deleteNow !== undefined && typeof message.deleteNow !== 'boolean') return 'deleteNow must be true or false';
  const shape =
    refuseInstant('completedAt', message?.completedAt, now) ??
    refuseInstant('receivedAt', message.receivedAt, now) ??
    refuseSource(message.source);
  if (shape) return shape;
  if (parseInstant(message.completedAt) < parseInstant(state.terminatedAt))
    return `completedAt (${message.completedAt}) lies before the contract ended (${state.terminatedAt})`;
  if (state.export) {
    // The same report again is harmless; a second, different one is a mistake to look at.
    if (state.export.deleteNow === (message.deleteNow ?? false) && state.export.completedAt === normalizeInstant(message.completedAt))
      return undefined;
    return `the export of customer ${state.customerId} was already reported completed at ${state.export.completedAt}`;
  }
  if (state.phase === 'deleting' || state.phase === 'deleted') return `${windowOverReason(state)}; the export is no longer awaited`;
  return undefined;
}

export function refuseDeletionConfirmation(state: TerminationState, message: DeletionConfirmedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  if (!isValidId(message?.store)) return 'store must be a store id (1 to 64 characters of A-Z, a-z, 0-9, ".", "_" or "-")';
  if (!deletionMethods.includes(message.method)) return `method must be one of ${deletionMethods.join(', ')}`;
  const shape =
    refuseInstant('completedAt', message.completedAt, now) ??
    refuseText('reference', message.reference, 200) ??
    refuseSource(message.source);
  if (shape) return shape;
  if (message.reference === undefined) return 'reference is required: the store’s own reference of the deletion';
  if (message.lastCopyExpiresAt !== undefined && (typeof message.lastCopyExpiresAt !== 'string' || !isInstant(message.lastCopyExpiresAt)))
    return 'lastCopyExpiresAt must be an ISO 8601 date-time with a time zone';
  const store = state.stores.find((candidate) => candidate.store === message.store);
  if (!store) {
    if (state.phase !== 'deleting' && state.phase !== 'deleted')
      return `the personal data of customer ${state.customerId} is not to be deleted yet: its export window is still open`;
    return `store ${message.store} was not asked to delete the data of customer ${state.customerId} (asked: ${state.stores.map((s) => s.store).join(', ')})`;
  }
  if (parseInstant(message.completedAt) < parseInstant(store.requestedAt) - futureTolerance)
    return `completedAt (${message.completedAt}) lies before store ${store.store} was asked (${store.requestedAt})`;
  if (store.confirmed && (store.confirmed.method !== message.method || store.confirmed.reference !== message.reference))
    return `store ${store.store} already confirmed (${store.confirmed.method}, reference ${store.confirmed.reference})`;
  return undefined;
}

export function refuseExportNotice(state: TerminationState, message: ExportNoticeGivenMessage, now: Instant): string | undefined {
  const shape = refuseInstant('givenAt', message?.givenAt, now) ?? refuseText('channel', message.channel, 200);
  if (shape) return shape;
  if (message.channel === undefined) return 'channel is required (letter, telephone, ...)';
  if (parseInstant(message.givenAt) < parseInstant(state.terminatedAt))
    return `givenAt (${message.givenAt}) lies before the contract ended (${state.terminatedAt})`;
  if (state.noticeAcceptedAt) return `customer ${state.customerId} was already told of its export window (${state.noticeAcceptedAt})`;
  if (state.notice === 'pending') return `the notice to customer ${state.customerId} is still being sent`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Applying a validated message

function remember(state: TerminationState, webhookId: string | undefined): void {
  if (webhookId !== undefined && !state.appliedWebhookIds.includes(webhookId)) state.appliedWebhookIds.push(webhookId);
}

export function applyExportExtension(state: TerminationState, message: ExportExtendedMessage): ExportExtendedResult {
  if (alreadyApplied(state, message.webhookId))
    return { extraDays: extraDays(state), ...(state.closesAt && { closesAt: state.closesAt }), duplicate: true };
  const receivedAt = normalizeInstant(message.receivedAt);
  const extension: ExportExtension = {
    extraDays: message.extraDays,
    ...(message.reason !== undefined && { reason: message.reason }),
    receivedAt,
    source: message.source,
    ...(state.noticeAcceptedAt === undefined && { beforeNotice: true as const }),
  };
  state.extensions.push(extension);
  const closesAt = currentClosesAt(state);
  if (closesAt) {
    state.closesAt = closesAt;
    extension.closesAt = closesAt;
  }
  remember(state, message.webhookId);
  state.timeline.push({
    at: receivedAt,
    event: `export window extended by ${message.extraDays} day(s) (from the ${message.source})${closesAt ? ` to ${closesAt}` : ''}`,
  });
  return { extraDays: extraDays(state), ...(closesAt && { closesAt }), duplicate: false };
}

export function applyExportCompletion(state: TerminationState, message: ExportCompletedMessage): ExportCompletedResult {
  if (alreadyApplied(state, message.webhookId) || state.export) {
    remember(state, message.webhookId);
    return { completedAt: state.export!.completedAt, deleteNow: state.export!.deleteNow, duplicate: true };
  }
  const completedAt = normalizeInstant(message.completedAt);
  const deleteNow = message.deleteNow === true;
  state.export = { completedAt, deleteNow, receivedAt: normalizeInstant(message.receivedAt), source: message.source };
  remember(state, message.webhookId);
  state.timeline.push({
    at: state.export.receivedAt,
    event: `export completed at ${completedAt}${deleteNow ? '; the customer asked for deletion now' : ''} (from the ${message.source})`,
  });
  return { completedAt, deleteNow, duplicate: false };
}

export function applyDeletionConfirmation(state: TerminationState, message: DeletionConfirmedMessage): DeletionConfirmedResult {
  const store = state.stores.find((candidate) => candidate.store === message.store)!;
  const remaining = () => state.stores.filter((candidate) => !candidate.confirmed).length;
  if (alreadyApplied(state, message.webhookId) || store.confirmed) {
    remember(state, message.webhookId);
    return { store: store.store, remaining: remaining(), duplicate: true };
  }
  store.confirmed = {
    method: message.method,
    completedAt: normalizeInstant(message.completedAt),
    reference: message.reference,
    ...(message.lastCopyExpiresAt !== undefined && { lastCopyExpiresAt: normalizeInstant(message.lastCopyExpiresAt) }),
    source: message.source,
  };
  remember(state, message.webhookId);
  state.timeline.push({
    at: store.confirmed.completedAt,
    event: `store ${store.store} confirmed: ${message.method} (reference ${message.reference}, from the ${message.source})`,
  });
  return { store: store.store, remaining: remaining(), duplicate: false };
}

// ---------------------------------------------------------------------------------------------
// 11.3: the certificate of deletion

/** One store as the certificate of deletion states it: what it did, when, under which reference. */
export interface CertifiedStore {
  store: string;
  method: DeletionMethod;
  completedAt: Instant;
  reference: string;
  /** A backup store: when its last copy expires (it is not restored meanwhile). */
  lastCopyExpiresAt?: Instant;
}

/** The stores of a case whose every store confirmed, in the order they were asked. */
export function certifiedStores(state: TerminationState): CertifiedStore[] {
  return state.stores.map((store) => {
    const { method, completedAt, reference, lastCopyExpiresAt } = store.confirmed!;
    return { store: store.store, method, completedAt, reference, ...(lastCopyExpiresAt !== undefined && { lastCopyExpiresAt }) };
  });
}

/** The name of the PDF attachment: the customer id is an id ([A-Za-z0-9._-]), safe in a file name. */
export function certificateFilename(customerId: string): string {
  return `certificate-of-deletion-${customerId}.pdf`;
}

// ---------------------------------------------------------------------------------------------
// The outgoing request to the product

/** The event type of the outgoing webhook that asks a store to delete (documented in the README). */
export const deletionRequestedType = 'deletion.requested';

/** Deterministic per customer and store: every re-ask carries it, so that the store acts once. */
export function deletionWebhookId(workflowId: string, store: string): string {
  return `${workflowId}.delete-${store}`;
}

// ---------------------------------------------------------------------------------------------
// 13: a customer whose contract ended

/** Why no new case can be opened for a customer whose contract ended, or undefined when one may be. */
export function refuseNewCaseForEndedContract(
  customerId: string,
  termination: { terminatedAt: string } | undefined,
  what: string,
): string | undefined {
  if (!termination) return undefined;
  return (
    `the contract of customer ${customerId} ended at ${termination.terminatedAt} (contract.terminated); ` +
    `no new ${what} can be opened for it (policy 11, 13): its data is exported and then deleted`
  );
}
