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
import type { CannotComplyAlertFacts, InstructionAlertFacts } from '../activities/email/templates/instruction';
import { normalizeInstant, parseInstant, wholeMinute } from '../domain/clocks';
import {
  cannotComplyStatusQuery,
  currentDecision,
  refuseGuarantee,
  instructionCaseStatus,
  instructionConfirmedSignal,
  instructionRefusedSignal,
  instructionRevisedSignal,
  instructionSettings,
  judgeRevisionUpdate,
  pendingRevision,
  refuseRevisionJudgement,
  instructionStatusQuery,
  nextInstructionReminder,
  refuseProcessingDecision,
  recordGuaranteeUpdate,
  recordProcessingDecisionUpdate,
  recordRevisionUpdate,
  refuseRevision,
  refuseSuspension,
  openedInstruction,
  responseDueAt,
  suspendInstructionUpdate,
  type InstructionDecision,
  type InstructionInput,
  type InstructionResolution,
  type InstructionRevision,
  type InstructionState,
  type InstructionSuspension,
  type CannotComplyInput,
  type CannotComplyState,
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
  /**
   * The instant the reminders counted from in a run of before the response period (3.2): such a run
   * suspended the instruction when it was flagged. Today's runs count from `state.suspension.at`.
   */
  remindersFrom?: string;
  /** The privacy team's alerts not taken by its address yet. */
  alerts: InstructionAlertRequest[];
}

const {
  recordInstructionFlagged,
  recordInstructionNoticeUndeliverable,
  recordInstructionSuspended,
  recordInstructionRevision,
  recordInstructionRevisionJudgement,
  recordInstructionDecision,
  recordInstructionResumed,
  recordCannotComplyAlerted,
} = proxyActivities<Activities>(recordOptions);
const {
  notifyCustomerOfFlaggedInstruction,
  tellCustomerOfSuspension,
  tellCustomerOfRejectedRevision,
  tellCustomerOfProcessingDecision,
  remindCustomerOfSuspendedInstruction,
  confirmInstructionResumed,
  alertPrivacyTeamOfInstruction,
  alertPrivacyTeamOfCannotComply,
} = proxyActivities<Activities>(emailOptions);

/**
 * `instruction-<instructionId>` (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph). The customer is
 * told at once that its instruction appears unlawful and is given a response period (3.2 "vervolgens").
 * A guarantee within it ends the case with the instruction carried out. Its refusal, or its silence past
 * the period, suspends the instruction (3.2 (i)); an operator may suspend a plainly unlawful one at once.
 * Once it is suspended, operators record whether processing continues under the earlier instructions or
 * stops (3.2 (ii)), and the customer is told; reminders go to the customer and the privacy team until
 * the customer revises the instruction or guarantees its lawfulness, which resumes it and ends the case.
 *
 * One argument, whether the product started the case or a previous run continued as new: the input, and
 * from a previous run (`continued`) its state and what it hands over, for a case that stays open for years.
 */
