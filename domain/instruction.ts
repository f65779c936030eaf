import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { addDays, addWorkingDays, formatLocalDate, fromLocalDateTime, parseInstant, parseLocalDate, toLocalDateTime } from './clocks';
import type { UndeliveredAlertView } from './breach';
import type { EventData } from './events';
import { defaultTimeZone } from './language';

/**
 * Unlawful instructions (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph). 3.2: "o2o moet de Klant
 * inlichten indien de instructies van de Klant naar haar mening de Privacywetgeving schenden. Indien de
 * Klant vervolgens de geldigheid of de wettelijkheid van de instructie niet kan garanderen of nalaat of
 * weigert de onwettige instructie te wijzigen, … heeft o2o het recht om (i) de uitvoering van deze
 * instructie op te schorten/te weigeren en om (ii) naar eigen goeddunken ofwel de Persoonsgegevens te
 * blijven Verwerken in overeenstemming met eerder verstrekte instructies, ofwel de Verwerking volledig
 * stop te zetten". So the customer is told first and given time to answer (the instruction is
 * `flagged`); only its refusal or its silence past that time suspends the instruction, unless an
 * operator suspends a plainly unlawful one at once. Then the processor continues under the earlier
 * instructions or stops, until the customer revises the instruction or guarantees its lawfulness.
 */

/**
 * Defaults, and why:
 * - `responseWorkingDays: 5`. 3.2 gives the customer the chance to revise or guarantee ("vervolgens")
 *   before the processor may suspend; it names no period. A working week (Belgian working days, as for
 *   the other working-day clocks) lets a privacy contact consult its own lawyer, and keeps a plainly
 *   unlawful instruction from lingering; an operator can still suspend at once (suspendInstruction).
 * - `customerReminderDays: 7`. A suspended instruction leaves the customer's processing either on its
 *   earlier instructions or stopped (3.2), which costs it; a weekly reminder keeps the question in front
 *   of its privacy contact without becoming noise, and 3.4 expects it to answer "onverwijld" anyway.
 * - `privacyTeamReminderDays: 7`. The processor owes a decision (continue or stop) and follow-up; the
 *   privacy team reviews its open cases weekly, so a weekly digest per case matches how it works.
 * - `unknownCustomerGraceMinutes: 5`. As for a breach: a customer.upserted may be on its way.
 * - `timeZone: Europe/Brussels`. The response period ends, and reminders come every N calendar days, at
 *   the wall-clock time the period started or the instruction was suspended, in the processor's home zone.
 */
export interface InstructionSettings {
  /** The customer's time to revise or guarantee before the instruction is suspended, in Belgian working days. */
  responseWorkingDays: number;
  customerReminderDays: number;
  privacyTeamReminderDays: number;
  unknownCustomerGraceMinutes: number;
  timeZone: string;
}

