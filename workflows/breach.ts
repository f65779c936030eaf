import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  addCustomersUpdate,
  breachAcknowledgedSignal,
  breachClosedSignal,
  breachStatusQuery,
  breachTimelineQuery,
  breachUpdatedSignal,
  defaultBreachSettings,
  incidentClosedSignal,
  noticeAcknowledgedSignal,
  noticeOutcomeSignal,
  noticeStatusQuery,
  recordAcknowledgementUpdate,
  recordMeasureUpdate,
  unknownCustomerGraceMs,
  type BreachAcknowledgedSignal,
  type BreachClosedSignal,
  type BreachIncidentInput,
  type BreachNoticeInput,
  type BreachNoticeOutcome,
  type BreachNoticeStatus,
  type BreachStatus,
  type BreachTimelineEntry,
  type BreachUpdateSignal,
} from '../domain/breach';
import { isValidId, workflowIds } from '../domain/ids';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import { emailOptions, recordOptions } from './activity-options';

const {
  recordBreachIncident,
  recordBreachUndeliverable,
  closeBreachRecord,
  recordBreachCustomersAdded,
  recordBreachUpdate,
  recordBreachAcknowledgement,
  breachNoticeTerms,
} = proxyActivities<Activities>(recordOptions);
const { notifyCustomerOfBreach, alertPrivacyTeam, remindCustomerOfBreach, sendBreachUpdate, sendBreachFinalReport } =
  proxyActivities<Activities>(emailOptions);

const hours = (count: number) => count * 3_600_000;
const nowIso = () => new Date().toISOString();

/**
 * `breach-<incidentId>` (policy 8.1-8.2; GDPR Art. 33): the incident. It keeps the register entry
 * (Art. 33(5)), starts one `breach-<incidentId>-<customerId>` per affected customer at once, passes
 * updates, acknowledgements and the closure to them, and reminds the privacy team when the customers
 * have heard nothing new for a while (Art. 33(4)).
 */
