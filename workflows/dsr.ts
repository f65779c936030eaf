import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AlertOutcome } from '../activities/privacy-team';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import type { DsrPrivacyTeamAlertFacts, DsrPrivacyTeamAlertKind } from '../activities/email/templates/dsr';
import { deadlinePassed, nextReminder } from '../domain/clocks';
import {
  addSpan,
  applyActionCompletion,
  applyExtension,
  applyInstruction,
  controllerDeadline,
  displayStatus,
  dsrActionCompletedUpdate,
  dsrActionWebhookId,
  dsrContractEndedSignal,
  dsrExtendedUpdate,
  dsrInstructedUpdate,
  dsrSettings,
  dsrStatusQuery,
  extensionDeadlines,
  isDsrAction,
  openDsrState,
  refuseActionCompletion,
  refuseExtension,
  refuseInstruction,
  type DsrAction,
  type DsrRequestInput,
  type DsrState,
} from '../domain/dsr';
import { defaultTimeZone } from '../domain/language';
import { searchAttributes } from '../domain/search-attributes';
import { waitingWhile } from '../domain/digests';
import { emailOptions, recordOptions } from './activity-options';
import { failureMessage } from './failures';
import { caseViewer } from './case-view';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { untilCustomerDescribed } from './customer-grace';
import { waitUntil } from './wait';
import { decideUpdate, handle } from './handlers';

/** An alert raised and not yet taken by the privacy team's address: handed to the next run by continue-as-new. */
export interface DsrAlertRequest {
  step: string;
  alert: DsrPrivacyTeamAlertFacts;
}

const { lookupDsrCustomer, recordDsrCase, recordDsrExtension, recordDsrInstruction, recordDsrActionCompleted, closeDsrRecord } =
  proxyActivities<Activities>(recordOptions);
const { notifyCustomerOfDsr, confirmDsrToSubject, remindCustomerOfDsr, confirmDsrExtension, confirmDsrClosure, alertPrivacyTeamOfDsr } =
  proxyActivities<Activities>(emailOptions);

/**
 * Asking the product to act: each attempt is one HTTP call (20 s at most, see product-webhook.ts), and
 * attempts go on without limit until the product answers 2xx, because a customer's instruction must not
 * be dropped while the product is deploying or down. The backoff stops growing at five minutes so that
 * a product that comes back is reached soon. A missing configuration is thrown non-retryably.
 */
const { requestDsrAction } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** The failure type product-webhook.ts throws when PRODUCT_WEBHOOK_URL/_SECRET are missing or unusable. */
const productWebhookNotConfigured = 'ProductWebhookNotConfigured';

/**
 * `dsr-<requestId>` (policy 8.1, 10.1-10.2; GDPR Art. 12(3), 28(3)(e)): tells the customer at once and
 * confirms to the subject only that the request concerns that customer; then waits for the customer's
 * written instruction, reminding it before the controller's deadline (one calendar month, extendable by
 * two) and alerting the privacy team when the deadline passes; an action is asked of the product until
 * it confirms it; the customer gets a closing confirmation.
 *
 * The subject's email address never reaches this workflow: the activities read it from the records.
 *
 * One argument, whether the product started the case or a previous run continued as new: the input,
 * and from a previous run its state (`resume`) and the privacy team's alerts still undelivered
 * (`carriedAlerts`).
 */