export async function unlawfulInstruction(
  input: InstructionInput & { continued?: { state: InstructionState; handover: InstructionHandover } },
): Promise<InstructionState> {
  const carried = input.continued?.state;
  const handover = input.continued?.handover;
  const settings = instructionSettings({ ...input.settings, ...carried?.settings });
  // Time taken from the sender: flaggedAt is the product's instant, and a flag it delivered days late
  // (retried while this side was down) is told to the customer at once all the same, with its full
  // response period counted from when the case learnt of it, at the minute (the time the emails show).
  const answerFrom = laterOf(input.flaggedAt, wholeMinute(nowIso()));
  const state: InstructionState = carried ?? openedInstruction(input, settings, responseDueAt(answerFrom, settings));
  // Alerts go out beside the case: a refused one is retried and shown, and never holds up a clock.
  const alerts = privacyTeamAlerts<InstructionAlertRequest>({
    send: alertPrivacyTeamOfInstruction,
    carried: handover?.alerts ?? [],
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  state.settings = settings;
  state.revisions = carried?.revisions ?? state.revisions ?? [];
  // Each run starts with no alert known to be refused: a carried one shows again once refused again.
  state.undeliveredAlerts = [];
  if (carried && !carried.suspension) {
    // A run of before the response period suspended the instruction when it was flagged, and told the customer so.
    state.suspension = {
      at: handover?.remindersFrom ?? state.flaggedAt,
      cause: 'operator',
      reason: state.reason,
      customerTold: 'notified',
    };
  }
  const seenDeliveries = new Set<string>();
  // Handlers that write to the instruction's row wait for it: a revision may arrive within the first second.
  let flaggedRecorded = carried !== undefined;
  const recorded = () => condition(() => flaggedRecorded);
  let rollOver = false;
  const ending = () => state.resolution !== undefined || rollOver;
  const email = () => ({
    instructionId: state.instructionId,
    customerId: state.customerId,
    flaggedAt: state.flaggedAt,
    ...(state.responseDueAt !== undefined && { responseDueAt: state.responseDueAt }),
    ...(state.suspension !== undefined && { suspendedAt: state.suspension.at }),
  });

  // Every handler is in place before the first await.
  handle(instructionStatusQuery, () => state);

  async function resume(resolution: InstructionResolution): Promise<InstructionResolution> {
    state.resolution = resolution;
    refresh();
    await recorded();
    await recordInstructionResumed({ instructionId: state.instructionId, resolution });
    return resolution;
  }

  /** 3.2 (i): suspended once; the customer is told (tellCustomer), the team asked for (ii). */
  async function suspend(suspension: InstructionSuspension): Promise<InstructionSuspension> {
    state.suspension = suspension;
    refresh();
    if (suspension.cause !== 'operator') {
      alert('instruction-suspended', {
        kind: 'instruction-suspended',
        detail:
          suspension.cause === 'refused'
            ? `The customer refused to change the instruction at ${suspension.at}; its stated reason is in the records (instructions.suspension_reason).`
            : `The customer's response period ended at ${state.responseDueAt} without a lawful revision or a guarantee.`,
      });
    }
    await recorded();
    await recordInstructionSuspended({ instructionId: state.instructionId, suspension });
    return suspension;
  }

  handle(instructionRefusedSignal, async (signal) => {
    if (seenDeliveries.has(signal.webhookId)) return;
    seenDeliveries.add(signal.webhookId);
    if (state.resolution || state.suspension) {
      log.info('instruction already suspended or carried out; a refusal changes nothing', { webhookId: signal.webhookId });
      return;
    }
    const reason = signal.reason?.trim();
    await suspend({ at: nowIso(), cause: 'refused', ...(reason && { reason }) });
  });

  handle(suspendInstructionUpdate, (request) => suspend({ at: nowIso(), cause: 'operator', reason: request.reason.trim() }), {
    validator: (request) => refuse(refuseSuspension(state, request)),
  });

  /** 3.2: a revision is judged before it is carried out; a later one replaces one not judged yet. */
  async function receiveRevision(revision: Omit<InstructionRevision, 'sequence'>): Promise<InstructionRevision> {
    const pending = pendingRevision(state);
    if (pending) pending.superseded = true;
    const received: InstructionRevision = { sequence: state.revisions.length + 1, ...revision };
    state.revisions.push(received);
    refresh();
    alert(`revision-${received.sequence}`, {
      kind: 'revision-to-judge',
      detail:
        `Revision ${received.sequence} received at ${received.receivedAt} via ${received.via}` +
        (pending ? ` (it replaces revision ${pending.sequence}, not judged)` : '') +
        "; its text is in the records (instruction_revisions) and in the case's state (instructionStatus).",
    });
    await recorded();
    await recordInstructionRevision({ instructionId: state.instructionId, revision: received });
    return received;
  }

  handle(instructionRevisedSignal, async (signal) => {
    if (seenDeliveries.has(signal.webhookId)) return;
    seenDeliveries.add(signal.webhookId);
    if (state.resolution) {
      log.info('instruction already closed; a later revision is not applied', { webhookId: signal.webhookId });
      return;
    }
    await receiveRevision({ text: signal.revision.trim(), receivedAt: normalizeInstant(signal.revisedAt), via: 'webhook' });
  });

  handle(
    judgeRevisionUpdate,
    async (request) => {
      const revision = pendingRevision(state)!;
      const reason = request.reason?.trim();
      const now = nowIso();
      const due = state.responseDueAt;
      const answerStillDueBy = !state.suspension && due !== undefined && parseInstant(now) < parseInstant(due) ? due : undefined;
      revision.judgement = {
        accepted: request.accepted,
        ...(reason !== undefined && { reason }),
        judgedAt: now,
        ...(!request.accepted && answerStillDueBy !== undefined && { answerStillDueBy }),
      };
      refresh();
      await recorded();
      await recordInstructionRevisionJudgement({
        instructionId: state.instructionId,
        sequence: revision.sequence,
        judgement: revision.judgement,
      });
      if (request.accepted) {
        await resume({
          kind: 'revised',
          text: revision.text,
          at: now,
          via: revision.via,
          ...(revision.note !== undefined && { note: revision.note }),
        });
      }
      return revision;
    },
    { validator: (request) => refuse(refuseRevisionJudgement(state, request)) },
  );

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
      receiveRevision({
        text: request.revision.trim(),
        receivedAt: nowIso(),
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
    const answerDue = state.suspension || state.closed ? undefined : state.responseDueAt;
    const deadline = [answerDue, state.nextCustomerReminderAt, state.nextPrivacyTeamReminderAt]
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
      () =>
        notifyCustomerOfFlaggedInstruction({
          ...email(),
          responseDueAt: state.responseDueAt ?? state.flaggedAt,
          instruction: state.instruction,
          reason: state.reason,
        }),
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

  // --- 3.2 (i) and (ii): the suspension, then every decision, is told to the customer, in order

  async function tellCustomer(): Promise<void> {
    const untoldSuspension = () => (state.suspension?.customerTold === undefined ? state.suspension : undefined);
    const untoldDecision = () => state.decisions.find((decision) => decision.customerTold === undefined);
    const untoldRejection = () =>
      state.revisions.find((revision) => revision.judgement?.accepted === false && revision.customerTold === undefined);
    for (;;) {
      await condition(
        () => ending() || untoldRejection() !== undefined || untoldSuspension() !== undefined || untoldDecision() !== undefined,
      );
      if (rollOver) return;
      // 3.2: a rejected revision is answered first: a suspension it leads to follows it.
      const rejected = untoldRejection();
      if (rejected) {
        const result = await tellCustomerOfRejectedRevision({
          ...email(),
          sequence: rejected.sequence,
          revision: rejected.text,
          receivedAt: rejected.receivedAt,
          rejectionReason: rejected.judgement!.reason ?? '',
          ...(rejected.judgement!.answerStillDueBy !== undefined && { answerStillDueBy: rejected.judgement!.answerStillDueBy }),
        });
        rejected.customerTold = result.status === 'sent' ? 'notified' : 'undeliverable';
        refresh();
        if (result.status !== 'sent')
          untold(`revision-${rejected.sequence}-rejection`, `The rejection of revision ${rejected.sequence}`, result);
        continue;
      }
      // What was decided before the resumption is still told, so that the customer's file is complete.
      const suspension = untoldSuspension();
      if (suspension) {
        const result = await tellCustomerOfSuspension({
          ...email(),
          suspendedAt: suspension.at,
          instruction: state.instruction,
          reason: state.reason,
          cause: suspension.cause,
          ...(suspension.reason !== undefined && { suspensionReason: suspension.reason }),
        });
        suspension.customerTold = result.status === 'sent' ? 'notified' : 'undeliverable';
        refresh();
        if (result.status !== 'sent') untold('suspension', 'The suspension', result);
        continue;
      }
      const decision = untoldDecision();
      if (!decision) return;
      const result = await tellCustomerOfProcessingDecision({ ...email(), decision });
      decision.customerTold = result.status === 'sent' ? 'notified' : 'undeliverable';
      refresh();
      if (result.status !== 'sent') untold(`decision-${decision.sequence}`, `The decision "${decision.decision}"`, result);
    }
  }

  function untold(step: string, what: string, result: { status: 'undeliverable'; problem: string } | { status: 'customer-unknown' }): void {
    alert(`${step}-undeliverable`, {
      kind: result.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
      detail: `${what} could not be sent to the customer: ${result.status === 'undeliverable' ? result.problem : 'no customer record'}.`,
    });
  }

  // --- 3.2 "vervolgens": the customer's response period; its silence past it suspends the instruction

  async function awaitAnswer(): Promise<void> {
    const settled = () => state.suspension !== undefined || ending();
    const due = state.responseDueAt;
    if (settled() || due === undefined) return;
    if (await waitUntil(due, settled, "the customer's answer: revise or guarantee (3.2)")) return;
    // A revision received in time is judged before the silence is: a lawful one is carried out, never suspended.
    const judgedLate = pendingRevision(state) !== undefined;
    await condition(() => settled() || pendingRevision(state) === undefined);
    if (settled()) return;
    await suspend({ at: judgedLate ? nowIso() : due, cause: 'no-answer' });
  }

  /** Reminders count from the suspension: before it, the customer's response period runs. */
  async function suspended(): Promise<string | undefined> {
    await condition(() => state.suspension !== undefined || ending());
    return ending() ? undefined : wholeMinute(state.suspension!.at);
  }

  // --- Reminders while the instruction stays suspended, every N days from the stored remindersFrom

  /**
   * One series of reminders, every `everyDays` from the suspension: the next one is stored (and shown)
   * before it is waited for, so an extension or a restart reads it again.
   */
  async function remindWhileSuspended(series: {
    everyDays: number;
    sent: 'customerRemindersSent' | 'privacyTeamRemindersSent';
    next: 'nextCustomerReminderAt' | 'nextPrivacyTeamReminderAt';
    summary: string;
    remind: (number: number) => Promise<void>;
  }): Promise<void> {
    const remindersFrom = await suspended();
    if (remindersFrom === undefined) return;
    for (;;) {
      if (ending()) return;
      const next = nextInstructionReminder(remindersFrom, series.everyDays, state[series.sent], nowIso(), settings.timeZone);
      state[series.next] = next.at;
      refresh();
      if (await waitUntil(next.at, ending, series.summary)) return;
      await series.remind(next.number);
      state[series.sent] = next.number;
      if (workflowInfo().continueAsNewSuggested) rollOver = true;
    }
  }

  const remindCustomer = () =>
    remindWhileSuspended({
      everyDays: settings.customerReminderDays,
      sent: 'customerRemindersSent',
      next: 'nextCustomerReminderAt',
      summary: 'reminder to the customer',
      remind: async (reminderNumber) => {
        const decision = currentDecision(state)?.decision;
        await remindCustomerOfSuspendedInstruction({
          ...email(),
          instruction: state.instruction,
          reason: state.reason,
          reminderNumber,
          ...(decision !== undefined && { decision }),
        });
      },
    });

  const remindPrivacyTeam = () =>
    remindWhileSuspended({
      everyDays: settings.privacyTeamReminderDays,
      sent: 'privacyTeamRemindersSent',
      next: 'nextPrivacyTeamReminderAt',
      summary: 'reminder to the privacy team',
      remind: async (number) => {
        const days = Math.floor((parseInstant(nowIso()) - parseInstant(state.suspension!.at)) / 86_400_000);
        alert(`team-reminder-${number}`, {
          kind: 'open-reminder',
          detail:
            `Suspended for ${days} day(s). Customer notice: ${state.notice.status}. ` +
            `Reminders sent to the customer: ${state.customerRemindersSent}. ` +
            (currentDecision(state) ? '' : 'No processing decision has been recorded yet. ') +
            (pendingRevision(state) ? 'A revision awaits judgement (judgeRevision).' : ''),
        });
      },
    });

  // --- The case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'instruction' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);
  refresh();

  if (!carried) {
    await recordInstructionFlagged({ ...input, ...(state.responseDueAt !== undefined && { responseDueAt: state.responseDueAt }) });
    flaggedRecorded = true;
    const notified = notifyCustomer();
    alert('instruction-flagged', {
      kind: 'instruction-flagged',
      detail:
        `The instruction is recorded as flagged and the customer is being told, in its language, with the reason. ` +
        `Its response period ends at ${state.responseDueAt}.`,
    });
    await notified;
  }

  await Promise.all([awaitAnswer(), tellCustomer(), remindCustomer(), remindPrivacyTeam()]);

  if (!state.resolution) {
    // Only a history grown long ends the loops without a resumption: start afresh with the same state.
    // A refused alert waiting for its next try goes with it, so that none is lost.
    await condition(() => allHandlersFinished() && alerts.sending() === 0);
    return continueAsNew<typeof unlawfulInstruction>({ ...input, continued: { state, handover: { alerts: alerts.pending() } } });
  }

  const resolution = state.resolution;
  const confirmation = await confirmInstructionResumed({ ...email(), resolution });
  if (confirmation.status !== 'sent') {
    alert('resumption-undeliverable', {
      kind: confirmation.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
      detail: `The confirmation that the instruction is carried out could not be sent to the customer: ${confirmation.status === 'undeliverable' ? confirmation.problem : 'no customer record'}.`,
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

/**
 * `cannot-comply-<noticeId>` (policy 3.4): the customer told us that it cannot meet its obligations. The
 * notice is in the records already (the webhook endpoint wrote it: its words may name people); this case
 * alerts the privacy team, retrying while its address refuses, and shows the alert in the Web UI. It ends
 * once the team's address took the alert.
 */
export async function customerCannotComply(input: CannotComplyInput): Promise<CannotComplyState> {
  const state: CannotComplyState = { ...input, status: 'alerting', undeliveredAlerts: [], closed: false };
  const show = caseViewer();
  const refresh = () =>
    show({
      status: state.status,
      nextDeadline: undefined,
      details:
        `**Notice ${state.noticeId}** of customer \`${state.customerId}\` (3.4): cannot meet its obligations\n\n` +
        `- received at ${state.receivedAt}; its text is in the records (cannot_comply_notices)\n` +
        `- privacy team: ${state.alertedAt ? `alerted at ${state.alertedAt}` : 'being alerted'}` +
        alerts.describe(),
    });
  const alerts = privacyTeamAlerts<{ step: string; alert: CannotComplyAlertFacts }>({
    send: alertPrivacyTeamOfCannotComply,
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  handle(cannotComplyStatusQuery, () => state);

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'cannot-comply' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);
  refresh();
  alerts.raise({
    step: 'cannot-comply',
    alert: {
      kind: 'customer-cannot-comply',
      noticeId: state.noticeId,
      customerId: state.customerId,
      receivedAt: state.receivedAt,
      detail: 'The customer reported, through the product, that it cannot meet its obligations (policy 3.4).',
    },
  });
  await alerts.delivered();
  state.alertedAt = nowIso();
  await recordCannotComplyAlerted({ noticeId: state.noticeId, alertedAt: state.alertedAt });
  state.status = 'team-alerted';
  state.closed = true;
  refresh();
  await condition(allHandlersFinished);
  return state;
}

function laterOf(a: string, b: string): string {
  return parseInstant(a) >= parseInstant(b) ? a : b;
}

function describeInstruction(state: InstructionState): string {
  const decision = currentDecision(state);
  const suspension = state.suspension;
  const lines = [
    `**Instruction ${state.instructionId}** of customer \`${state.customerId}\`: ${state.status}`,
    '',
    `- flagged at ${state.flaggedAt}; customer notice ${state.notice.status}`,
    suspension
      ? `- suspended since ${suspension.at} (${suspension.cause})`
      : `- not suspended: the customer may revise or guarantee until ${state.responseDueAt ?? 'its answer'}`,
  ];
  if (suspension && !state.resolution && decision?.decision === 'stop-processing') {
    lines.push(
      `- **Processing stopped since ${decision.decidedAt}: the case stays open until a revision is accepted** ` +
        '(judgeRevision), the lawfulness is guaranteed (recordGuarantee), or the decision is changed',
    );
  }
  if (suspension) {
    lines.push(
      `- decision: ${decision ? `${decision.decision} (${decision.decidedAt})` : 'none recorded'}`,
      `- reminders: ${state.customerRemindersSent} to the customer, ${state.privacyTeamRemindersSent} to the privacy team`,
    );
  }
  const pending = pendingRevision(state);
  if (pending) lines.push(`- revision ${pending.sequence} received at ${pending.receivedAt} awaits judgement (judgeRevision)`);
  const rejected = state.revisions.filter((revision) => revision.judgement?.accepted === false).length;
  if (rejected > 0) lines.push(`- revisions rejected: ${rejected}`);
  if (state.resolution) {
    const done = suspension ? 'resumed' : 'carried out';
    lines.push(`- ${done} at ${state.resolution.at}: ${state.resolution.kind} (via ${state.resolution.via})`);
  } else if (state.nextCustomerReminderAt) lines.push(`- next customer reminder at ${state.nextCustomerReminderAt}`);
  return lines.join('\n');
}
