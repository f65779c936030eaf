import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ObjectionWindowEmail } from '../activities/subprocessor-change';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import {
  batchesPerRun,
  defaultObjectionWindowSettings,
  judgeObjectionUpdate,
  objectionWindowSettings,
  objectionWindowStatusQuery,
  objectToChangeUpdate,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  refuseJudgment,
  refuseObjection,
  refuseRemedyAnswer,
  refuseRemedyOffer,
  subprocessorChangeStatusQuery,
  windowsPerBatch,
  type ObjectionWindowAlertKind,
  type ObjectionWindowInput,
  type ObjectionWindowState,
  type ObjectionWindowStatusLabel,
  type SubprocessorChangeInput,
  type SubprocessorChangeState,
} from '../domain/subprocessor-change';
import { emailOptions, fanOutOptions } from './activity-options';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { untilCustomerDescribed } from './customer-grace';
import { waitUntil } from './wait';
import { handle } from './handlers';

const { emailObjectionWindowCustomer, alertPrivacyTeamOfObjectionWindow } = proxyActivities<Activities>(emailOptions);

/** An alert of a window, with when the window raised it (its state keeps that time for the operator). */
type ObjectionWindowAlertRequest = Parameters<Activities['alertPrivacyTeamOfObjectionWindow']>[0] & { raisedAt: string };
const { announceChangeToCustomers } = proxyActivities<Activities>(fanOutOptions);

const days = (count: number) => count * 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `subprocessor-change-<changeId>` (policy 5.1-5.2; Art. 28(2)): the register has been updated (by the
 * webhook, before this starts); every customer concerned gets its own `objection-<changeId>-<customerId>`
 * window. The activity `announceChangeToCustomers` sends the notices and starts the windows,
 * `windowsPerBatch` customers a call, rather than child windows each sending their own: see
 * activities/objection-windows.ts for why (a change for thousands of customers took many minutes).
 * After `batchesPerRun` calls it continues as new, carrying only the offset of the next customer and the
 * counts (the id list stays in the input: see SubprocessorChangeInput). It does not wait for the
 * windows: it completes when the last has started, and its query keeps answering on the closed run.
 */
export async function subprocessorChange(input: SubprocessorChangeInput): Promise<SubprocessorChangeState> {
  const settings = input.settings ?? defaultObjectionWindowSettings;
  const { change, customerIds } = input;
  const total = customerIds?.length ?? input.recipients ?? 0;
  const state: SubprocessorChangeState = {
    changeId: change.changeId,
    status: 'notifying',
    total,
    started: input.started ?? 0,
    alreadyRunning: input.alreadyRunning ?? 0,
    notified: input.notified ?? 0,
    nextIndex: input.nextIndex ?? 0,
    runs: (input.runs ?? 0) + 1,
  };
  handle(subprocessorChangeStatusQuery, () => state);

  const show = () => {
    upsertSearchAttributes([{ key: searchAttributes.status, value: state.status }]);
    setCurrentDetails(
      `**Subprocessor change ${change.changeId}** (${change.action} ${change.subprocessor.id}): ${state.status}\n\n` +
        `${state.started + state.alreadyRunning} of ${state.total} customer window(s) started`,
    );
  };
  if (state.runs === 1) {
    upsertSearchAttributes([
      { key: searchAttributes.process, value: 'subprocessor-change' },
      ...(customerIds !== undefined && customerIds.length > 0 && customerIds.length <= maxCustomerIdsInSearchAttribute
        ? [{ key: searchAttributes.customerIds, value: customerIds }]
        : []),
    ]);
  }
  show();

  const batching = input.batching ?? { windowsPerBatch, batchesPerRun };
  for (let batch = 0; batch < batching.batchesPerRun && state.nextIndex < total; batch += 1) {
    const end = Math.min(state.nextIndex + batching.windowsPerBatch, total);
    const result = await announceChangeToCustomers({
      change,
      settings,
      ...(customerIds !== undefined
        ? { customerIds: customerIds.slice(state.nextIndex, end) }
        : { positions: { from: state.nextIndex, to: end } }),
    });
    state.notified += result.notified;
    state.started += result.started;
    state.alreadyRunning += result.alreadyExisted;
    state.nextIndex = end;
    show();
  }
  if (state.nextIndex < total) {
    await continueAsNew<typeof subprocessorChange>({
      change,
      ...(customerIds !== undefined ? { customerIds } : { recipients: total }),
      settings,
      ...(input.batching !== undefined && { batching: input.batching }),
      nextIndex: state.nextIndex,
      started: state.started,
      alreadyRunning: state.alreadyRunning,
      notified: state.notified,
      runs: state.runs,
    });
  }
  state.status = 'notified';
  show();
  return state;
}

