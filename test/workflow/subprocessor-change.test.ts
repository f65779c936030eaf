import type { WorkflowHandle } from '@temporalio/client';
import { workflowIds } from '../../domain/ids';
import type { Language } from '../../domain/language';
import {
  defaultObjectionWindowSettings,
  judgeObjectionUpdate,
  objectionWindowStatusQuery,
  objectToChangeUpdate,
  recordRemedyAnswerUpdate,
  recordRemedyOfferUpdate,
  refuseObjection,
  subprocessorChangeStatusQuery,
  type ObjectionWindowState,
  type SubprocessorChangeNotice,
} from '../../domain/subprocessor-change';
import { customerObjectionWindow, subprocessorChange } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { emailAddressesIn, historyText, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const DAY = 24 * 3_600_000;
const MINUTE = 60_000;

const h = useWorkflowHarness();

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

/** Starts one customer's window directly (the change workflow is tested below). */
async function startWindow(
  taskQueue: string,
  changeId: string,
  customerId: string,
): Promise<WorkflowHandle<typeof customerObjectionWindow>> {
  return h.env.client.workflow.start(customerObjectionWindow, {
    workflowId: h.endsWithWorker(workflowIds.objection(changeId, customerId)),
    taskQueue,
    args: [{ change: change(changeId), customerId, settings: defaultObjectionWindowSettings }],
  });
}

/** Starts one customer's window and waits until the notice went out and the window is open. */
async function openWindow(
  taskQueue: string,
  changeId: string,
  customerId: string,
): Promise<WorkflowHandle<typeof customerObjectionWindow>> {
  const handle = await startWindow(taskQueue, changeId, customerId);
  await h.waitFor(async () => (await statusOf(handle)).status === 'open');
  return handle;
}

/** The emails one workflow sent, as their steps, in the order the SMTP server accepted them. */
async function stepsOf(workflowId: string): Promise<string[]> {
  return (await h.mailOf(workflowId)).map((m) => m.headers['x-dpa-step']!);
}

/** The privacy team's alerts about one workflow. */
async function alertsOf(workflowId: string) {
  return (await h.mailOf(workflowId)).filter((m) => m.envelope.to.includes(privacyTeam));
}

async function statusOf(handle: WorkflowHandle): Promise<ObjectionWindowState> {
  return handle.query(objectionWindowStatusQuery);
}

async function object(handle: WorkflowHandle, reasons = 'The data would leave the EEA.', receivedAt?: string) {
  return handle.executeUpdate(objectToChangeUpdate, {
    args: [{ reasons, receivedAt: receivedAt ?? (await h.serverNow()), webhookId: 'msg_test' }],
  });
}

describe("one customer's objection window (5.2)", () => {
  test('without an objection: a notice, a reminder 7 days before the close, then accepted after 30 days', async () => {
    await h.customer('quiet', { language: 'nl' });
    const taskQueue = 'spc-quiet';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-Q', 'quiet');
      const id = workflowIds.objection('CHG-Q', 'quiet');
      const state = await statusOf(handle);
      expect(Date.parse(state.windowClosesAt) - Date.parse(state.noticeAt!)).toBe(30 * DAY);
      expect(await stepsOf(id)).toEqual(['change-notice']);
      const description = await handle.describe();
      expect(description.searchAttributes).toMatchObject({
        DpaProcess: ['subprocessor-objection'],
        DpaStatus: ['open'],
        DpaCustomerIds: ['quiet'],
        DpaNextDeadline: [new Date(state.windowClosesAt)],
      });

      await h.env.sleep(22.9 * DAY);
      expect(await stepsOf(id)).toEqual(['change-notice']);
      await h.env.sleep(0.2 * DAY);
      await h.waitFor(async () => (await stepsOf(id)).length === 2);
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);

      await h.env.sleep(6.8 * DAY);
      expect((await statusOf(handle)).status).toBe('open');
      await h.env.sleep(0.2 * DAY);
      await h.waitFor(async () => (await statusOf(handle)).status === 'accepted');
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);
      const [notice] = await h.mailOf(id);
      expect(notice!.subject).toMatch(/^\[Subverwerkers\]/);
      expect(notice!.text).toContain('standaardcontractbepalingen');
    });
  });

  test('an objection on day 29 is accepted, and no reminder follows; a second one is refused', async () => {
    await h.customer('day29');
    const taskQueue = 'spc-day29';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-29', 'day29');
      const id = workflowIds.objection('CHG-29', 'day29');
      await h.env.sleep(29 * DAY);
      const after = await object(handle);
      expect(after.status).toBe('objected');
      expect(after.objection).toMatchObject({ reasons: 'The data would leave the EEA.', webhookId: 'msg_test' });
      expect(after.timeline.some((entry) => entry.what.startsWith('objection received'))).toBe(true);
      await expect(object(handle, 'again')).rejects.toThrow();
      await h.env.sleep(5 * DAY);
      expect((await statusOf(handle)).status).toBe('objected');
      // The reminder of day 23 went out before the objection; nothing since.
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaStatus: ['objected'] });
    });
  });

  test('an objection received after the window is refused: on day 31, and one dated after the close', async () => {
    await h.customer('day31');
    const taskQueue = 'spc-day31';
    await h.withWorker(taskQueue, async () => {
      const late = await openWindow(taskQueue, 'CHG-31', 'day31');
      // While the window is open, a letter dated after its close is refused with the reason.
      const closesAt = (await statusOf(late)).windowClosesAt;
      expect(await h.refusal(object(late, 'late', new Date(Date.parse(closesAt) + DAY).toISOString()))).toContain('too late');
      await h.env.sleep(31 * DAY);
      await h.waitFor(async () => (await statusOf(late)).status === 'accepted');
      await expect(object(late)).rejects.toThrow();
      expect((await statusOf(late)).objection).toBeUndefined();
    });
  });

  test('an objection without reasons is refused', async () => {
    await h.customer('no-reasons');
    const taskQueue = 'spc-no-reasons';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-EMPTY', 'no-reasons');
      expect(await h.refusal(object(handle, '   '))).toContain('reasons is empty');
    });
  });

  test('an objection received on day 29 but delivered on day 32 is taken; one received on day 31 is not; after a week the window ends', async () => {
    await h.customer('delayed');
    await h.customer('delayed-none');
    const taskQueue = 'spc-delayed';
    await h.withWorker(taskQueue, async () => {
      const handle = await startWindow(taskQueue, 'CHG-DELAYED', 'delayed');
      const quiet = await startWindow(taskQueue, 'CHG-DELAYED', 'delayed-none');
      await h.waitFor(async () => (await statusOf(handle)).status === 'open' && (await statusOf(quiet)).status === 'open');
      const { noticeAt, windowClosesAt } = await statusOf(handle);
      await h.env.sleep(32 * DAY);
      await h.waitFor(async () => (await statusOf(handle)).status === 'accepted');
      const accepted = await statusOf(handle);
      expect(Date.parse(accepted.lateDeliveryUntil!) - Date.parse(windowClosesAt)).toBeGreaterThanOrEqual(7 * DAY);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // Received on day 31: too late, however it arrives.
      expect(await h.refusal(object(handle, 'Late.', new Date(Date.parse(noticeAt!) + 31 * DAY).toISOString()))).toContain('too late');
      // Received on day 29, delivered now (the product could not reach this side): taken, with 30 days for a remedy from its receipt.
      const receivedAt = new Date(Date.parse(noticeAt!) + 29 * DAY).toISOString();
      const objected = await object(handle, 'Sent on day 29; your endpoint was down.', receivedAt);
      expect(objected).toMatchObject({ status: 'objected', objection: { receivedAt } });
      expect(Date.parse(objected.remedyDeadlineAt!) - Date.parse(receivedAt)).toBe(30 * DAY);
      expect(objected.timeline.map((entry) => entry.what)).toContain('the window closed without an objection: the change is accepted');
      await h.waitFor(async () =>
        (await statusOf(handle)).timeline.some((entry) => entry.what.includes('delivered after it, and is taken')),
      );
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaStatus: ['objected'] });

      // The other window took none: a week after its close it ends, and refuses even one received in time.
      await h.env.sleep(6 * DAY);
      await h.waitFor(async () => (await quiet.describe()).status.name === 'COMPLETED');
      const ended = await quiet.result();
      expect(ended.status).toBe('accepted');
      await expect(object(quiet, 'Received on day 29.', new Date(Date.parse(noticeAt!) + 29 * DAY).toISOString())).rejects.toThrow();
      expect(
        refuseObjection(
          ended,
          { reasons: 'Received on day 29.', receivedAt: new Date(Date.parse(noticeAt!) + 29 * DAY).toISOString() },
          await h.env.currentTimeMs(),
        ),
      ).toBe('the objection window for change CHG-DELAYED is closed (accepted)');
    });
  });

  test('the reminder does not fire after an early objection', async () => {
    await h.customer('early');
    const taskQueue = 'spc-early';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-E', 'early');
      await h.env.sleep(5 * DAY);
      await object(handle);
      await h.env.sleep(27 * DAY);
      expect(await stepsOf(workflowIds.objection('CHG-E', 'early'))).toEqual(['change-notice']);
      expect((await statusOf(handle)).reminderSent).toBe(false);
    });
  });
});

