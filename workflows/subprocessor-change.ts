import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ObjectionWindowEmail } from '../activities/subprocessor-change';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import { workflowIds } from '../domain/ids';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import {
  childrenPerRun,
  defaultObjectionWindowSettings,
  judgeObjectionUpdate,
  objectionWindowStatusQuery,
  objectToChangeUpdate,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  refuseJudgment,
  refuseObjection,
  refuseRemedyAnswer,
  refuseRemedyOffer,
  subprocessorChangeStatusQuery,
  type ObjectionWindowInput,
  type ObjectionWindowState,
  type ObjectionWindowStatusLabel,
  type SubprocessorChangeInput,
  type SubprocessorChangeStatus,
} from '../domain/subprocessor-change';
import { emailOptions } from './activity-options';

const { emailObjectionWindowCustomer } = proxyActivities<Activities>(emailOptions);

const days = (count: number) => count * 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `subprocessor-change-<changeId>` (policy 5.1-5.2; Art. 28(2)): the register has been updated (by the
 * webhook, before this starts); every customer concerned gets its own `objection-<changeId>-<customerId>`
 * window, started ABANDON so that it outlives this workflow. Starts them `childrenPerRun` at a time and
 * continues as new carrying only the offset of the next customer and the counts (the id list itself
 * stays in the input: see SubprocessorChangeInput). It does not wait for the windows: it completes when
 * the last one has started, and its query keeps answering on the closed run.
 */
export async function subprocessorChange(input: SubprocessorChangeInput): Promise<SubprocessorChangeStatus> {
  const settings = input.settings ?? defaultObjectionWindowSettings;
  const { change, customerIds } = input;
  const state: SubprocessorChangeStatus = {
    changeId: change.changeId,
    status: 'notifying',
    total: customerIds.length,
    started: input.started ?? 0,
    alreadyRunning: input.alreadyRunning ?? 0,
    nextIndex: input.nextIndex ?? 0,
    runs: (input.runs ?? 0) + 1,
  };
  setHandler(subprocessorChangeStatusQuery, () => state);

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
      ...(customerIds.length > 0 && customerIds.length <= maxCustomerIdsInSearchAttribute
        ? [{ key: searchAttributes.customerIds, value: customerIds }]
        : []),
    ]);
  }
  show();

  const end = Math.min(state.nextIndex + childrenPerRun, customerIds.length);
  await Promise.all(
    customerIds.slice(state.nextIndex, end).map(async (customerId) => {
      try {
        await startChild(customerObjectionWindow, {
          workflowId: workflowIds.objection(change.changeId, customerId),
          args: [{ change, customerId, settings }],
          // A window that has started runs its 30 days even if this workflow is terminated by hand.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          staticSummary: `Subprocessor change ${change.changeId}: objection window of customer ${customerId}`,
        });
        state.started += 1;
      } catch (error) {
        // WorkflowExecutionAlreadyStartedError (from @temporalio/common, which workflows here do not import).
        if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
        state.alreadyRunning += 1;
      }
    }),
  );
  state.nextIndex = end;
  if (end < customerIds.length) {
    await continueAsNew<typeof subprocessorChange>({
      change,
      customerIds,
      settings,
      nextIndex: end,
      started: state.started,
      alreadyRunning: state.alreadyRunning,
      runs: state.runs,
    });
  }
  state.status = 'notified';
  show();
  return state;
}

/**
 * `objection-<changeId>-<customerId>` (policy 5.2-5.4; Art. 28(2)): tells the customer of the change,
 * keeps its window to object open for 30 days from the notice (a reminder 7 days before it closes),
 * records an objection, awaits an operator's judgment, and after a reasonable one gives the processor
 * 30 days from the objection to offer a change; no offer in time, or an offer declined, and the
 * customer is told it may terminate the services affected.
 */
