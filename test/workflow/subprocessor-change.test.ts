import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { objectionHandlers } from '../../client/webhooks/handlers/objection';
import { takeObjection } from '../../client/webhooks/handlers/subprocessor';
import { workflowIds } from '../../domain/ids';
import type { Language } from '../../domain/language';
import {
  decideOnDeclinedOfferUpdate,
  defaultObjectionWindowSettings,
  judgeObjectionUpdate,
  objectionStatusQuery,
  objectionWindowClosesAt,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  subprocessorChangeStatusQuery,
  type ObjectionState,
  type ObjectionWindow,
  type ObjectionWindowLabel,
  type SubprocessorChangeInput,
  type SubprocessorChangeNotice,
} from '../../domain/subprocessor-change';
import { subprocessorChange, type subprocessorObjection } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { emailAddressesIn, historyText, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { decryptedHistory } from '../support/payload-keys';

const DAY = 24 * 3_600_000;
const MINUTE = 60_000;

const h = useWorkflowHarness();

/** Every workflow a test started here, to be idle before its worker stops (see withChanges). */
const started: WorkflowHandle[] = [];

/**
 * `h.withWorker`, and before the worker stops, waits until no workflow of the test has an activity
 * outstanding: the test server stops skipping time for good once a workflow is terminated with one.
 */
function withChanges(taskQueue: string, fn: () => Promise<void>): Promise<void> {
  return h.withWorker(taskQueue, async () => {
    const settle = () => h.untilAtRest(started.splice(0));
    try {
      await fn();
    } catch (failure) {
      // A failed test still lets its workflows settle (never terminating them: see above), so that the
      // tests after it keep a clock that skips.
      await settle().catch(() => undefined);
      throw failure;
    }
    await settle();
  });
}

function change(changeId: string): SubprocessorChangeNotice {
  return {
    changeId,
    action: 'added',
    subprocessor: { id: `sp-${changeId}`, name: 'CloudMail Inc.', country: 'US', purpose: 'sending transactional email', safeguard: 'scc' },
    transferBasis: 'scc',
    effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
    announcedAt: new Date().toISOString(),
  };
}

/** Records a change for the customers, as the webhook does, and starts its workflow. */
async function announce(
  taskQueue: string,
  changeId: string,
  customerIds: string[],
  options: Pick<SubprocessorChangeInput, 'settings' | 'batching'> = {},
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof subprocessorChange>> {
  const notice = change(changeId);
  const recorded = await h.records.subprocessors.recordChange({ ...notice, customerIds });
  const handle = await h.env.client.workflow.start(subprocessorChange, {
    workflowId: h.endsWithWorker(workflowIds.subprocessorChange(changeId)),
    taskQueue,
    args: [{ change: notice, recipients: recorded.recipients, ...options }],
  });
  started.push(handle);
  return handle;
}

async function windowOf(changeId: string, customerId: string): Promise<ObjectionWindow> {
  return (await h.records.objectionWindows.get(changeId, customerId))!;
}

/** Waits (in real time) until the customer's window is in `state`, and gives it back. */
async function windowIn(changeId: string, customerId: string, state: ObjectionWindowLabel): Promise<ObjectionWindow> {
  return h.waitFor(
    async () => {
      const window = await windowOf(changeId, customerId);
      return window.state === state && window;
    },
    { what: `the window of ${customerId} for ${changeId} ${state}` },
  );
}

let deliveries = 0;
/** A `subprocessor.objected` as the webhook endpoint takes it, on the test server's clock. */
async function object(taskQueue: string, changeId: string, customerId: string, reasons: string, receivedAt?: string) {
  const answer = await takeObjection(
    { client: h.env.client, records: h.records, webhookId: `msg_test_${(deliveries += 1)}`, queue: taskQueue },
    { changeId, customerId, reasons, receivedAt: receivedAt ?? (await h.serverNow()) },
    await h.env.currentTimeMs(),
  );
  if (answer.statusCode === 202)
    started.push(h.env.client.workflow.getHandle(h.endsWithWorker(workflowIds.objection(changeId, customerId))));
  return answer;
}

const refusalOf = (answer: Awaited<ReturnType<typeof object>>) =>
  answer.statusCode === 409 ? answer.body.error : `answered ${answer.statusCode}`;

function objectionOf(changeId: string, customerId: string): WorkflowHandle<typeof subprocessorObjection> {
  return h.env.client.workflow.getHandle(workflowIds.objection(changeId, customerId));
}

async function objectionState(changeId: string, customerId: string): Promise<ObjectionState> {
  return objectionOf(changeId, customerId).query(objectionStatusQuery);
}

async function objectionIn(changeId: string, customerId: string, status: ObjectionState['status']): Promise<ObjectionState> {
  return h.waitFor(async () => {
    const state = await objectionState(changeId, customerId).catch(() => undefined);
    return state?.status === status && state;
  });
}

/** The emails sent under a customer's id (`objection-<changeId>~<customerId>`), as their steps. */
async function stepsOf(workflowId: string): Promise<string[]> {
  return (await h.mailOf(workflowId)).map((m) => m.headers['x-dpa-step']!);
}

/** The privacy team's alerts of one workflow. */
async function alertsOf(workflowId: string) {
  return (await h.mailOf(workflowId)).filter((m) => m.envelope.to.includes(privacyTeam));
}

/**
 * A customer's window opened and its objection taken, with its own workflow running and the privacy
 * team told of it (so that the emails after it come in a known order).
 */
async function objected(taskQueue: string, changeId: string, customerId: string): Promise<WorkflowHandle<typeof subprocessorObjection>> {
  await announce(taskQueue, changeId, [customerId]);
  await windowIn(changeId, customerId, 'open');
  expect((await object(taskQueue, changeId, customerId, 'The data would leave the EEA.')).statusCode).toBe(202);
  await objectionIn(changeId, customerId, 'objected');
  await h.waitFor(async () => (await stepsOf(workflowIds.objection(changeId, customerId))).includes('alert-objection-received'));
  return objectionOf(changeId, customerId);
}

/** A delivery stamped and received now, on the test server's clock. */
async function receivedNow(): Promise<{ timestamp: string; receivedAt: string }> {
  const now = await h.serverNow();
  return { timestamp: now, receivedAt: now };
}

/** The product's `subprocessor.remedy-answered`, as the webhook endpoint hands it on, on the test server's clock. */
async function answerOffer(changeId: string, customerId: string, answer: { accepted: boolean; reason?: string }, webhookId: string) {
  return objectionHandlers['subprocessor.remedy-answered']!(
    { client: h.env.client, records: h.records, webhookId, ...(await receivedNow()) },
    { changeId, customerId, ...answer },
  );
}

/** The product's `subprocessor.services-terminated`, as the webhook endpoint hands it on. */
async function terminateServices(changeId: string, customerId: string, services: string[]) {
  return objectionHandlers['subprocessor.services-terminated']!(
    { client: h.env.client, records: h.records, webhookId: `msg_test_${(deliveries += 1)}`, ...(await receivedNow()) },
    { changeId, customerId, services },
  );
}

describe("the change owns every customer's window (5.2)", () => {
  test('without an objection: a notice, a reminder 7 days before the close, then accepted at the end of day 30; no other workflow', async () => {
    await h.customer('quiet', { language: 'nl' });
    const taskQueue = 'spc-quiet';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-Q', ['quiet']);
      const id = workflowIds.objection('CHG-Q', 'quiet');
      const open = await windowIn('CHG-Q', 'quiet', 'open');
      expect(open.closesAt).toBe(objectionWindowClosesAt(open.noticeAcceptedAt!, 'Europe/Brussels', 30));
      expect(Date.parse(open.reminderAt!)).toBe(Date.parse(open.closesAt!) - 7 * DAY);
      expect(await stepsOf(id)).toEqual(['change-notice']);
      const [notice] = await h.mailOf(id);
      expect(notice!.subject).toMatch(/^\[Subverwerkers\]/);
      expect(notice!.text).toContain('standaardcontractbepalingen');
      // The notice states the window's last minute, on the customer's calendar.
      expect(notice!.text).toContain('23:59');
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'open');
      expect(await handle.query(subprocessorChangeStatusQuery)).toMatchObject({
        counts: { total: 1, notified: 1, open: 1, objected: 0, accepted: 0, undeliverable: 0 },
        nextDeadline: open.reminderAt,
      });
      await h.waitFor(async () => (await handle.describe()).searchAttributes['DpaOpenWindows']?.[0] === 1);
      expect((await handle.describe()).searchAttributes).toMatchObject({
        DpaProcess: ['subprocessor-change'],
        DpaStatus: ['open'],
        DpaOpenWindows: [1],
        DpaObjections: [0],
        DpaNextDeadline: [new Date(open.reminderAt!)],
      });
      const details = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(details.currentDetails).toContain('1 notified, 1 open, 0 objected, 0 accepted, 0 undeliverable');

      await h.skipTo(new Date(Date.parse(open.reminderAt!) - MINUTE).toISOString());
      expect(await stepsOf(id)).toEqual(['change-notice']);
      await h.skipTo(new Date(Date.parse(open.reminderAt!) + MINUTE).toISOString());
      await h.waitFor(async () => (await stepsOf(id)).length === 2);
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);
      expect((await windowOf('CHG-Q', 'quiet')).remindedAt).not.toBeNull();

      await h.skipTo(new Date(Date.parse(open.closesAt!) - MINUTE).toISOString());
      expect((await windowOf('CHG-Q', 'quiet')).state).toBe('open');
      await h.skipTo(new Date(Date.parse(open.closesAt!) + MINUTE).toISOString());
      await windowIn('CHG-Q', 'quiet', 'accepted');
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'closed');
      expect((await handle.query(subprocessorChangeStatusQuery)).counts).toMatchObject({ open: 0, accepted: 1 });
      // A week more for an objection received in time and delivered late, then the change ends.
      await h.skipTo(new Date(Date.parse(open.closesAt!) + 7 * DAY + MINUTE).toISOString());
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);
      // Nothing happened for this customer, so no workflow of its own was ever started.
      await expect(objectionOf('CHG-Q', 'quiet').describe()).rejects.toThrow();
    });
  });

  test('an objection on day 5 starts its own workflow; its window is objected and gets no reminder; a second objection is refused', async () => {
    await h.customer('early');
    const taskQueue = 'spc-early';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-E', ['early']);
      const open = await windowIn('CHG-E', 'early', 'open');
      await h.skipTo(new Date(Date.parse(open.noticeAcceptedAt!) + 5 * DAY).toISOString());
      const receivedAt = await h.serverNow();
      const answer = await object(taskQueue, 'CHG-E', 'early', 'The data would leave the EEA.', receivedAt);
      expect(answer).toEqual({ statusCode: 202, body: { workflowId: workflowIds.objection('CHG-E', 'early') } });
      const state = await objectionIn('CHG-E', 'early', 'objected');
      expect(state.objection).toMatchObject({ reasons: 'The data would leave the EEA.', receivedAt });
      expect(Date.parse(state.remedyDeadlineAt!) - Date.parse(receivedAt)).toBe(30 * DAY);
      expect(state).toMatchObject({ noticeAt: open.noticeAcceptedAt, windowClosesAt: open.closesAt });
      expect((await objectionOf('CHG-E', 'early').describe()).searchAttributes).toMatchObject({
        DpaProcess: ['subprocessor-objection'],
        DpaStatus: ['objected'],
        DpaCustomerIds: ['early'],
        DpaNextDeadline: [new Date(state.remedyDeadlineAt!)],
      });
      expect(await windowOf('CHG-E', 'early')).toMatchObject({ state: 'objected', objection: { receivedAt } });
      expect(refusalOf(await object(taskQueue, 'CHG-E', 'early', 'again'))).toContain('already objected');
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).counts.objected === 1);
      await h.waitFor(async () => (await handle.describe()).searchAttributes['DpaObjections']?.[0] === 1);

      await h.skipTo(new Date(Date.parse(open.closesAt!) + MINUTE).toISOString());
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'closed');
      // No reminder of the window; the privacy team heard of the objection, and of nobody judging it since.
      expect(await stepsOf(workflowIds.objection('CHG-E', 'early'))).toEqual([
        'change-notice',
        'alert-objection-received',
        'alert-objection-unjudged~1',
        'alert-objection-unjudged~2',
        'alert-objection-unjudged~3',
        'alert-remedy-deadline-near',
      ]);
      expect((await windowOf('CHG-E', 'early')).remindedAt).toBeNull();
    });
  });

  test('the same delivery again, after Temporal could not be reached, starts the objection the records already hold', async () => {
    await h.customer('retried');
    const taskQueue = 'spc-retried';
    await withChanges(taskQueue, async () => {
      await announce(taskQueue, 'CHG-RETRY', ['retried']);
      await windowIn('CHG-RETRY', 'retried', 'open');
      const receivedAt = await h.serverNow();
      // The first delivery wrote the objection into the window, then Temporal was away (503): nothing started.
      expect(await h.records.objectionWindows.object('CHG-RETRY', 'retried', 'open', { receivedAt, webhookId: 'msg_retried' })).toBe(true);
      await expect(objectionOf('CHG-RETRY', 'retried').describe()).rejects.toThrow();
      const answer = await takeObjection(
        { client: h.env.client, records: h.records, webhookId: 'msg_retried', queue: taskQueue },
        { changeId: 'CHG-RETRY', customerId: 'retried', reasons: 'Sent once.', receivedAt },
        await h.env.currentTimeMs(),
      );
      expect(answer).toEqual({ statusCode: 202, body: { workflowId: workflowIds.objection('CHG-RETRY', 'retried') } });
      started.push(objectionOf('CHG-RETRY', 'retried'));
      h.endsWithWorker(workflowIds.objection('CHG-RETRY', 'retried'));
      const state = await objectionIn('CHG-RETRY', 'retried', 'objected');
      expect(state.objection).toMatchObject({ reasons: 'Sent once.', receivedAt, webhookId: 'msg_retried' });
      // Another delivery is a second objection.
      expect(refusalOf(await object(taskQueue, 'CHG-RETRY', 'retried', 'Again.'))).toContain('already objected');
    });
  });

  test('an objection received after the close is refused: one dated after it while the window is open, and one on day 31', async () => {
    await h.customer('day31');
    const taskQueue = 'spc-day31';
    await withChanges(taskQueue, async () => {
      await announce(taskQueue, 'CHG-31', ['day31']);
      const open = await windowIn('CHG-31', 'day31', 'open');
      const afterClose = new Date(Date.parse(open.closesAt!) + MINUTE).toISOString();
      expect(refusalOf(await object(taskQueue, 'CHG-31', 'day31', 'late', afterClose))).toContain('too late');
      await h.skipTo(new Date(Date.parse(open.noticeAcceptedAt!) + 31 * DAY).toISOString());
      await windowIn('CHG-31', 'day31', 'accepted');
      expect(refusalOf(await object(taskQueue, 'CHG-31', 'day31', 'late'))).toContain('too late');
      expect((await windowOf('CHG-31', 'day31')).objection).toBeNull();
    });
  });

  test('an objection without reasons is refused', async () => {
    await h.customer('no-reasons');
    const taskQueue = 'spc-no-reasons';
    await withChanges(taskQueue, async () => {
      await announce(taskQueue, 'CHG-EMPTY', ['no-reasons']);
      await windowIn('CHG-EMPTY', 'no-reasons', 'open');
      expect(refusalOf(await object(taskQueue, 'CHG-EMPTY', 'no-reasons', '   '))).toContain('reasons is empty');
    });
  });

  test('an objection received before the close but delivered after it is taken for a week; then the change ends and refuses it', async () => {
    await h.customer('delayed');
    await h.customer('delayed-none');
    const taskQueue = 'spc-delayed';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-DELAYED', ['delayed', 'delayed-none']);
      const open = await windowIn('CHG-DELAYED', 'delayed', 'open');
      await windowIn('CHG-DELAYED', 'delayed-none', 'open');
      const closesMs = Date.parse(open.closesAt!);
      await h.skipTo(new Date(closesMs + 2 * DAY).toISOString());
      await windowIn('CHG-DELAYED', 'delayed', 'accepted');
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // Received after the close: too late, however it arrives.
      const late = new Date(closesMs + MINUTE).toISOString();
      expect(refusalOf(await object(taskQueue, 'CHG-DELAYED', 'delayed', 'Late.', late))).toContain('too late');
      // Received a day before the close, delivered two days after it: taken, with 30 days for a remedy from its receipt.
      const receivedAt = new Date(closesMs - DAY).toISOString();
      expect((await object(taskQueue, 'CHG-DELAYED', 'delayed', 'Sent in time; your endpoint was down.', receivedAt)).statusCode).toBe(202);
      const state = await objectionIn('CHG-DELAYED', 'delayed', 'objected');
      expect(Date.parse(state.remedyDeadlineAt!) - Date.parse(receivedAt)).toBe(30 * DAY);
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).counts.objected === 1);
      expect((await handle.query(subprocessorChangeStatusQuery)).counts).toMatchObject({ accepted: 1, objected: 1 });

      // A week after the close the change ends; the other window refuses even an objection received in time.
      await h.skipTo(new Date(closesMs + 7 * DAY + MINUTE).toISOString());
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      expect(refusalOf(await object(taskQueue, 'CHG-DELAYED', 'delayed-none', 'Received in time.', receivedAt))).toBe(
        'the objection window for change CHG-DELAYED is closed (accepted)',
      );
    });
  });
});

