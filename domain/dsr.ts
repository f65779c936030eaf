import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { addCalendarMonths, isInstant, normalizeInstant, parseInstant, type Instant, type ReminderOffset } from './clocks';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';

/**
 * The data subject request process (policy 8.1, 10.1-10.2; GDPR Art. 12(3), 28(3)(e)): a data subject
 * contacted the processor about personal data it processes for a customer (the controller). The
 * customer is told at once; the subject is told only that the request concerns that customer (10.2);
 * nothing else happens without the customer's written instruction; the controller's one-month
 * deadline, extendable by two months, is tracked and reminded.
 *
 * Everything here is pure and deterministic: the workflow, the activities and the webhook handlers
 * share these rules. The subject's email address is deliberately absent from every type: it lives in
 * the records only (dsr_requests.subject_email), so that it never enters a workflow history.
 */

export type DsrRequestType = EventData<'dsr.received'>['requestType'];
export type DsrInstruction = EventData<'dsr.instructed'>['instruction'];

export const dsrInstructions: readonly DsrInstruction[] = ['respond', 'rectify', 'erase', 'restrict', 'handled-by-customer'];

/**
 * What the product is asked to carry out for the customer (10.1: the processor assists where the
 * customer cannot act itself). `respond` is one of them: the product gathers the subject's data so
 * that the customer can answer; the processor itself never answers the subject (10.2).
 */
export type DsrAction = Exclude<DsrInstruction, 'handled-by-customer'>;
export const dsrActions: readonly DsrAction[] = ['respond', 'rectify', 'erase', 'restrict'];

export function isDsrAction(instruction: DsrInstruction): instruction is DsrAction {
  return instruction !== 'handled-by-customer';
}

// ---------------------------------------------------------------------------------------------
// Clocks

/** Art. 12(3): one month from receipt of the request... */
export const controllerResponseMonths = 1;
/** ...which "may be extended by two further months where necessary". */
export const maxExtensionMonths = 2;

/**
 * The controller's deadline: one calendar month from receipt, plus any extension, in the customer's
 * zone. Counted from receipt in one go (31 January + 3 months is 30 April, not 28 April).
 */
export function controllerDeadline(receivedAt: Instant, extensionMonths: number, timeZone: string): Instant {
  return addCalendarMonths(receivedAt, controllerResponseMonths + extensionMonths, timeZone);
}

/** A length of elapsed time in the settings, written the way a person would say it. */
export interface Span {
  days?: number;
  hours?: number;
  minutes?: number;
}

export function spanMillis({ days = 0, hours = 0, minutes = 0 }: Span): number {
  const millis = ((days * 24 + hours) * 60 + minutes) * 60_000;
  if (!Number.isFinite(millis) || millis <= 0)
    throw new RangeError(`a span must be positive, got ${JSON.stringify({ days, hours, minutes })}`);
  return millis;
}

export function addSpan(instant: Instant, span: Span, times = 1): Instant {
  return new Date(parseInstant(instant) + spanMillis(span) * times).toISOString();
}

/** The clocks of one request; the workflow input may override any of them. */
export interface DsrSettings {
  /** When the customer is reminded, before its deadline, that its instruction is still awaited. */
  reminderOffsets: ReminderOffset[];
  /** How long a request for a customer the product has not described yet waits for its customer.upserted. */
  unknownCustomerGraceMinutes: number;
  /** While the product has not confirmed an action: how often the request is sent again and the privacy team reminded. */
  actionFollowUpEvery: Span;
}

export const defaultDsrSettings: DsrSettings = {
  // A week leaves the customer time to decide and the product time to act (an erasure across systems)
  // before the deadline; two days is the last call, with a working day still in hand.
  reminderOffsets: [{ days: 7 }, { days: 2 }],
  // As for a breach notice: the customer.upserted may still be on its way, but "immediately" (10.2)
  // does not allow a longer wait before a person takes over.
  unknownCustomerGraceMinutes: 5,
  // The product answers a request at once and usually confirms within minutes; a day without
  // confirmation means it is lost or stuck, and a one-month deadline cannot absorb many such days.
  actionFollowUpEvery: { days: 1 },
};

export function dsrSettings(overrides: Partial<DsrSettings> | undefined): DsrSettings {
  return { ...defaultDsrSettings, ...overrides };
}

