import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { InstructionAlertFacts } from '../activities/email/templates/instruction';
import { normalizeInstant, parseInstant, wholeMinute } from '../domain/clocks';
import {
  currentDecision,
  refuseGuarantee,
  instructionCaseStatus,
  instructionConfirmedSignal,
  instructionRevisedSignal,
  instructionSettings,
  instructionStatusQuery,
  nextInstructionReminder,
  refuseProcessingDecision,
  recordGuaranteeUpdate,
  recordProcessingDecisionUpdate,
  recordRevisionUpdate,
  refuseRevision,
  type InstructionDecision,
  type InstructionInput,
  type InstructionResolution,
  type InstructionState,
} from '../domain/instruction';
import { searchAttributes } from '../domain/search-attributes';
import { emailOptions, recordOptions } from './activity-options';
import { caseViewer } from './case-view';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { untilCustomerDescribed } from './customer-grace';
import { nowIso, waitUntil } from './wait';
import { handle } from './handlers';

/** An alert raised and not yet taken by the privacy team's address: handed to the next run by continue-as-new. */
export interface InstructionAlertRequest {
  step: string;
  alert: InstructionAlertFacts;
}

/** What a run hands to the next besides the state. */
export interface InstructionHandover {
  /** The instant the reminders count from (see remindersFrom below). */
  remindersFrom: string;
  /** The privacy team's alerts not taken by its address yet. */
  alerts: InstructionAlertRequest[];
}

const { recordInstructionFlagged, recordInstructionNoticeUndeliverable, recordInstructionDecision, recordInstructionResumed } =
  proxyActivities<Activities>(recordOptions);
const {
  notifyCustomerOfSuspendedInstruction,
  tellCustomerOfProcessingDecision,
  remindCustomerOfSuspendedInstruction,
  confirmInstructionResumed,
  alertPrivacyTeamOfInstruction,
} = proxyActivities<Activities>(emailOptions);

/**
 * `instruction-<instructionId>` (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph). The customer is
 * told at once that its instruction appears unlawful and is suspended; operators record whether
 * processing continues under the earlier instructions or stops, and the customer is told; reminders go
 * to the customer and the privacy team until the customer revises the instruction or guarantees its
 * lawfulness, which resumes it and ends the case.
 *
 * `carried` and `handover` are what continue-as-new hands over, for a case that stays open for years.
 */