describe('a customer that cannot be told (5.2)', () => {
  test('a customer described 2 minutes after the change, behind more unknown ones than a batch holds: its notice goes then, and the window counts from it', async () => {
    const taskQueue = 'spc-latecomer';
    // Three customers nobody describes come first, and a batch holds two: the retries still reach the fourth.
    const unknown = ['late-unknown-1', 'late-unknown-2', 'late-unknown-3'];
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-LATE', [...unknown, 'latecomer'], {
        batching: { windowsPerBatch: 2, batchesPerRun: 10 },
      });
      const startedMs = (await handle.describe()).startTime.getTime();
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).counts.notifying === 4);
      expect((await windowOf('CHG-LATE', 'latecomer')).state).toBe('notifying');

      await h.env.sleep(2 * MINUTE);
      await h.customer('latecomer');
      // The tries come at growing pauses (2 s doubling to 60 s): one of them within the next 2.5 minutes.
      await h.env.sleep(2.5 * MINUTE);
      const open = await windowIn('CHG-LATE', 'latecomer', 'open');
      const noticeMs = Date.parse(open.noticeAcceptedAt!);
      expect(noticeMs - startedMs).toBeGreaterThanOrEqual(2 * MINUTE);
      expect(noticeMs - startedMs).toBeLessThan(5 * MINUTE);
      expect(open.closesAt).toBe(objectionWindowClosesAt(open.noticeAcceptedAt!, 'Europe/Brussels', 30));
      expect(await stepsOf(workflowIds.objection('CHG-LATE', 'latecomer'))).toEqual(['change-notice']);
      // The grace of 5 minutes ends for the others.
      await h.env.sleep(MINUTE);
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'open');
      // The three never described are given up after the grace, each with its alert; the latecomer has none.
      for (const customerId of unknown) expect((await windowOf('CHG-LATE', customerId)).state).toBe('undeliverable');
      await h.waitFor(async () => (await alertsOf(handle.workflowId)).length === unknown.length);
      const alerted = (await alertsOf(handle.workflowId)).map((alert) => alert.headers['x-dpa-step']);
      expect(alerted.sort()).toEqual(unknown.map((customerId) => `alert-no-customer-record~${customerId}`).sort());
    });
  });

  test('a customer never described: after the 5-minute grace the privacy team gets one alert, and the window is undeliverable', async () => {
    const taskQueue = 'spc-never';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-NEVER', ['never-described']);
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).counts.notifying === 1);
      await h.env.sleep(4.5 * MINUTE);
      expect((await windowOf('CHG-NEVER', 'never-described')).state).toBe('notifying');
      expect(await alertsOf(handle.workflowId)).toEqual([]);

      await h.env.sleep(MINUTE);
      const window = await windowIn('CHG-NEVER', 'never-described', 'undeliverable');
      expect(window.noticeAcceptedAt).toBeNull();
      expect(window.problem).toContain('no customer.upserted');
      const [alert, ...others] = await h.waitForMailOf(handle.workflowId, 1);
      expect(others).toEqual([]);
      expect(alert!.envelope.to).toEqual([privacyTeam]);
      expect(alert!.headers['x-dpa-step']).toBe('alert-no-customer-record~never-described');
      expect(alert!.subject).toMatch(/^\[Privacy team\] .*CHG-NEVER.*never-described/);
      for (const part of ['CHG-NEVER', 'never-described', handle.workflowId, 'no customer.upserted', 'another channel']) {
        expect(alert!.text).toContain(part);
      }
      expect(refusalOf(await object(taskQueue, 'CHG-NEVER', 'never-described', 'Heard of it elsewhere.'))).toBe(
        'the objection window for change CHG-NEVER is closed (undeliverable)',
      );
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).counts.undeliverable === 1);
    });
  });

  test('every contact refuses the notice: the privacy team is alerted at once; no address enters the history', async () => {
    const contacts = ['dpo@bounced.test', 'legal@bounced.test'];
    for (const address of contacts) h.refused.add(address);
    await h.customer('bounced', { language: 'fr', emails: contacts });
    const taskQueue = 'spc-bounced';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-BOUNCE', ['bounced']);
      const window = await windowIn('CHG-BOUNCE', 'bounced', 'undeliverable');
      expect(window.problem).toContain('2 refused');
      const [alert] = await h.waitForMailOf(handle.workflowId, 1);
      expect(alert!.headers['x-dpa-step']).toBe('alert-notice-undeliverable~bounced');
      expect(alert!.subject).toContain('could not be delivered');
      for (const part of ['CHG-BOUNCE', 'bounced', '550', 'another channel']) expect(alert!.text).toContain(part);
      // The customer got nothing.
      expect(await stepsOf(workflowIds.objection('CHG-BOUNCE', 'bounced'))).toEqual([]);
      const history = await historyText(h.env, handle.workflowId);
      expect(history).toContain('"customerId":"bounced"');
      expect(history).toContain('2 refused');
      expect(emailAddressesIn(history)).toEqual([]);
    });
  });

  test('a reminder no contact accepts: the privacy team is alerted, and the window stays open', async () => {
    await h.customer('moved-early');
    const taskQueue = 'spc-moved-early';
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-REM', ['moved-early']);
      const open = await windowIn('CHG-REM', 'moved-early', 'open');
      h.refused.add('dpo@moved-early.test');
      try {
        await h.skipTo(new Date(Date.parse(open.reminderAt!) + MINUTE).toISOString());
        const [alert] = await h.waitForMailOf(handle.workflowId, 1);
        expect(alert!.headers['x-dpa-step']).toBe('alert-reminder-undeliverable~moved-early');
        expect((await windowOf('CHG-REM', 'moved-early')).state).toBe('open');
      } finally {
        h.refused.delete('dpo@moved-early.test');
      }
    });
  });
});