// ---------------------------------------------------------------------------------------------
// Workflow input and state

export interface DsrRequestInput {
  requestId: string;
  customerId: string;
  /** When the data subject's request reached the processor: the controller's month runs from here. */
  receivedAt: Instant;
  requestType: DsrRequestType;
  /** When the product reported it (the event's timestamp). */
  reportedAt: Instant;
  settings?: Partial<DsrSettings>;
  /** The state carried over by continue-as-new; absent on a fresh start. */
  resume?: DsrState;
}

/** The workflow input from a `dsr.received` event: everything but the subject's email address. */
export function dsrRequestInput(data: EventData<'dsr.received'>, reportedAt: Instant): DsrRequestInput {
  return {
    requestId: data.requestId,
    customerId: data.customerId,
    receivedAt: data.receivedAt,
    requestType: data.requestType,
    reportedAt,
  };
}

/** Who brought a fact in: the product by webhook, or an operator (an instruction received by letter). */
export type DsrSource = 'product' | 'operator';

export type DsrPhase = 'notifying' | 'awaiting-instruction' | 'carrying-out' | 'closed';

/** DpaStatus in the Web UI. */
export type DsrDisplayStatus =
  | 'notifying'
  | 'awaiting-instruction'
  /** The customer could not be told (unknown, or every contact refused): the privacy team has it. */
  | 'customer-unreached'
  /** The deadline passed without an instruction. */
  | 'overdue'
  | 'action-requested'
  /** The product has not confirmed the action within a follow-up period, or could not be asked. */
  | 'action-unconfirmed'
  | 'closed';

/** `contract-ended`: the customer's contract ended and its data was deleted (policy 11.3, 13): nothing is left to act on. */
export type DsrOutcome = 'carried-out' | 'handled-by-customer' | 'contract-ended';

export interface DsrInstructionRecord {
  instruction: DsrInstruction;
  note?: string;
  receivedAt: Instant;
  source: DsrSource;
}

export interface DsrExtensionRecord {
  extraMonths: number;
  reason?: string;
  receivedAt: Instant;
  source: DsrSource;
}

export interface DsrCompletionRecord {
  action: DsrAction;
  completedAt: Instant;
  note?: string;
  source: DsrSource;
}

export interface DsrActionRequest {
  action: DsrAction;
  /** The outgoing webhook's id: the same on every re-send, so that the product acts once. */
  webhookId: string;
  /** The body's timestamp: fixed, so that a re-send is byte for byte the same event. */
  requestedAt: Instant;
  delivery: 'sending' | 'accepted' | 'not-configured' | 'failed';
  /** How many sends the product answered 2xx. */
  accepted: number;
  lastAcceptedAt?: Instant;
  /** Follow-up periods that passed without a confirmation. */
  followUps: number;
  problem?: string;
}

/** The whole case, as the `dsrStatus` query shows it. Plain JSON: it is carried over by continue-as-new. */
export interface DsrState {
  requestId: string;
  customerId: string;
  requestType: DsrRequestType;
  receivedAt: Instant;
  reportedAt: Instant;
  phase: DsrPhase;
  status: DsrDisplayStatus;
  /** The customer's zone, once its record was read (the default zone when it never was). */
  timeZone?: string;
  customerNotice: 'pending' | 'notified' | 'undeliverable' | 'customer-unknown';
  /** 10.2: the only thing the subject is told. `no-address`: the product gave no email for the subject. */
  subjectConfirmation: 'pending' | 'confirmed' | 'no-address' | 'refused' | 'not-sent';
  /** One calendar month from receipt, in the customer's zone; known once the zone is. */
  originalDeadlineAt?: Instant;
  /** The original deadline moved by every extension: what reminders and alerts are computed from. */
  deadlineAt?: Instant;
  extensionMonths: number;
  extensions: DsrExtensionRecord[];
  /** Reminder keys (offset@deadline) already sent. */
  remindersSent: string[];
  /** Steps of privacy-team alerts already sent, so that none goes out twice. */
  alertsSent: string[];
  /** Alerts the privacy team's address refused, retried until it takes them (workflows/privacy-team-alerts.ts). */
  undeliveredAlerts: UndeliveredAlertView[];
  instruction?: DsrInstructionRecord;
  action?: DsrActionRequest;
  completion?: DsrCompletionRecord;
  /** Set once the request is closed: when, and how it ended. */
  closed?: { closedAt: Instant; outcome: DsrOutcome };
  /** 13: the customer's contract ended and its data was deleted; the case ends with that reason. */
  contractEnded?: DsrContractEndedMessage;
  /** Deliveries already applied: a redelivered webhook changes nothing. */
  appliedWebhookIds: string[];
  /** What happened when, for operators; ids and facts only, never personal data. */
  timeline: Array<{ at: Instant; event: string }>;
  /** Bookkeeping of what the records already hold. */
  recorded: { extensions: number; instruction: boolean };
}

