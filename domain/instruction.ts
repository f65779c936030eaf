import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { addDays, parseInstant } from './clocks';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';
import { defaultTimeZone } from './language';

/**
 * Unlawful instructions (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph): the processor tells the
 * customer at once when an instruction in its opinion infringes the GDPR or other law, suspends it, and
 * either keeps processing under the earlier instructions or stops, until the customer revises the
 * instruction or guarantees its lawfulness.
 */

/**
 * Defaults, and why:
 * - `customerReminderDays: 7`. A suspended instruction leaves the customer's processing either on its
 *   earlier instructions or stopped (3.2), which costs it; a weekly reminder keeps the question in front
 *   of its privacy contact without becoming noise, and 3.4 expects it to answer "onverwijld" anyway.
 * - `privacyTeamReminderDays: 7`. The processor owes a decision (continue or stop) and follow-up; the
 *   privacy team reviews its open cases weekly, so a weekly digest per case matches how it works.
 * - `unknownCustomerGraceMinutes: 5`. As for a breach: a customer.upserted may be on its way.
 * - `timeZone: Europe/Brussels`. Reminders come every N calendar days at the wall-clock time the
 *   instruction was flagged, in the processor's home zone.
 */
export interface InstructionSettings {
  customerReminderDays: number;
  privacyTeamReminderDays: number;
  unknownCustomerGraceMinutes: number;
  timeZone: string;
}

export const defaultInstructionSettings: InstructionSettings = {
  customerReminderDays: 7,
  privacyTeamReminderDays: 7,
  unknownCustomerGraceMinutes: 5,
  timeZone: defaultTimeZone,
};

export function instructionSettings(overrides: Partial<InstructionSettings> = {}): InstructionSettings {
  return { ...defaultInstructionSettings, ...overrides };
}

export interface InstructionInput {
  instructionId: string;
  customerId: string;
  /** The customer's instruction as the product recorded it. */
  instruction: string;
  /** Why, in the processor's opinion, it infringes the GDPR or other law (3.2). */
  reason: string;
  /** When the product flagged it (the event's timestamp): every reminder counts from it. */
  flaggedAt: string;
  settings?: Partial<InstructionSettings>;
}

export function instructionInput(data: EventData<'instruction.flagged'>, flaggedAt: string): InstructionInput {
  return {
    instructionId: data.instructionId,
    customerId: data.customerId,
    instruction: data.instruction,
    reason: data.reason,
    flaggedAt,
  };
}

/** 3.2 (ii): at the processor's discretion, until the customer revises its instruction. */
export const processingDecisions = ['continue-under-earlier-instructions', 'stop-processing'] as const;
export type ProcessingDecision = (typeof processingDecisions)[number];

export interface InstructionDecision {
  sequence: number;
  decision: ProcessingDecision;
  note?: string;
  decidedAt: string;
  /** Whether the customer was told of it (set once the email went out or could not). */
  customerTold?: 'notified' | 'undeliverable';
}

export type InstructionResolution =
  | { kind: 'revised'; text: string; at: string; via: 'webhook' | 'operator'; note?: string }
  /** 3.2–3.3: the customer maintains the instruction and guarantees its lawfulness. */
  | { kind: 'confirmed'; text: string; at: string; via: 'webhook' | 'operator'; note?: string };

export type InstructionNotice =
  { status: 'pending' } | { status: 'notified'; notifiedAt: string; recipients: number } | { status: 'undeliverable'; problem: string };

export type InstructionCaseStatus = 'notifying' | 'suspended' | 'continuing-under-earlier-instructions' | 'processing-stopped' | 'resumed';

export interface InstructionState {
  instructionId: string;
  customerId: string;
  instruction: string;
  reason: string;
  flaggedAt: string;
  status: InstructionCaseStatus;
  settings: InstructionSettings;
  notice: InstructionNotice;
  decisions: InstructionDecision[];
  resolution?: InstructionResolution;
  customerRemindersSent: number;
  privacyTeamRemindersSent: number;
  nextCustomerReminderAt?: string;
  nextPrivacyTeamReminderAt?: string;
  /** Alerts the privacy team's address refused, retried until it takes them (workflows/privacy-team-alerts.ts). */
  undeliveredAlerts: UndeliveredAlertView[];
  closed: boolean;
}