describe('after an objection: its own workflow (5.3-5.4)', () => {
  test('the team is told at once, with the remedy deadline; judged unreasonable, the customer is told why; judging again is refused', async () => {
    await h.customer('unreason', { language: 'fr' });
    const taskQueue = 'spc-unreason';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-U', 'unreason');
      const id = workflowIds.objection('CHG-U', 'unreason');
      const { remedyDeadlineAt } = await objectionState('CHG-U', 'unreason');
      const [arrival] = await alertsOf(id);
      expect(arrival!.subject).toMatch(/^\[Privacy team\] A customer objected to a subprocessor change .*CHG-U.*unreason/);
      for (const part of [remedyDeadlineAt!, 'judgeObjection', 'terminate']) expect(arrival!.text).toContain(part);
      await handle.executeUpdate(judgeObjectionUpdate, {
        args: [{ reasonable: false, reason: 'Le fournisseur est certifié et lié par les clauses types.' }],
      });
      expect(
        await h.refusal(handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'second thoughts' }] })),
      ).toContain('already judged');
      await objectionIn('CHG-U', 'unreason', 'objection-rejected');
      await h.waitFor(async () => (await windowOf('CHG-U', 'unreason')).outcome?.status === 'objection-rejected');
      expect(await stepsOf(id)).toEqual(['change-notice', 'alert-objection-received', 'objection-rejected']);
      const rejection = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'objection-rejected');
      expect(rejection!.text).toContain('Le fournisseur est certifié et lié par les clauses types.');
    });
  });

  test('nobody judges it: reminders on days 7, 14 and 21, a warning on day 23, and on day 30 the customer may terminate; a judgment then is refused', async () => {
    await h.customer('unjudged', { language: 'nl' });
    const taskQueue = 'spc-unjudged';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-UNJ', 'unjudged');
      const id = workflowIds.objection('CHG-UNJ', 'unjudged');
      const { objection, remedyDeadlineAt } = await objectionState('CHG-UNJ', 'unjudged');
      const from = Date.parse(objection!.recordedAt);
      const at = (days: number, minutes = 1) => new Date(from + days * DAY + minutes * MINUTE).toISOString();
      for (const [day, step] of [
        [7, 'alert-objection-unjudged~1'],
        [14, 'alert-objection-unjudged~2'],
        [21, 'alert-objection-unjudged~3'],
        [23, 'alert-remedy-deadline-near'],
      ] as const) {
        await h.skipTo(at(day, -1));
        expect(await stepsOf(id)).not.toContain(step);
        await h.skipTo(at(day));
        await h.waitFor(async () => (await stepsOf(id)).includes(step), { what: step });
      }
      const warning = (await alertsOf(id)).find((m) => m.headers['x-dpa-step'] === 'alert-remedy-deadline-near');
      for (const part of [remedyDeadlineAt!, 'recordRemedyOffer']) expect(warning!.text).toContain(part);
      await h.skipTo(new Date(Date.parse(remedyDeadlineAt!) - MINUTE).toISOString());
      expect((await objectionState('CHG-UNJ', 'unjudged')).status).toBe('objected');

      // Not judged within the 30 days: the objection was not found unreasonable (5.3).
      await h.skipTo(new Date(Date.parse(remedyDeadlineAt!) + MINUTE).toISOString());
      const right = await objectionIn('CHG-UNJ', 'unjudged', 'termination-right');
      expect(right.terminationRight).toMatchObject({ why: 'not-judged' });
      await h.waitFor(async () => (await stepsOf(id)).length === 8);
      expect([...(await stepsOf(id))].sort()).toEqual(
        [
          'change-notice',
          'alert-objection-received',
          'alert-objection-unjudged~1',
          'alert-objection-unjudged~2',
          'alert-objection-unjudged~3',
          'alert-remedy-deadline-near',
          'alert-termination-right-granted',
          'termination-right',
        ].sort(),
      );
      const letter = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'termination-right');
      for (const part of ['niet binnen 30 dagen', 'sending transactional email', '5.4']) expect(letter!.text).toContain(part);
      expect(await h.refusal(handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: false, reason: 'Late.' }] }))).toContain(
        'may terminate',
      );
      expect((await handle.describe()).searchAttributes).toMatchObject({
        DpaStatus: ['termination-right'],
        DpaNextDeadline: [new Date(right.terminationRight!.noticeAwaitedUntil)],
      });

      // No notice of termination within the reasonable time: the objection ends with the right unused.
      await h.skipTo(new Date(Date.parse(right.terminationRight!.noticeAwaitedUntil) + MINUTE).toISOString());
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      expect((await windowOf('CHG-UNJ', 'unjudged')).outcome).toMatchObject({ status: 'termination-right' });
    });
  });

  test('a later email no contact accepts: the privacy team is alerted once per kind, and the objection goes on', async () => {
    await h.customer('moved-away', { language: 'nl' });
    const taskQueue = 'spc-moved-away';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-MOVED', 'moved-away');
      const id = workflowIds.objection('CHG-MOVED', 'moved-away');
      // The notice reached the customer; its contact's mailbox is closed from then on.
      h.refused.add('dpo@moved-away.test');
      try {
        await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would leave the EEA.' }] });
        await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your data stays with our EU provider.' }] });
        await h.waitFor(async () => (await stepsOf(id)).includes('alert-offer-undeliverable'));
        const state = await objectionState('CHG-MOVED', 'moved-away');
        expect(state.status).toBe('offer-made');
        expect(state.privacyTeamAlerts.filter((alert) => alert.kind === 'offer-undeliverable')).toEqual([
          expect.objectContaining({ step: 'alert-offer-undeliverable', delivered: true }),
        ]);
        const [alert] = (await alertsOf(id)).filter((m) => m.headers['x-dpa-step'] === 'alert-offer-undeliverable');
        expect(alert!.subject).toMatch(/^\[Privacy team\] Offer of a change could not be delivered .*CHG-MOVED.*moved-away/);
        for (const part of ['550', 'Send the offer by another channel', 'recordRemedyAnswer']) expect(alert!.text).toContain(part);
        expect(emailAddressesIn(alert!.text)).not.toContain('dpo@moved-away.test');

        // Declined: the team decides, here for the right to terminate; that letter reaches nobody either.
        await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: false }] });
        await objectionIn('CHG-MOVED', 'moved-away', 'offer-declined');
        await handle.executeUpdate(decideOnDeclinedOfferUpdate, {
          args: [{ decision: 'termination-right', reason: 'No other provider.' }],
        });
        await h.waitFor(async () => (await stepsOf(id)).includes('alert-termination-right-undeliverable'));
        expect((await objectionState('CHG-MOVED', 'moved-away')).status).toBe('termination-right');
        expect(await stepsOf(id)).toEqual([
          'change-notice',
          'alert-objection-received',
          'alert-offer-undeliverable',
          'alert-offer-declined~1',
          'alert-termination-right-undeliverable',
        ]);
      } finally {
        h.refused.delete('dpo@moved-away.test');
      }
    });
  });

  test('judged reasonable and remedied on day 20: the offer is sent and accepted', async () => {
    await h.customer('remedied');
    const taskQueue = 'spc-remedied';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-R', 'remedied');
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would go to the US.' }] });
      const pending = await objectionIn('CHG-R', 'remedied', 'remedy-pending');
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaNextDeadline: [new Date(pending.remedyDeadlineAt!)] });
      expect(await h.refusal(handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] }))).toContain('no offer');
      expect(
        await h.refusal(handle.executeUpdate(decideOnDeclinedOfferUpdate, { args: [{ decision: 'offer-stands', reason: 'Too early.' }] })),
      ).toContain('no declined offer');
      await h.env.sleep(20 * DAY);
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your email keeps going through our EU provider.' }] });
      await objectionIn('CHG-R', 'remedied', 'offer-made');
      expect(await h.refusal(handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Another.' }] }))).toContain(
        "awaits the customer's answer",
      );
      await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] });
      await objectionIn('CHG-R', 'remedied', 'remedied');
      expect(await stepsOf(workflowIds.objection('CHG-R', 'remedied'))).toEqual([
        'change-notice',
        'alert-objection-received',
        'remedy-offer',
      ]);
    });
  });

  test('judged reasonable and left past day 30: a warning on day 23, then the right to terminate; the notice of termination by webhook ends it', async () => {
    await h.customer('lapsed', { language: 'nl' });
    const taskQueue = 'spc-lapsed';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-L', 'lapsed');
      const id = workflowIds.objection('CHG-L', 'lapsed');
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      const pending = await objectionIn('CHG-L', 'lapsed', 'remedy-pending');
      await h.skipTo(new Date(Date.parse(pending.remedyDeadlineAt!) - 0.1 * DAY).toISOString());
      expect((await objectionState('CHG-L', 'lapsed')).status).toBe('remedy-pending');
      expect(await stepsOf(id)).toEqual(['change-notice', 'alert-objection-received', 'alert-remedy-deadline-near']);
      await h.skipTo(new Date(Date.parse(pending.remedyDeadlineAt!) + 0.1 * DAY).toISOString());
      const ended = await objectionIn('CHG-L', 'lapsed', 'termination-right');
      expect(ended.terminationRight).toMatchObject({ why: 'no-offer' });
      await h.waitFor(async () => (await stepsOf(id)).length === 5);
      expect(new Set(await stepsOf(id))).toEqual(
        new Set([
          'change-notice',
          'alert-objection-received',
          'alert-remedy-deadline-near',
          'alert-termination-right-granted',
          'termination-right',
        ]),
      );
      expect(ended.terminableServices).toBe('sending transactional email');
      const letter = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'termination-right');
      expect(letter!.text).toContain('sending transactional email');
      expect(letter!.text).toContain('5.4');
      // The right is granted: an offer now is refused with the reason.
      expect(await h.refusal(handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Too late.' }] }))).toContain('may terminate');

      // Ten days later the product reports the customer's written notice (5.3).
      await h.env.sleep(10 * DAY);
      const terminated = await terminateServices('CHG-L', 'lapsed', ['transactional email', 'newsletters']);
      expect(terminated).toEqual({ statusCode: 202, body: { workflowId: id } });
      const final = await objectionIn('CHG-L', 'lapsed', 'services-terminated');
      expect(final.servicesTerminated).toMatchObject({ services: ['transactional email', 'newsletters'] });
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      expect((await windowOf('CHG-L', 'lapsed')).outcome).toEqual({
        status: 'services-terminated',
        endedAt: expect.any(String),
        servicesTerminated: { services: ['transactional email', 'newsletters'], receivedAt: final.servicesTerminated!.receivedAt },
      });
      const [news] = (await alertsOf(id)).filter((m) => m.headers['x-dpa-step'] === 'alert-services-terminated');
      for (const part of ['transactional email; newsletters', 'termination-right']) expect(news!.text).toContain(part);
      // The objection has ended: the same notice again is refused, and says why.
      const again = await terminateServices('CHG-L', 'lapsed', ['transactional email']);
      expect(again.statusCode).toBe(409);
    });
  });

  test('an offer left unanswered is brought to the customer on days 7, 14 and 21, then the team is told; the product answers it', async () => {
    await h.customer('silent', { language: 'fr' });
    const taskQueue = 'spc-silent';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-SILENT', 'silent');
      const id = workflowIds.objection('CHG-SILENT', 'silent');
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      const { offer } = await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Un relais de courriel en Belgique.' }] });
      const from = Date.parse(offer!.offeredAt);
      for (const [day, step] of [
        [7, 'offer-reminder~1.1'],
        [14, 'offer-reminder~1.2'],
        [21, 'offer-reminder~1.3'],
        [28, 'alert-offer-unanswered~1'],
      ] as const) {
        await h.skipTo(new Date(from + day * DAY - MINUTE).toISOString());
        expect(await stepsOf(id)).not.toContain(step);
        await h.skipTo(new Date(from + day * DAY + MINUTE).toISOString());
        await h.waitFor(async () => (await stepsOf(id)).includes(step), { what: step });
      }
      const reminder = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'offer-reminder~1.1');
      expect(reminder!.subject).toMatch(/^\[Sous-traitants ultérieurs\] Rappel/);
      expect(reminder!.text).toContain('Un relais de courriel en Belgique.');
      expect((await objectionState('CHG-SILENT', 'silent')).offerReminders).toBe(3);

      // The product reports the customer's answer; the same delivery again changes nothing.
      const answer = { accepted: true, reason: 'Le relais belge nous convient.' };
      expect(await answerOffer('CHG-SILENT', 'silent', answer, 'msg_silent_answer')).toEqual({ statusCode: 202, body: { workflowId: id } });
      const remedied = await objectionIn('CHG-SILENT', 'silent', 'remedied');
      expect(remedied.remedyAnswer).toMatchObject({
        accepted: true,
        reason: 'Le relais belge nous convient.',
        webhookId: 'msg_silent_answer',
      });
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      expect((await answerOffer('CHG-SILENT', 'silent', { accepted: false }, 'msg_silent_other')).statusCode).toBe(409);
      expect((await windowOf('CHG-SILENT', 'silent')).outcome).toMatchObject({ status: 'remedied' });
    });
  });

  test('a declined offer grants nothing by itself: the team is reminded weekly, offers again, and after a second refusal decides that the offer stands', async () => {
    await h.customer('declined');
    const taskQueue = 'spc-declined';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-D', 'declined');
      const id = workflowIds.objection('CHG-D', 'declined');
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'A discount.' }] });
      await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: false }] });
      const declined = await objectionIn('CHG-D', 'declined', 'offer-declined');
      expect(declined.terminationRight).toBeUndefined();
      await h.waitFor(async () => (await stepsOf(id)).includes('alert-offer-declined~1'));
      const [alert] = (await alertsOf(id)).filter((m) => m.headers['x-dpa-step'] === 'alert-offer-declined~1');
      for (const part of ['does not by itself give the customer the right', 'decideOnDeclinedOffer']) expect(alert!.text).toContain(part);

      await h.skipTo(new Date(Date.parse(declined.remedyAnswer!.answeredAt) + 7 * DAY + MINUTE).toISOString());
      await h.waitFor(async () => (await stepsOf(id)).includes('alert-offer-declined~1.1'));
      expect((await objectionState('CHG-D', 'declined')).status).toBe('offer-declined');

      // Another offer within the 30 days; the product reports that the customer declines it too, with its reason.
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your mail through our Belgian relay.' }] });
      await h.waitFor(async () => (await stepsOf(id)).includes('remedy-offer~2'));
      expect(
        (await answerOffer('CHG-D', 'declined', { accepted: false, reason: 'We want no relay at all.' }, 'msg_declined_2')).statusCode,
      ).toBe(202);
      const again = await objectionIn('CHG-D', 'declined', 'offer-declined');
      expect(again.earlierOffers).toEqual([
        expect.objectContaining({ offer: 'A discount.', answer: expect.objectContaining({ accepted: false }) }),
      ]);
      expect(again.remedyAnswer).toMatchObject({ accepted: false, reason: 'We want no relay at all.' });
      await h.waitFor(async () => (await stepsOf(id)).includes('alert-offer-declined~2'));

      await handle.executeUpdate(decideOnDeclinedOfferUpdate, {
        args: [{ decision: 'offer-stands', reason: 'The Belgian relay keeps the new subprocessor out of your mail entirely.' }],
      });
      await objectionIn('CHG-D', 'declined', 'offer-stands');
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      const standing = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'offer-stands');
      expect(standing!.text).toContain('The Belgian relay keeps the new subprocessor out of your mail entirely.');
      expect(await stepsOf(id)).not.toContain('termination-right');
      expect((await windowOf('CHG-D', 'declined')).outcome).toMatchObject({ status: 'offer-stands' });
    });
  });

  test('a refusal of the offer stamped a year ago brings the team one alert now, not a year of reminders at once', async () => {
    await h.customer('stale-answer');
    const taskQueue = 'spc-stale-answer';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-STALE', 'stale-answer');
      const id = workflowIds.objection('CHG-STALE', 'stale-answer');
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'A Belgian relay.' }] });
      const yearAgo = new Date((await h.env.currentTimeMs()) - 365 * DAY).toISOString();
      const answer = await objectionHandlers['subprocessor.remedy-answered']!(
        { client: h.env.client, records: h.records, webhookId: 'msg_stale_answer', timestamp: yearAgo, receivedAt: await h.serverNow() },
        { changeId: 'CHG-STALE', customerId: 'stale-answer', accepted: false },
      );
      expect(answer.statusCode).toBe(202);
      const declined = await objectionIn('CHG-STALE', 'stale-answer', 'offer-declined');
      expect(declined.remedyAnswer!.answeredAt).toBe(yearAgo);
      await h.waitFor(async () => (await stepsOf(id)).includes('alert-offer-declined~1'));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await stepsOf(id)).filter((step) => step.startsWith('alert-offer-declined'))).toEqual(['alert-offer-declined~1']);
      await handle.executeUpdate(decideOnDeclinedOfferUpdate, {
        args: [{ decision: 'offer-stands', reason: 'It avoids the subprocessor.' }],
      });
      await objectionIn('CHG-STALE', 'stale-answer', 'offer-stands');
    });
  });

  test("the customer's notice of termination before any right is never lost: it ends the objection, and the team is told", async () => {
    await h.customer('impatient');
    const taskQueue = 'spc-impatient';
    await withChanges(taskQueue, async () => {
      const handle = await objected(taskQueue, 'CHG-IMP', 'impatient');
      const id = workflowIds.objection('CHG-IMP', 'impatient');
      expect((await terminateServices('CHG-IMP', 'impatient', ['reporting'])).statusCode).toBe(202);
      await objectionIn('CHG-IMP', 'impatient', 'services-terminated');
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
      const [news] = (await alertsOf(id)).filter((m) => m.headers['x-dpa-step'] === 'alert-services-terminated');
      expect(news!.text).toContain('while the objection was objected');
      expect((await windowOf('CHG-IMP', 'impatient')).outcome).toMatchObject({ status: 'services-terminated' });
    });
  });
});