export function openDsrState(input: DsrRequestInput): DsrState {
  return {
    requestId: input.requestId,
    customerId: input.customerId,
    requestType: input.requestType,
    receivedAt: input.receivedAt,
    reportedAt: input.reportedAt,
    phase: 'notifying',
    status: 'notifying',
    customerNotice: 'pending',
    subjectConfirmation: 'pending',
    extensionMonths: 0,
    extensions: [],
    remindersSent: [],
    alertsSent: [],
    undeliveredAlerts: [],
    appliedWebhookIds: [],
    timeline: [{ at: input.receivedAt, event: `request received (${input.requestType})` }],
    recorded: { extensions: 0, instruction: false },
  };
}

export function displayStatus(state: DsrState, now: Instant): DsrDisplayStatus {
  if (state.closed) return 'closed';
  if (state.phase === 'notifying') return 'notifying';
  if (state.instruction && isDsrAction(state.instruction.instruction)) {
    const action = state.action;
    if (action && (action.followUps > 0 || action.delivery === 'not-configured' || action.delivery === 'failed'))
      return 'action-unconfirmed';
    return 'action-requested';
  }
  if (state.instruction) return 'awaiting-instruction';
  if (state.deadlineAt && parseInstant(now) >= parseInstant(state.deadlineAt)) return 'overdue';
  if (state.customerNotice === 'undeliverable' || state.customerNotice === 'customer-unknown') return 'customer-unreached';
  return 'awaiting-instruction';
}

// ---------------------------------------------------------------------------------------------
// Messages: the facts the product sends by webhook, and operators in the Web UI

export interface DsrInstructedMessage {
  instruction: DsrInstruction;
  note?: string;
  /** When the written instruction was received (the event's timestamp, or the date on a letter). */
  receivedAt: Instant;
  source: DsrSource;
  webhookId?: string;
}

export interface DsrExtendedMessage {
  extraMonths: number;
  reason?: string;
  receivedAt: Instant;
  source: DsrSource;
  webhookId?: string;
}

export interface DsrActionCompletedMessage {
  action: DsrAction;
  completedAt: Instant;
  note?: string;
  source: DsrSource;
  webhookId?: string;
}

export interface DsrInstructedResult {
  instruction: DsrInstruction;
  receivedAt: Instant;
  /** True when this message changed nothing: the same delivery again, or the same instruction again. */
  duplicate: boolean;
}

export interface DsrExtendedResult {
  extensionMonths: number;
  /** Absent only in the first moments of a case, before the customer's zone is known. */
  deadlineAt?: Instant;
  duplicate: boolean;
}

export interface DsrActionCompletedResult {
  action: DsrAction;
  completedAt: Instant;
  duplicate: boolean;
}

/** 10.2: the customer's written instruction, from its webhook or recorded by an operator from a letter. */
export const dsrInstructedUpdate = defineUpdate<DsrInstructedResult, [DsrInstructedMessage]>('dsrInstructed');
/** Art. 12(3): the customer extends its deadline by one or two months (two in total at most). */
export const dsrExtendedUpdate = defineUpdate<DsrExtendedResult, [DsrExtendedMessage]>('dsrExtended');
/** The product (or an operator for it) confirms that the requested action was carried out. */
export const dsrActionCompletedUpdate = defineUpdate<DsrActionCompletedResult, [DsrActionCompletedMessage]>('dsrActionCompleted');
export const dsrStatusQuery = defineQuery<DsrState>('dsrStatus');

/** Sent by `termination-<customerId>` once every store deleted the customer's data (policy 11.3, 13). */
export interface DsrContractEndedMessage {
  /** When the last store confirmed the deletion. */
  deletedAt: Instant;
  /** The end-of-contract case that sent it. */
  terminationWorkflowId: string;
}

