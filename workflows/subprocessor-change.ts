import { allHandlersFinished, condition, continueAsNew, proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ObjectionWindowEmail } from '../activities/subprocessor-change';
import type { UntoldCustomer } from '../activities/objection-windows';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import { searchAttributes } from '../domain/search-attributes';
import {
  batchesPerRun,
  decideOnDeclinedOfferUpdate,
  judgeObjectionUpdate,
  offerReminders,
  objectionReceivedSignal,
  objectionStatusQuery,
  objectionWindowSettings,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  recordServicesTerminatedUpdate,
  refuseDeclinedOfferDecision,
  refuseJudgment,
  refuseRemedyAnswer,
  refuseRemedyOffer,
  refuseServicesTerminated,
  subprocessorChangeStatusQuery,
  windowObjectedSignal,
  windowRoundsPerRun,
  windowsPerBatch,
  type ObjectionInput,
  type ObjectionState,
  type ObjectionStatusLabel,
  type ObjectionWindowAlertKind,
  type ObjectionWindowAlertRequest,
  type ObjectionWindowCounts,
  type SubprocessorChangeInput,
  type SubprocessorChangeState,
  type TerminationRightWhy,
} from '../domain/subprocessor-change';
import { emailOptions, fanOutOptions } from './activity-options';
import { caseViewer } from './case-view';
import { untilCustomerDescribed } from './customer-grace';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { waitUntil } from './wait';
import { handle } from './handlers';

const { emailObjectionWindowCustomer, alertPrivacyTeamOfObjectionWindow, countObjectionWindows, recordObjectionOutcome } =
  proxyActivities<Activities>(emailOptions);
const { announceChangeToCustomers, retryUndescribedNotices, giveUpUndescribed, settleDueWindows } =
  proxyActivities<Activities>(fanOutOptions);

/** An alert of an objection, with when it was raised (its state keeps that time for the operator). */
type ObjectionAlertRequest = Parameters<Activities['alertPrivacyTeamOfObjectionWindow']>[0] & { raisedAt: string };

const days = (count: number) => count * 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const noCounts: ObjectionWindowCounts = { total: 0, notifying: 0, notified: 0, open: 0, objected: 0, accepted: 0, undeliverable: 0 };

/**
 * `subprocessor-change-<changeId>` (policy 5.1-5.2; Art. 28(2)): the register has been updated (by the
 * webhook, before this starts), and whom the change concerns recorded with it. This workflow owns every
 * customer's objection window, kept in the records (one row each), so that a workflow exists only where
 * something happens: the change itself, and each objection (`objection-<changeId>~<customerId>`, started
 * by the webhook endpoint when it takes one).
 *
 * 1. It announces the change, `windowsPerBatch` customers an activity call: each customer's notice is
 *    sent and its window opens in the records, closing at the end of the 30th day after the notice in
 *    the customer's time zone. Customers the product has not described yet are tried again for the
 *    grace (`unknownCustomerGraceMinutes`), then given up; the privacy team is alerted of every customer
 *    nobody could tell.
 * 2. It sleeps until the next instant a window is due (a reminder, a close), and then reminds and closes
 *    every window due at that instant in one batched activity. A window that closes without an objection
 *    is `accepted`.
 * 3. Once every window is closed it stays `lateDeliveryDays` longer (an objection received in time may
 *    still be delivered, and is counted), then completes.
 *
 * It continues as new after `batchesPerRun` announcement calls and after `windowRoundsPerRun` rounds of
 * the loop, carrying where it stands: its history stays short whatever the number of customers.
 */