export const defaultInstructionSettings: InstructionSettings = {
  responseWorkingDays: 5,
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
  /** When the product flagged it (the event's timestamp). */
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

/**
 * Why the instruction was suspended (3.2 (i)): the customer let its response period pass without a
 * lawful revision or a guarantee, it refused to change the instruction, or an operator suspended a
 * plainly unlawful one at once.
 */
export const suspensionCauses = ['no-answer', 'refused', 'operator'] as const;
export type SuspensionCause = (typeof suspensionCauses)[number];

export interface InstructionSuspension {
  /** When the instruction was suspended: the reminders count from it. */
  at: string;
  cause: SuspensionCause;
  /** The operator's reason (cause `operator`), or the customer's stated reason for refusing (`refused`). */
  reason?: string;
  /** Whether the customer was told of it (set once the email went out or could not). */
  customerTold?: 'notified' | 'undeliverable';
}

/**
 * A revision the customer sent (or an operator recorded from a letter). 3.2 ends the suspension only once
 * the instruction is revised "zodat deze niet langer in strijd is met de Privacywetgeving": an operator
 * judges each revision; a rejected one is answered to the customer with the reason.
 */
export interface InstructionRevision {
  /** 1, 2, ...: the order received; the records keep each once. */
  sequence: number;
  text: string;
  receivedAt: string;
  via: 'webhook' | 'operator';
  note?: string;
  /** A later revision arrived before this one was judged: only the latest is judged. */
  superseded?: boolean;
  judgement?: RevisionJudgement;
  /** Whether the customer was told of a rejection (set once the email went out or could not). */
  customerTold?: 'notified' | 'undeliverable';
}

export interface RevisionJudgement {
  accepted: boolean;
  reason?: string;
  judgedAt: string;
  /** A rejection within the response period: the customer may still answer until then. */
  answerStillDueBy?: string;
}

/** The revision awaiting an operator's judgement, if any: the latest, unjudged. */
export function pendingRevision(state: Pick<InstructionState, 'revisions'>): InstructionRevision | undefined {
  const last = state.revisions?.[state.revisions.length - 1];
  return last && !last.judgement && !last.superseded ? last : undefined;
}

/**
 * `flagged`: the customer is told and its response period runs; the instruction is not suspended yet.
 * `stopped`: the processor stopped the processing (3.2 (ii)); an end state in all but name, since the
 * case stays open until a revision is accepted (or the lawfulness guaranteed, or the decision changed).
 * `carried-out`: a guarantee or an accepted revision came before any suspension. `resumed`: after one.
 */
export type InstructionCaseStatus =
  'notifying' | 'flagged' | 'suspended' | 'continuing-under-earlier-instructions' | 'stopped' | 'carried-out' | 'resumed';

export interface InstructionState {
  instructionId: string;
  customerId: string;
  instruction: string;
  reason: string;
  flaggedAt: string;
  status: InstructionCaseStatus;
  settings: InstructionSettings;
  notice: InstructionNotice;
  /** The end of the customer's response period (3.2 "vervolgens"): silence past it suspends the instruction. */
  responseDueAt?: string;
  suspension?: InstructionSuspension;
  /** Every revision received, judged or awaiting judgement (absent in runs of before the judgement). */
  revisions: InstructionRevision[];
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
  if (state.resolution) return state.suspension ? 'resumed' : 'carried-out';
  if (!state.suspension) return state.notice.status === 'pending' ? 'notifying' : 'flagged';
  const decision = currentDecision(state);
  if (!decision) return 'suspended';
  return decision.decision === 'stop-processing' ? 'stopped' : 'continuing-under-earlier-instructions';
}

/** A case as it opens: the customer not told yet, its response due at `responseDueAt`, nothing decided. */
export function openedInstruction(input: InstructionInput, settings: InstructionSettings, responseDueAt: string): InstructionState {
  return {
    instructionId: input.instructionId,
    customerId: input.customerId,
    instruction: input.instruction,
    reason: input.reason,
    flaggedAt: input.flaggedAt,
    status: 'notifying',
    settings,
    notice: { status: 'pending' },
    responseDueAt,
    revisions: [],
    decisions: [],
    customerRemindersSent: 0,
    privacyTeamRemindersSent: 0,
    undeliveredAlerts: [],
    closed: false,
  };
}

/**
 * The end of the response period: `workingDays` Belgian working days after `from`, at the same wall-clock
 * time in `timeZone` (a flag on Friday 16:00 with 5 working days is answered by the next Friday 16:00;
 * a public holiday in between adds a day).
 */
export function responseDueAt(from: string, settings: Pick<InstructionSettings, 'responseWorkingDays' | 'timeZone'>): string {
  const local = toLocalDateTime(from, settings.timeZone);
  const date = addWorkingDays(formatLocalDate(local), settings.responseWorkingDays);
  return fromLocalDateTime({ ...local, ...parseLocalDate(date) }, settings.timeZone);
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

/** 3.2: the customer refuses to change the instruction ("weigert … te wijzigen"): it is suspended. */
export interface InstructionRefusedSignal {
  reason?: string;
  refusedAt: string;
  webhookId: string;
}
export const instructionRefusedSignal = defineSignal<[InstructionRefusedSignal]>('instructionRefused');

/** An operator suspends a plainly unlawful instruction at once, without waiting for the customer's answer. */
export interface SuspendInstructionRequest {
  reason: string;
}
export const suspendInstructionUpdate = defineUpdate<InstructionSuspension, [SuspendInstructionRequest]>('suspendInstruction');

export interface RecordProcessingDecisionRequest {
  decision: ProcessingDecision;
  note?: string;
}
export const recordProcessingDecisionUpdate = defineUpdate<InstructionDecision, [RecordProcessingDecisionRequest]>(
  'recordProcessingDecision',
);

/** An operator records a revision the customer sent by another channel (letter, meeting); it is judged like any. */
export interface RecordRevisionRequest {
  revision: string;
  note?: string;
}
export const recordRevisionUpdate = defineUpdate<InstructionRevision, [RecordRevisionRequest]>('recordRevision');

/**
 * An operator judges the revision awaiting judgement: accepted, processing under it starts (or resumes);
 * rejected, the customer is told the reason and the instruction stays flagged or suspended.
 */
export interface JudgeRevisionRequest {
  accepted: boolean;
  reason?: string;
}
export const judgeRevisionUpdate = defineUpdate<InstructionRevision, [JudgeRevisionRequest]>('judgeRevision');

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
  const how = resolution.kind === 'revised' ? 'revised' : 'lawfulness guaranteed';
  return `instruction ${state.instructionId} was already ${state.suspension ? 'resumed' : 'carried out'} at ${resolution.at} (${how})`;
}

/** 3.2 (i): an operator suspends at once only an instruction that is neither suspended nor carried out. */
export function refuseSuspension(state: InstructionState, request: SuspendInstructionRequest): string | undefined {
  const resolved = resolvedProblem(state);
  if (resolved) return resolved;
  if (state.suspension) return `instruction ${state.instructionId} is already suspended since ${state.suspension.at}`;
  return textProblem('reason', request?.reason);
}

export function refuseProcessingDecision(state: InstructionState, request: RecordProcessingDecisionRequest): string | undefined {
  const resolved = resolvedProblem(state);
  if (resolved) return resolved;
  // 3.2: (ii) is the processor's choice once the instruction is suspended under (i), not before.
  if (!state.suspension) {
    return (
      `instruction ${state.instructionId} is not suspended: the customer may revise or guarantee it until ` +
      `${state.responseDueAt ?? 'its answer'}; suspend it first (suspendInstruction) if it is plainly unlawful`
    );
  }
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

/** 3.2: a revision is accepted, or rejected with a reason the customer is told; only one that awaits judgement. */
export function refuseRevisionJudgement(state: InstructionState, request: JudgeRevisionRequest): string | undefined {
  const resolved = resolvedProblem(state);
  if (resolved) return resolved;
  const pending = pendingRevision(state);
  if (!pending) return `no revision of instruction ${state.instructionId} awaits judgement`;
  if (typeof request?.accepted !== 'boolean') return 'accepted must be true or false';
  if (!request.accepted && request.reason === undefined) return 'a rejected revision needs a reason: the customer is told it';
  return request.reason === undefined ? undefined : textProblem('reason', request.reason);
}

export function refuseGuarantee(state: InstructionState, request: RecordGuaranteeRequest): string | undefined {
  return (
    resolvedProblem(state) ??
    textProblem('guarantee', request?.guarantee) ??
    (request.note === undefined ? undefined : textProblem('note', request.note))
  );
}

// ---------------------------------------------------------------------------------------------
// 3.4: "De Klant moet o2o onverwijld op de hoogte brengen indien hij niet in staat is om aan zijn
// verantwoordelijkheden op grond van dit artikel of de Privacywetgeving te voldoen." The notice is kept in
// the records (its words may name people); `cannot-comply-<noticeId>` alerts the privacy team with ids only.

export interface CannotComplyInput {
  noticeId: string;
  customerId: string;
  /** When the product reported it (the event's timestamp). */
  receivedAt: string;
}

export type CannotComplyStatus = 'alerting' | 'team-alerted';

export interface CannotComplyState extends CannotComplyInput {
  status: CannotComplyStatus;
  /** When the privacy team's address accepted the alert. */
  alertedAt?: string;
  /** Alerts the privacy team's address refused, retried until it takes them (workflows/privacy-team-alerts.ts). */
  undeliveredAlerts: UndeliveredAlertView[];
  closed: boolean;
}

export const cannotComplyStatusQuery = defineQuery<CannotComplyState>('cannotComplyStatus');
