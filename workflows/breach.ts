import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BreachPrivacyTeamAlert } from '../activities/breach';
import { ownEntry, setEntry } from '../domain/own-keys';
import {
  addCustomersUpdate,
  assessBreachUpdate,
  breachAcknowledgedSignal,
  breachClosedSignal,
  breachCustomersPerBatch,
  breachFactsOf,
  breachReportedSignal,
  breachStatusQuery,
  breachTimelineQuery,
  breachUpdatedSignal,
  contractualHalfwayAlertAt,
  defaultBreachSettings,
  incidentClosedSignal,
  noticeAcknowledgedSignal,
  noticeOutcomeSignal,
  noticeStatusQuery,
  recordAcknowledgementUpdate,
  recordMeasureUpdate,
  refuseAcknowledgementRecord,
  refuseAddingCustomers,
  refuseAssessment,
  refuseMeasure,
  type BreachAcknowledgedSignal,
  type BreachAssessmentRecord,
  type BreachClosedSignal,
  type BreachIncidentCarried,
  type BreachIncidentInput,
  type BreachNoticeInput,
  type BreachNoticeOutcome,
  type BreachNoticeState,
  type BreachState,
  type BreachTimelineEntry,
  type BreachUpdateSignal,
  givenFacts,
  withFacts,
} from '../domain/breach';
import { isValidId, workflowIds } from '../domain/ids';
import { caseViewQuery, waitingWhile } from '../domain/digests';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import { emailOptions, fanOutOptions, recordOptions } from './activity-options';
import { refuse } from './failures';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { untilCustomerDescribed } from './customer-grace';
import { nowIso, waitUntil } from './wait';
import { handle } from './handlers';

const {
  recordBreachIncident,
  recordBreachUndeliverable,
  closeBreachRecord,
  recordBreachCustomersAdded,
  recordBreachUpdate,
  recordBreachAcknowledgement,
  breachNoticeTerms,
  breachFinalReportsOutstanding,
  recordBreachFinalReportProblem,
} = proxyActivities<Activities>(recordOptions);
const { notifyCustomerOfBreach, alertPrivacyTeamOfBreach, remindCustomerOfBreach, sendBreachUpdate, sendBreachFinalReport } =
  proxyActivities<Activities>(emailOptions);
const { announceBreachToCustomers, passToBreachNotices } = proxyActivities<Activities>(fanOutOptions);

const hours = (count: number) => count * 3_600_000;
/** The timeline query keeps the incident's latest entries; the register keeps everything. */
const timelineLength = 500;

/**
 * `breach-<incidentId>` (policy 8.1-8.2; GDPR Art. 33): the incident. It keeps the register entry
 * (Art. 33(5)); announces the breach to every affected customer from batched activities, each customer
 * then having its own `breach-<incidentId>~<customerId>` workflow; passes updates, acknowledgements and
 * the closeRequest to them; and reminds the privacy team when the customers have heard nothing new for a
 * while (Art. 33(4)). It waits until every customer's final report is settled before it completes.
 *
 * A breach may concern every customer of the processor: nothing here grows with the square of their
 * number. Each batch call carries only its own customer ids, each notice workflow only its own facts, and
 * the run continues as new when its history grows long, carrying its state as plain JSON.
 */