export function currentDecision(state: InstructionState): InstructionDecision | undefined {
  return state.decisions[state.decisions.length - 1];
}

export function instructionCaseStatus(state: InstructionState): InstructionCaseStatus {
  if (state.resolution) return 'resumed';
  if (state.notice.status === 'pending') return 'notifying';
  const decision = currentDecision(state);
  if (!decision) return 'suspended';
  return decision.decision === 'stop-processing' ? 'processing-stopped' : 'continuing-under-earlier-instructions';
}

/**
 * The number and time of the next reminder on an interval of `everyDays` calendar days from
 * `flaggedAt`, after `sent` of them. A worker that was down for weeks sends the latest overdue one
 * once, not every one it missed.
 */
export function nextInstructionReminder(
  flaggedAt: string,
  everyDays: number,
  sent: number,
  now: string,
  timeZone: string,
): { number: number; at: string } {
  const at = (n: number) => addDays(flaggedAt, n * everyDays, timeZone);
  let number = sent + 1;
  while (parseInstant(at(number + 1)) <= parseInstant(now)) number += 1;
  return { number, at: at(number) };
}

// ---------------------------------------------------------------------------------------------
// Messages of `instruction-<instructionId>`

export interface InstructionRevisedSignal {
  revision: string;
  revisedAt: string;
  /** The delivery's webhook id: a repeat is applied once. */
  webhookId: string;
}
export const instructionRevisedSignal = defineSignal<[InstructionRevisedSignal]>('instructionRevised');

export interface InstructionConfirmedSignal {
  guarantee: string;
  confirmedAt: string;
  webhookId: string;
}
export const instructionConfirmedSignal = defineSignal<[InstructionConfirmedSignal]>('instructionConfirmed');

export interface RecordProcessingDecisionRequest {
  decision: ProcessingDecision;
  note?: string;
}
export const recordProcessingDecisionUpdate = defineUpdate<InstructionDecision, [RecordProcessingDecisionRequest]>(
  'recordProcessingDecision',
);

/** An operator records a revision the customer sent by another channel (letter, meeting). */
export interface RecordRevisionRequest {
  revision: string;
  note?: string;
}
export const recordRevisionUpdate = defineUpdate<InstructionResolution, [RecordRevisionRequest]>('recordRevision');

/** An operator records the customer's written guarantee received by another channel. */
export interface RecordGuaranteeRequest {
  guarantee: string;
  note?: string;
}
export const recordGuaranteeUpdate = defineUpdate<InstructionResolution, [RecordGuaranteeRequest]>('recordGuarantee');

export const instructionStatusQuery = defineQuery<InstructionState>('instructionStatus');

// ---------------------------------------------------------------------------------------------
// Why an operator's decision is refused (the update validators); undefined means it is allowed

function textProblem(name: string, value: unknown, max = 5000): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `${name} must be a non-empty text`;
  if (value.length > max) return `${name} must be at most ${max} characters`;
  return undefined;
}

function resolvedProblem(state: InstructionState): string | undefined {
  const resolution = state.resolution;
  if (!resolution) return undefined;
  return `instruction ${state.instructionId} was already resumed at ${resolution.at} (${resolution.kind === 'revised' ? 'revised' : 'lawfulness guaranteed'})`;
}

export function refuseProcessingDecision(state: InstructionState, request: RecordProcessingDecisionRequest): string | undefined {
  const resolved = resolvedProblem(state);
  if (resolved) return resolved;
  if (!processingDecisions.includes(request?.decision)) {
    return `decision must be one of: ${processingDecisions.join(', ')}`;
  }
  if (currentDecision(state)?.decision === request.decision) return `the decision in force is already ${request.decision}`;
  return request.note === undefined ? undefined : textProblem('note', request.note);
}

export function refuseRevision(state: InstructionState, request: RecordRevisionRequest): string | undefined {
  return (
    resolvedProblem(state) ??
    textProblem('revision', request?.revision) ??
    (request.note === undefined ? undefined : textProblem('note', request.note))
  );
}

export function refuseGuarantee(state: InstructionState, request: RecordGuaranteeRequest): string | undefined {
  return (
    resolvedProblem(state) ??
    textProblem('guarantee', request?.guarantee) ??
    (request.note === undefined ? undefined : textProblem('note', request.note))
  );
}