describe('the announcement (5.1)', () => {
  test('one notice each in its language, every window open from its notice; announcing again sends nothing', async () => {
    const taskQueue = 'spc-announce';
    const customers: Array<[string, Language]> = [
      ['ann-nl', 'nl'],
      ['ann-fr', 'fr'],
      ['ann-en', 'en'],
    ];
    for (const [customerId, language] of customers) await h.customer(customerId, { language });
    const customerIds = customers.map(([customerId]) => customerId);
    await withChanges(taskQueue, async () => {
      const handle = await announce(taskQueue, 'CHG-ANN', customerIds);
      await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'open');
      expect((await handle.query(subprocessorChangeStatusQuery)).counts).toEqual({
        total: 3,
        notifying: 0,
        notified: 3,
        open: 3,
        objected: 0,
        accepted: 0,
        undeliverable: 0,
      });
      for (const [customerId, language] of customers) {
        const windowId = workflowIds.objection('CHG-ANN', customerId);
        const logged = (await h.records.emails.list({ workflowIdPrefix: windowId })).filter((email) => email.step === 'change-notice');
        expect(logged).toHaveLength(1);
        expect(logged[0]!.language).toBe(language);
        const window = await windowOf('CHG-ANN', customerId);
        expect(window.state).toBe('open');
        expect(window.closesAt).toBe(objectionWindowClosesAt(window.noticeAcceptedAt!, 'Europe/Brussels', 30));
      }

      // The same change announced again (a retried batch does the same): every notice is in the log.
      const again = await h.env.client.workflow.start(subprocessorChange, {
        workflowId: h.endsWithWorker(`${handle.workflowId}-again`),
        taskQueue,
        args: [{ change: change('CHG-ANN'), recipients: 3 }],
      });
      started.push(again);
      await h.waitFor(async () => (await again.query(subprocessorChangeStatusQuery)).status === 'open');
      for (const customerId of customerIds) expect(await stepsOf(workflowIds.objection('CHG-ANN', customerId))).toEqual(['change-notice']);
    });
  });

  test('150 customers, 40 a batch, 2 batches a run: the change continues as new, carrying no customer id', async () => {
    const customerIds = Array.from({ length: 150 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    const taskQueue = 'spc-bulk';
    await withChanges(taskQueue, async () => {
      // No grace for undescribed customers (the grace is tested above): each is given up at once, which
      // also shows that the change's settings are carried to the next run.
      const handle = await announce(taskQueue, 'CHG-BULK', customerIds, {
        settings: { ...defaultObjectionWindowSettings, unknownCustomerGraceMinutes: 0 },
        batching: { windowsPerBatch: 40, batchesPerRun: 2 },
      });
      // Read from the records while the change runs, and queried once it has completed: a query while a
      // run hands over to the next may never be answered by the test server (see h.queryAtRest).
      await h.waitFor(async () => (await h.records.objectionWindows.counts('CHG-BULK')).undeliverable === 150, {
        what: 'every window given up',
        timeoutMs: 60_000,
      });
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', {
        what: 'the change completed',
        timeoutMs: 60_000,
      });
      const status = await h.queryAtRest(handle, subprocessorChangeStatusQuery);
      expect(status).toMatchObject({ total: 150, nextIndex: 150, runs: 2 });
      const firstRun = await decryptedHistory(
        await h.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory(),
      );
      const continued = firstRun.events!.find(
        (event) => event.workflowExecutionContinuedAsNewEventAttributes,
      )?.workflowExecutionContinuedAsNewEventAttributes;
      expect(continued).toBeTruthy();
      const carried = JSON.parse(Buffer.from(continued!.input!.payloads![0]!.data!).toString('utf8'));
      expect(carried).toMatchObject({ recipients: 150, carried: { phase: 'notifying', nextIndex: 80, runs: 1 } });
      expect(JSON.stringify(carried)).not.toContain('bulk-');
      expect(emailAddressesIn(JSON.stringify(carried))).toEqual([]);
      // Each run's history stays small: two announcement calls and their counts, whatever the number of customers.
      expect(firstRun.events!.filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(4);
      // One alert per customer nobody could tell.
      await h.waitFor(async () => (await alertsOf(handle.workflowId)).length === 150, { timeoutMs: 60_000 });
    });
  });
});

