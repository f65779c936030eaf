import { allHandlersFinished, condition, continueAsNew, proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ObjectionWindowEmail } from '../activities/subprocessor-change';
import type { UntoldCustomer } from '../activities/objection-windows';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import { searchAttributes } from '../domain/search-attributes';
import {
  batchesPerRun,
  judgeObjectionUpdate,
  objectionReceivedSignal,
  objectionStatusQuery,
  objectionWindowSettings,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  refuseJudgment,
  refuseRemedyAnswer,
  refuseRemedyOffer,
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
} from '../domain/subprocessor-change';
import { emailOptions, fanOutOptions } from './activity-options';
import { caseViewer } from './case-view';
import { untilCustomerDescribed } from './customer-grace';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { waitUntil } from './wait';
import { handle } from './handlers';

const { emailObjectionWindowCustomer, alertPrivacyTeamOfObjectionWindow, countObjectionWindows } =
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
              // Stop once a call found only customers still unknown (a whole batch of them, or none left).
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
 * in the records. It owns everything after the objection: an operator's judgment; after a reasonable one,
 * the processor's 30 days from the objection to offer a change; no offer in time, or an offer declined,
 * and the customer is told it may terminate the services affected. A later email that no contact
 * accepts is reported to the privacy team, and the objection goes on.
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
  // Alerts go out beside the objection: a refused one is retried and shown, and never holds up a clock.
  const alerts = privacyTeamAlerts({
    send: async (request: ObjectionAlertRequest) => {
      const outcome = await alertPrivacyTeamOfObjectionWindow({ step: request.step, alert: request.alert });
      const { kind } = request.alert;
      const delivered = outcome.status === 'delivered';
      const entry = state.privacyTeamAlerts.find((alert) => alert.kind === kind);
      if (!entry) {
        state.privacyTeamAlerts.push({ kind, at: request.raisedAt, delivered });
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
      state.offer = { offer, offeredAt: iso(Date.now()) };
      note(`change offered: ${offer}`);
      return state;
    },
    { validator: (message) => refuse(refuseRemedyOffer(state, message, Date.now())) },
  );
  handle(
    recordRemedyAnswerUpdate,
    ({ accepted }) => {
      state.remedyAnswer = { accepted, answeredAt: iso(Date.now()) };
      note(`the customer ${accepted ? 'accepted' : 'declined'} the offer`);
      return state;
    },
    { validator: (message) => refuse(refuseRemedyAnswer(state, message)) },
  );

  const view = caseViewer();
  function show(label: ObjectionStatusLabel, deadline?: string): void {
    state.status = label;
    shownDeadline = deadline;
    describe();
  }
  let shownDeadline: string | undefined;
  function describe(): void {
    view({
      status: state.status,
      nextDeadline: shownDeadline,
      details:
        `**Subprocessor change ${change.changeId}**, objection of customer \`${customerId}\`: ${state.status}\n\n` +
        (state.objection ? `objection received ${state.objection.receivedAt}` : 'objection on its way') +
        (state.windowClosesAt !== undefined ? ` (window closed ${state.windowClosesAt})` : '') +
        (state.judgment ? `; judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'}` : '') +
        (shownDeadline !== undefined ? `\n\nnext deadline ${shownDeadline}` : '') +
        alerts.describe(),
    });
  }
  /**
   * One of the emails after the objection. When no contact accepts it, the customer has not learnt what
   * was decided (or offered): the privacy team is asked to tell it otherwise, and the objection goes on.
   */
  async function email(message: Exclude<ObjectionWindowEmail, { kind: 'change-notice' | 'objection-reminder' }>): Promise<void> {
    const result = await emailObjectionWindowCustomer({
      customerId,
      change,
      windowClosesAt: state.windowClosesAt ?? state.objection!.receivedAt,
      email: message,
    });
    note(`${message.kind}: ${describeEmail(result)}`);
    if (result.status !== 'sent') alertPrivacyTeam(undeliverableAlerts[message.kind], describeEmail(result));
  }
  /** Asks the privacy team to reach the customer otherwise; once per objection and kind (the step is the key). */
  function alertPrivacyTeam(kind: ObjectionWindowAlertKind, detail: string): void {
    alerts.raise({
      step: `alert-${kind}`,
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

  // 5.3: an operator judges the objection; the processor's 30 days run meanwhile.
  const remedyDeadline = state.remedyDeadlineAt!;
  show('objected', remedyDeadline);
  await condition(() => state.judgment !== undefined);
  const judgment = state.judgment!;
  if (!judgment.reasonable) {
    await email({ kind: 'objection-rejected', reason: judgment.reason });
    return finish('objection-rejected');
  }

  show('remedy-pending', remedyDeadline);
  const offered = await waitUntil(remedyDeadline, () => state.offer !== undefined, 'remedy deadline (5.3)');
  if (!offered) {
    note(`no change offered by ${remedyDeadline}`);
    return terminationRight('no-offer');
  }
  await email({ kind: 'remedy-offer', offer: state.offer!.offer });
  show('offer-made');
  await condition(() => state.remedyAnswer !== undefined);
  if (state.remedyAnswer!.accepted) return finish('remedied');
  return terminationRight('offer-declined');

  async function terminationRight(why: 'no-offer' | 'offer-declined'): Promise<ObjectionState> {
    state.terminableServices = change.subprocessor.purpose;
    await email({ kind: 'termination-right', why, remedyDeadlineAt: remedyDeadline });
    return finish('termination-right');
  }
}

/** The alert for each later email that no contact accepted. */
const undeliverableAlerts = {
  'objection-rejected': 'rejection-undeliverable',
  'remedy-offer': 'offer-undeliverable',
  'termination-right': 'termination-right-undeliverable',
} as const satisfies Record<Exclude<ObjectionWindowEmail['kind'], 'change-notice' | 'objection-reminder'>, ObjectionWindowAlertKind>;

function describeEmail(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return `undeliverable: ${result.problem}`;
  return 'customer unknown: nobody to email';
}