/** 13: the customer's contract ended and its data is deleted: the request ends with reason `contract-ended`. */
export const dsrContractEndedSignal = defineSignal<[DsrContractEndedMessage]>('dsrContractEnded');

// ---------------------------------------------------------------------------------------------
// Validators: why a message is refused, or undefined when it may be applied. Operators type these
// messages by hand, so the shape is checked too, not only the state.

/** How far a stated time may lie ahead of the workflow's clock (clock skew between systems). */
const futureTolerance = 5 * 60_000;

function refuseInstant(name: string, value: unknown, now: Instant): string | undefined {
  if (typeof value !== 'string' || !isInstant(value)) return `${name} must be an ISO 8601 date-time with a time zone`;
  if (parseInstant(value) > parseInstant(now) + futureTolerance) return `${name} (${value}) lies in the future`;
  return undefined;
}

function refuseText(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 5000) return `${name} must be a text of 1 to 5000 characters`;
  return undefined;
}

function refuseSource(value: unknown): string | undefined {
  return value === 'product' || value === 'operator' ? undefined : 'source must be "product" or "operator"';
}

const outcomeWords: Record<DsrOutcome, string> = {
  'carried-out': 'carried out',
  'handled-by-customer': 'handled by the customer',
  'contract-ended': "the customer's contract ended and its data was deleted",
};

function closedReason(state: DsrState): string {
  const outcome = outcomeWords[state.closed!.outcome];
  return `data subject request ${state.requestId} is closed (${outcome}, ${state.closed!.closedAt})`;
}

const alreadyApplied = (state: DsrState, webhookId: string | undefined) =>
  webhookId !== undefined && state.appliedWebhookIds.includes(webhookId);

export function refuseInstruction(state: DsrState, message: DsrInstructedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  if (state.closed) return `${closedReason(state)}; no further instruction can be applied`;
  if (!dsrInstructions.includes(message?.instruction)) return `instruction must be one of ${dsrInstructions.join(', ')}`;
  const shape = refuseInstant('receivedAt', message.receivedAt, now) ?? refuseText('note', message.note) ?? refuseSource(message.source);
  if (shape) return shape;
  const current = state.instruction;
  if (current && current.instruction !== message.instruction) {
    return (
      `data subject request ${state.requestId} is already being carried out under the instruction ` +
      `"${current.instruction}" received at ${current.receivedAt}; a second, conflicting instruction ` +
      `"${message.instruction}" is refused. Ask the privacy team if the first one was a mistake.`
    );
  }
  return undefined;
}

export function refuseExtension(state: DsrState, message: DsrExtendedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  if (state.closed) return `${closedReason(state)}; its deadline can no longer be extended`;
  if (message?.extraMonths !== 1 && message?.extraMonths !== 2) return 'extraMonths must be 1 or 2';
  const shape =
    refuseInstant('receivedAt', message.receivedAt, now) ?? refuseText('reason', message.reason) ?? refuseSource(message.source);
  if (shape) return shape;
  if (state.extensionMonths + message.extraMonths > maxExtensionMonths) {
    return (
      `the deadline of data subject request ${state.requestId} was already extended by ${state.extensionMonths} ` +
      `month(s); Art. 12(3) GDPR allows at most ${maxExtensionMonths} further months in total`
    );
  }
  // Art. 12(3): the subject must be told of an extension within one month of receipt, so an extension
  // decided after that month cannot be lawful.
  if (state.originalDeadlineAt && parseInstant(now) >= parseInstant(state.originalDeadlineAt)) {
    return (
      `the first month of data subject request ${state.requestId} ended at ${state.originalDeadlineAt}; ` +
      'Art. 12(3) GDPR requires an extension to be decided and told to the data subject within that month'
    );
  }
  return undefined;
}