export async function customerObjectionWindow(input: ObjectionWindowInput): Promise<ObjectionWindowState> {
  const { change, customerId } = input;
  const settings = input.settings ?? defaultObjectionWindowSettings;
  // The window counts from the workflow's own clock at the notice (deterministic, and the test server's).
  const noticeMs = Date.now();
  const windowClosesMs = noticeMs + days(settings.objectionWindowDays);
  const state: ObjectionWindowState = {
    changeId: change.changeId,
    customerId,
    status: 'notifying',
    noticeAt: iso(noticeMs),
    windowClosesAt: iso(windowClosesMs),
    reminderSent: false,
    timeline: [],
  };
  const note = (what: string) => state.timeline.push({ at: iso(Date.now()), what });

  // Handlers before the first await: they decide and change the state; the main flow does the I/O.
  setHandler(objectionWindowStatusQuery, () => state);
  setHandler(
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
  setHandler(
    judgeObjectionUpdate,
    ({ reasonable, reason }) => {
      state.judgment = { reasonable, reason, judgedAt: iso(Date.now()) };
      note(`objection judged ${reasonable ? 'reasonable' : 'unreasonable'}: ${reason}`);
      return state;
    },
    { validator: (message) => refuse(refuseJudgment(state, message)) },
  );
  setHandler(
    recordRemedyOfferUpdate,
    ({ offer }) => {
      state.offer = { offer, offeredAt: iso(Date.now()) };
      note(`change offered: ${offer}`);
      return state;
    },
    { validator: (message) => refuse(refuseRemedyOffer(state, message, Date.now())) },
  );
  setHandler(
    recordRemedyAnswerUpdate,
    ({ accepted }) => {
      state.remedyAnswer = { accepted, answeredAt: iso(Date.now()) };
      note(`the customer ${accepted ? 'accepted' : 'declined'} the offer`);
      return state;
    },
    { validator: (message) => refuse(refuseRemedyAnswer(state, message)) },
  );

  function show(label: ObjectionWindowStatusLabel, deadlineMs?: number): void {
    state.status = label;
    upsertSearchAttributes([
      { key: searchAttributes.status, value: label },
      { key: searchAttributes.nextDeadline, value: deadlineMs !== undefined ? new Date(deadlineMs) : null },
    ]);
    setCurrentDetails(
      `**Subprocessor change ${change.changeId}**, customer \`${customerId}\`: ${label}\n\n` +
        `objection window ${state.noticeAt} - ${state.windowClosesAt}` +
        (state.objection ? `\n\nobjection received ${state.objection.receivedAt}` : '') +
        (state.judgment ? `; judged ${state.judgment.reasonable ? 'reasonable' : 'unreasonable'}` : '') +
        (deadlineMs !== undefined ? `\n\nnext deadline ${iso(deadlineMs)}` : ''),
    );
  }
  async function email(message: ObjectionWindowEmail): Promise<CustomerEmailResult> {
    const result = await emailObjectionWindowCustomer({ customerId, change, windowClosesAt: state.windowClosesAt, email: message });
    note(`${message.kind}: ${describeEmail(result)}`);
    return result;
  }
  async function finish(label: ObjectionWindowStatusLabel): Promise<ObjectionWindowState> {
    show(label);
    await condition(allHandlersFinished);
    return state;
  }

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'subprocessor-objection' },
    { key: searchAttributes.customerIds, value: [customerId] },
  ]);
  show('notifying', windowClosesMs);

  const notice = await email({ kind: 'change-notice' });
  if (notice.status !== 'sent' && !state.objection) {
    state.problem = notice.status === 'customer-unknown' ? 'the product has not described this customer (no customer.upserted)' : notice.problem;
    return finish('undeliverable');
  }

  // 5.2: the window, with one reminder before it closes (none once the customer has objected).
  const reminderMs = windowClosesMs - days(settings.reminderDaysBeforeClose);
  let reminderDue = reminderMs > Date.now();
  while (!state.objection && Date.now() < windowClosesMs) {
    show('open', windowClosesMs);
    const wakeAt = reminderDue ? reminderMs : windowClosesMs;
    if (await condition(() => state.objection !== undefined, Math.max(wakeAt - Date.now(), 1))) break;
    if (reminderDue && Date.now() >= reminderMs) {
      reminderDue = false;
      state.reminderSent = true;
      await email({ kind: 'objection-reminder' });
    }
  }
  if (!state.objection) {
    note('the window closed without an objection: the change is accepted');
    return finish('accepted');
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
  const offered = await condition(() => state.offer !== undefined, Math.max(remedyDeadlineMs - Date.now(), 1));
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
    await email({ kind: 'termination-right', why, ...(state.remedyDeadlineAt !== undefined && { remedyDeadlineAt: state.remedyDeadlineAt }) });
    return finish('termination-right');
  }
}

/** A validator's refusal: the caller (webhook 409, operator in the Web UI) reads the reason. */
function refuse(reason: string | undefined): void {
  if (reason !== undefined) throw ApplicationFailure.create({ message: reason, type: 'ObjectionRefused', nonRetryable: true });
}

function describeEmail(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return `undeliverable: ${result.problem}`;
  return 'customer unknown: nobody to email';
}