export async function subprocessorChange(input: SubprocessorChangeInput): Promise<SubprocessorChangeState> {
  const settings = objectionWindowSettings(input.settings);
  const storedSettings = input.settings ?? settings;
  const { change, carried } = input;
  const batching = { windowsPerBatch, batchesPerRun, roundsPerRun: windowRoundsPerRun, ...input.batching };
  const state: SubprocessorChangeState = {
    changeId: change.changeId,
    status: carried?.phase ?? 'notifying',
    total: input.recipients,
    counts: carried?.counts ?? { ...noCounts, total: input.recipients },
    nextIndex: carried?.nextIndex ?? 0,
    runs: (carried?.runs ?? 0) + 1,
    undeliveredAlerts: [],
  };
  /** An objection was taken into the records: the counts are read again. */
  let recount = false;
  handle(subprocessorChangeStatusQuery, () => state);
  handle(windowObjectedSignal, () => {
    recount = true;
  });

  const alerts = privacyTeamAlerts<ObjectionWindowAlertRequest>({
    send: (request) =>
      alertPrivacyTeamOfObjectionWindow({
        step: request.step,
        alert: {
          kind: request.kind,
          changeId: change.changeId,
          customerId: request.customerId,
          action: change.action,
          subprocessorId: change.subprocessor.id,
          subprocessorName: change.subprocessor.name,
          detail: request.detail,
          ...(request.kind === 'urgent-change' && { effectiveAt: change.effectiveAt }),
        },
      }),
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      show();
    },
    ...(carried && { carried: carried.alerts }),
  });

  const view = caseViewer();
  let shownCounts: { open?: number; objected?: number } = {};
  function show(): void {
    const { counts } = state;
    view({
      status: state.status,
      nextDeadline: state.nextDeadline,
      details:
        `**Subprocessor change ${change.changeId}** (${change.action} ${change.subprocessor.id}): ${state.status}\n\n` +
        `${state.total} customer(s): ${counts.notified} notified, ${counts.open} open, ${counts.objected} objected, ` +
        `${counts.accepted} accepted, ${counts.undeliverable} undeliverable` +
        (counts.notifying > 0 ? `, ${counts.notifying} not told yet` : '') +
        (state.nextDeadline !== undefined ? `\n\nnext deadline ${state.nextDeadline}` : '') +
        alerts.describe(),
    });
    if (counts.open !== shownCounts.open || counts.objected !== shownCounts.objected) {
      upsertSearchAttributes([
        { key: searchAttributes.openWindows, value: counts.open },
        { key: searchAttributes.objections, value: counts.objected },
      ]);
      shownCounts = { open: counts.open, objected: counts.objected };
    }
  }
  /** The privacy team is asked to reach each customer otherwise: once per change, customer and kind. */
  function alertAbout(kind: ObjectionWindowAlertKind, untold: readonly UntoldCustomer[]): void {
    for (const { customerId, problem } of untold) {
      alerts.raise({ step: `alert-${kind}~${customerId}`, raisedAt: iso(Date.now()), customerId, kind, detail: problem });
    }
  }
  async function recountNow(): Promise<void> {
    recount = false;
    state.counts = await countObjectionWindows({ changeId: change.changeId });
    show();
  }
  async function continueFresh(): Promise<never> {
    // Alerts on their way belong to this run: it waits until none is being sent, and hands on the rest.
    await condition(() => alerts.sending() === 0 && allHandlersFinished());
    return continueAsNew<typeof subprocessorChange>({
      change,
      recipients: input.recipients,
      ...(input.settings !== undefined && { settings: input.settings }),
      ...(input.batching !== undefined && { batching: input.batching }),
      carried: {
        phase: state.status,
        nextIndex: state.nextIndex,
        runs: state.runs,
        counts: state.counts,
        alerts: alerts.pending(),
      },
    });
  }

  if (state.runs === 1) upsertSearchAttributes([{ key: searchAttributes.process, value: 'subprocessor-change' }]);
  // 5.2: a change marked urgent takes effect before its windows close; the team is told once, at the
  // start of the first run (a later run carries it in `carried.alerts` until it is delivered). Inputs
  // stored before `urgent` existed lack it, so their histories take the same path: no patched() needed.
  if (state.runs === 1 && change.urgent !== undefined) {
    alerts.raise({
      step: 'alert-urgent-change',
      raisedAt: iso(Date.now()),
      kind: 'urgent-change',
      detail:
        `Change ${change.changeId} takes effect at ${change.effectiveAt}, before the ${input.recipients} customer(s) concerned ` +
        `can have had their ${settings.objectionWindowDays} days to object. The product's reason: ${change.urgent.reason}`,
    });
  }
  show();

  if (state.status === 'notifying') {
    // 5.2: every customer concerned is told, a batch of them an activity call.
    for (let batch = 0; state.nextIndex < state.total; batch += 1) {
      if (batch >= batching.batchesPerRun) return continueFresh();
      const end = Math.min(state.nextIndex + batching.windowsPerBatch, state.total);
      const result = await announceChangeToCustomers({ change, settings: storedSettings, positions: { from: state.nextIndex, to: end } });
      alertAbout('notice-undeliverable', result.undeliverable);
      state.nextIndex = end;
      await recountNow();
    }
    // A customer the product has not described yet may be on its way (its customer.upserted can follow
    // the change): its notice is tried again, at growing pauses, until the grace ends.
    if (state.counts.notifying > 0) {
      let looks = 0;
      await untilCustomerDescribed(
        settings.unknownCustomerGraceMinutes,
        async () => {
          // The announcement has just tried every one of them: the first look only counts them.
          if (looks++ > 0) {
            for (;;) {
              const retried = await retryUndescribedNotices({ change, settings: storedSettings, limit: batching.windowsPerBatch });
              alertAbout('notice-undeliverable', retried.undeliverable);
              // Each call takes only customers described since; stop once a call finds none.
              if (retried.notified + retried.undeliverable.length === 0) break;
            }
            await recountNow();
          }
          return state.counts.notifying;
        },
        (notifying) => notifying > 0,
      );
    }
    const problem = `the product has not described this customer (no customer.upserted within ${settings.unknownCustomerGraceMinutes} minutes), so no contact is known`;
    for (;;) {
      const givenUp = await giveUpUndescribed({ changeId: change.changeId, problem, limit: batching.windowsPerBatch });
      alertAbout(
        'no-customer-record',
        givenUp.map((customerId) => ({ customerId, problem })),
      );
      if (givenUp.length < batching.windowsPerBatch) break;
    }
    state.status = 'open';
  }

  // 5.2: the windows. Each wake-up settles everything due at that instant, then sleeps to the next.
  for (let round = 0; state.status === 'open'; round += 1) {
    if (round >= batching.roundsPerRun || workflowInfo().continueAsNewSuggested) return continueFresh();
    const settled = await settleDueWindows({ change, settings: storedSettings, now: iso(Date.now()), limit: batching.windowsPerBatch });
    alertAbout('reminder-undeliverable', settled.remindersUndeliverable);
    state.counts = settled.counts;
    state.nextDeadline = settled.nextAt;
    if (settled.nextAt === undefined) {
      // Every window is closed. One received in time may still be delivered for lateDeliveryDays.
      state.status = 'closed';
      const lateUntil = settled.lastCloseAt !== undefined ? Date.parse(settled.lastCloseAt) + days(settings.lateDeliveryDays) : Date.now();
      state.nextDeadline = Date.now() < lateUntil ? iso(lateUntil) : undefined;
      show();
      while (Date.now() < lateUntil) {
        if (await waitUntil(lateUntil, () => recount, 'objections received in time may still be delivered (5.2)')) await recountNow();
      }
      state.nextDeadline = undefined;
      break;
    }
    show();
    if (settled.more) continue;
    while (Date.now() < Date.parse(settled.nextAt)) {
      if (await waitUntil(settled.nextAt, () => recount, 'the next objection window closes, or its reminder is due (5.2)')) {
        await recountNow();
      }
    }
  }

  show();
  await condition(allHandlersFinished);
  // The windows have ended; the last alerts still reach the team before the workflow does.
  await alerts.delivered();
  return state;
}