export async function breachIncident(input: BreachIncidentInput): Promise<BreachStatus> {
  const settings = input.settings ?? defaultBreachSettings;
  const state: BreachStatus = {
    incidentId: input.incidentId,
    status: 'notifying',
    customers: {},
    measures: [...input.measures],
    contained: false,
    lastUpdateAt: input.detectedAt,
  };
  const timeline: BreachTimelineEntry[] = [{ at: input.detectedAt, what: 'breach reported by the product' }];
  const updates: BreachUpdateSignal[] = [];
  const seenUpdateKeys = new Set<string>();
  const acknowledgements: BreachAcknowledgedSignal[] = [];
  const addedCustomers: string[] = [];
  let closure: BreachClosedSignal | undefined;
  let statusRemindersSent = 0;
  const children = new Map<string, ChildWorkflowHandle<typeof breachCustomerNotice>>();

  setHandler(breachStatusQuery, () => state);
  setHandler(breachTimelineQuery, () => timeline);
  setHandler(breachUpdatedSignal, (update) => {
    if (closure || seenUpdateKeys.has(update.key)) return;
    seenUpdateKeys.add(update.key);
    updates.push(update);
  });
  setHandler(breachAcknowledgedSignal, (ack) => {
    const concerned = input.affectedCustomerIds.includes(ack.customerId) || state.customers[ack.customerId] !== undefined;
    if (!concerned) return;
    acknowledgements.push(ack);
  });
  setHandler(breachClosedSignal, (signal) => {
    closure ??= signal;
  });
  setHandler(noticeOutcomeSignal, (outcome) => {
    const previous = state.customers[outcome.customerId];
    state.customers[outcome.customerId] = {
      ...outcome,
      ...(previous && 'acknowledgedAt' in previous && previous.acknowledgedAt && { acknowledgedAt: previous.acknowledgedAt }),
    };
    timeline.push({ at: nowIso(), what: `notice ${outcome.status}`, customerId: outcome.customerId });
    refreshDetails();
  });
  setHandler(
    addCustomersUpdate,
    async ({ customerIds }) => {
      const added = customerIds.filter((customerId) => !state.customers[customerId] && !addedCustomers.includes(customerId));
      addedCustomers.push(...added);
      await condition(() => added.every((customerId) => state.customers[customerId] !== undefined));
      return { added };
    },
    {
      validator: ({ customerIds }) => {
        if (closure) throw new Error('the incident is closed');
        if (!Array.isArray(customerIds) || customerIds.length === 0) throw new Error('name at least one customer id');
        for (const customerId of customerIds) {
          if (!isValidId(customerId)) throw new Error(`"${customerId}" is not a valid customer id`);
        }
      },
    },
  );
  setHandler(
    recordAcknowledgementUpdate,
    ({ customerId, note }) => {
      acknowledgements.push({ customerId, at: nowIso(), via: 'operator', ...(note && { note }) });
    },
    {
      validator: ({ customerId }) => {
        if (closure) throw new Error('the incident is closed');
        const customer = state.customers[customerId];
        if (!customer) throw new Error(`customer ${customerId} is not affected by this incident`);
        if (customer.status !== 'notified') throw new Error(`customer ${customerId} has not been notified (${customer.status})`);
        if (customer.acknowledgedAt) throw new Error(`customer ${customerId} already acknowledged at ${customer.acknowledgedAt}`);
      },
    },
  );
  setHandler(
    recordMeasureUpdate,
    async ({ measure, contained }) => {
      const at = nowIso();
      state.measures.push(measure);
      if (contained !== undefined) state.contained = contained;
      timeline.push({ at, what: `measure recorded by an operator: ${measure}` });
      await recordBreachUpdate({
        incidentId: input.incidentId,
        key: `measure-${timeline.length}-${at}`,
        update: { kind: 'measure', text: measure, measures: [measure], ...(contained !== undefined && { contained }), recordedAt: at },
      });
    },
    {
      validator: ({ measure }) => {
        if (closure) throw new Error('the incident is closed');
        if (typeof measure !== 'string' || measure.trim() === '') throw new Error('describe the measure');
      },
    },
  );

  function noticeSettled(customerId: string): boolean {
    const customer = state.customers[customerId];
    return customer !== undefined && customer.status !== 'pending';
  }
  function refreshDetails(): void {
    setCurrentDetails(describeIncident(state));
  }
  function setStatus(status: BreachStatus['status']): void {
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.status, value: status }]);
    refreshDetails();
  }

  const startNotices = async (customerIds: string[]) => {
    for (const customerId of customerIds) {
      state.customers[customerId] = { customerId, status: 'pending' };
      const handle = await startChild(breachCustomerNotice, {
        workflowId: workflowIds.breachNotice(input.incidentId, customerId),
        args: [{ incidentId: input.incidentId, customerId, facts: input, settings }],
        // A notice that has started goes out even if the incident is terminated by hand.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        staticSummary: `Breach ${input.incidentId}: notice to customer ${customerId}`,
      });
      children.set(customerId, handle);
    }
    const ids = Object.keys(state.customers);
    if (ids.length <= maxCustomerIdsInSearchAttribute) {
      upsertSearchAttributes([{ key: searchAttributes.customerIds, value: ids }]);
    }
  };

  upsertSearchAttributes([{ key: searchAttributes.process, value: 'breach' }]);
  setStatus('notifying');
  await recordBreachIncident(input);
  await startNotices(input.affectedCustomerIds);
  timeline.push({ at: nowIso(), what: `notices started for ${input.affectedCustomerIds.length} customer(s)` });
  // The clock for news to the customers starts with the initial notices.
  state.lastUpdateAt = nowIso();
  setStatus('open');

  while (!closure) {
    if (addedCustomers.some((customerId) => !state.customers[customerId])) {
      const fresh = addedCustomers.filter((customerId) => !state.customers[customerId]);
      await recordBreachCustomersAdded({ incidentId: input.incidentId, customerIds: fresh });
      await startNotices(fresh);
      timeline.push({ at: nowIso(), what: `customers added by an operator: ${fresh.join(', ')}` });
    }
    // An acknowledgement can overtake the notice's outcome; it waits in the queue until that is known.
    const ready = acknowledgements.findIndex((candidate) => noticeSettled(candidate.customerId));
    if (ready >= 0) {
      const [ack] = acknowledgements.splice(ready, 1) as [BreachAcknowledgedSignal];
      const customer = state.customers[ack.customerId];
      if (customer && customer.status !== 'pending' && !('acknowledgedAt' in customer && customer.acknowledgedAt)) {
        state.customers[ack.customerId] = { ...customer, acknowledgedAt: ack.at };
        timeline.push({ at: ack.at, what: `acknowledged (${ack.via})${ack.note ? `: ${ack.note}` : ''}`, customerId: ack.customerId });
        await recordBreachAcknowledgement({ incidentId: input.incidentId, customerId: ack.customerId, at: ack.at });
        await getExternalWorkflowHandle(workflowIds.breachNotice(input.incidentId, ack.customerId)).signal(noticeAcknowledgedSignal, ack);
        refreshDetails();
      }
      continue;
    }
    const update = updates.shift();
    if (update) {
      state.measures.push(...update.measures);
      if (update.contained !== undefined) state.contained = update.contained;
      state.lastUpdateAt = update.at;
      timeline.push({ at: update.at, what: `update sent to the customers: ${update.update}` });
      await recordBreachUpdate({
        incidentId: input.incidentId,
        key: update.key,
        update: { kind: 'update', text: update.update, measures: update.measures, ...(update.contained !== undefined && { contained: update.contained }), recordedAt: update.at },
      });
      for (const customerId of children.keys()) {
        await getExternalWorkflowHandle(workflowIds.breachNotice(input.incidentId, customerId)).signal(breachUpdatedSignal, update);
      }
      refreshDetails();
      continue;
    }

    // Art. 33(4): while the incident is open, the customers should not be left without news.
    const dueAt = Date.parse(state.lastUpdateAt) + hours(settings.statusUpdateEveryHours) * (statusRemindersSent + 1);
    state.nextStatusUpdateDueAt = new Date(dueAt).toISOString();
    upsertSearchAttributes([{ key: searchAttributes.nextDeadline, value: new Date(dueAt) }]);
    refreshDetails();
    const woken = await condition(
      () =>
        closure !== undefined ||
        updates.length > 0 ||
        acknowledgements.some((ack) => noticeSettled(ack.customerId)) ||
        addedCustomers.some((c) => !state.customers[c]),
      Math.max(dueAt - Date.now(), 1),
    );
    if (!woken) {
      statusRemindersSent += 1;
      await alertPrivacyTeam({
        step: `status-update-due-${statusRemindersSent}`,
        alert: {
          kind: 'status-update-due',
          incidentId: input.incidentId,
          detail: `no update has been sent to the affected customers since ${state.lastUpdateAt}; send one (breach.updated) or close the incident`,
          dueAt: state.nextStatusUpdateDueAt,
        },
      });
      timeline.push({ at: nowIso(), what: 'privacy team reminded to send a status update' });
    }
  }

  const closed = closure;
  timeline.push({ at: closed.closedAt, what: 'incident closed; final report sent' });
  await closeBreachRecord({ incidentId: input.incidentId, finalReport: closed.finalReport, closedAt: closed.closedAt });
  for (const customerId of children.keys()) {
    await getExternalWorkflowHandle(workflowIds.breachNotice(input.incidentId, customerId)).signal(incidentClosedSignal, {
      ...closed,
      measures: state.measures,
    });
  }
  await Promise.all([...children.values()].map((child) => child.result()));
  delete state.nextStatusUpdateDueAt;
  upsertSearchAttributes([{ key: searchAttributes.nextDeadline, value: null }]);
  setStatus('closed');
  await condition(allHandlersFinished);
  return state;
}