describe('a customer that cannot be told (5.2)', () => {
  const waitingForCustomer = async (handle: WorkflowHandle) =>
    (await statusOf(handle)).timeline.some((entry) => entry.what.includes('waiting for the product to describe it'));

  test('a customer described 2 minutes after the change: the notice goes then, and the 30 days count from it', async () => {
    const taskQueue = 'spc-latecomer';
    await h.withWorker(taskQueue, async () => {
      const handle = await startWindow(taskQueue, 'CHG-LATE', 'latecomer');
      const id = workflowIds.objection('CHG-LATE', 'latecomer');
      const startedMs = (await handle.describe()).startTime.getTime();
      await h.waitFor(() => waitingForCustomer(handle));
      expect(await statusOf(handle)).toMatchObject({ status: 'notifying' });
      expect((await statusOf(handle)).noticeAt).toBeUndefined();

      await h.env.sleep(2 * MINUTE);
      await h.customer('latecomer');
      // The tries come at growing pauses (2 s doubling to 60 s): one of them within the next 2.5 minutes.
      await h.env.sleep(2.5 * MINUTE);
      await h.waitFor(async () => (await statusOf(handle)).status === 'open');
      const state = await statusOf(handle);
      const noticeMs = Date.parse(state.noticeAt!);
      expect(noticeMs - startedMs).toBeGreaterThanOrEqual(2 * MINUTE);
      expect(noticeMs - startedMs).toBeLessThan(5 * MINUTE);
      expect(Date.parse(state.windowClosesAt) - noticeMs).toBe(30 * DAY);
      expect((await handle.describe()).searchAttributes).toMatchObject({
        DpaStatus: ['open'],
        DpaNextDeadline: [new Date(state.windowClosesAt)],
      });
      expect(await stepsOf(id)).toEqual(['change-notice']);
      expect(await alertsOf(id)).toEqual([]);

      // 30 days and a minute after the start the window is still open: it counts from the notice.
      await h.env.sleep(startedMs + 30 * DAY + MINUTE - (await h.env.currentTimeMs()));
      expect((await statusOf(handle)).status).toBe('open');
      await h.env.sleep(Date.parse(state.windowClosesAt) + MINUTE - (await h.env.currentTimeMs()));
      await h.waitFor(async () => (await statusOf(handle)).status === 'accepted');
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-reminder']);
    });
  });

  test('a customer never described: after the 5-minute grace the privacy team gets one alert, and the window ends undeliverable', async () => {
    const taskQueue = 'spc-never';
    await h.withWorker(taskQueue, async () => {
      const handle = await startWindow(taskQueue, 'CHG-NEVER', 'never-described');
      const id = workflowIds.objection('CHG-NEVER', 'never-described');
      await h.waitFor(() => waitingForCustomer(handle));
      await h.env.sleep(4.5 * MINUTE);
      expect((await statusOf(handle)).status).toBe('notifying');
      expect(await alertsOf(id)).toEqual([]);

      await h.env.sleep(MINUTE);
      // The status turns 'undeliverable' before the alert is sent (so that an objection is refused from
      // then on); the alert's outcome follows.
      await h.waitFor(async () => {
        const now = await statusOf(handle);
        return now.status === 'undeliverable' && now.privacyTeamAlerts.length > 0;
      });
      const state = await statusOf(handle);
      expect(state.noticeAt).toBeUndefined();
      expect(state.problem).toContain('no customer.upserted');
      expect(state.privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'no-customer-record', delivered: true })]);
      const alerts = await alertsOf(id);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.envelope.to).toEqual([privacyTeam]);
      expect(alerts[0]!.headers['x-dpa-step']).toBe('alert-no-customer-record');
      expect(alerts[0]!.subject).toMatch(/^\[Privacy team\] .*CHG-NEVER.*never-described/);
      for (const part of ['CHG-NEVER', 'never-described', id, 'no customer.upserted', 'another channel']) {
        expect(alerts[0]!.text).toContain(part);
      }
      expect(await stepsOf(id)).toEqual(['alert-no-customer-record']);
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaStatus: ['undeliverable'] });
    });
  });

  test('every contact refuses the notice: the privacy team is alerted at once; no address enters the history', async () => {
    const contacts = ['dpo@bounced.test', 'legal@bounced.test'];
    for (const address of contacts) h.refused.add(address);
    await h.customer('bounced', { language: 'fr', emails: contacts });
    const taskQueue = 'spc-bounced';
    await h.withWorker(taskQueue, async () => {
      const handle = await startWindow(taskQueue, 'CHG-BOUNCE', 'bounced');
      const id = workflowIds.objection('CHG-BOUNCE', 'bounced');
      // No grace for a customer that is known: the time is not skipped, and the alert comes at once.
      // The status turns 'undeliverable' before the alert is sent (so that an objection is refused from
      // then on); the alert's outcome follows.
      await h.waitFor(async () => {
        const now = await statusOf(handle);
        return now.status === 'undeliverable' && now.privacyTeamAlerts.length > 0;
      });
      const state = await statusOf(handle);
      expect(state.problem).toContain('2 refused');
      expect(state.privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'notice-undeliverable', delivered: true })]);
      const alerts = await alertsOf(id);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.headers['x-dpa-step']).toBe('alert-notice-undeliverable');
      expect(alerts[0]!.subject).toContain('could not be delivered');
      for (const part of ['CHG-BOUNCE', 'bounced', '550', 'another channel']) expect(alerts[0]!.text).toContain(part);
      // The customer got nothing; the only email of the window is the alert.
      expect(await stepsOf(id)).toEqual(['alert-notice-undeliverable']);
      // The refusals are in the history (the decoding finds them), the refused addresses are not.
      const history = await historyText(h.env, id);
      expect(history).toContain('"customerId":"bounced"');
      expect(history).toContain('2 refused');
      expect(emailAddressesIn(history)).toEqual([]);
    });
  });
});

