import { allHandlersFinished, condition, log, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AuthorityCustomerEmailResult, AuthorityNoticeContext } from '../activities/authority';
import type { AuthorityAlertFacts } from '../activities/email/templates/authority';
import {
  refuseAnswer,
  authorityCaseStatus,
  authorityCustomerRespondedSignal,
  authorityNextDeadline,
  authoritySettings,
  authorityStatusQuery,
  refuseCustomerNotified,
  customersObjecting,
  customersWithoutView,
  viewsSought,
  refuseDisclosure,
  refuseViewsDeadlineExtension,
  extendViewsDeadlineUpdate,
  refuseProhibitionLifting,
  liftProhibitionUpdate,
  nextProhibitionBasisReminderAt,
  nextViewReminder,
  noticesInFlight,
  noticeWarningAt,
  openingAuthorityStatus,
  prohibitionBasisMissing,
  refuseProhibitionBasis,
  prohibitionReviewAt,
  prohibitionStanding,
  recordAnswerUpdate,
  recordCustomerNotifiedUpdate,
  recordDisclosureUpdate,
  recordProhibitionBasisUpdate,
  workingDaysLater,
  type AuthorityCustomerState,
  type AuthorityNotice,
  type AuthorityOutcome,
  type AuthorityRequestInput,
  type AuthorityState,
} from '../domain/authority';
import { formatInstant, normalizeInstant, parseInstant, wholeMinute } from '../domain/clocks';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import { emailOptions, recordOptions } from './activity-options';
import { caseViewer } from './case-view';
import { untilCustomerDescribed } from './customer-grace';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { nowIso, waitUntil } from './wait';
import { handle } from './handlers';
import { ownEntry } from '../domain/own-keys';

const {
  recordAuthorityRequest,
  recordAuthorityDeadlines,
  recordAuthorityNoticesUndeliverable,
  recordAuthorityCustomerNotified,
  recordAuthorityCustomerView,
  recordAuthorityProhibitionBasis,
  recordAuthorityProhibitionLifted,
  recordAuthorityOutcome,
} = proxyActivities<Activities>(recordOptions);
const { notifyCustomersOfAuthorityRequest, remindCustomersOfAuthorityView, sendAuthorityOutcome, alertPrivacyTeamOfAuthorityRequest } =
  proxyActivities<Activities>(emailOptions);

/** Customers per email activity: a request naming thousands stays far below the history limit. */
const customersPerActivity = 20;

/**
 * `authority-<requestId>` (policy 8.1 and 7.1; GDPR Art. 28(3)(a)). Every customer concerned is told at
 * once and the notice deadline is tracked, unless the law forbids telling them: then nothing is sent,
 * the privacy team is told and reminded to review, and the customers hear of it once an operator lifts
 * the prohibition. An intended disclosure waits for each customer's view on scope and manner, or for
 * the views deadline, before an operator may record it; other requests end when the answer is recorded.
 */