describe('nothing lost: the privacy team’s address refuses its alerts', () => {
  test('the objection goes on to its end, the refusal is shown and retried, and the alert is delivered once the address takes it', async () => {
    await h.customer('team-down');
    const taskQueue = 'spc-team-down';
    try {
      await withChanges(taskQueue, async () => {
        const handle = await objected(taskQueue, 'CHG-TEAM-DOWN', 'team-down');
        const id = workflowIds.objection('CHG-TEAM-DOWN', 'team-down');
        h.refused.add('dpo@team-down.test');
        h.refused.add(privacyTeam);
        await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would leave the EEA.' }] });
        await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your data stays with our EU provider.' }] });

        await h.waitFor(async () => (await objectionState('CHG-TEAM-DOWN', 'team-down')).undeliveredAlerts?.length === 1);
        const shown = await objectionState('CHG-TEAM-DOWN', 'team-down');
        expect(shown.status).toBe('offer-made');
        expect(shown.privacyTeamAlerts).toEqual([
          expect.objectContaining({ kind: 'objection-received', delivered: true }),
          expect.objectContaining({ kind: 'offer-undeliverable', delivered: false }),
        ]);
        expect(emailAddressesIn(shown.undeliveredAlerts[0]!.problem)).toEqual([]);
        expect((await handle.describe()).searchAttributes).toMatchObject({ DpaUndeliveredAlerts: [1], DpaStatus: ['offer-made'] });

        await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] });
        await objectionIn('CHG-TEAM-DOWN', 'team-down', 'remedied');
        expect((await handle.describe()).status.name).toBe('RUNNING');

        await h.env.sleep(alertRetry.firstMs + MINUTE);
        await h.waitFor(async () => (await objectionState('CHG-TEAM-DOWN', 'team-down')).undeliveredAlerts[0]?.attempts === 2);
        h.refused.delete(privacyTeam);
        await h.env.sleep(2 * alertRetry.firstMs + MINUTE);
        await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
        const final = await objectionState('CHG-TEAM-DOWN', 'team-down');
        expect(final).toMatchObject({ status: 'remedied', undeliveredAlerts: [] });
        const delivered = (await h.records.emails.listForWorkflow(id)).filter(
          (row) => row.recipient === privacyTeam && row.step !== 'alert-objection-received',
        );
        expect(delivered).toEqual([expect.objectContaining({ step: 'alert-offer-undeliverable', status: 'sent', attempts: 3 })]);
      });
    } finally {
      h.refused.delete(privacyTeam);
      h.refused.delete('dpo@team-down.test');
    }
  });
});