describe('after an objection (5.3-5.4)', () => {
  test('judging before an objection is refused', async () => {
    await h.customer('nojudge');
    const taskQueue = 'spc-nojudge';
    await h.withWorker(taskQueue, async () => {
      const idle = await openWindow(taskQueue, 'CHG-U', 'nojudge');
      expect(await h.refusal(idle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: false, reason: 'x' }] }))).toContain(
        'nothing to judge',
      );
    });
  });

  test('judged unreasonable: the customer is told why; judging again is refused', async () => {
    await h.customer('unreason', { language: 'fr' });
    const taskQueue = 'spc-unreason';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-U', 'unreason');
      await object(handle);
      await handle.executeUpdate(judgeObjectionUpdate, {
        args: [{ reasonable: false, reason: 'Le fournisseur est certifié et lié par les clauses types.' }],
      });
      await expect(
        handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'second thoughts' }] }),
      ).rejects.toThrow();
      await h.waitFor(async () => (await statusOf(handle)).status === 'objection-rejected');
      const id = workflowIds.objection('CHG-U', 'unreason');
      expect(await stepsOf(id)).toEqual(['change-notice', 'objection-rejected']);
      const rejection = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'objection-rejected');
      expect(rejection!.text).toContain('Le fournisseur est certifié et lié par les clauses types.');
    });
  });

  test('a later email no contact accepts: the privacy team is alerted once per kind, and the window goes on', async () => {
    await h.customer('moved-away', { language: 'nl' });
    const taskQueue = 'spc-moved-away';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-MOVED', 'moved-away');
      const id = workflowIds.objection('CHG-MOVED', 'moved-away');
      // The notice reached the customer; its contact's mailbox is closed from then on.
      h.refused.add('dpo@moved-away.test');
      await object(handle);
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would leave the EEA.' }] });
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your data stays with our EU provider.' }] });
      await h.waitFor(async () => (await statusOf(handle)).privacyTeamAlerts.length > 0);
      const state = await statusOf(handle);
      expect(state.status).toBe('offer-made');
      expect(state.privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'offer-undeliverable', delivered: true })]);
      const alerts = await alertsOf(id);
      expect(alerts.map((alert) => alert.headers['x-dpa-step'])).toEqual(['alert-offer-undeliverable']);
      expect(alerts[0]!.subject).toMatch(/^\[Privacy team\] Offer of a change could not be delivered .*CHG-MOVED.*moved-away/);
      for (const part of ['550', 'Send the offer by another channel', 'recordRemedyAnswer']) expect(alerts[0]!.text).toContain(part);
      expect(emailAddressesIn(alerts[0]!.text)).not.toContain('dpo@moved-away.test');

      // The customer answers by another channel; the declined offer's right to terminate bounces too.
      await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: false }] });
      await h.waitFor(
        async () => (await statusOf(handle)).status === 'termination-right' && (await statusOf(handle)).privacyTeamAlerts.length === 2,
      );
      expect((await statusOf(handle)).privacyTeamAlerts.map((alert) => alert.kind)).toEqual([
        'offer-undeliverable',
        'termination-right-undeliverable',
      ]);
      expect((await alertsOf(id)).map((alert) => alert.headers['x-dpa-step'])).toEqual([
        'alert-offer-undeliverable',
        'alert-termination-right-undeliverable',
      ]);
      // Only the notice reached the customer.
      expect(await stepsOf(id)).toEqual(['change-notice', 'alert-offer-undeliverable', 'alert-termination-right-undeliverable']);
    });
  });

  test('judged reasonable and remedied on day 20: the offer is sent and accepted', async () => {
    await h.customer('remedied');
    const taskQueue = 'spc-remedied';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-R', 'remedied');
      await h.env.sleep(2 * DAY);
      const objected = await object(handle);
      expect(Date.parse(objected.remedyDeadlineAt!) - Date.parse(objected.objection!.receivedAt)).toBe(30 * DAY);
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would go to the US.' }] });
      await h.waitFor(async () => (await statusOf(handle)).status === 'remedy-pending');
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaNextDeadline: [new Date(objected.remedyDeadlineAt!)] });
      await expect(handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] })).rejects.toThrow();
      await h.env.sleep(20 * DAY);
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your email keeps going through our EU provider.' }] });
      await h.waitFor(async () => (await statusOf(handle)).status === 'offer-made');
      await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] });
      await h.waitFor(async () => (await statusOf(handle)).status === 'remedied');
      expect(await stepsOf(workflowIds.objection('CHG-R', 'remedied'))).toEqual(['change-notice', 'remedy-offer']);
    });
  });

  test('judged reasonable and left past day 30: the right to terminate the services affected; a late offer is refused', async () => {
    await h.customer('lapsed', { language: 'nl' });
    const taskQueue = 'spc-lapsed';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-L', 'lapsed');
      await object(handle);
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      await h.waitFor(async () => (await statusOf(handle)).status === 'remedy-pending');
      await h.env.sleep(29.9 * DAY);
      expect((await statusOf(handle)).status).toBe('remedy-pending');
      await h.env.sleep(0.2 * DAY);
      await h.waitFor(async () => (await statusOf(handle)).status === 'termination-right');
      const id = workflowIds.objection('CHG-L', 'lapsed');
      expect(await stepsOf(id)).toEqual(['change-notice', 'termination-right']);
      expect((await statusOf(handle)).terminableServices).toBe('sending transactional email');
      const letter = (await h.mailOf(id)).find((m) => m.headers['x-dpa-step'] === 'termination-right');
      expect(letter!.text).toContain('sending transactional email');
      expect(letter!.text).toContain('5.4');
      await expect(handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Too late.' }] })).rejects.toThrow();
    });
  });

  test('an offer declined gives the right to terminate', async () => {
    await h.customer('declined');
    const taskQueue = 'spc-declined';
    await h.withWorker(taskQueue, async () => {
      const handle = await openWindow(taskQueue, 'CHG-D', 'declined');
      await object(handle);
      await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Reasonable.' }] });
      await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'A discount.' }] });
      await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: false }] });
      await h.waitFor(async () => (await statusOf(handle)).status === 'termination-right');
      expect(await stepsOf(workflowIds.objection('CHG-D', 'declined'))).toEqual(['change-notice', 'remedy-offer', 'termination-right']);
    });
  });
});