export function refuseActionCompletion(state: DsrState, message: DsrActionCompletedMessage, now: Instant): string | undefined {
  if (alreadyApplied(state, message.webhookId)) return undefined;
  if (!dsrActions.includes(message?.action)) return `action must be one of ${dsrActions.join(', ')}`;
  const shape = refuseInstant('completedAt', message.completedAt, now) ?? refuseText('note', message.note) ?? refuseSource(message.source);
  if (shape) return shape;
  const requested = state.instruction?.instruction;
  if (requested === undefined) {
    return `no instruction has been received for data subject request ${state.requestId}, so no action was requested`;
  }
  if (requested === 'handled-by-customer') {
    return `the customer handles data subject request ${state.requestId} itself; no action was requested from the product`;
  }
  if (requested !== message.action) {
    return `the product was asked to ${requested} for data subject request ${state.requestId}, not to ${message.action}`;
  }
  // The same confirmation again is harmless, even while the case is being closed.
  if (state.completion) return undefined;
  if (state.closed) return `${closedReason(state)}; nothing is awaited any more`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Applying a validated message. Each returns what the caller is answered.

function remember(state: DsrState, webhookId: string | undefined): void {
  if (webhookId !== undefined && !state.appliedWebhookIds.includes(webhookId)) state.appliedWebhookIds.push(webhookId);
}

export function applyInstruction(state: DsrState, message: DsrInstructedMessage): DsrInstructedResult {
  if (alreadyApplied(state, message.webhookId) || state.instruction) {
    remember(state, message.webhookId);
    const current = state.instruction!;
    return { instruction: current.instruction, receivedAt: current.receivedAt, duplicate: true };
  }
  const receivedAt = normalizeInstant(message.receivedAt);
  state.instruction = {
    instruction: message.instruction,
    ...(message.note !== undefined && { note: message.note }),
    receivedAt,
    source: message.source,
  };
  remember(state, message.webhookId);
  state.timeline.push({ at: receivedAt, event: `written instruction received (${message.instruction}, from the ${message.source})` });
  return { instruction: message.instruction, receivedAt, duplicate: false };
}

export function applyExtension(state: DsrState, message: DsrExtendedMessage): DsrExtendedResult {
  if (alreadyApplied(state, message.webhookId)) {
    return { extensionMonths: state.extensionMonths, ...(state.deadlineAt && { deadlineAt: state.deadlineAt }), duplicate: true };
  }
  const receivedAt = normalizeInstant(message.receivedAt);
  state.extensions.push({
    extraMonths: message.extraMonths,
    ...(message.reason !== undefined && { reason: message.reason }),
    receivedAt,
    source: message.source,
  });
  state.extensionMonths += message.extraMonths;
  if (state.timeZone) state.deadlineAt = controllerDeadline(state.receivedAt, state.extensionMonths, state.timeZone);
  remember(state, message.webhookId);
  state.timeline.push({
    at: receivedAt,
    event: `deadline extended by ${message.extraMonths} month(s) (from the ${message.source})${state.deadlineAt ? ` to ${state.deadlineAt}` : ''}`,
  });
  return { extensionMonths: state.extensionMonths, ...(state.deadlineAt && { deadlineAt: state.deadlineAt }), duplicate: false };
}

export function applyActionCompletion(state: DsrState, message: DsrActionCompletedMessage): DsrActionCompletedResult {
  if (alreadyApplied(state, message.webhookId) || state.completion) {
    remember(state, message.webhookId);
    const current = state.completion!;
    return { action: current.action, completedAt: current.completedAt, duplicate: true };
  }
  const completedAt = normalizeInstant(message.completedAt);
  state.completion = {
    action: message.action,
    completedAt,
    ...(message.note !== undefined && { note: message.note }),
    source: message.source,
  };
  remember(state, message.webhookId);
  state.timeline.push({ at: completedAt, event: `action ${message.action} completed (confirmed by the ${message.source})` });
  return { action: message.action, completedAt, duplicate: false };
}

/** The deadline each extension led to, in order: extension i moved it to one month + the months so far. */
export function extensionDeadlines(state: DsrState, timeZone: string): Instant[] {
  let months = 0;
  return state.extensions.map((extension) => {
    months += extension.extraMonths;
    return controllerDeadline(state.receivedAt, months, timeZone);
  });
}

// ---------------------------------------------------------------------------------------------
// The outgoing request to the product

/** The event type of the outgoing webhook that asks the product to act (documented in the README). */
export const dsrActionRequestedType = 'dsr.action-requested';

/** Deterministic per case and action: every re-send carries it, so that the product acts once. */
export function dsrActionWebhookId(workflowId: string, action: DsrAction): string {
  return `${workflowId}.action-${action}`;
}