/**
 * `breach-<incidentId>-<customerId>`: the relationship with one customer about one incident. Sends the
 * notice to every contact without undue delay (8.1), watches the contract's notice deadline, awaits
 * the acknowledgement (a reminder, then the privacy team), passes on updates and the final report.
 */
export async function breachCustomerNotice(input: BreachNoticeInput): Promise<BreachNoticeOutcome> {
  const { incidentId, customerId, settings } = input;
  const parent = workflowInfo().parent;
  const status: BreachNoticeStatus = { customerId, status: 'notifying', remindersSent: 0, escalated: false };
  const updates: BreachUpdateSignal[] = [];
  let closure: (BreachClosedSignal & { measures: string[] }) | undefined;
  setHandler(noticeStatusQuery, () => status);
  setHandler(noticeAcknowledgedSignal, (ack) => {
    status.acknowledgedAt ??= ack.at;
  });
  setHandler(breachUpdatedSignal, (update) => {
    updates.push(update);
  });
  setHandler(incidentClosedSignal, (signal) => {
    closure ??= signal;
  });

  const show = (label: BreachNoticeStatus['status'], nextDeadline?: number) => {
    status.status = label;
    upsertSearchAttributes([
      { key: searchAttributes.status, value: label },
      { key: searchAttributes.nextDeadline, value: nextDeadline !== undefined ? new Date(nextDeadline) : null },
    ]);
    setCurrentDetails(
      `**Breach ${incidentId}**, customer \`${customerId}\`: ${label}` +
        (status.notifiedAt ? `\n\nnotified at ${status.notifiedAt}` : '') +
        (status.acknowledgedAt ? `, acknowledged at ${status.acknowledgedAt}` : '') +
        (status.contractualDeadlineAt ? `\n\ncontractual notice deadline ${status.contractualDeadlineAt}` : ''),
    );
  };
  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'breach-notice' },
    { key: searchAttributes.customerIds, value: [customerId] },
  ]);

  const outcome = await deliverNotice();
  if (parent) await getExternalWorkflowHandle(parent.workflowId).signal(noticeOutcomeSignal, outcome);
  if (outcome.status === 'undeliverable') {
    show('undeliverable');
    await condition(() => closure !== undefined);
    show('closed');
    return outcome;
  }

  status.notifiedAt = outcome.notifiedAt;
  // The reminders count from the workflow's own clock (deterministic, and the test server's), not from
  // the mail server's acceptance time, which the register keeps as evidence.
  const notifiedAt = Date.now();
  const reminderAt = notifiedAt + hours(settings.acknowledgementReminderAfterHours);
  const escalationAt = notifiedAt + hours(settings.escalationAfterHours);
  for (;;) {
    const update = updates.shift();
    if (update) {
      await sendBreachUpdate({
        incidentId,
        customerId,
        key: update.key,
        update: update.update,
        measures: update.measures,
        ...(update.contained !== undefined && { contained: update.contained }),
        sentAt: update.at,
      });
      continue;
    }
    if (closure) break;
    const waitingForAcknowledgement = !status.acknowledgedAt;
    const nextClock = !waitingForAcknowledgement
      ? undefined
      : status.remindersSent === 0
        ? reminderAt
        : !status.escalated
          ? escalationAt
          : undefined;
    show(status.acknowledgedAt ? 'acknowledged' : 'notified', nextClock);
    const acknowledgedBefore = status.acknowledgedAt;
    const somethingHappened = () => closure !== undefined || updates.length > 0 || status.acknowledgedAt !== acknowledgedBefore;
    if (nextClock === undefined) {
      await condition(somethingHappened);
      continue;
    }
    if (await condition(somethingHappened, Math.max(nextClock - Date.now(), 1))) continue;
    if (status.remindersSent === 0) {
      status.remindersSent = 1;
      await remindCustomerOfBreach({ incidentId, customerId, facts: input.facts, notifiedAt: outcome.notifiedAt, reminderNumber: 1 });
    } else {
      status.escalated = true;
      await alertPrivacyTeam({
        step: 'acknowledgement-overdue',
        alert: {
          kind: 'acknowledgement-overdue',
          incidentId,
          customerId,
          detail: `the customer has not acknowledged the notice sent at ${outcome.notifiedAt}, despite a reminder; call its privacy contact`,
          dueAt: new Date(escalationAt).toISOString(),
        },
      });
    }
  }

  const final = closure!;
  await sendBreachFinalReport({
    incidentId,
    customerId,
    finalReport: final.finalReport,
    measures: final.measures,
    closedAt: final.closedAt,
  });
  show('closed');
  return outcome;

  async function deliverNotice(): Promise<BreachNoticeOutcome> {
    show('notifying');
    const giveUpAt = Date.now() + unknownCustomerGraceMs;
    let wait = 2_000;
    let contractAlertSent = false;
    for (;;) {
      const terms = await breachNoticeTerms({ customerId, awareAt: input.facts.awareAt });
      if (terms.contractualDeadlineAt) status.contractualDeadlineAt = terms.contractualDeadlineAt;
      if (!terms.known && Date.now() < giveUpAt) {
        await sleep(Math.min(wait, giveUpAt - Date.now()), { summary: 'waiting for the customer to be described' });
        wait = Math.min(wait * 2, 60_000);
        continue;
      }
      if (!terms.known) {
        return giveUp('no-customer-record', 'the product has not described this customer (no customer.upserted), so no contact is known');
      }

      // 8.1: the contract's notice deadline is watched while the mail server is retried.
      let settled = false;
      const sending = notifyCustomerOfBreach({ incidentId, customerId, facts: input.facts, noticeAt: nowIso() }).finally(() => {
        settled = true;
      });
      const deadline = status.contractualDeadlineAt ? Date.parse(status.contractualDeadlineAt) : undefined;
      if (deadline !== undefined && !contractAlertSent) {
        const alreadyPassed = deadline <= Date.now();
        const inTime = !alreadyPassed && (await condition(() => settled, deadline - Date.now()));
        if (!inTime) {
          contractAlertSent = true;
          await alertPrivacyTeam({
            step: 'contractual-deadline-at-risk',
            alert: {
              kind: 'contractual-deadline-at-risk',
              incidentId,
              customerId,
              detail: alreadyPassed
                ? 'the contract\'s notice deadline had already passed when the notice could first be sent'
                : 'the notice was not accepted by the mail server before the contract\'s notice deadline; it is still being retried',
              dueAt: status.contractualDeadlineAt!,
            },
          });
        }
      }
      const result = await sending;
      if (result.status === 'notified') {
        return { customerId, status: 'notified', notifiedAt: result.notifiedAt, recipients: result.recipients, undeliverable: result.undeliverable };
      }
      if (result.status === 'undeliverable') return giveUp('notice-undeliverable', result.problem);
      // The customer's record vanished between the two calls: wait for it like a new one.
    }
  }

  async function giveUp(kind: 'no-customer-record' | 'notice-undeliverable', problem: string): Promise<BreachNoticeOutcome> {
    await recordBreachUndeliverable({ incidentId, customerId, problem });
    await alertPrivacyTeam({ step: 'notice-undeliverable', alert: { kind, incidentId, customerId, detail: problem } });
    return { customerId, status: 'undeliverable', problem };
  }
}

function describeIncident(state: BreachStatus): string {
  const customers = Object.values(state.customers);
  const count = (predicate: (customer: (typeof customers)[number]) => boolean) => customers.filter(predicate).length;
  return [
    `**Breach ${state.incidentId}**: ${state.status}${state.contained ? ' (contained)' : ''}`,
    '',
    '| customers | notified | acknowledged | undeliverable | pending |',
    '|---|---|---|---|---|',
    `| ${customers.length} | ${count((c) => c.status === 'notified')} | ${count((c) => 'acknowledgedAt' in c && !!c.acknowledgedAt)} | ` +
      `${count((c) => c.status === 'undeliverable')} | ${count((c) => c.status === 'pending')} |`,
    '',
    `last update to the customers: ${state.lastUpdateAt}` +
      (state.nextStatusUpdateDueAt ? `; next one due by ${state.nextStatusUpdateDueAt}` : ''),
  ].join('\n');
}