/**
 * `objection-<changeId>-<customerId>` (policy 5.2-5.4; Art. 28(2)): tells the customer of the change
 * (waiting a grace period for a customer the product has not described yet; the privacy team is alerted
 * when nobody could be told), keeps its window to object open for 30 days from the notice actually sent
 * (a reminder 7 days before it closes),
 * records an objection, awaits an operator's judgment, and after a reasonable one gives the processor
 * 30 days from the objection to offer a change; no offer in time, or an offer declined, and the
 * customer is told it may terminate the services affected.
 */
export async function customerObjectionWindow(input: ObjectionWindowInput): Promise<ObjectionWindowState> {
  const { change, customerId } = input;
  // Inputs stored before unknownCustomerGraceMinutes existed are completed with today's defaults.
  const settings = objectionWindowSettings(input.settings);
  // Provisional until the notice is sent (see sendNotice): the window counts from the notice, so its
  // close can only move later than this.
  let windowClosesMs = Date.now() + days(settings.objectionWindowDays);
  const state: ObjectionWindowState = {
    changeId: change.changeId,
    customerId,
    status: 'notifying',
    windowClosesAt: iso(windowClosesMs),
    reminderSent: false,
    privacyTeamAlerts: [],
    undeliveredAlerts: [],
    timeline: [],
  };
  const note = (what: string) => state.timeline.push({ at: iso(Date.now()), what });
  // Alerts go out beside the window: a refused one is retried and shown, and never holds up a clock.
  const alerts = privacyTeamAlerts({
    send: async (request: ObjectionWindowAlertRequest) => {
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
  handle(objectionWindowStatusQuery, () => state);
  handle(
    objectToChangeUpdate,
    ({ reasons, receivedAt, webhookId }) => {
      state.objection = { reasons, receivedAt, recordedAt: iso(Date.now()), ...(webhookId !== undefined && { webhookId }) };
      // 5.3: the processor's 30 days run from the objection, whatever the judgment's date.
      state.remedyDeadlineAt = iso(Date.parse(receivedAt) + days(settings.remedyDays));
      note(`objection received ${receivedAt}${webhookId ? ` (webhook ${webhookId})` : ''}: ${reasons}`);
      show('objected', Date.parse(state.remedyDeadlineAt));
      return state;
    },
    { validator: (message) => refuse(refuseObjection(state, message, Date.now())) },
  );
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

  let shownDeadlineMs: number | undefined;
  function show(label: ObjectionWindowStatusLabel, deadlineMs?: number): void {
    state.status = label;
    shownDeadlineMs = deadlineMs;
    upsertSearchAttributes([
      { key: searchAttributes.status, value: label },
      { key: searchAttributes.nextDeadline, value: deadlineMs !== undefined ? new Date(deadlineMs) : null },
    ]);
    describe();
  }
  function describe(): void {
    const deadlineMs = shownDeadlineMs;
    setCurrentDetails(
      `**Subprocessor change ${change.changeId}**, customer \`${customerId}\`: ${state.status}\n\n` +
        (state.noticeAt !== undefined
          ? `objection window ${state.noticeAt} - ${state.windowClosesAt}`
          : state.problem !== undefined
            ? `not notified: ${state.problem}`
            : 'notice being sent') +
        (state.objection ? `\n\nobjection received ${state.objection.receivedAt}` : '') +
        (state.judgment ? `; judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'}` : '') +
        (deadlineMs !== undefined ? `\n\nnext deadline ${iso(deadlineMs)}` : '') +
        alerts.describe(),
    );
  }
  /**
   * One of the window's later emails. When no contact accepts it, the customer has not learnt what the
   * window decided (or offered, or reminded it of): the privacy team is asked to tell it otherwise, and
   * the window goes on.
   */
  async function email(message: Exclude<ObjectionWindowEmail, { kind: 'change-notice' }>): Promise<void> {
    const result = await emailObjectionWindowCustomer({ customerId, change, windowClosesAt: state.windowClosesAt, email: message });
    note(`${message.kind}: ${describeEmail(result)}`);
    if (result.status !== 'sent') alertPrivacyTeam(undeliverableAlerts[message.kind], describeEmail(result));
  }
  /**
   * 5.2: the notice. A customer the product has not described yet may be on its way (its
   * customer.upserted can follow the change), so the notice is retried with a growing pause until the
   * grace ends, as a breach notice is. Gives back the last try's result.
   */
  async function sendNotice(): Promise<CustomerEmailResult> {
    let tries = 0;
    return untilCustomerDescribed(
      settings.unknownCustomerGraceMinutes,
      async () => {
        // The notice states the close counted from this try; the window is counted from the acceptance,
        // a moment later, so it never closes before the date the customer was given.
        const result = await emailObjectionWindowCustomer({
          customerId,
          change,
          windowClosesAt: iso(Date.now() + days(settings.objectionWindowDays)),
          email: { kind: 'change-notice' },
        });
        if (tries++ === 0 && result.status === 'customer-unknown')
          note('change-notice: customer unknown; waiting for the product to describe it');
        return result;
      },
      (result) => result.status === 'customer-unknown',
    );
  }
  /**
   * Asks the privacy team to reach the customer otherwise; once per window and kind (the step is the key).
   * In the background: the window goes on at once. A refusal by the team's own address (a configuration
   * problem of ours) is shown on the window and retried until the address takes it; it never ends the window.
   */
  function alertPrivacyTeam(kind: ObjectionWindowAlertKind, detail = state.problem ?? kind): void {
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

  async function finish(label: ObjectionWindowStatusLabel): Promise<ObjectionWindowState> {
    show(label);
    await condition(allHandlersFinished);
    // The window has ended; its last alerts still reach the team before the workflow does.
    await alerts.delivered();
    return state;
  }

  // A window the announcement started has these from its start, and its notice in hand: it goes
  // straight to 'open' below, one search-attribute write instead of three (they add up over thousands).
  if (!input.notice) {
    upsertSearchAttributes([
      { key: searchAttributes.process, value: 'subprocessor-objection' },
      { key: searchAttributes.customerIds, value: [customerId] },
    ]);
    show('notifying');
  }

  // The announcement sends most notices before it starts the window (activities/objection-windows.ts).
  const notice: CustomerEmailResult = input.notice ?? (await sendNotice());
  note(`change-notice: ${describeEmail(notice)}${input.notice ? ' (by the announcement)' : ''}`);
  if (notice.status === 'sent') {
    // 5.2: the 30 days run from the notice, on the server's clock like every timer here: when the
    // announcement sent it, this window's start, which follows the acceptance at once (the email log
    // keeps the mail server's instant); else the workflow's clock once a contact accepted it. Either
    // way the window closes no earlier than the date the email states, which was counted before sending.
    const noticeMs = input.notice ? workflowInfo().startTime.getTime() : Date.now();
    windowClosesMs = noticeMs + days(settings.objectionWindowDays);
    state.noticeAt = iso(noticeMs);
    state.windowClosesAt = iso(windowClosesMs);
  } else {
    state.problem =
      notice.status === 'customer-unknown'
        ? `the product has not described this customer (no customer.upserted within ${settings.unknownCustomerGraceMinutes} minutes), so no contact is known`
        : notice.problem;
    // A customer that already objected (it learnt of the change elsewhere) keeps its objection and the
    // process goes on; otherwise the window never opened. Its status is set at once, so that the validator
    // refuses an objection from here on instead of accepting one into a closed window while the alert goes.
    const objected = state.objection !== undefined;
    if (!objected) show('undeliverable');
    alertPrivacyTeam(notice.status === 'customer-unknown' ? 'no-customer-record' : 'notice-undeliverable');
    if (!objected) return finish('undeliverable');
  }

  // 5.2: the window, with one reminder before it closes (none once the customer has objected).
  const reminderMs = windowClosesMs - days(settings.reminderDaysBeforeClose);
  let reminderDue = reminderMs > Date.now();
  while (!state.objection && Date.now() < windowClosesMs) {
    show('open', windowClosesMs);
    const wakeAt = reminderDue ? reminderMs : windowClosesMs;
    if (
      await waitUntil(
        wakeAt,
        () => state.objection !== undefined,
        reminderDue ? 'reminder before the window closes (5.2)' : 'the objection window closes (5.2)',
      )
    )
      break;
    if (reminderDue && Date.now() >= reminderMs) {
      reminderDue = false;
      state.reminderSent = true;
      await email({ kind: 'objection-reminder' });
    }
  }
  if (!state.objection) {
    note('the window closed without an objection: the change is accepted');
    // The product may still deliver an objection received before the close (it retries while this side
    // is unreachable): it is taken for lateDeliveryDays, then the window ends.
    state.lateDeliveryUntil = iso(Date.now() + days(settings.lateDeliveryDays));
    show('accepted');
    if (!(await condition(() => state.objection !== undefined, days(settings.lateDeliveryDays)))) return finish('accepted');
    note('an objection received before the close was delivered after it, and is taken');
  }

  // 5.3: an operator judges the objection; the processor's 30 days run meanwhile.
  const remedyDeadlineMs = Date.parse(state.remedyDeadlineAt!);
  show('objected', remedyDeadlineMs);
  await condition(() => state.judgment !== undefined);
  const judgment = state.judgment!;
  if (!judgment.reasonable) {
    await email({ kind: 'objection-rejected', reason: judgment.reason });
    return finish('objection-rejected');
  }

  show('remedy-pending', remedyDeadlineMs);
  const offered = await waitUntil(remedyDeadlineMs, () => state.offer !== undefined, 'remedy deadline (5.3)');
  if (!offered) {
    note(`no change offered by ${state.remedyDeadlineAt}`);
    return terminationRight('no-offer');
  }
  await email({ kind: 'remedy-offer', offer: state.offer!.offer });
  show('offer-made');
  await condition(() => state.remedyAnswer !== undefined);
  if (state.remedyAnswer!.accepted) return finish('remedied');
  return terminationRight('offer-declined');

  async function terminationRight(why: 'no-offer' | 'offer-declined'): Promise<ObjectionWindowState> {
    state.terminableServices = change.subprocessor.purpose;
    await email({
      kind: 'termination-right',
      why,
      ...(state.remedyDeadlineAt !== undefined && { remedyDeadlineAt: state.remedyDeadlineAt }),
    });
    return finish('termination-right');
  }
}

/** The alert for each later email that no contact accepted. */
const undeliverableAlerts = {
  'objection-reminder': 'reminder-undeliverable',
  'objection-rejected': 'rejection-undeliverable',
  'remedy-offer': 'offer-undeliverable',
  'termination-right': 'termination-right-undeliverable',
} as const satisfies Record<Exclude<ObjectionWindowEmail['kind'], 'change-notice'>, ObjectionWindowAlertKind>;

/** A validator's refusal: the caller (webhook 409, operator in the Web UI) reads the reason. */

function describeEmail(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return `undeliverable: ${result.problem}`;
  return 'customer unknown: nobody to email';
}