export async function authorityRequest(input: AuthorityRequestInput): Promise<AuthorityState> {
  const settings = authoritySettings(input.settings);
  const startedAt = nowIso();
  const graceMs = settings.unknownCustomerGraceMinutes * 60_000;
  const state: AuthorityState = {
    requestId: input.requestId,
    authority: input.authority,
    requestKind: input.requestKind,
    receivedAt: input.receivedAt,
    status: openingAuthorityStatus(input),
    settings,
    ...(input.disclosureProhibited && {
      prohibition:
        input.prohibitionBasis === undefined
          ? // Art. 28(3)(a): a prohibition reported without its basis has one recorded within a working day.
            {
              since: startedAt,
              basisDueAt: workingDaysLater(wholeMinute(startedAt), settings.prohibitionBasisWorkingDays, settings),
              basisReminders: 0,
              reviewsSent: 0,
            }
          : { since: startedAt, basis: input.prohibitionBasis, basisRecordedAt: startedAt, reviewsSent: 0 },
    }),
    viewsDeadlinePassed: false,
    viewRemindersSent: 0,
    customers: Object.fromEntries(
      input.customerIds.map((customerId): [string, AuthorityCustomerState] => [
        customerId,
        { customerId, notice: { status: input.disclosureProhibited ? 'withheld' : 'pending' } },
      ]),
    ),
    ignoredResponses: 0,
    undeliveredAlerts: [],
    closed: false,
  };
  // Alerts go out beside the case: a refused one is retried and shown, and never holds up a clock.
  const alerts = privacyTeamAlerts({
    send: alertPrivacyTeamOfAuthorityRequest,
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  const seenDeliveries = new Set<string>();
  const customers = () => Object.values(state.customers);
  // Handlers that write to the request's row wait for it: an operator may act within the first second.
  let requestRecorded = false;
  const recorded = () => condition(() => requestRecorded);

  // Every handler is in place before the first await.
  handle(authorityStatusQuery, () => state);

  handle(authorityCustomerRespondedSignal, async (response) => {
    if (seenDeliveries.has(response.webhookId)) return;
    seenDeliveries.add(response.webhookId);
    const customer = ownEntry(state.customers, response.customerId);
    if (!customer) {
      state.ignoredResponses += 1;
      log.warn('a response names a customer this request does not concern', { customerId: response.customerId });
      return;
    }
    const objectedBefore = customer.view?.objectsToDisclosure ?? false;
    const responses = (customer.view?.responses ?? 0) + 1;
    // The latest view counts: a customer may withdraw an objection, or raise one.
    customer.view = {
      firstReceivedAt: customer.view?.firstReceivedAt ?? response.receivedAt,
      lastReceivedAt: response.receivedAt,
      objectsToDisclosure: response.objectsToDisclosure,
      responses,
    };
    // Decided on receipt: an objection that arrived before the disclosure was recorded is reported even
    // if the operator records it while the view is still being written to the records.
    const reportObjection = response.objectsToDisclosure === true && !objectedBefore && !state.outcome;
    refresh();
    await recorded();
    await recordAuthorityCustomerView({ requestId: input.requestId, ...response });
    if (reportObjection) {
      alert(`objection-${response.customerId}-${responses}`, {
        kind: 'customer-objects',
        customerIds: [response.customerId],
        detail:
          `Customer ${response.customerId} objects to ${input.requestKind === 'disclosure-intent' ? 'the intended disclosure' : 'any disclosure of its personal data in the answer'}; ` +
          'its view is in the records (authority_views).',
        ...(state.viewsDueAt !== undefined && { dueAt: state.viewsDueAt }),
      });
    }
  });

  handle(
    recordProhibitionBasisUpdate,
    async ({ basis }) => {
      const prohibition = state.prohibition!;
      prohibition.basis = basis.trim();
      prohibition.basisRecordedAt = nowIso();
      refresh();
      await recorded();
      await recordAuthorityProhibitionBasis({
        requestId: input.requestId,
        basis: prohibition.basis,
        recordedAt: prohibition.basisRecordedAt,
      });
      return { ...prohibition };
    },
    { validator: (request) => refuse(refuseProhibitionBasis(state, request)) },
  );

  handle(
    liftProhibitionUpdate,
    async ({ reason }) => {
      const prohibition = state.prohibition!;
      prohibition.liftedAt = nowIso();
      prohibition.liftReason = reason.trim();
      delete prohibition.nextReviewAt;
      for (const customer of customers()) {
        if (customer.notice.status === 'withheld') customer.notice = { status: 'pending' };
      }
      refresh();
      await recorded();
      await recordAuthorityProhibitionLifted({
        requestId: input.requestId,
        reason: prohibition.liftReason,
        liftedAt: prohibition.liftedAt,
      });
      return { ...prohibition };
    },
    { validator: (request) => refuse(refuseProhibitionLifting(state, request)) },
  );

  handle(
    recordCustomerNotifiedUpdate,
    async (request) => {
      const notice: AuthorityNotice = {
        status: 'notified',
        notifiedAt: request.notifiedAt === undefined ? nowIso() : normalizeInstant(request.notifiedAt),
        via: 'operator',
        channel: request.channel.trim(),
      };
      ownEntry(state.customers, request.customerId)!.notice = notice;
      refresh();
      await recorded();
      await recordAuthorityCustomerNotified({
        requestId: input.requestId,
        customerId: request.customerId,
        notifiedAt: notice.notifiedAt,
        channel: notice.channel!,
      });
      return notice;
    },
    { validator: (request) => refuse(refuseCustomerNotified(state, request, nowIso())) },
  );

  handle(
    extendViewsDeadlineUpdate,
    async ({ until }) => {
      state.viewsDueAt = normalizeInstant(until);
      refresh();
      await recordAuthorityDeadlines({ requestId: input.requestId, viewsDueAt: state.viewsDueAt });
      return { viewsDueAt: state.viewsDueAt };
    },
    { validator: (request) => refuse(refuseViewsDeadlineExtension(state, request)) },
  );

  handle(
    recordDisclosureUpdate,
    async (request) => {
      const outcome: AuthorityOutcome = {
        kind: 'disclosed',
        at: request.disclosedAt === undefined ? nowIso() : normalizeInstant(request.disclosedAt),
        scope: request.scope.trim(),
        manner: request.manner.trim(),
        ...(request.note !== undefined && { note: request.note.trim() }),
        ...(request.objectionsConsidered !== undefined && { objectionsConsidered: request.objectionsConsidered }),
      };
      return applyOutcome(outcome);
    },
    { validator: (request) => refuse(refuseDisclosure(state, request, nowIso())) },
  );

  handle(
    recordAnswerUpdate,
    async (request) => {
      const answer = {
        kind: 'answered' as const,
        at: request.answeredAt === undefined ? nowIso() : normalizeInstant(request.answeredAt),
        summary: request.summary.trim(),
        ...(request.note !== undefined && { note: request.note.trim() }),
      };
      const outcome: AuthorityOutcome = request.disclosesPersonalData
        ? {
            ...answer,
            disclosesPersonalData: true,
            scope: request.scope!.trim(),
            manner: request.manner!.trim(),
            ...(request.objectionsConsidered !== undefined && { objectionsConsidered: request.objectionsConsidered }),
          }
        : { ...answer, disclosesPersonalData: false };
      return applyOutcome(outcome);
    },
    { validator: (request) => refuse(refuseAnswer(state, request, nowIso())) },
  );

  async function applyOutcome(outcome: AuthorityOutcome): Promise<AuthorityOutcome> {
    state.outcome = outcome;
    refresh();
    await recorded();
    await recordAuthorityOutcome({ requestId: input.requestId, outcome });
    return outcome;
  }

  // --- What operators see in the Web UI

  const show = caseViewer();
  function refresh(): void {
    state.status = authorityCaseStatus(state, nowIso());
    show({
      status: state.status,
      nextDeadline: authorityNextDeadline(state),
      details: describeRequest(state) + alerts.describe(),
      waitingOnCustomer:
        viewsSought(state) && !state.viewsDeadlinePassed && !state.outcome
          ? customersWithoutView(state)
              .filter((customerId) => ownEntry(state.customers, customerId)?.notice.status === 'notified')
              .map((customerId) => ({ kind: 'authority-views', customerId, caseId: input.requestId, deadline: state.viewsDueAt! }))
          : [],
    });
  }

  /**
   * In the background: the case goes on at once. An alert the team's address refuses (a configuration
   * problem of ours) is shown on the case and retried until taken; it never ends the case.
   */
  function alert(step: string, facts: Omit<AuthorityAlertFacts, 'requestId' | 'requestKind'>): void {
    alerts.raise({ step, alert: { requestId: input.requestId, requestKind: input.requestKind, ...facts } });
  }

  // --- 8.1: telling the customers, unless the law forbids it

  function noticeContext(): AuthorityNoticeContext {
    return {
      requestId: input.requestId,
      authority: input.authority,
      requestKind: input.requestKind,
      receivedAt: input.receivedAt,
      ...(state.prohibition?.liftedAt !== undefined && { prohibitionLiftedAt: state.prohibition.liftedAt }),
      ...(state.viewsDueAt !== undefined && !state.outcome && { viewsDueAt: state.viewsDueAt }),
    };
  }

  /**
   * Emails every customer whose notice is still pending; a refusal is added to `problems`. Gives back
   * the customers the product has not described yet, to be tried again.
   */
  async function notifyPendingCustomers(problems: Array<{ customerId: string; problem: string }>): Promise<string[]> {
    const todo = customers()
      .filter((customer) => customer.notice.status === 'pending')
      .map((customer) => customer.customerId);
    if (todo.length === 0) return [];
    const notice = noticeContext();
    const results = await inBatches(todo, (customerIds) => notifyCustomersOfAuthorityRequest({ notice, customerIds }));
    const unknown: string[] = [];
    for (const result of results) {
      const customer = ownEntry(state.customers, result.customerId)!;
      // An operator may have recorded another channel meanwhile; that record stands.
      if (customer.notice.status !== 'pending') continue;
      if (result.status === 'sent') {
        customer.notice = { status: 'notified', notifiedAt: result.firstAcceptedAt, via: 'email', recipients: result.recipients };
      } else if (result.status === 'undeliverable') {
        customer.notice = { status: 'undeliverable', problem: result.problem };
        problems.push({ customerId: result.customerId, problem: result.problem });
      } else {
        unknown.push(result.customerId);
      }
    }
    refresh();
    return unknown;
  }

  async function sendNotices(): Promise<void> {
    const problems: Array<{ customerId: string; problem: string }> = [];
    const unknown = await untilCustomerDescribed(
      settings.unknownCustomerGraceMinutes,
      () => notifyPendingCustomers(problems),
      (stillUnknown) => stillUnknown.length > 0,
    );
    if (unknown.length > 0) {
      const problem = 'the product has not described this customer (no customer.upserted), so no contact is known';
      const givenUp = unknown.map((customerId) => ({ customerId, problem }));
      for (const { customerId } of givenUp) ownEntry(state.customers, customerId)!.notice = { status: 'undeliverable', problem };
      problems.push(...givenUp);
      refresh();
      await recordAuthorityNoticesUndeliverable({ requestId: input.requestId, problems: givenUp });
    }
    if (problems.length > 0) {
      alert('notice-undeliverable', {
        kind: 'notice-undeliverable',
        customerIds: problems.map((p) => p.customerId),
        detail: problems.map((p) => `${p.customerId}: ${p.problem}`).join('\n'),
        dueAt: state.noticeDueAt!,
      });
    }
  }

  /**
   * 8.1: at the notice deadline, every customer not told by then is named to the privacy team. A
   * request reported after its deadline is judged once the notices had their grace period.
   */
  async function watchNoticeDeadline(noticesFrom: string): Promise<void> {
    const due = state.noticeDueAt!;
    const judgeAt = formatInstant(Math.max(parseInstant(due), parseInstant(noticesFrom) + graceMs + 60_000));
    const everyoneTold = () => customers().every((customer) => customer.notice.status === 'notified');
    await waitUntil(judgeAt, everyoneTold, 'notice deadline (8.1)');
    const late = customers().filter(
      (customer) => customer.notice.status !== 'notified' || parseInstant(customer.notice.notifiedAt) > parseInstant(due),
    );
    state.noticeDeadline = late.length === 0 ? 'met' : 'missed';
    refresh();
    if (late.length > 0) {
      alert('notice-deadline-missed', {
        kind: 'notice-deadline-missed',
        customerIds: late.map((customer) => customer.customerId),
        detail: late.map((customer) => `${customer.customerId}: ${describeNotice(customer.notice)}`).join('\n'),
        dueAt: due,
      });
    }
  }

  /**
   * 8.1, before the deadline: the customers not told by `noticeWarningAt` are named to the privacy team
   * while there is time left to reach them another way. Judged once the notices had their grace period.
   */
  async function warnBeforeNoticeDeadline(noticesFrom: string): Promise<void> {
    const warnAt = state.noticeWarningAt;
    if (warnAt === undefined) return;
    const due = state.noticeDueAt!;
    const judgeAt = Math.max(parseInstant(warnAt), parseInstant(noticesFrom) + graceMs + 60_000);
    // Reported too late for a warning: the deadline's own alert comes first.
    if (judgeAt >= parseInstant(due)) return;
    const everyoneTold = () => customers().every((customer) => customer.notice.status === 'notified');
    if (await waitUntil(formatInstant(judgeAt), everyoneTold, 'customers not yet told, a working day before the notice deadline (8.1)'))
      return;
    const untold = customers().filter((customer) => customer.notice.status !== 'notified');
    alert('notice-deadline-approaching', {
      kind: 'notice-deadline-approaching',
      customerIds: untold.map((customer) => customer.customerId),
      detail: untold.map((customer) => `${customer.customerId}: ${describeNotice(customer.notice)}`).join('\n'),
      dueAt: due,
    });
  }

  // --- 7.1: scope and manner of any disclosure, discussed with each customer first

  const viewsSettled = () => state.outcome !== undefined || customersWithoutView(state).length === 0;

  async function awaitViews(): Promise<void> {
    const remindersSent: string[] = [];
    for (;;) {
      if (viewsSettled()) return;
      const due = state.viewsDueAt!;
      const now = nowIso();
      if (parseInstant(now) >= parseInstant(due)) break;
      // Reminders only for an intended disclosure: an information request, subpoena or inspection may be
      // answered without any personal data, so its customers are asked once, in the notice.
      const next = input.requestKind === 'disclosure-intent' ? nextViewReminder(due, settings, remindersSent, now) : undefined;
      // Woken early by every view, the outcome, or an extension (which moves every reminder with it).
      const interrupted = await waitUntil(
        next?.at ?? due,
        () => viewsSettled() || state.viewsDueAt !== due,
        next ? 'reminder to customers whose view is missing (7.1)' : 'views deadline (7.1)',
      );
      if (interrupted || !next) continue;
      remindersSent.push(next.key);
      const missing = customers().filter((customer) => customer.view === undefined && customer.notice.status === 'notified');
      if (missing.length === 0) continue;
      state.viewRemindersSent += 1;
      const reminderNumber = state.viewRemindersSent;
      await inBatches(missing, (batch) =>
        remindCustomersOfAuthorityView({
          requestId: input.requestId,
          authority: input.authority,
          viewsDueAt: due,
          reminderNumber,
          customers: batch.map((customer) => ({
            customerId: customer.customerId,
            notifiedAt: (customer.notice as Extract<AuthorityNotice, { status: 'notified' }>).notifiedAt,
          })),
        }),
      );
      refresh();
    }
    state.viewsDeadlinePassed = true;
    refresh();
    const missing = customersWithoutView(state);
    const objecting = customersObjecting(state);
    alert('views-deadline-passed', {
      kind: 'views-deadline-passed',
      customerIds: missing,
      detail:
        `${missing.length} of ${customers().length} customer(s) gave no view by the deadline. ` +
        (objecting.length > 0 ? `Customer(s) ${objecting.join(', ')} object to the disclosure.` : 'No customer objects to the disclosure.'),
      dueAt: state.viewsDueAt!,
    });
  }

  async function noticesAndViews(): Promise<void> {
    await condition(() => !prohibitionStanding(state));
    const noticesFrom = nowIso();
    // 8.1: the clock runs from receipt or, where the law forbade telling, from the lifting.
    const noticeFrom = state.prohibition?.liftedAt ?? input.receivedAt;
    state.noticeDueAt = workingDaysLater(noticeFrom, settings.noticeDeadlineWorkingDays, settings);
    const warnAt = noticeWarningAt(noticeFrom, settings);
    if (warnAt !== undefined) state.noticeWarningAt = warnAt;
    if (!state.outcome) {
      // 7.1, for every kind of request: the customers get the whole window from the moment they are told,
      // kept to the minute the email shows (the seconds spent sending are not worth a deadline of 09:00:07).
      state.viewsDueAt = workingDaysLater(wholeMinute(noticesFrom), settings.viewWindowWorkingDays, settings);
    }
    refresh();
    await recordAuthorityDeadlines({
      requestId: input.requestId,
      noticeDueAt: state.noticeDueAt,
      ...(state.viewsDueAt !== undefined && { viewsDueAt: state.viewsDueAt }),
    });
    await Promise.all([
      sendNotices(),
      warnBeforeNoticeDeadline(noticesFrom),
      watchNoticeDeadline(noticesFrom),
      state.viewsDueAt !== undefined ? awaitViews() : undefined,
    ]);
  }

  /** While the law forbids telling the customers, the privacy team is asked at intervals whether it still does. */
  async function reviewProhibition(): Promise<void> {
    const prohibition = state.prohibition;
    if (!prohibition) return;
    while (prohibitionStanding(state)) {
      const number = prohibition.reviewsSent + 1;
      prohibition.nextReviewAt = prohibitionReviewAt(prohibition.since, number, settings);
      refresh();
      if (await waitUntil(prohibition.nextReviewAt, () => !prohibitionStanding(state), 'prohibition review')) break;
      prohibition.reviewsSent = number;
      alert(`prohibition-review-${number}`, {
        kind: 'prohibition-review',
        detail:
          `The prohibition to tell the customers has stood since ${prohibition.since}. ` +
          `Legal basis: ${prohibition.basis ?? 'not recorded yet'}.` +
          (state.outcome
            ? ` The request was ${state.outcome.kind} at ${state.outcome.at}; the customers are told once the prohibition is lifted.`
            : ''),
      });
    }
    delete prohibition.nextReviewAt;
    refresh();
  }

  /**
   * Art. 28(3)(a): a prohibition reported without its basis. The privacy team is reminded at the basis
   * deadline and each working day after it, until the basis is recorded or the prohibition lifted.
   */
  async function remindOfMissingBasis(): Promise<void> {
    const prohibition = state.prohibition;
    const settled = () => !prohibitionBasisMissing(state);
    for (;;) {
      const at = nextProhibitionBasisReminderAt(state);
      if (!prohibition || at === undefined) return;
      if (await waitUntil(at, settled, 'legal basis of the prohibition to tell the customers (Art. 28(3)(a))')) break;
      const number = (prohibition.basisReminders ?? 0) + 1;
      prohibition.basisReminders = number;
      refresh();
      alert(`prohibition-basis-missing-${number}`, {
        kind: 'prohibition-basis-missing',
        customerIds: input.customerIds,
        detail:
          `Reported at ${prohibition.since} with disclosureProhibited and no legal basis; the basis was due at ` +
          `${prohibition.basisDueAt}. Reminder ${number}: you are reminded each working day until it is recorded.`,
        dueAt: prohibition.basisDueAt!,
      });
    }
    refresh();
  }

  /** The end of the case, to every customer that was told of it, once telling is allowed. */
  async function sendOutcome(): Promise<void> {
    await condition(
      () => state.outcome !== undefined && !prohibitionStanding(state) && state.noticeDueAt !== undefined && !noticesInFlight(state),
    );
    const told = customers()
      .filter((customer) => customer.notice.status === 'notified')
      .map((customer) => customer.customerId);
    const notice = noticeContext();
    const outcome = state.outcome!;
    await inBatches(told, (customerIds) => sendAuthorityOutcome({ notice, outcome, customerIds }));
  }

  // --- The case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'authority' },
    ...(input.customerIds.length <= maxCustomerIdsInSearchAttribute
      ? [{ key: searchAttributes.customerIds, value: input.customerIds }]
      : []),
  ]);
  refresh();

  await recordAuthorityRequest({
    ...input,
    ...(state.prohibition?.basisRecordedAt !== undefined && { prohibitionBasisRecordedAt: state.prohibition.basisRecordedAt }),
    ...(state.prohibition?.basisDueAt !== undefined && { prohibitionBasisDueAt: state.prohibition.basisDueAt }),
  });
  requestRecorded = true;
  if (state.prohibition) {
    const { basis, basisDueAt } = state.prohibition;
    alert('prohibition-recorded', {
      kind: 'disclosure-prohibited',
      customerIds: input.customerIds,
      detail:
        `Received at ${input.receivedAt}, reported with disclosureProhibited. ${input.customerIds.length} customer(s) ` +
        'are concerned; none is told while the prohibition stands. ' +
        (basis === undefined
          ? `No legal basis was reported: record it with recordProhibitionBasis by ${basisDueAt}.`
          : `Legal basis as reported: ${basis}`),
      ...(basisDueAt !== undefined && { dueAt: basisDueAt }),
    });
  }
  await Promise.all([reviewProhibition(), remindOfMissingBasis(), noticesAndViews(), sendOutcome()]);

  state.closed = true;
  refresh();
  await condition(allHandlersFinished);
  // The case is closed; its last alerts still reach the team before the workflow ends.
  await alerts.delivered();
  return state;
}