describe('the change (5.1)', () => {
  test('announces to described customers: one notice each in its language, then its window open from the notice; announcing again sends nothing', async () => {
    const taskQueue = 'spc-announce';
    const customers: Array<[string, Language]> = [
      ['ann-nl', 'nl'],
      ['ann-fr', 'fr'],
      ['ann-en', 'en'],
    ];
    for (const [customerId, language] of customers) await h.customer(customerId, { language });
    const customerIds = customers.map(([customerId]) => customerId);
    await h.withWorker(taskQueue, async () => {
      const workflowId = workflowIds.subprocessorChange('CHG-ANN');
      // Started and polled, not awaited: awaiting a result lets the test server skip time, and the windows'
      // reminders would fire before they are looked at.
      const announce = async (id: string) => {
        const handle = await h.env.client.workflow.start(subprocessorChange, {
          workflowId: id,
          taskQueue,
          args: [{ change: change('CHG-ANN'), customerIds }],
        });
        await h.waitFor(async () => (await handle.query(subprocessorChangeStatusQuery)).status === 'notified');
        return handle.query(subprocessorChangeStatusQuery);
      };
      const first = await announce(workflowId);
      expect(first).toMatchObject({ total: 3, notified: 3, started: 3, alreadyRunning: 0, status: 'notified' });
      for (const [customerId, language] of customers) {
        const windowId = workflowIds.objection('CHG-ANN', customerId);
        h.endsWithWorker(windowId);
        const handle = h.env.client.workflow.getHandle<typeof customerObjectionWindow>(windowId);
        await h.waitFor(async () => (await statusOf(handle)).status === 'open');
        const state = await statusOf(handle);
        // The window counts from its start, which followed the notice's acceptance (on the server's clock,
        // here the test server's, ahead of the wall clock after the tests above skipped time).
        const logged = (await h.records.emails.list({ workflowIdPrefix: windowId })).filter((email) => email.step === 'change-notice');
        expect(logged).toHaveLength(1);
        expect(logged[0]!.language).toBe(language);
        const description = await handle.describe();
        expect(state.noticeAt).toBe(description.startTime.toISOString());
        expect(Date.parse(state.noticeAt!)).toBeGreaterThanOrEqual(Date.parse(logged[0]!.acceptedAt!));
        expect(Date.parse(state.windowClosesAt) - Date.parse(state.noticeAt!)).toBe(30 * DAY);
        expect(await stepsOf(windowId)).toEqual(['change-notice']);
        // The window itself ran no activity for it: the notice came in its input.
        const history = await handle.fetchHistory();
        expect(history.events!.some((event) => event.activityTaskScheduledEventAttributes)).toBe(false);
        expect(description.searchAttributes).toMatchObject({
          DpaProcess: ['subprocessor-objection'],
          DpaCustomerIds: [customerId],
          DpaStatus: ['open'],
        });
      }

      // A retried batch or a repeated announcement: every notice is in the log, every window exists.
      const again = await announce(`${workflowId}-again`);
      expect(again).toMatchObject({ total: 3, started: 0, alreadyRunning: 3 });
      for (const customerId of customerIds) expect(await stepsOf(workflowIds.objection('CHG-ANN', customerId))).toEqual(['change-notice']);
    });
  });

  test('starts one window per customer in batches (150 customers, 40 a batch, 2 batches a run: two runs), continuing as new, without waiting for them', async () => {
    const customerIds = Array.from({ length: 150 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    const taskQueue = 'spc-bulk';
    // As the webhook does: the customers are recorded with the change, and the workflow gets their number.
    const notice = change('CHG-BULK');
    const recorded = await h.records.subprocessors.recordChange({ ...notice, subprocessor: notice.subprocessor, customerIds });
    expect(recorded.recipients).toBe(150);
    await h.withWorker(taskQueue, async () => {
      const workflowId = workflowIds.subprocessorChange('CHG-BULK');
      const handle = await h.env.client.workflow.start(subprocessorChange, {
        workflowId,
        taskQueue,
        // No grace for undescribed customers (the grace is tested above): each window gives up at once,
        // which also shows that the change's settings reach every window.
        args: [
          {
            change: notice,
            recipients: recorded.recipients,
            settings: { ...defaultObjectionWindowSettings, unknownCustomerGraceMinutes: 0 },
            batching: { windowsPerBatch: 40, batchesPerRun: 2 },
          },
        ],
      });
      // Its result, following the continued run; polling its query instead stalled for some 80 s on the
      // time-skipping server when a query met the first run's last workflow task in flight.
      const result = await handle.result();
      const status = await handle.query(subprocessorChangeStatusQuery);
      expect(status).toEqual(result);
      expect(status).toMatchObject({ total: 150, started: 150, alreadyRunning: 0, nextIndex: 150, runs: 2 });
      // The continued run carries an offset and counts, and no customer id: they are read from the records.
      const firstRun = await h.env.client.workflow.getHandle(workflowId, handle.firstExecutionRunId).fetchHistory();
      const continued = firstRun.events!.find(
        (event) => event.workflowExecutionContinuedAsNewEventAttributes,
      )?.workflowExecutionContinuedAsNewEventAttributes;
      expect(continued).toBeTruthy();
      const carried = JSON.parse(Buffer.from(continued!.input!.payloads![0]!.data!).toString('utf8'));
      expect(carried).toMatchObject({ nextIndex: 80, started: 80, runs: 1, batching: { windowsPerBatch: 40, batchesPerRun: 2 } });
      expect(carried).toMatchObject({ recipients: 150 });
      expect(carried.customerIds).toBeUndefined();
      expect(emailAddressesIn(JSON.stringify(carried))).toEqual([]);
      expect(JSON.stringify(carried)).not.toContain('bulk-');
      // Each run's history stays small: two activities, whatever the number of customers.
      expect(firstRun.events!.filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(2);
      const runIds = new Map<string, string>();
      for (const customerId of ['bulk-000', 'bulk-079', 'bulk-080', 'bulk-149']) {
        const child = h.env.client.workflow.getHandle(workflowIds.objection('CHG-BULK', customerId));
        const description = await child.describe();
        runIds.set(customerId, description.runId);
        expect(description.searchAttributes).toMatchObject({ DpaProcess: ['subprocessor-objection'], DpaCustomerIds: [customerId] });
        // These customers were never described by the product: nobody to tell, and it says so.
        await h.waitFor(async () => (await statusOf(child)).privacyTeamAlerts.length > 0);
        expect((await statusOf(child)).status).toBe('undeliverable');
        expect((await statusOf(child)).privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'no-customer-record' })]);
      }

      // The same change started again (a retried batch does the same), here by hand with its customers
      // inline: every window exists, none is started twice, not even one already closed.
      const again = await h.env.client.workflow.execute(subprocessorChange, {
        workflowId: `${workflowId}-again`,
        taskQueue,
        args: [
          { change: change('CHG-BULK'), customerIds, settings: { ...defaultObjectionWindowSettings, unknownCustomerGraceMinutes: 0 } },
        ],
      });
      expect(again).toMatchObject({ total: 150, started: 0, alreadyRunning: 150, runs: 1 });
      for (const [customerId, runId] of runIds) {
        expect((await h.env.client.workflow.getHandle(workflowIds.objection('CHG-BULK', customerId)).describe()).runId).toBe(runId);
      }
    });
  });
});