export async function dsrRequest(input: DsrRequestInput & { carriedAlerts?: DsrAlertRequest[] }): Promise<DsrState> {
  const { carriedAlerts = [] } = input;
  const settings = dsrSettings(input.settings);
  const state = input.resume ?? openDsrState(input);
  const { workflowId } = workflowInfo();
  const now = (): string => new Date().toISOString();
  // Alerts go out beside the case: a refused one is retried and shown, and never holds up a clock.
  /** Alerts whose first refusal the timeline has noted. */
  const refusalsNoted = new Set<string>();
  const alerts = privacyTeamAlerts<DsrAlertRequest>({
    send: sendAlert,
    carried: carriedAlerts,
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  // Each run starts with no alert known to be refused: a carried one shows again once refused again.
  state.undeliveredAlerts = [];

  // Every handler before the first await. Handlers only decide and change the state; the main loop below
  // does the I/O, so an update answers as soon as its decision is in the history.
  handle(dsrStatusQuery, () => state);
  decideUpdate(
    dsrInstructedUpdate,
    (message) => refuseInstruction(state, message, now()),
    (message) => applyInstruction(state, message),
    refresh,
  );
  decideUpdate(
    dsrExtendedUpdate,
    (message) => refuseExtension(state, message, now()),
    (message) => applyExtension(state, message),
    refresh,
  );
  decideUpdate(
    dsrActionCompletedUpdate,
    (message) => refuseActionCompletion(state, message, now()),
    (message) => applyActionCompletion(state, message),
    refresh,
  );
  handle(dsrContractEndedSignal, (message) => {
    if (state.closed || state.contractEnded) return;
    state.contractEnded = { deletedAt: message.deletedAt, terminationWorkflowId: message.terminationWorkflowId };
    note(`the customer's contract ended and its data was deleted (${message.terminationWorkflowId}, ${message.deletedAt})`);
    refresh();
  });

  // ---- what operators see in the Web UI

  const show = caseViewer();
  function refresh(): void {
    state.status = displayStatus(state, now());
    show({
      status: state.status,
      nextDeadline: state.closed ? undefined : state.deadlineAt,
      details: describeRequest(state) + alerts.describe(),
      waitingOnCustomer: waitingWhile(state.phase === 'awaiting-instruction' && !state.closed, {
        kind: 'dsr-instruction',
        customerId: state.customerId,
        caseId: state.requestId,
        deadline: state.deadlineAt,
      }),
    });
  }

  function note(event: string): void {
    state.timeline.push({ at: now(), event });
  }

  const caseFacts = () => ({
    requestId: state.requestId,
    customerId: state.customerId,
    requestType: state.requestType,
    receivedAt: state.receivedAt,
    deadlineAt: state.deadlineAt!,
  });

  /**
   * Once per step, in the background: the case goes on at once. An alert the team's address refuses is
   * shown (state, DpaUndeliveredAlerts, current details) and retried until taken; it never ends the case.
   */
  function alert(step: string, kind: DsrPrivacyTeamAlertKind, detail: string, dueAt?: string): void {
    if (state.alertsSent.includes(step)) return;
    state.alertsSent.push(step);
    alerts.raise({ step, alert: { kind, requestId: state.requestId, customerId: state.customerId, detail, ...(dueAt && { dueAt }) } });
  }

  /** The alert activity, with the timeline noting the first refusal and the delivery. */
  async function sendAlert(request: DsrAlertRequest): Promise<AlertOutcome> {
    const outcome = await alertPrivacyTeamOfDsr(request);
    if (outcome.status === 'delivered') note(`privacy team alerted: ${request.alert.kind}`);
    else if (!refusalsNoted.has(request.step)) {
      refusalsNoted.add(request.step);
      note(`privacy team alert ${request.alert.kind} refused, retried: ${outcome.reason}`);
    }
    return outcome;
  }

  /** What the history already decided and the records do not hold yet: extensions and the instruction. */
  const unsettled = () =>
    state.recorded.extensions < state.extensions.length || (state.instruction !== undefined && !state.recorded.instruction);

  async function settleRecords(): Promise<void> {
    const timeZone = state.timeZone;
    if (!timeZone) return; // the case is recorded once its zone is known; extensions wait for it
    const deadlines = extensionDeadlines(state, timeZone);
    while (state.recorded.extensions < state.extensions.length) {
      const index = state.recorded.extensions;
      const extension = state.extensions[index]!;
      const extensionMonths = state.extensions.slice(0, index + 1).reduce((sum, e) => sum + e.extraMonths, 0);
      await recordDsrExtension({
        requestId: state.requestId,
        sequence: index + 1,
        extraMonths: extension.extraMonths,
        totalExtensionMonths: extensionMonths,
        deadlineAt: deadlines[index]!,
        ...(extension.reason !== undefined && { reason: extension.reason }),
        source: extension.source,
        requestedAt: extension.receivedAt,
      });
      const sent = await confirmDsrExtension({
        ...caseFacts(),
        deadlineAt: deadlines[index]!,
        step: `extension-${index + 1}`,
        extraMonths: extension.extraMonths,
        extensionMonths,
        originalDeadlineAt: state.originalDeadlineAt!,
        ...(extension.reason !== undefined && { reason: extension.reason }),
      });
      state.recorded.extensions = index + 1;
      note(`extension ${index + 1} recorded; customer ${emailOutcome(sent)}`);
    }
    const instruction = state.instruction;
    if (instruction && !state.recorded.instruction) {
      await recordDsrInstruction({
        requestId: state.requestId,
        instruction: instruction.instruction,
        ...(instruction.note !== undefined && { note: instruction.note }),
        source: instruction.source,
        instructedAt: instruction.receivedAt,
      });
      state.recorded.instruction = true;
    }
  }

  // ---- 1. receipt: the customer at once, the subject only the 10.2 confirmation

  async function openCase(): Promise<void> {
    const customer = await untilCustomerDescribed(
      settings.unknownCustomerGraceMinutes,
      () => lookupDsrCustomer({ customerId: state.customerId }),
      (found) => found.status === 'unknown',
    );

    // Art. 12(3): the month is counted on the customer's calendar; without a customer record, on the policy's.
    const timeZone = customer.status === 'known' ? customer.timeZone : defaultTimeZone;
    state.timeZone = timeZone;
    state.originalDeadlineAt = controllerDeadline(state.receivedAt, 0, timeZone);
    state.deadlineAt = controllerDeadline(state.receivedAt, state.extensionMonths, timeZone);
    note(`controller's deadline ${state.deadlineAt} (one calendar month in ${timeZone})`);
    refresh();
    await recordDsrCase({
      requestId: state.requestId,
      customerId: state.customerId,
      requestType: state.requestType,
      receivedAt: state.receivedAt,
      reportedAt: state.reportedAt,
      timeZone,
      originalDeadlineAt: state.originalDeadlineAt,
    });

    const notice: CustomerEmailResult =
      customer.status === 'known' ? await notifyCustomerOfDsr(caseFacts()) : { status: 'customer-unknown' };
    if (notice.status === 'sent') {
      state.customerNotice = 'notified';
      note(`customer notified (${notice.recipients} contact(s)${notice.refused ? `, ${notice.refused} refused` : ''})`);
      const confirmation = await confirmDsrToSubject({ requestId: state.requestId, customerId: state.customerId });
      state.subjectConfirmation = confirmation.status === 'customer-unknown' ? 'not-sent' : confirmation.status;
      note(`data subject confirmation: ${state.subjectConfirmation}`);
    } else {
      // Without a told customer the subject is not told that the request was passed on: it was not.
      state.customerNotice = notice.status;
      state.subjectConfirmation = 'not-sent';
      refresh();
      if (notice.status === 'customer-unknown') {
        alert(
          'alert-no-customer-record',
          'no-customer-record',
          `The product reported data subject request ${state.requestId} (${state.requestType}) for customer ` +
            `${state.customerId}, which it has not described (no customer.upserted within the grace period). ` +
            `Neither the customer nor the data subject has been told.`,
          state.deadlineAt,
        );
      } else {
        alert('alert-notice-undeliverable', 'notice-undeliverable', notice.problem, state.deadlineAt);
      }
    }
    state.phase = state.instruction ? 'carrying-out' : 'awaiting-instruction';
    refresh();
  }

  // ---- 2. no instruction yet: reminders from the stored deadline, an alert when it passes

  async function awaitInstruction(): Promise<void> {
    const deadline = state.deadlineAt!;
    const changed = () =>
      state.instruction !== undefined || state.deadlineAt !== deadline || unsettled() || state.contractEnded !== undefined;
    const at = now();
    if (deadlinePassed(deadline, at)) {
      alert(
        `alert-deadline-passed-${deadline}`,
        'deadline-passed',
        `The controller's deadline for data subject request ${state.requestId} (${state.requestType}, received ` +
          `${state.receivedAt}) passed at ${deadline} without a written instruction from customer ${state.customerId}.`,
        deadline,
      );
      refresh();
      await condition(changed);
      return;
    }
    // Computed afresh each round from the stored deadline: an extension moves every reminder with it.
    const next = nextReminder(deadline, settings.reminderOffsets, state.remindersSent, at);
    const wakeAt = next?.at ?? deadline;
    const summary = next ? `reminder ${next.before} before the deadline ${deadline}` : `the controller's deadline ${deadline}`;
    if (await waitUntil(wakeAt, changed, summary)) return;
    if (!next) return; // the deadline itself: the next round alerts
    const sent = await remindCustomerOfDsr({ ...caseFacts(), step: `reminder-${next.key}` });
    state.remindersSent.push(next.key);
    note(`reminder ${next.before} before ${deadline}: customer ${emailOutcome(sent)}`);
    refresh();
  }

  // ---- 3. an instruction: the product is asked (and asked again) until it confirms

  let sending: Promise<void> | undefined;
  let sendingScope: CancellationScope | undefined;

  /** Runs beside the main loop, so that a product that is down for days delays no reminder or alert. */
  function startSending(): void {
    const action = state.action!;
    const instruction = state.instruction!;
    const scope = new CancellationScope();
    sendingScope = scope;
    action.delivery = 'sending';
    sending = scope
      .run(() =>
        requestDsrAction({
          requestId: state.requestId,
          customerId: state.customerId,
          action: action.action,
          ...(instruction.note !== undefined && { note: instruction.note }),
          webhookId: action.webhookId,
          requestedAt: action.requestedAt,
        }),
      )
      .then(
        () => {
          action.delivery = 'accepted';
          action.accepted += 1;
          action.lastAcceptedAt = now();
          delete action.problem;
          note(`product accepted the request to ${action.action} (${action.webhookId})`);
        },
        async (error: unknown) => {
          if (isCancellation(error)) return;
          const notConfigured =
            error instanceof ActivityFailure &&
            error.cause instanceof ApplicationFailure &&
            error.cause.type === productWebhookNotConfigured;
          action.delivery = notConfigured ? 'not-configured' : 'failed';
          action.problem = failureMessage(error);
          refresh();
          alert(
            notConfigured ? 'alert-product-webhook-not-configured' : 'alert-product-request-failed',
            notConfigured ? 'product-webhook-not-configured' : 'product-request-failed',
            `The product could not be asked to ${action.action} for data subject request ${state.requestId} ` +
              `(webhook id ${action.webhookId}): ${action.problem}. It is asked again every follow-up period.`,
            state.deadlineAt,
          );
        },
      )
      .finally(() => {
        sending = undefined;
        sendingScope = undefined;
        refresh();
      });
  }

  async function stopSending(): Promise<void> {
    sendingScope?.cancel();
    if (sending) await sending;
  }

  async function carryOut(): Promise<void> {
    state.phase = 'carrying-out';
    const instruction = state.instruction!;
    if (!isDsrAction(instruction.instruction)) {
      await closeCase({ kind: 'handled-by-customer' });
      return;
    }
    const action = (state.action ??= {
      action: instruction.instruction,
      webhookId: dsrActionWebhookId(workflowId, instruction.instruction),
      requestedAt: now(),
      delivery: 'sending',
      accepted: 0,
      followUps: 0,
    });
    if (state.completion) {
      await stopSending();
      await closeCase({ kind: 'carried-out', action: state.completion.action, completedAt: state.completion.completedAt });
      return;
    }
    // The first request, or one cut short by continue-as-new.
    if (!sending && action.delivery === 'sending') startSending();
    refresh();

    const deadline = state.deadlineAt!;
    const overdueStep = `alert-action-overdue-${deadline}`;
    const followUpAt = addSpan(action.requestedAt, settings.actionFollowUpEvery, action.followUps + 1);
    const wakeAt = state.alertsSent.includes(overdueStep) || followUpAt < deadline ? followUpAt : deadline;
    const interrupted = await waitUntil(
      wakeAt,
      () => state.completion !== undefined || state.deadlineAt !== deadline || unsettled() || state.contractEnded !== undefined,
      `waiting for the product to confirm: ${action.action}`,
    );
    if (interrupted) return;

    const later = now();
    if (deadlinePassed(deadline, later)) {
      alert(
        overdueStep,
        'action-overdue',
        `The controller's deadline for data subject request ${state.requestId} passed at ${deadline}; the product ` +
          `was asked to ${action.action} at ${action.requestedAt} and has not confirmed it.`,
        deadline,
      );
    }
    if (deadlinePassed(followUpAt, later)) {
      action.followUps += 1;
      const resent = !sending;
      if (resent) startSending();
      refresh();
      alert(
        `alert-action-unconfirmed-${action.followUps}`,
        'action-unconfirmed',
        `The product was asked to ${action.action} for data subject request ${state.requestId} at ` +
          `${action.requestedAt} (webhook id ${action.webhookId}) and has not confirmed it after ` +
          `${action.followUps} follow-up period(s). ` +
          (resent
            ? 'The request has been sent again.'
            : 'The request is still being retried: the product has not answered it with 2xx yet (see dsr_action_requests).'),
        state.deadlineAt,
      );
    }
  }

  // ---- 4. closing the request

  type Outcome = { kind: 'carried-out'; action: DsrAction; completedAt: string } | { kind: 'handled-by-customer' };

  /**
   * 13: the contract ended and the customer's data is deleted: nothing is left to act on. The product is
   * no longer asked; the records keep what was decided, and the case closes without an email (the
   * customer has its certificate of deletion).
   */
  async function closeForEndedContract(): Promise<void> {
    const closedAt = now();
    state.closed = { closedAt, outcome: 'contract-ended' };
    refresh();
    await stopSending();
    await settleRecords();
    await closeDsrRecord({ requestId: state.requestId, closedAt, outcome: 'contract-ended' });
    state.phase = 'closed';
    note('closed (contract-ended)');
    refresh();
  }

  async function closeCase(outcome: Outcome): Promise<void> {
    const closedAt = now();
    // From here every message is refused as "closed" (a repeated confirmation excepted).
    state.closed = { closedAt, outcome: outcome.kind };
    refresh();
    await settleRecords();
    if (outcome.kind === 'carried-out') {
      const completion = state.completion!;
      await recordDsrActionCompleted({
        requestId: state.requestId,
        action: completion.action,
        webhookId: state.action!.webhookId,
        requestedAt: state.action!.requestedAt,
        completedAt: completion.completedAt,
        ...(completion.note !== undefined && { note: completion.note }),
        source: completion.source,
      });
    }
    const sent = await confirmDsrClosure({ ...caseFacts(), closedAt, outcome });
    await closeDsrRecord({ requestId: state.requestId, closedAt, outcome: outcome.kind });
    state.phase = 'closed';
    note(`closed (${outcome.kind}); customer ${emailOutcome(sent)}`);
    refresh();
  }

  // ---- the case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'dsr' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);
  refresh();

  if (state.phase === 'notifying') await openCase();
  while (state.phase !== 'closed') {
    await settleRecords();
    if (state.closed) break;
    if (state.contractEnded) {
      await closeForEndedContract();
      break;
    }
    if (workflowInfo().continueAsNewSuggested && !sending) {
      await condition(() => allHandlersFinished() && alerts.sending() === 0);
      // A refused alert waiting for its next try goes with the state, so that none is lost.
      await continueAsNew<typeof dsrRequest>({ ...input, resume: state, carriedAlerts: alerts.pending() });
    }
    if (state.instruction) await carryOut();
    else await awaitInstruction();
  }
  await condition(allHandlersFinished);
  // Closed for every message; the last alerts (an overdue action, say) still reach the team before the end.
  await alerts.delivered();
  return state;
}

/** A validator's refusal: the caller (webhook 409, operator in the Web UI) reads the reason. */

function emailOutcome(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return 'could not be emailed';
  return 'unknown, not emailed';
}

function describeRequest(state: DsrState): string {
  const cell = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);
  const deadline =
    state.deadlineAt === undefined
      ? undefined
      : `${state.deadlineAt}${state.extensionMonths > 0 ? ` (extended by ${state.extensionMonths} month(s))` : ''}`;
  const action = state.action
    ? `${state.action.action}: ${state.completion ? `confirmed ${state.completion.completedAt}` : state.action.delivery}`
    : undefined;
  return [
    `**Data subject request ${state.requestId}**: ${state.status}`,
    '',
    '| customer | type | received | deadline | customer told | subject | instruction | action |',
    '|---|---|---|---|---|---|---|---|',
    `| \`${state.customerId}\` | ${state.requestType} | ${state.receivedAt} | ${cell(deadline)} | ${state.customerNotice} | ` +
      `${state.subjectConfirmation} | ${cell(state.instruction?.instruction)} | ${cell(action)} |`,
  ].join('\n');
}