async function inBatches<T>(
  items: readonly T[],
  run: (batch: T[]) => Promise<AuthorityCustomerEmailResult[]>,
): Promise<AuthorityCustomerEmailResult[]> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += customersPerActivity) batches.push(items.slice(i, i + customersPerActivity));
  return (await Promise.all(batches.map(run))).flat();
}

function describeNotice(notice: AuthorityNotice): string {
  switch (notice.status) {
    case 'notified':
      return `told at ${notice.notifiedAt}, after the deadline`;
    case 'pending':
      return 'not told yet: its email is still being sent (its mail server has not accepted it)';
    case 'undeliverable':
      return `not told: ${notice.problem}`;
    default:
      return `not told (${notice.status})`;
  }
}

function describeRequest(state: AuthorityState): string {
  const customers = Object.values(state.customers);
  const count = (status: AuthorityNotice['status']) => customers.filter((customer) => customer.notice.status === status).length;
  const lines = [
    `**Authority request ${state.requestId}** (${state.requestKind}): ${state.status}`,
    '',
    '| customers | notified | undeliverable | pending | withheld | views | objecting |',
    '|---|---|---|---|---|---|---|',
    `| ${customers.length} | ${count('notified')} | ${count('undeliverable')} | ${count('pending')} | ${count('withheld')} | ` +
      `${customers.filter((customer) => customer.view).length} | ${customersObjecting(state).length} |`,
    '',
  ];
  if (state.prohibition) {
    const { liftedAt, since, basis, basisDueAt } = state.prohibition;
    lines.push(
      liftedAt
        ? `- prohibition to tell the customers lifted at ${liftedAt}`
        : `- **prohibition to tell the customers** since ${since}; ` +
            (basis !== undefined
              ? 'basis recorded'
              : `**legal basis not recorded** (due at ${basisDueAt ?? since}): record it with recordProhibitionBasis`),
    );
  }
  if (state.noticeDueAt) lines.push(`- notice due at ${state.noticeDueAt}${state.noticeDeadline ? ` (${state.noticeDeadline})` : ''}`);
  if (state.noticeWarningAt && !state.noticeDeadline)
    lines.push(`- customers not told by ${state.noticeWarningAt} are named to the privacy team`);
  if (state.viewsDueAt) lines.push(`- views due at ${state.viewsDueAt}${state.viewsDeadlinePassed ? ' (passed)' : ''}`);
  if (state.outcome) lines.push(`- ${state.outcome.kind} at ${state.outcome.at}`);
  return lines.join('\n');
}