export async function breachIncident(input: BreachIncidentInput): Promise<BreachState> {
  const settings = input.settings ?? defaultBreachSettings;
  const carried = input.carried;
  /** Art. 33(4): the facts as known now; each update may bring some, a customer added later is told them all. */
  let laterFacts = givenFacts(carried?.facts);
  const facts = () => ({ ...withFacts(breachFactsOf(input), laterFacts), measures: state.measures });
  const runs = (carried?.runs ?? 0) + 1;
  const customersPerBatch = input.batching?.customersPerBatch ?? breachCustomersPerBatch;

  const addedCustomerIds = [...(carried?.addedCustomerIds ?? [])];
  const customerAt = (position: number) =>
    position < input.affectedCustomerIds.length
      ? input.affectedCustomerIds[position]!
      : addedCustomerIds[position - input.affectedCustomerIds.length]!;
  const customerCount = () => input.affectedCustomerIds.length + addedCustomerIds.length;
  /** Every customer the incident concerns, with its place in the announcement's order. */
  const positionOf = new Map<string, number>();
  [...input.affectedCustomerIds, ...addedCustomerIds].forEach((customerId, position) => positionOf.set(customerId, position));
  const concerns = (customerId: string) => positionOf.has(customerId);

  let announced = carried?.announced ?? 0;
  let notified = carried?.notified ?? 0;
  const undeliverable: Record<string, string> = Object.fromEntries(
    (carried?.undeliverable ?? []).map((position) => [
      customerAt(position),
      'no contact could be told (the reason is in the breach register)',
    ]),
  );
  const handedOver = new Set((carried?.handedOver ?? []).map(customerAt));
  /** Outcomes reported by a notice before the announcement's result said it was handed over. */
  const earlyOutcomes = new Map<string, BreachNoticeOutcome>();
  const acknowledged: Record<string, string> = Object.fromEntries(
    (carried?.acknowledged ?? []).map(([position, at]) => [customerAt(position), at]),
  );
  const acknowledgements: BreachAcknowledgedSignal[] = [...(carried?.pendingAcknowledgements ?? [])];
  const updates: BreachUpdateSignal[] = [...(carried?.pendingUpdates ?? [])];
  const seenUpdateKeys = new Set(carried?.seenUpdateKeys ?? []);
  let closeRequest: BreachClosedSignal | undefined;
  /** 8.1: a suspected breach confirmed or ruled out; one ruled out ends the incident with that update. */
  let assessment: BreachAssessmentRecord | undefined = carried?.assessment;
  const suspected = input.suspected === true;
  const ruledOut = () => assessment?.assessment === 'ruled-out';
  /** Nothing more is taken in: the incident is asked to close, or its suspected breach was ruled out. */
  const ending = () => closeRequest !== undefined || ruledOut();
  // Item "time taken from the sender": the status reminders count on the workflow's own clock from the
  // moment news reached the customers, never from an event's timestamp, which may be days old.
  let lastNewsMs = carried?.lastNewsMs ?? Date.now();
  let statusRemindersSent = carried?.statusRemindersSent ?? 0;
  const timeline: BreachTimelineEntry[] = carried ? [] : [{ at: input.detectedAt, what: 'breach reported by the product' }];

  const state: BreachState = {
    incidentId: input.incidentId,
    status: carried ? 'open' : 'notifying',
    customers: customerCount(),
    notified,
    pending: 0,
    undeliverable,
    acknowledged,
    measures: carried?.measures ?? [...input.measures],
    contained: carried?.contained ?? false,
    ...(suspected && { suspected }),
    ...(assessment && { assessment }),
    lastUpdateAt: carried?.lastUpdateAt ?? input.detectedAt,
    undeliveredAlerts: [],
  };
  const alerts = privacyTeamAlerts({ send: alertPrivacyTeamOfBreach, onChange: () => refreshDetails() });

  const isAnnounced = (customerId: string) => (positionOf.get(customerId) ?? Infinity) < announced;
  const noticeSettled = (customerId: string) => isAnnounced(customerId) && !handedOver.has(customerId);
  const addCustomers = (customerIds: string[]): string[] => {
    const fresh = [...new Set(customerIds)].filter((customerId) => !concerns(customerId));
    for (const customerId of fresh) {
      positionOf.set(customerId, customerCount());
      addedCustomerIds.push(customerId);
    }
    return fresh;
  };
  const applyOutcome = (outcome: BreachNoticeOutcome) => {
    if (outcome.status === 'notified') notified += 1;
    else setEntry(undeliverable, outcome.customerId, outcome.problem);
    note(`notice ${outcome.status}`, outcome.customerId);
  };
  function note(what: string, customerId?: string, at = nowIso()): void {
    timeline.push({ at, what, ...(customerId !== undefined && { customerId }) });
    if (timeline.length > timelineLength) timeline.splice(0, timeline.length - timelineLength);
  }

  handle(breachStatusQuery, () => state);
  handle(breachTimelineQuery, () => timeline);
  handle(breachUpdatedSignal, (update) => {
    if (ending() || seenUpdateKeys.has(update.key)) return;
    seenUpdateKeys.add(update.key);
    // An assessment comes through assessBreach, which may refuse it; a signal never assesses.
    const { assessment: _ignored, ...news } = update;
    updates.push(news);
  });
  handle(
    assessBreachUpdate,
    (update) => {
      if (seenUpdateKeys.has(update.key)) return;
      seenUpdateKeys.add(update.key);
      assessment = { assessment: update.assessment, at: update.at, key: update.key };
      state.assessment = assessment;
      updates.push(update);
    },
    {
      validator: (update) => refuse(refuseAssessment({ closed: ending(), suspected, ...(assessment && { assessment }) }, update)),
    },
  );
  handle(breachAcknowledgedSignal, (ack) => {
    if (concerns(ack.customerId)) acknowledgements.push(ack);
  });
  handle(breachClosedSignal, (signal) => {
    if (!ruledOut()) closeRequest ??= signal;
  });
  handle(breachReportedSignal, ({ customerIds }) => {
    if (ending()) return;
    const fresh = addCustomers(customerIds.filter(isValidId));
    if (fresh.length > 0) note(`breach reported again: ${fresh.length} more customer(s) concerned`);
  });
  handle(noticeOutcomeSignal, (outcome) => {
    if (handedOver.delete(outcome.customerId)) applyOutcome(outcome);
    else earlyOutcomes.set(outcome.customerId, outcome);
    refreshDetails();
  });
  handle(
    addCustomersUpdate,
    async ({ customerIds }) => {
      const added = addCustomers(customerIds);
      if (added.length > 0) note(`customers added by an operator: ${added.join(', ')}`);
      await condition(() => added.every(isAnnounced));
      return { added };
    },
    { validator: (request) => refuse(refuseAddingCustomers(ending(), request, concerns, customerCount())) },
  );
  handle(
    recordAcknowledgementUpdate,
    ({ customerId, note: text }) => {
      acknowledgements.push({ customerId, at: nowIso(), via: 'operator', ...(text && { note: text }) });
    },
    {
      validator: ({ customerId }) =>
        refuse(
          refuseAcknowledgementRecord(ending(), customerId, {
            concerned: concerns(customerId),
            settled: noticeSettled(customerId),
            undeliverable: ownEntry(undeliverable, customerId) !== undefined,
            ...(ownEntry(acknowledged, customerId) !== undefined && { acknowledgedAt: ownEntry(acknowledged, customerId) }),
          }),
        ),
    },
  );
  handle(
    recordMeasureUpdate,
    async ({ measure, contained }) => {
      const at = nowIso();
      state.measures.push(measure);
      if (contained !== undefined) state.contained = contained;
      note(`measure recorded by an operator: ${measure}`, undefined, at);
      await recordBreachUpdate({
        incidentId: input.incidentId,
        key: `measure-${runs}-${timeline.length}-${at}`,
        update: { kind: 'measure', text: measure, measures: [measure], ...(contained !== undefined && { contained }), recordedAt: at },
      });
    },
    { validator: (request) => refuse(refuseMeasure(ending(), request)) },
  );

  function refreshDetails(): void {
    state.customers = customerCount();
    state.notified = notified;
    state.pending = customerCount() - announced + handedOver.size;
    state.undeliveredAlerts = alerts.undelivered();
    setCurrentDetails(describeIncident(state) + alerts.describe());
  }
  function setStatus(status: BreachState['status']): void {
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.status, value: status }]);
    refreshDetails();
  }
  /**
   * Passes one message to every announced customer's notice, a batch of ids per activity call. Returns
   * the customers whose notice workflow has ended (terminated by hand): never a failure of the incident.
   */
  async function passToEveryNotice(message: Parameters<typeof passToBreachNotices>[0]['message']): Promise<string[]> {
    const ended: string[] = [];
    for (let from = 0; from < announced; from += customersPerBatch) {
      const customerIds: string[] = [];
      for (let position = from; position < Math.min(from + customersPerBatch, announced); position += 1)
        customerIds.push(customerAt(position));
      const { missing } = await passToBreachNotices({ incidentId: input.incidentId, customerIds, message });
      if (missing.length > 0)
        log.warn('notice workflows missing when a message was passed on', { kind: message.kind, missing: missing.length });
      ended.push(...missing);
    }
    return ended;
  }

  if (runs === 1) {
    upsertSearchAttributes([
      { key: searchAttributes.process, value: 'breach' },
      ...(input.affectedCustomerIds.length <= maxCustomerIdsInSearchAttribute
        ? [{ key: searchAttributes.customerIds, value: input.affectedCustomerIds }]
        : []),
    ]);
    setStatus('notifying');
    await recordBreachIncident(input);
  } else {
    refreshDetails();
  }

  // The closeRequest may overtake the announcement: every customer concerned is told all the same.
  const workPending = () =>
    announced < customerCount() || updates.length > 0 || acknowledgements.some((ack) => noticeSettled(ack.customerId));
  while (!ending() || workPending()) {
    // 8.1: every customer concerned is told first, a batch at a time; customers added later join the queue.
    if (announced < customerCount()) {
      const customerIds: string[] = [];
      for (let position = announced; position < Math.min(announced + customersPerBatch, customerCount()); position += 1)
        customerIds.push(customerAt(position));
      const added = customerIds.filter((_, index) => announced + index >= input.affectedCustomerIds.length);
      if (added.length > 0) await recordBreachCustomersAdded({ incidentId: input.incidentId, customerIds: added });
      const result = await announceBreachToCustomers({
        incidentId: input.incidentId,
        facts: facts(),
        settings,
        customerIds,
        noticeAt: nowIso(),
      });
      notified += result.notified;
      for (const [customerId, problem] of Object.entries(result.undeliverable)) setEntry(undeliverable, customerId, problem);
      for (const customerId of Object.keys(result.undeliverable)) note('notice undeliverable', customerId);
      for (const customerId of result.handedOver) {
        const early = earlyOutcomes.get(customerId);
        if (early) {
          earlyOutcomes.delete(customerId);
          applyOutcome(early);
        } else {
          handedOver.add(customerId);
        }
      }
      announced += customerIds.length;
      refreshDetails();
      continue;
    }
    if (state.status === 'notifying') {
      note(`notices sent or under way for ${customerCount()} customer(s)`);
      lastNewsMs = Date.now();
      setStatus('open');
    }

    if (await applyReadyAcknowledgement()) continue;

    const update = updates.shift();
    if (update) {
      state.measures.push(...update.measures);
      if (update.contained !== undefined) state.contained = update.contained;
      laterFacts = { ...laterFacts, ...givenFacts(update.facts) };
      state.lastUpdateAt = update.at;
      note(
        `update sent to the customers${update.assessment ? ` (suspected breach ${update.assessment === 'confirmed' ? 'confirmed' : 'ruled out'})` : ''}: ${update.update}`,
        undefined,
        update.at,
      );
      await recordBreachUpdate({
        incidentId: input.incidentId,
        key: update.key,
        update: {
          kind: 'update',
          text: update.update,
          measures: update.measures,
          ...(update.contained !== undefined && { contained: update.contained }),
          ...(update.assessment !== undefined && { assessment: update.assessment }),
          ...(update.facts !== undefined && { facts: update.facts }),
          recordedAt: update.at,
        },
      });
      await passToEveryNotice({ kind: 'update', update });
      lastNewsMs = Date.now();
      statusRemindersSent = 0;
      refreshDetails();
      continue;
    }

    if (ending()) continue;
    // A long incident (thousands of customers, many updates) starts a fresh history; alerts still on
    // their way belong to this run, so it waits until none is.
    const historyLong =
      workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.batching?.continueAsNewAfterEvents ?? Infinity);
    if (historyLong && earlyOutcomes.size === 0 && alerts.inFlight() === 0) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof breachIncident>({ ...input, carried: carry() });
    }

    // Art. 33(4): while the incident is open, the customers should not be left without news.
    const dueAt = lastNewsMs + hours(settings.statusUpdateEveryHours) * (statusRemindersSent + 1);
    state.nextStatusUpdateDueAt = new Date(dueAt).toISOString();
    upsertSearchAttributes([{ key: searchAttributes.nextDeadline, value: new Date(dueAt) }]);
    refreshDetails();
    const woken = await waitUntil(dueAt, () => ending() || workPending(), 'status update due to the customers (Art. 33(4))');
    if (!woken) {
      statusRemindersSent += 1;
      alerts.raise({
        step: `status-update-due-${statusRemindersSent}`,
        alert: {
          kind: 'status-update-due',
          incidentId: input.incidentId,
          detail: `no update has been sent to the affected customers since ${state.lastUpdateAt}; send one (breach.updated) or close the incident`,
          dueAt: state.nextStatusUpdateDueAt!,
        },
      });
      note('privacy team reminded to send a status update');
    }
  }

  if (ruledOut()) {
    // 8.1: a suspected breach ruled out closes with the update that said so, which every notice passed
    // on and then ended: there is no breach to report on. The register closed the entry with it.
    note('suspected breach ruled out; incident closed', undefined, assessment!.at);
    delete state.nextStatusUpdateDueAt;
    upsertSearchAttributes([{ key: searchAttributes.nextDeadline, value: null }]);
    setStatus('closed');
    await alerts.delivered();
    await condition(allHandlersFinished);
    return state;
  }

  // 8.2: the final report to every customer told of the incident; the incident ends once each has had it.
  const closed = closeRequest!;
  setStatus('closing');
  note('incident closed; final report sent', undefined, closed.closedAt);
  delete state.nextStatusUpdateDueAt;
  upsertSearchAttributes([{ key: searchAttributes.nextDeadline, value: null }]);
  await closeBreachRecord({ incidentId: input.incidentId, finalReport: closed.finalReport, closedAt: closed.closedAt });
  const ended = await passToEveryNotice({ kind: 'closed', report: { ...closed, measures: state.measures } });
  // A customer whose notice workflow has ended gets no report from it: the team is told to send it another way.
  for (const customerId of ended.filter((id) => ownEntry(undeliverable, id) === undefined)) {
    const problem = 'the notice workflow of this customer had ended (terminated by hand), so it could not send the final report';
    await recordBreachFinalReportProblem({ incidentId: input.incidentId, customerId, problem });
    alerts.raise({
      step: `final-report-not-sent-${customerId}`,
      alert: { kind: 'final-report-undeliverable', incidentId: input.incidentId, customerId, detail: problem },
    });
  }
  for (let wait = 2_000; ; wait = Math.min(wait * 2, 600_000)) {
    state.finalReportsOutstanding = await breachFinalReportsOutstanding({ incidentId: input.incidentId });
    refreshDetails();
    // A notice still being delivered by its own workflow reports its outcome first, then has its report.
    if (state.finalReportsOutstanding === 0 && handedOver.size === 0) break;
    await sleep(wait, { summary: "waiting for every customer's final report" });
    while (await applyReadyAcknowledgement());
  }
  while (await applyReadyAcknowledgement());
  setStatus('closed');
  await alerts.delivered();
  await condition(allHandlersFinished);
  return state;

  /** An acknowledgement can overtake the notice's outcome; it waits in the queue until that is known. */
  async function applyReadyAcknowledgement(): Promise<boolean> {
    const ready = acknowledgements.findIndex((candidate) => noticeSettled(candidate.customerId));
    if (ready < 0) return false;
    const [ack] = acknowledgements.splice(ready, 1) as [BreachAcknowledgedSignal];
    if (ownEntry(acknowledged, ack.customerId) !== undefined) return true;
    setEntry(acknowledged, ack.customerId, ack.at);
    note(`acknowledged (${ack.via})${ack.note ? `: ${ack.note}` : ''}`, ack.customerId, ack.at);
    await recordBreachAcknowledgement({ incidentId: input.incidentId, customerId: ack.customerId, at: ack.at });
    try {
      await getExternalWorkflowHandle(workflowIds.breachNotice(input.incidentId, ack.customerId)).signal(noticeAcknowledgedSignal, ack);
    } catch (error) {
      // The customer's notice workflow has ended: the register has the acknowledgement all the same.
      log.warn('acknowledgement not passed to an ended notice workflow', { customerId: ack.customerId, error: String(error) });
    }
    refreshDetails();
    return true;
  }

  function carry(): BreachIncidentCarried {
    return {
      addedCustomerIds,
      announced,
      notified,
      undeliverable: Object.keys(undeliverable).map((customerId) => positionOf.get(customerId)!),
      handedOver: [...handedOver].map((customerId) => positionOf.get(customerId)!),
      acknowledged: Object.entries(acknowledged).map(([customerId, at]) => [positionOf.get(customerId)!, at]),
      pendingAcknowledgements: acknowledgements,
      pendingUpdates: updates,
      seenUpdateKeys: [...seenUpdateKeys],
      measures: state.measures,
      contained: state.contained,
      ...(assessment && { assessment }),
      ...(Object.keys(laterFacts).length > 0 && { facts: laterFacts }),
      lastUpdateAt: state.lastUpdateAt,
      lastNewsMs,
      statusRemindersSent,
      runs,
    };
  }
}