describe('nothing lost: the privacy team’s address refuses its alerts', () => {
  test('the window goes on to its end, the refusal is shown and retried, and the alert is delivered once the address takes it', async () => {
    await h.customer('team-down');
    const taskQueue = 'spc-team-down';
    try {
      await h.withWorker(taskQueue, async () => {
        const handle = await openWindow(taskQueue, 'CHG-TEAM-DOWN', 'team-down');
        const id = workflowIds.objection('CHG-TEAM-DOWN', 'team-down');
        // After the notice the customer's mailbox closes, and the privacy team's address refuses mail too.
        h.refused.add('dpo@team-down.test');
        h.refused.add(privacyTeam);
        await object(handle);
        await handle.executeUpdate(judgeObjectionUpdate, { args: [{ reasonable: true, reason: 'Health data would leave the EEA.' }] });
        await handle.executeUpdate(recordRemedyOfferUpdate, { args: [{ offer: 'Your data stays with our EU provider.' }] });

        // The offer bounces, its alert is refused: shown on the window, which waits for the answer as ever.
        await h.waitFor(async () => (await statusOf(handle)).undeliveredAlerts?.length === 1);
        const shown = await statusOf(handle);
        expect(shown.status).toBe('offer-made');
        expect(shown.privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'offer-undeliverable', delivered: false })]);
        expect(shown.undeliveredAlerts).toEqual([
          {
            step: 'alert-offer-undeliverable',
            since: expect.any(String),
            attempts: 1,
            problem: expect.stringMatching(/refused/),
            nextAttemptAt: expect.any(String),
          },
        ]);
        expect(emailAddressesIn(shown.undeliveredAlerts[0]!.problem)).toEqual([]);
        expect((await handle.describe()).searchAttributes).toMatchObject({ DpaUndeliveredAlerts: [1], DpaStatus: ['offer-made'] });
        const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
        expect(metadata.currentDetails).toContain('`alert-offer-undeliverable`');

        // The next message still works: the customer accepts the offer by another channel; the window is remedied.
        await handle.executeUpdate(recordRemedyAnswerUpdate, { args: [{ accepted: true }] });
        await h.waitFor(async () => (await statusOf(handle)).status === 'remedied');
        expect((await handle.describe()).status.name).toBe('RUNNING');

        // Retried under the same step after 15 minutes: one evidence row, two attempts.
        await h.env.sleep(alertRetry.firstMs + MINUTE);
        await h.waitFor(async () => (await statusOf(handle)).undeliveredAlerts[0]?.attempts === 2);
        const rows = (await h.records.emails.listForWorkflow(id)).filter((row) => row.recipient === privacyTeam);
        expect(rows).toEqual([expect.objectContaining({ step: 'alert-offer-undeliverable', status: 'failed', attempts: 2 })]);

        // The address takes mail again: the next try delivers the alert, and the window's workflow ends.
        h.refused.delete(privacyTeam);
        await h.env.sleep(2 * alertRetry.firstMs + MINUTE);
        await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
        const final = await statusOf(handle);
        expect(final).toMatchObject({ status: 'remedied', undeliveredAlerts: [] });
        expect(final.privacyTeamAlerts).toEqual([expect.objectContaining({ kind: 'offer-undeliverable', delivered: true })]);
        expect((await handle.describe()).searchAttributes).toMatchObject({ DpaUndeliveredAlerts: [0] });
        expect((await alertsOf(id)).map((alert) => alert.headers['x-dpa-step'])).toEqual(['alert-offer-undeliverable']);
        const delivered = (await h.records.emails.listForWorkflow(id)).filter((row) => row.recipient === privacyTeam);
        expect(delivered).toEqual([expect.objectContaining({ step: 'alert-offer-undeliverable', status: 'sent', attempts: 3 })]);
      });
    } finally {
      h.refused.delete(privacyTeam);
    }
  });
});