/**
 * `objection-<changeId>~<customerId>` (policy 5.3-5.4; Art. 28(2)): started by the webhook endpoint with
 * the customer's objection (signal-with-start), once the objection was taken into the customer's window
 * in the records. It owns everything after the objection, and nothing about it passes in silence:
 * 1. The privacy team is alerted at once, with the date the processor's 30 days end; reminded every
 *    `teamReminderDays` while nobody judges it, and warned `remedyWarningDays` before the deadline while
 *    no offer is recorded. A deadline that passes with no judgment, or no offer after a reasonable one,
 *    tells the customer it may terminate the services affected (an objection nobody judged was not found
 *    unreasonable).
 * 2. An offer goes to the customer, and is brought to it again every `offerReminderDays` while it is
 *    unanswered (`offerReminders` times, then the team is told). Its answer comes from an operator or
 *    from the product (`subprocessor.remedy-answered`). A declined offer does not grant the right by
 *    itself: the team decides, reminded weekly, between another offer within the 30 days, the right, or
 *    the offer standing.
 * 3. After the right is granted, the customer's written notice (`subprocessor.services-terminated`) is
 *    awaited for `terminationNoticeDays`, "binnen een redelijke termijn". It ends the objection whenever
 *    it comes, and the team is told.
 * Alerts go out beside the case (privacyTeamAlerts): a refused one is retried and shown, never holding
 * up a clock. A later email that no contact accepts is reported to the team, and the objection goes on.
 * The outcome is written into the customer's window in the records when the objection ends.
 */