/**
 * `breach-<incidentId>~<customerId>`: the relationship with one customer about one incident. Takes the
 * notice the announcement sent, or sends it itself (waiting a grace for a customer not described yet,
 * retrying the mail server); watches the contract's notice deadline; awaits the acknowledgement (a
 * reminder, then the privacy team); passes on updates and the final report.
 */
export async function breachCustomerNotice(input: BreachNoticeInput): Promise<BreachNoticeOutcome> {
  const { incidentId, customerId, settings } = input;
  const incidentWorkflowId = input.incidentWorkflowId ?? workflowInfo().parent?.workflowId;
  const state: BreachNoticeState = { customerId, status: 'notifying', remindersSent: 0, escalated: false, undeliveredAlerts: [] };
  const updates: BreachUpdateSignal[] = [];
  let closeRequest: (BreachClosedSignal & { measures: string[] }) | undefined;
  let nextDeadline: number | undefined;
  const alerts = privacyTeamAlerts({ send: alertPrivacyTeamOfBreach, onChange: () => show(state.status, nextDeadline) });
  const raiseAlert = (step: string, alert: BreachPrivacyTeamAlert) => alerts.raise({ step, alert });

  handle(noticeStatusQuery, () => state);
  // The weekly customer reminder reads what waits on the customer here: its acknowledgement, until the team would call.
  const acknowledgement: { dueBy?: string } = {};
  handle(caseViewQuery, () => ({
    status: state.status,
    nextDeadline: nextDeadline === undefined ? undefined : new Date(nextDeadline).toISOString(),
    details: '',
    waitingOnCustomer: waitingWhile(state.status === 'notified' && !state.acknowledgedAt, {
      kind: 'breach-acknowledgement',
      customerId,
      caseId: incidentId,
      deadline: acknowledgement.dueBy,
    }),
  }));
  handle(noticeAcknowledgedSignal, (ack) => {
    state.acknowledgedAt ??= ack.at;
  });
  handle(breachUpdatedSignal, (update) => {
    if (!updates.some((queued) => queued.key === update.key)) updates.push(update);
  });
  handle(incidentClosedSignal, (signal) => {
    closeRequest ??= signal;
  });

  function show(label: BreachNoticeState['status'], deadline?: number): void {
    state.status = label;
    nextDeadline = deadline;
    state.undeliveredAlerts = alerts.undelivered();
    upsertSearchAttributes([
      { key: searchAttributes.status, value: label },
      { key: searchAttributes.nextDeadline, value: deadline !== undefined ? new Date(deadline) : null },
    ]);
    setCurrentDetails(
      `**Breach ${incidentId}**, customer \`${customerId}\`: ${label}` +
        (state.notifiedAt ? `\n\nnotified at ${state.notifiedAt}` : '') +
        (state.acknowledgedAt ? `, acknowledged at ${state.acknowledgedAt}` : '') +
        (state.contractualDeadlineAt ? `\n\ncontractual notice deadline ${state.contractualDeadlineAt}` : '') +
        alerts.describe(),
    );
  }
  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'breach-notice' },
    { key: searchAttributes.customerIds, value: [customerId] },
  ]);

  const outcome = input.notice ? await takeAnnouncedNotice(input.notice) : await deliverNotice();
  if (!input.notice && incidentWorkflowId) {
    try {
      await getExternalWorkflowHandle(incidentWorkflowId).signal(noticeOutcomeSignal, outcome);
    } catch (error) {
      // The incident has ended or was never started (a notice started by hand): the register has the outcome.
      log.warn('notice outcome not passed to the incident', { error: String(error) });
    }
  }
  const ruledOutQueued = () => updates.some((update) => update.assessment === 'ruled-out');
  if (outcome.status === 'undeliverable') {
    show('undeliverable');
    await condition(() => closeRequest !== undefined || ruledOutQueued());
    show('closed');
    await alerts.delivered();
    return outcome;
  }

  state.notifiedAt = outcome.notifiedAt;
  // The reminders count from the workflow's own clock (deterministic, and the test server's), not from
  // the mail server's acceptance time, which the register keeps as evidence.
  const notifiedAt = Date.now();
  const reminderAt = notifiedAt + hours(settings.acknowledgementReminderAfterHours);
  const escalationAt = notifiedAt + hours(settings.escalationAfterHours);
  acknowledgement.dueBy = new Date(escalationAt).toISOString();
  let ruledOut = false;
  /** Art. 33(4): what is known of the breach now; each update shows it all, and says what is not known yet. */
  let known = input.facts;
  for (;;) {
    const update = updates.shift();
    if (update) {
      // A confirmed breach is no longer called suspected in the reminder that may follow.
      known = { ...withFacts(known, update.facts), ...(update.assessment === 'confirmed' && { suspected: false }) };
      await sendBreachUpdate({
        incidentId,
        customerId,
        key: update.key,
        update: update.update,
        measures: update.measures,
        ...(update.contained !== undefined && { contained: update.contained }),
        ...(update.assessment !== undefined && { assessment: update.assessment }),
        facts: known,
        sentAt: update.at,
      });
      // 8.1: the suspected breach was ruled out; that update was the last word, no final report follows.
      if (update.assessment === 'ruled-out') {
        ruledOut = true;
        break;
      }
      continue;
    }
    if (closeRequest) break;
    const waitingForAcknowledgement = !state.acknowledgedAt;
    const nextClock = !waitingForAcknowledgement
      ? undefined
      : state.remindersSent === 0
        ? reminderAt
        : !state.escalated
          ? escalationAt
          : undefined;
    show(state.acknowledgedAt ? 'acknowledged' : 'notified', nextClock);
    const acknowledgedBefore = state.acknowledgedAt;
    const somethingHappened = () => closeRequest !== undefined || updates.length > 0 || state.acknowledgedAt !== acknowledgedBefore;
    if (nextClock === undefined) {
      await condition(somethingHappened);
      continue;
    }
    if (
      await waitUntil(
        nextClock,
        somethingHappened,
        state.remindersSent === 0 ? 'acknowledgement reminder' : 'escalation to the privacy team',
      )
    )
      continue;
    if (state.remindersSent === 0) {
      state.remindersSent = 1;
      await remindCustomerOfBreach({ incidentId, customerId, facts: known, notifiedAt: outcome.notifiedAt, reminderNumber: 1 });
    } else {
      state.escalated = true;
      raiseAlert('acknowledgement-overdue', {
        kind: 'acknowledgement-overdue',
        incidentId,
        customerId,
        detail: `the customer has not acknowledged the notice sent at ${outcome.notifiedAt}, despite a reminder; call its privacy contact`,
        dueAt: new Date(escalationAt).toISOString(),
      });
    }
  }

  if (ruledOut) {
    show('closed');
    await alerts.delivered();
    return outcome;
  }
  const final = closeRequest!;
  const report = await sendBreachFinalReport({
    incidentId,
    customerId,
    finalReport: final.finalReport,
    measures: final.measures,
    closedAt: final.closedAt,
  });
  if (report.status !== 'sent') {
    raiseAlert('final-report-undeliverable', {
      kind: 'final-report-undeliverable',
      incidentId,
      customerId,
      detail: report.status === 'undeliverable' ? report.problem : 'the customer has no record, so no contact is known',
    });
  }
  show('closed');
  await alerts.delivered();
  return outcome;

  /** The announcement sent the notice: its outcome stands; a notice later than the contract allowed is reported. */
  async function takeAnnouncedNotice(notice: NonNullable<BreachNoticeInput['notice']>): Promise<BreachNoticeOutcome> {
    if (notice.status === 'undeliverable') {
      raiseAlert('notice-undeliverable', { kind: 'notice-undeliverable', incidentId, customerId, detail: notice.problem });
      return { customerId, status: 'undeliverable', problem: notice.problem };
    }
    if (notice.contractualDeadlineAt) {
      state.contractualDeadlineAt = notice.contractualDeadlineAt;
      if (Date.parse(notice.notifiedAt) > Date.parse(notice.contractualDeadlineAt)) {
        raiseAlert('contractual-deadline-at-risk', {
          kind: 'contractual-deadline-at-risk',
          incidentId,
          customerId,
          detail: "the contract's notice deadline had already passed when the notice was accepted by the mail server",
          dueAt: notice.contractualDeadlineAt,
        });
      }
    }
    return {
      customerId,
      status: 'notified',
      notifiedAt: notice.notifiedAt,
      recipients: notice.recipients,
      undeliverable: notice.undeliverable,
    };
  }

  async function deliverNotice(): Promise<BreachNoticeOutcome> {
    show('notifying');
    let contractAlertSent = false;
    let halfwayAlertSent = false;
    let firstAttemptMs: number | undefined;
    for (;;) {
      const terms = await untilCustomerDescribed(
        settings.unknownCustomerGraceMinutes ?? defaultBreachSettings.unknownCustomerGraceMinutes!,
        () => breachNoticeTerms({ customerId, awareAt: input.facts.awareAt }),
        (found) => !found.known,
      );
      if (terms.contractualDeadlineAt) state.contractualDeadlineAt = terms.contractualDeadlineAt;
      if (!terms.known) {
        return giveUp('no-customer-record', 'the product has not described this customer (no customer.upserted), so no contact is known');
      }

      // 8.1: the contract's notice deadline is watched while the mail server is retried.
      let settled = false;
      const sending = notifyCustomerOfBreach({ incidentId, customerId, facts: input.facts, noticeAt: nowIso() }).finally(() => {
        settled = true;
      });
      firstAttemptMs ??= Date.now();
      const deadline = state.contractualDeadlineAt ? Date.parse(state.contractualDeadlineAt) : undefined;
      // A notice already waiting for its deadline when this alert came in goes on as it was (replay).
      const halfwayAt =
        state.contractualDeadlineAt && !halfwayAlertSent && patched('contractual-halfway-alert')
          ? contractualHalfwayAlertAt(input.facts.awareAt, state.contractualDeadlineAt, firstAttemptMs)
          : undefined;
      if (halfwayAt !== undefined && !(await waitUntil(halfwayAt, () => settled, "half the contract's notice hours (8.1)"))) {
        halfwayAlertSent = true;
        raiseAlert('contractual-deadline-halfway', {
          kind: 'contractual-deadline-halfway',
          incidentId,
          customerId,
          detail: `the notice has not been accepted by the customer's mail server yet (since ${new Date(firstAttemptMs).toISOString()}); it is still being retried`,
          dueAt: state.contractualDeadlineAt!,
        });
      }
      if (deadline !== undefined && !contractAlertSent) {
        const alreadyPassed = deadline <= Date.now();
        const inTime = !alreadyPassed && (await waitUntil(deadline, () => settled, "the contract's notice deadline (8.1)"));
        if (!inTime) {
          contractAlertSent = true;
          raiseAlert('contractual-deadline-at-risk', {
            kind: 'contractual-deadline-at-risk',
            incidentId,
            customerId,
            detail: alreadyPassed
              ? "the contract's notice deadline had already passed when the notice could first be sent"
              : "the notice was not accepted by the mail server before the contract's notice deadline; it is still being retried",
            dueAt: state.contractualDeadlineAt!,
          });
        }
      }
      const result = await sending;
      if (result.status === 'notified') {
        return {
          customerId,
          status: 'notified',
          notifiedAt: result.notifiedAt,
          recipients: result.recipients,
          undeliverable: result.undeliverable,
        };
      }
      if (result.status === 'undeliverable') return giveUp('notice-undeliverable', result.problem);
      // The customer's record vanished between the two calls: wait for it like a new one.
    }
  }

  async function giveUp(kind: 'no-customer-record' | 'notice-undeliverable', problem: string): Promise<BreachNoticeOutcome> {
    await recordBreachUndeliverable({ incidentId, customerId, problem });
    raiseAlert('notice-undeliverable', { kind, incidentId, customerId, detail: problem });
    return { customerId, status: 'undeliverable', problem };
  }
}

function describeIncident(state: BreachState): string {
  const undeliverable = Object.keys(state.undeliverable).length;
  const acknowledged = Object.keys(state.acknowledged).length;
  return [
    `**Breach ${state.incidentId}**: ${state.status}${state.contained ? ' (contained)' : ''}` +
      (state.suspected
        ? state.assessment
          ? `; suspected, ${state.assessment.assessment === 'confirmed' ? 'confirmed' : 'ruled out'} at ${state.assessment.at}`
          : '; suspected, not confirmed or ruled out yet (8.1)'
        : ''),
    '',
    '| customers | notified | acknowledged | undeliverable | pending |',
    '|---|---|---|---|---|',
    `| ${state.customers} | ${state.notified} | ${acknowledged} | ${undeliverable} | ${state.pending} |`,
    '',
    `last update to the customers: ${state.lastUpdateAt}` +
      (state.nextStatusUpdateDueAt ? `; next one due by ${state.nextStatusUpdateDueAt}` : '') +
      (state.finalReportsOutstanding ? `\n\nfinal reports still to be accepted: ${state.finalReportsOutstanding}` : ''),
  ].join('\n');
}