describe('the 30th day whole (5.2: "binnen dertig (30) dagen na de kennisgeving")', () => {
  test('in New York across the change to summer time: an objection at 23:00 on day 30 is taken, one at 00:30 on day 31 is refused', async () => {
    await h.customer('ny-late', { timeZone: 'America/New_York' });
    await h.customer('ny-later', { timeZone: 'America/New_York' });
    const taskQueue = 'spc-day30';
    await withChanges(taskQueue, async () => {
      // Notice on 20 February 2029 at 10:00 in New York (EST, UTC-5); summer time begins on 11 March. (The
      // tests above have moved the clock months ahead; this one goes to a date of its own.)
      await h.skipTo('2029-02-20T15:00:00.000Z');
      await announce(taskQueue, 'CHG-DAY30', ['ny-late', 'ny-later']);
      const open = await windowIn('CHG-DAY30', 'ny-late', 'open');
      // Day 30 is 22 March (EDT, UTC-4); its last instant is 23:59:59.999 there.
      expect(open.closesAt).toBe('2029-03-23T03:59:59.999Z');
      // 720 hours after the notice would have ended it at 11:00 on day 30.
      expect(Date.parse(open.closesAt!) - Date.parse(open.noticeAcceptedAt!)).toBeGreaterThan(30 * DAY + 12 * 3_600_000);
      const [notice] = await h.mailOf(workflowIds.objection('CHG-DAY30', 'ny-late'));
      expect(notice!.text).toMatch(/22 March 2029.*23:59/);

      await h.skipTo('2029-03-23T03:00:00.000Z');
      expect((await windowOf('CHG-DAY30', 'ny-late')).state).toBe('open');
      // 23:00 on 22 March in New York.
      expect((await object(taskQueue, 'CHG-DAY30', 'ny-late', 'Written on the last evening.', '2029-03-23T03:00:00.000Z')).statusCode).toBe(
        202,
      );
      await h.skipTo('2029-03-23T04:30:00.000Z');
      await windowIn('CHG-DAY30', 'ny-later', 'accepted');
      // 00:30 on 23 March in New York: day 31.
      expect(refusalOf(await object(taskQueue, 'CHG-DAY30', 'ny-later', 'One night too late.', '2029-03-23T04:30:00.000Z'))).toContain(
        'too late',
      );
    });
  });
});