export async function subprocessorObjection(input: ObjectionInput): Promise<ObjectionState> {
  const { change, customerId } = input;
  const settings = objectionWindowSettings(input.settings);
  const state: ObjectionState = {
    changeId: change.changeId,
    customerId,
    status: 'objected',
    ...(input.window.noticeAcceptedAt !== null && { noticeAt: input.window.noticeAcceptedAt }),
    ...(input.window.closesAt !== null && { windowClosesAt: input.window.closesAt }),
    privacyTeamAlerts: [],
    undeliveredAlerts: [],
    timeline: [],
  };
  const note = (what: string) => state.timeline.push({ at: iso(Date.now()), what });
  const alerts = privacyTeamAlerts({
    send: async (request: ObjectionAlertRequest) => {
      const outcome = await alertPrivacyTeamOfObjectionWindow({ step: request.step, alert: request.alert });
      const { kind } = request.alert;
      const delivered = outcome.status === 'delivered';
      const entry = state.privacyTeamAlerts.find((alert) => alert.step === request.step);
      if (!entry) {
        state.privacyTeamAlerts.push({ kind, step: request.step, at: request.raisedAt, delivered });
        note(
          delivered ? `privacy team alerted: ${kind}` : `the privacy team's address refused the alert ${kind}, retried: ${outcome.reason}`,
        );
      } else if (delivered && !entry.delivered) {
        entry.delivered = true;
        note(`privacy team alerted: ${kind}`);
      }
      return outcome;
    },
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      describe();
    },
  });

  // Handlers before the first await: they decide and change the state; the main flow does the I/O.
  handle(objectionStatusQuery, () => state);
  handle(objectionReceivedSignal, ({ reasons, receivedAt, webhookId }) => {
    // The records took one objection per window; a repeated delivery of it changes nothing.
    if (state.objection) return;
    state.objection = { reasons, receivedAt, recordedAt: iso(Date.now()), ...(webhookId !== undefined && { webhookId }) };
    // 5.3: the processor's 30 days run from the objection, whatever the judgment's date.
    state.remedyDeadlineAt = iso(Date.parse(receivedAt) + days(settings.remedyDays));
    note(`objection received ${receivedAt}${webhookId ? ` (webhook ${webhookId})` : ''}: ${reasons}`);
  });
  handle(
    judgeObjectionUpdate,
    ({ reasonable, reason }) => {
      state.judgment = { reasonable, reason, judgedAt: iso(Date.now()) };
      note(`objection judged ${reasonable ? 'reasonable' : 'unreasonable'}: ${reason}`);
      return state;
    },
    { validator: (message) => refuse(refuseJudgment(state, message)) },
  );
  handle(
    recordRemedyOfferUpdate,
    ({ offer }) => {
      // Another offer after a declined one: the first is kept with its answer.
      if (state.offer && state.remedyAnswer) {
        state.earlierOffers = [...(state.earlierOffers ?? []), { ...state.offer, answer: state.remedyAnswer }];
        delete state.remedyAnswer;
      }
      state.offer = { offer, offeredAt: iso(Date.now()) };
      state.offerReminders = 0;
      note(`change offered: ${offer}`);
      return state;
    },
    { validator: (message) => refuse(refuseRemedyOffer(state, message, Date.now())) },
  );
  handle(
    recordRemedyAnswerUpdate,
    ({ accepted, reason, receivedAt, webhookId }) => {
      state.remedyAnswer = {
        accepted,
        answeredAt: receivedAt ?? iso(Date.now()),
        ...(reason !== undefined && { reason }),
        ...(webhookId !== undefined && { webhookId }),
      };
      note(
        `the customer ${accepted ? 'accepted' : 'declined'} the offer${webhookId ? ` (webhook ${webhookId})` : ''}${reason ? `: ${reason}` : ''}`,
      );
      return state;
    },
    { validator: (message) => refuse(refuseRemedyAnswer(state, message, Date.now())) },
  );
  handle(
    decideOnDeclinedOfferUpdate,
    ({ decision, reason }) => {
      state.decision = { decision, reason, decidedAt: iso(Date.now()) };
      note(`decided after the declined offer: ${decision}: ${reason}`);
      return state;
    },
    { validator: (message) => refuse(refuseDeclinedOfferDecision(state, message)) },
  );
  handle(
    recordServicesTerminatedUpdate,
    ({ services, receivedAt, webhookId }) => {
      state.servicesTerminated = { services, receivedAt, recordedAt: iso(Date.now()), ...(webhookId !== undefined && { webhookId }) };
      note(
        `the customer terminated services (notice received ${receivedAt}${webhookId ? `, webhook ${webhookId}` : ''}): ${services.join('; ')}`,
      );
      return state;
    },
    { validator: (message) => refuse(refuseServicesTerminated(state, message, Date.now())) },
  );

  const view = caseViewer();
  let shownDeadline: string | undefined;
  function show(label: ObjectionStatusLabel, deadline?: string): void {
    state.status = label;
    shownDeadline = deadline;
    describe();
  }
  function describe(): void {
    view({
      status: state.status,
      nextDeadline: shownDeadline,
      details:
        `**Subprocessor change ${change.changeId}**, objection of customer \`${customerId}\`: ${state.status}\n\n` +
        (state.objection ? `objection received ${state.objection.receivedAt}` : 'objection on its way') +
        (state.windowClosesAt !== undefined ? ` (window closed ${state.windowClosesAt})` : '') +
        (state.judgment ? `; judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'}` : '') +
        (state.remedyDeadlineAt !== undefined ? `\n\nremedy deadline ${state.remedyDeadlineAt}` : '') +
        (shownDeadline !== undefined ? `\n\nnext deadline ${shownDeadline}` : '') +
        alerts.describe(),
    });
  }
  /**
   * One of the emails after the objection (`occurrence` tells apart the emails of a kind that goes out
   * more than once). When no contact accepts it, the customer has not learnt what was decided (or
   * offered): the privacy team is asked to tell it otherwise, and the objection goes on.
   */
  async function email(
    message: Exclude<ObjectionWindowEmail, { kind: 'change-notice' | 'objection-reminder' }>,
    occurrence?: string,
  ): Promise<void> {
    const result = await emailObjectionWindowCustomer({
      customerId,
      change,
      windowClosesAt: state.windowClosesAt ?? state.objection!.receivedAt,
      email: message,
      ...(occurrence !== undefined && { step: `${message.kind}~${occurrence}` }),
    });
    note(`${message.kind}: ${describeEmail(result)}`);
    if (result.status !== 'sent') alertPrivacyTeam(undeliverableAlerts[message.kind], describeEmail(result), occurrence);
  }
  /** Tells the privacy team; once per objection, kind and occurrence (the step is the key). */
  function alertPrivacyTeam(kind: ObjectionWindowAlertKind, detail: string, occurrence?: string): void {
    alerts.raise({
      step: `alert-${kind}${occurrence !== undefined ? `~${occurrence}` : ''}`,
      raisedAt: iso(Date.now()),
      alert: {
        kind,
        changeId: change.changeId,
        customerId,
        action: change.action,
        subprocessorId: change.subprocessor.id,
        subprocessorName: change.subprocessor.name,
        detail,
        ...(state.objection !== undefined && { objectionReceivedAt: state.objection.receivedAt }),
      },
    });
  }
  async function finish(label: ObjectionStatusLabel): Promise<ObjectionState> {
    show(label);
    await condition(allHandlersFinished);
    await recordObjectionOutcome({
      changeId: change.changeId,
      customerId,
      status: label,
      endedAt: iso(Date.now()),
      ...(state.servicesTerminated !== undefined && {
        servicesTerminated: { services: state.servicesTerminated.services, receivedAt: state.servicesTerminated.receivedAt },
      }),
    });
    // The case has ended; its last alerts still reach the team before the workflow does.
    await alerts.delivered();
    return state;
  }

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'subprocessor-objection' },
    { key: searchAttributes.customerIds, value: [customerId] },
  ]);
  // The objection comes with the start (signal-with-start): it is there at the first task.
  await condition(() => state.objection !== undefined);
  const remedyDeadline = state.remedyDeadlineAt!;
  const deadlineText = `the processor's 30 days to offer a change (policy 5.3) end at ${remedyDeadline}`;
  const terminated = () => state.servicesTerminated !== undefined;
  const warnAt = Date.parse(remedyDeadline) - days(settings.remedyWarningDays);
  let warned = false;
  /** Waits for `done` until the warning before the deadline, warns the team if no offer is recorded, then waits for the deadline. */
  async function untilDeadline(done: () => boolean, summary: string): Promise<boolean> {
    if (!warned && Date.now() < warnAt) {
      if (await waitUntil(warnAt, done, `warn the privacy team: no offer recorded (5.3); ${summary}`)) return true;
      warned = true;
      alertPrivacyTeam('remedy-deadline-near', `No offer of a change is recorded; ${deadlineText}.`);
    }
    return waitUntil(remedyDeadline, done, `remedy deadline (5.3); ${summary}`);
  }

  alertPrivacyTeam('objection-received', `Objection received ${state.objection!.receivedAt}; ${deadlineText}.`);
  // 5.3: an operator judges the objection, reminded while nobody does; the processor's 30 days run meanwhile.
  show('objected', remedyDeadline);
  const judgedOrTerminated = () => state.judgment !== undefined || terminated();
  for (let reminder = 1; !judgedOrTerminated(); reminder += 1) {
    const at = Date.parse(state.objection!.recordedAt) + reminder * days(settings.teamReminderDays);
    if (at >= warnAt) break;
    if (!(await waitUntil(at, judgedOrTerminated, 'remind the privacy team: the objection is not judged (5.3)'))) {
      alertPrivacyTeam('objection-unjudged', `Nobody has judged the objection yet; ${deadlineText}.`, String(reminder));
    }
  }
  if (!(await untilDeadline(judgedOrTerminated, 'the objection awaits a judgment'))) {
    note(`not judged by ${remedyDeadline}`);
    return terminationRight('not-judged');
  }
  if (terminated()) return servicesTerminated();
  if (!state.judgment!.reasonable) {
    await email({ kind: 'objection-rejected', reason: state.judgment!.reason });
    return finish('objection-rejected');
  }

  // An offer within the 30 days; after a declined one, the team's decision or another offer.
  const offerPending = () => state.offer !== undefined && state.remedyAnswer === undefined;
  for (let round = 1; ; round += 1) {
    show(round === 1 ? 'remedy-pending' : state.status, remedyDeadline);
    if (!(await untilDeadline(() => offerPending() || terminated(), 'an offer of a change is awaited'))) {
      note(`no change offered by ${remedyDeadline}`);
      return terminationRight('no-offer');
    }
    if (terminated()) return servicesTerminated();
    const offer = state.offer!;
    await email({ kind: 'remedy-offer', offer: offer.offer }, round === 1 ? undefined : String(round));

    // The customer's answer, reminded while it does not come.
    const answered = () => state.remedyAnswer !== undefined || terminated();
    for (let reminder = 1; !answered(); reminder += 1) {
      const at = iso(Date.parse(offer.offeredAt) + reminder * days(settings.offerReminderDays));
      show('offer-made', at);
      if (await waitUntil(at, answered, 'remind the customer of the offer, or tell the team: no answer yet')) break;
      if (reminder <= offerReminders) {
        state.offerReminders = reminder;
        await email({ kind: 'offer-reminder', offer: offer.offer, offeredAt: offer.offeredAt }, `${round}.${reminder}`);
      } else {
        alertPrivacyTeam(
          'offer-unanswered',
          `The customer has not answered the offer of ${offer.offeredAt}, reminded ${offerReminders} times.`,
          String(round),
        );
        show('offer-made');
        await condition(answered);
      }
    }
    if (terminated()) return servicesTerminated();
    if (state.remedyAnswer!.accepted) return finish('remedied');

    // 5.3: a declined offer does not grant the right by itself; the privacy team decides.
    const decided = () => state.decision !== undefined || offerPending() || terminated();
    // Counted from when the case learnt of the refusal, not from the answer's own (perhaps stale) instant.
    const declinedAt = Date.now();
    const declined = `The customer declined the offer of ${offer.offeredAt}${state.remedyAnswer!.reason ? ` (its reason is in the objection's timeline)` : ''}; ${deadlineText}.`;
    alertPrivacyTeam('offer-declined', declined, String(round));
    for (let reminder = 1; !decided(); reminder += 1) {
      const at = iso(declinedAt + reminder * days(settings.teamReminderDays));
      show('offer-declined', at);
      if (!(await waitUntil(at, decided, 'remind the privacy team: a declined offer awaits its decision (5.3)'))) {
        alertPrivacyTeam('offer-declined', `Still undecided. ${declined}`, `${round}.${reminder}`);
      }
    }
    if (terminated()) return servicesTerminated();
    if (state.decision?.decision === 'termination-right') return terminationRight('offer-declined');
    if (state.decision?.decision === 'offer-stands') {
      await email({ kind: 'offer-stands', reason: state.decision.reason });
      return finish('offer-stands');
    }
    // Another offer: the next round sends it.
  }

  /** 5.3: the customer may terminate the services affected; its written notice is awaited a reasonable time. */
  async function terminationRight(why: TerminationRightWhy): Promise<ObjectionState> {
    const noticeAwaitedUntil = iso(Date.now() + days(settings.terminationNoticeDays));
    state.terminableServices = change.subprocessor.purpose;
    state.terminationRight = { why, grantedAt: iso(Date.now()), noticeAwaitedUntil };
    show('termination-right', noticeAwaitedUntil);
    if (why !== 'offer-declined') {
      alertPrivacyTeam(
        'termination-right-granted',
        `${why === 'not-judged' ? 'Nobody judged the objection' : 'No offer of a change was recorded'} by ${remedyDeadline}; the customer is told that it may terminate the services affected.`,
      );
    }
    await email({ kind: 'termination-right', why, remedyDeadlineAt: remedyDeadline });
    if (await waitUntil(noticeAwaitedUntil, terminated, "the customer's notice of termination (5.3)")) return servicesTerminated();
    note(`no notice of termination by ${noticeAwaitedUntil}`);
    return finish('termination-right');
  }

  async function servicesTerminated(): Promise<ObjectionState> {
    const notice = state.servicesTerminated!;
    alertPrivacyTeam(
      'services-terminated',
      `Notice received ${notice.receivedAt}, while the objection was ${state.status}. Services terminated: ${notice.services.join('; ')}.`,
    );
    return finish('services-terminated');
  }
}

/** The alert for each later email that no contact accepted. */
const undeliverableAlerts = {
  'objection-rejected': 'rejection-undeliverable',
  'remedy-offer': 'offer-undeliverable',
  'offer-reminder': 'offer-reminder-undeliverable',
  'offer-stands': 'offer-stands-undeliverable',
  'termination-right': 'termination-right-undeliverable',
} as const satisfies Record<Exclude<ObjectionWindowEmail['kind'], 'change-notice' | 'objection-reminder'>, ObjectionWindowAlertKind>;

function describeEmail(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return `undeliverable: ${result.problem}`;
  return 'customer unknown: nobody to email';
}