export async function unlawfulInstruction(
  input: InstructionInput,
  carried?: InstructionState,
  handover?: InstructionHandover,
): Promise<InstructionState> {
  const settings = carried?.settings ?? instructionSettings(input.settings);
  const state: InstructionState = carried ?? {
    instructionId: input.instructionId,
    customerId: input.customerId,
    instruction: input.instruction,
    reason: input.reason,
    flaggedAt: input.flaggedAt,
    status: 'notifying',
    settings,
    notice: { status: 'pending' },
    decisions: [],
    customerRemindersSent: 0,
    privacyTeamRemindersSent: 0,
    undeliveredAlerts: [],
    closed: false,
  };
  // Alerts go out beside the case: a refused one is retried and shown, and never holds up a clock.
  const alerts = privacyTeamAlerts<InstructionAlertRequest>({
    send: alertPrivacyTeamOfInstruction,
    carried: handover?.alerts ?? [],
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  // Each run starts with no alert known to be refused: a carried one shows again once refused again.
  state.undeliveredAlerts = [];
  // Time taken from the sender: flaggedAt is the product's instant, and a flag it delivered days late
  // (retried while this side was down) is told to the customer at once all the same. Its reminders count
  // from when the case learnt of it, at the minute (the time the emails show), so that none is due on
  // arrival; a fresh flag keeps its own minute. A run continued from one older than this counted from the flag.
  const remindersFrom = handover?.remindersFrom ?? (carried ? state.flaggedAt : laterOf(state.flaggedAt, wholeMinute(nowIso())));
  const seenDeliveries = new Set<string>();
  // Handlers that write to the instruction's row wait for it: a revision may arrive within the first second.
  let flaggedRecorded = carried !== undefined;
  const recorded = () => condition(() => flaggedRecorded);
  let rollOver = false;
  const ending = () => state.resolution !== undefined || rollOver;
  const email = { instructionId: state.instructionId, customerId: state.customerId, flaggedAt: state.flaggedAt };

  // Every handler is in place before the first await.
  handle(instructionStatusQuery, () => state);

  async function resume(resolution: InstructionResolution): Promise<InstructionResolution> {
    state.resolution = resolution;
    refresh();
    await recorded();
    await recordInstructionResumed({ instructionId: state.instructionId, resolution });
    return resolution;
  }

  handle(instructionRevisedSignal, async (signal) => {
    if (seenDeliveries.has(signal.webhookId)) return;
    seenDeliveries.add(signal.webhookId);
    if (state.resolution) {
      log.info('instruction already resumed; a later revision is not applied', { webhookId: signal.webhookId });
      return;
    }
    await resume({ kind: 'revised', text: signal.revision.trim(), at: normalizeInstant(signal.revisedAt), via: 'webhook' });
  });

  handle(instructionConfirmedSignal, async (signal) => {
    if (seenDeliveries.has(signal.webhookId)) return;
    seenDeliveries.add(signal.webhookId);
    if (state.resolution) {
      log.info('instruction already resumed; a later guarantee is not applied', { webhookId: signal.webhookId });
      return;
    }
    await resume({ kind: 'confirmed', text: signal.guarantee.trim(), at: normalizeInstant(signal.confirmedAt), via: 'webhook' });
  });

  handle(
    recordProcessingDecisionUpdate,
    async (request) => {
      const decision: InstructionDecision = {
        sequence: state.decisions.length + 1,
        decision: request.decision,
        ...(request.note !== undefined && { note: request.note.trim() }),
        decidedAt: nowIso(),
      };
      state.decisions.push(decision);
      refresh();
      await recorded();
      await recordInstructionDecision({ instructionId: state.instructionId, decision });
      return decision;
    },
    { validator: (request) => refuse(refuseProcessingDecision(state, request)) },
  );

  handle(
    recordRevisionUpdate,
    (request) =>
      resume({
        kind: 'revised',
        text: request.revision.trim(),
        at: nowIso(),
        via: 'operator',
        ...(request.note !== undefined && { note: request.note.trim() }),
      }),
    { validator: (request) => refuse(refuseRevision(state, request)) },
  );

  handle(
    recordGuaranteeUpdate,
    (request) =>
      resume({
        kind: 'confirmed',
        text: request.guarantee.trim(),
        at: nowIso(),
        via: 'operator',
        ...(request.note !== undefined && { note: request.note.trim() }),
      }),
    { validator: (request) => refuse(refuseGuarantee(state, request)) },
  );

  // --- What operators see in the Web UI

  const show = caseViewer();
  function refresh(): void {
    state.status = instructionCaseStatus(state);
    if (state.closed) {
      delete state.nextCustomerReminderAt;
      delete state.nextPrivacyTeamReminderAt;
    }
    const deadline = [state.nextCustomerReminderAt, state.nextPrivacyTeamReminderAt]
      .filter((at): at is string => at !== undefined)
      .sort((a, b) => parseInstant(a) - parseInstant(b))[0];
    show({ status: state.status, nextDeadline: deadline, details: describeInstruction(state) + alerts.describe() });
  }

  /**
   * In the background: the case goes on at once. An alert the team's address refuses (a configuration
   * problem of ours) is shown on the case and retried until taken; it never ends the case.
   */
  function alert(step: string, facts: Omit<InstructionAlertFacts, 'instructionId' | 'customerId' | 'flaggedAt' | 'decision'>): void {
    const decision = currentDecision(state)?.decision;
    alerts.raise({
      step,
      alert: {
        instructionId: state.instructionId,
        customerId: state.customerId,
        flaggedAt: state.flaggedAt,
        ...(decision !== undefined && { decision }),
        ...facts,
      },
    });
  }

  // --- 3.2: the customer is told at once

  async function notifyCustomer(): Promise<void> {
    const result = await untilCustomerDescribed(
      settings.unknownCustomerGraceMinutes,
      () => notifyCustomerOfSuspendedInstruction({ ...email, instruction: state.instruction, reason: state.reason }),
      (tried) => tried.status === 'customer-unknown',
    );
    if (result.status === 'sent') {
      state.notice = { status: 'notified', notifiedAt: result.firstAcceptedAt, recipients: result.recipients };
      refresh();
      return;
    }
    const problem =
      result.status === 'undeliverable'
        ? result.problem
        : 'the product has not described this customer (no customer.upserted), so no contact is known';
    state.notice = { status: 'undeliverable', problem };
    refresh();
    if (result.status === 'customer-unknown') await recordInstructionNoticeUndeliverable({ instructionId: state.instructionId, problem });
    alert('notice-undeliverable', {
      kind: result.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
      detail: problem,
    });
  }

  // --- 3.2 (ii): every decision is told to the customer, in order

  async function tellDecisions(): Promise<void> {
    for (;;) {
      const untold = () => state.decisions.find((decision) => decision.customerTold === undefined);
      await condition(() => ending() || untold() !== undefined);
      // A decision recorded before the resumption is still told, so the customer's file is complete.
      const decision = untold();
      if (!decision || rollOver) return;
      const result = await tellCustomerOfProcessingDecision({ ...email, decision });
      decision.customerTold = result.status === 'sent' ? 'notified' : 'undeliverable';
      refresh();
      if (result.status !== 'sent') {
        alert(`decision-${decision.sequence}-undeliverable`, {
          kind: result.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
          detail: `The decision "${decision.decision}" could not be sent to the customer: ${result.status === 'undeliverable' ? result.problem : 'no customer record'}.`,
        });
      }
    }
  }

  // --- Reminders while the instruction stays suspended, every N days from the stored remindersFrom

  async function remindCustomer(): Promise<void> {
    for (;;) {
      if (ending()) return;
      const next = nextInstructionReminder(
        remindersFrom,
        settings.customerReminderDays,
        state.customerRemindersSent,
        nowIso(),
        settings.timeZone,
      );
      state.nextCustomerReminderAt = next.at;
      refresh();
      if (await waitUntil(next.at, ending, 'reminder to the customer')) return;
      const decision = currentDecision(state)?.decision;
      await remindCustomerOfSuspendedInstruction({
        ...email,
        instruction: state.instruction,
        reason: state.reason,
        reminderNumber: next.number,
        ...(decision !== undefined && { decision }),
      });
      state.customerRemindersSent = next.number;
      if (workflowInfo().continueAsNewSuggested) rollOver = true;
    }
  }

  async function remindPrivacyTeam(): Promise<void> {
    for (;;) {
      if (ending()) return;
      const next = nextInstructionReminder(
        remindersFrom,
        settings.privacyTeamReminderDays,
        state.privacyTeamRemindersSent,
        nowIso(),
        settings.timeZone,
      );
      state.nextPrivacyTeamReminderAt = next.at;
      refresh();
      if (await waitUntil(next.at, ending, 'reminder to the privacy team')) return;
      const days = Math.floor((parseInstant(nowIso()) - parseInstant(state.flaggedAt)) / 86_400_000);
      alert(`team-reminder-${next.number}`, {
        kind: 'open-reminder',
        detail:
          `Suspended for ${days} day(s). Customer notice: ${state.notice.status}. ` +
          `Reminders sent to the customer: ${state.customerRemindersSent}. ` +
          (currentDecision(state) ? '' : 'No processing decision has been recorded yet.'),
      });
      state.privacyTeamRemindersSent = next.number;
      if (workflowInfo().continueAsNewSuggested) rollOver = true;
    }
  }

  // --- The case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'instruction' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);
  refresh();

  if (!carried) {
    await recordInstructionFlagged(input);
    flaggedRecorded = true;
    const notified = notifyCustomer();
    alert('instruction-flagged', {
      kind: 'instruction-flagged',
      detail: 'The instruction is recorded as suspended and the customer is being told, in its language, with the reason.',
    });
    await notified;
  }

  await Promise.all([tellDecisions(), remindCustomer(), remindPrivacyTeam()]);

  if (!state.resolution) {
    // Only a history grown long ends the loops without a resumption: start afresh with the same state.
    // A refused alert waiting for its next try goes with it, so that none is lost.
    await condition(() => allHandlersFinished() && alerts.sending() === 0);
    return continueAsNew<typeof unlawfulInstruction>(input, state, { remindersFrom, alerts: alerts.pending() });
  }

  const resolution = state.resolution;
  const confirmation = await confirmInstructionResumed({ ...email, resolution });
  if (confirmation.status !== 'sent') {
    alert('resumption-undeliverable', {
      kind: confirmation.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
      detail: `The confirmation that the instruction is resumed could not be sent to the customer: ${confirmation.status === 'undeliverable' ? confirmation.problem : 'no customer record'}.`,
    });
  }
  if (resolution.kind === 'confirmed') {
    alert('resumed-under-guarantee', {
      kind: 'resumed-under-guarantee',
      detail: `Guarantee received at ${resolution.at} via ${resolution.via}; the guarantee text is in the records (instructions.resolution_text).`,
    });
  }

  state.closed = true;
  refresh();
  await condition(allHandlersFinished);
  // The case is closed; its last alerts (a guarantee to review, say) still reach the team before the end.
  await alerts.delivered();
  return state;
}

function laterOf(a: string, b: string): string {
  return parseInstant(a) >= parseInstant(b) ? a : b;
}

function describeInstruction(state: InstructionState): string {
  const decision = currentDecision(state);
  const lines = [
    `**Instruction ${state.instructionId}** of customer \`${state.customerId}\`: ${state.status}`,
    '',
    `- suspended since ${state.flaggedAt}; customer notice ${state.notice.status}`,
    `- decision: ${decision ? `${decision.decision} (${decision.decidedAt})` : 'none recorded'}`,
    `- reminders: ${state.customerRemindersSent} to the customer, ${state.privacyTeamRemindersSent} to the privacy team`,
  ];
  if (state.resolution) lines.push(`- resumed at ${state.resolution.at}: ${state.resolution.kind} (via ${state.resolution.via})`);
  else if (state.nextCustomerReminderAt) lines.push(`- next customer reminder at ${state.nextCustomerReminderAt}`);
  return lines.join('\n');
}
