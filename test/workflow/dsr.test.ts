import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { verify } from '../../webhook-signing/standard-webhooks';
import { addCalendarMonths } from '../../domain/clocks';
import {
  dsrActionCompletedUpdate,
  dsrExtendedUpdate,
  dsrInstructedUpdate,
  dsrStatusQuery,
  type DsrInstruction,
  type DsrRequestInput,
  type DsrSettings,
} from '../../domain/dsr';
import { dsrRequest } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { historyText, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const productSecret = 'whsec_cHJvZHVjdC1zZWNyZXQtZm9yLWRzci13b3JrZmxvdy10ZXN0cw==';
const day = 24 * 3_600_000;

const h = useWorkflowHarness();
let product: FakeProduct;

beforeAll(async () => {
  product = await startFakeProduct();
});

afterAll(async () => {
  await product?.close();
});

// ---------------------------------------------------------------------------------------------
// The product: a real HTTP server that checks every request's Standard Webhooks signature.

interface ProductDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

interface FakeProduct {
  url: string;
  deliveries: ProductDelivery[];
  /** Status codes to answer, in order; once used up, 200. */
  answers: number[];
  close(): Promise<void>;
}

async function startFakeProduct(): Promise<FakeProduct> {
  const deliveries: ProductDelivery[] = [];
  let close = async () => undefined;
  const product: FakeProduct = { url: '', deliveries, answers: [], close: () => close() };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => request.headers[name] as string | undefined;
      const verification = verify(
        productSecret,
        { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
        raw,
      );
      deliveries.push({ headers: request.headers, body: raw.toString('utf8'), verified: verification.ok });
      response.statusCode = verification.ok ? (product.answers.shift() ?? 200) : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  product.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/dpa`;
  close = () => new Promise<undefined>((resolve) => server.close(() => resolve(undefined)));
  return product;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** A worker that knows the product's webhook, unless the test says it has none. */
function withWorker<T>(taskQueue: string, fn: () => Promise<T>, options: { product?: boolean } = {}): Promise<T> {
  return h.withWorker(taskQueue, fn, options.product === false ? {} : { productWebhook: { url: product.url, secret: productSecret } });
}

function startRequest(taskQueue: string, requestId: string, customerId: string, receivedAt: string, settings?: Partial<DsrSettings>) {
  const input: DsrRequestInput = {
    requestId,
    customerId,
    receivedAt,
    requestType: 'erasure',
    reportedAt: receivedAt,
    ...(settings && { settings }),
  };
  return h.env.client.workflow.start(dsrRequest, { workflowId: h.endsWithWorker(`dsr-${requestId}`), taskQueue, args: [input] });
}

/** The steps of every email the workflow sent, from the evidence log (sorted for stable comparison). */
async function steps(requestId: string): Promise<string[]> {
  return (await h.records.emails.listForWorkflow(`dsr-${requestId}`))
    .filter((e) => e.status === 'sent')
    .map((e) => e.step)
    .sort();
}

const waitForStep = (requestId: string, step: string) =>
  h.waitFor(async () => (await steps(requestId)).includes(step), { what: `email step ${step} of ${requestId}` });

function instruct(handle: WorkflowHandle, instruction: DsrInstruction, webhookId: string, note?: string) {
  return handle.executeUpdate(dsrInstructedUpdate, {
    args: [{ instruction, ...(note && { note }), receivedAt: new Date(Date.now() - 1000).toISOString(), source: 'product', webhookId }],
    updateId: webhookId,
  });
}

/**
 * Waits for the workflow to complete without `result()`, which lets the test server skip time freely and
 * may move its clock years ahead; the calendar tests need the clock where they put it.
 */
async function finished(handle: WorkflowHandle): Promise<void> {
  await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: `${handle.workflowId} to complete` });
}

// ---------------------------------------------------------------------------------------------
// The controller's month (Art. 12(3)) at its true length, and what happens around it

test('one calendar month from 31 January 2027 ends on 28 February in the customer’s zone; reminders 7 and 2 days before; the privacy team is alerted when it passes without instruction', async () => {
  await h.customer('brussels', { language: 'nl', timeZone: 'Europe/Brussels' });
  const receivedAt = '2027-01-31T10:00:00.000Z'; // 11:00 in Brussels
  const deadline = '2027-02-28T10:00:00.000Z';
  await h.skipTo(receivedAt);
  await withWorker('dsr-month-2027', async () => {
    const handle = await startRequest('dsr-month-2027', 'M-2027', 'brussels', receivedAt);
    const opened = await h.waitFor(
      async () => {
        const state = await handle.query(dsrStatusQuery);
        return state.subjectConfirmation !== 'pending' && state;
      },
      { what: 'the receipt handled' },
    );
    expect(opened).toMatchObject({
      originalDeadlineAt: deadline,
      deadlineAt: deadline,
      timeZone: 'Europe/Brussels',
      customerNotice: 'notified',
    });
    // No subject address in the records: nothing is sent to anybody but the customer.
    expect(opened.subjectConfirmation).toBe('no-address');
    const [notice] = await h.mailOf('dsr-M-2027');
    expect(notice!.subject).toBe('[Verzoek betrokkene] Een betrokkene heeft ons gecontacteerd – verzoek M-2027');
    expect(notice!.text).toContain('zondag 28 februari 2027 om 11:00 CET (UTC+1)');

    // Up to a minute before the deadline: both reminders, at their times, and no alert yet.
    await h.skipTo('2027-02-28T09:59:00.000Z');
    await waitForStep('M-2027', `reminder-P2D@${deadline}`);
    expect(await steps('M-2027')).toEqual(['customer-notice', `reminder-P2D@${deadline}`, `reminder-P7D@${deadline}`]);
    // Noted when the email was accepted: on the workflow's clock, at most moments after the reminder's time.
    const timeline = (await handle.query(dsrStatusQuery)).timeline;
    const lateBy = (prefix: string, due: string) => Date.parse(timeline.find((t) => t.event.startsWith(prefix))!.at) - Date.parse(due);
    expect(lateBy('reminder P7D', '2027-02-21T10:00:00.000Z')).toBeGreaterThanOrEqual(0);
    expect(lateBy('reminder P7D', '2027-02-21T10:00:00.000Z')).toBeLessThan(60_000);
    expect(lateBy('reminder P2D', '2027-02-26T10:00:00.000Z')).toBeGreaterThanOrEqual(0);
    expect(lateBy('reminder P2D', '2027-02-26T10:00:00.000Z')).toBeLessThan(60_000);

    await h.env.sleep('2 minutes');
    await waitForStep('M-2027', `alert-deadline-passed-${deadline}`);
    const overdue = await handle.query(dsrStatusQuery);
    expect(overdue.status).toBe('overdue');
    expect(Date.parse(overdue.timeline.find((t) => t.event === 'privacy team alerted: deadline-passed')!.at)).toBeGreaterThanOrEqual(
      Date.parse(deadline),
    );
    const alert = (await h.catcher.messages()).find(
      (m) => m.envelope.to[0] === privacyTeam && m.headers['x-dpa-workflow-id'] === 'dsr-M-2027',
    );
    expect(alert!.subject).toContain("Controller's deadline passed without an instruction");

    // A late instruction still closes the case; the customer handled it itself.
    await instruct(handle, 'handled-by-customer', 'wh-m2027-1');
    await finished(handle);
    expect((await handle.query(dsrStatusQuery)).closed).toMatchObject({ outcome: 'handled-by-customer' });
  });
  expect(await h.records.dsr.get('M-2027')).toMatchObject({
    status: 'closed',
    outcome: 'handled-by-customer',
    instruction: 'handled-by-customer',
    deadlines: [{ sequence: 0, deadlineAt: deadline }],
  });
});

test('in a leap year the month from 31 January ends on 29 February, and the customer’s zone decides the day', async () => {
  await h.customer('auckland', { language: 'en', timeZone: 'Pacific/Auckland' });
  // 30 January 12:00 UTC is already 31 January 01:00 in Auckland, but still 30 January in Brussels.
  const aucklandReceived = '2028-01-30T12:00:00.000Z';
  const brusselsReceived = '2028-01-31T10:00:00.000Z';
  await h.skipTo(aucklandReceived);
  await withWorker('dsr-month-2028', async () => {
    const auckland = await startRequest('dsr-month-2028', 'M-2028-AKL', 'auckland', aucklandReceived);
    await h.skipTo(brusselsReceived);
    const brussels = await startRequest('dsr-month-2028', 'M-2028-BRU', 'brussels', brusselsReceived);
    await waitForStep('M-2028-AKL', 'customer-notice');
    await waitForStep('M-2028-BRU', 'customer-notice');

    // 31 January + 1 month = 29 February 2028 01:00 in Auckland, which is 28 February 12:00 UTC.
    expect((await auckland.query(dsrStatusQuery)).deadlineAt).toBe('2028-02-28T12:00:00.000Z');
    expect((await brussels.query(dsrStatusQuery)).deadlineAt).toBe('2028-02-29T10:00:00.000Z');
    const notices = (await h.catcher.messages()).filter((m) => m.headers['x-dpa-workflow-id']?.startsWith('dsr-M-2028-'));
    expect(notices.find((m) => m.headers['x-dpa-workflow-id'] === 'dsr-M-2028-AKL')!.text).toContain('Tuesday, 29 February 2028 at 01:00');
    expect(notices.find((m) => m.headers['x-dpa-workflow-id'] === 'dsr-M-2028-BRU')!.text).toContain(
      'dinsdag 29 februari 2028 om 11:00 CET',
    );

    await instruct(auckland, 'handled-by-customer', 'wh-akl');
    await instruct(brussels, 'handled-by-customer', 'wh-bru');
    await finished(auckland);
    await finished(brussels);
  });
});

test('an extension of two months moves every reminder: none at the old times, both before the new deadline; a third month is refused', async () => {
  await h.customer('london', { language: 'en', timeZone: 'Europe/London' });
  const receivedAt = await h.serverNow();
  const oldDeadline = addCalendarMonths(receivedAt, 1, 'Europe/London');
  const newDeadline = addCalendarMonths(receivedAt, 3, 'Europe/London');
  await withWorker('dsr-extension', async () => {
    const handle = await startRequest('dsr-extension', 'EXT-1', 'london', receivedAt);
    await waitForStep('EXT-1', 'customer-notice');
    await h.env.sleep(10 * day);

    const extended = await handle.executeUpdate(dsrExtendedUpdate, {
      args: [
        {
          extraMonths: 2,
          reason: 'Data spread over several systems.',
          receivedAt: await h.serverNow(),
          source: 'product',
          webhookId: 'wh-ext-1',
        },
      ],
      updateId: 'wh-ext-1',
    });
    expect(extended).toEqual({ extensionMonths: 2, deadlineAt: newDeadline, duplicate: false });
    // The same delivery again changes nothing.
    expect(
      await handle.executeUpdate(dsrExtendedUpdate, {
        args: [{ extraMonths: 2, receivedAt: await h.serverNow(), source: 'product', webhookId: 'wh-ext-1' }],
      }),
    ).toEqual({ extensionMonths: 2, deadlineAt: newDeadline, duplicate: true });
    // Art. 12(3): two further months at most.
    const third = await h.refusal(
      handle.executeUpdate(dsrExtendedUpdate, { args: [{ extraMonths: 1, receivedAt: await h.serverNow(), source: 'operator' }] }),
    );
    expect(third).toMatch(/already extended by 2 month\(s\).*at most 2 further months/);
    await waitForStep('EXT-1', 'extension-1');

    // Past the old deadline and up to the first new reminder: only the reminders of the new deadline.
    await h.skipTo(new Date(Date.parse(newDeadline) - 7 * day + 3_600_000).toISOString());
    await waitForStep('EXT-1', `reminder-P7D@${newDeadline}`);
    await h.skipTo(new Date(Date.parse(newDeadline) - 2 * day + 3_600_000).toISOString());
    await waitForStep('EXT-1', `reminder-P2D@${newDeadline}`);
    expect(await steps('EXT-1')).toEqual(['customer-notice', 'extension-1', `reminder-P2D@${newDeadline}`, `reminder-P7D@${newDeadline}`]);
    const state = await handle.query(dsrStatusQuery);
    expect(state.remindersSent).toEqual([`P7D@${newDeadline}`, `P2D@${newDeadline}`]);
    expect(state.remindersSent.some((key) => key.endsWith(oldDeadline))).toBe(false);
    expect(state.alertsSent).toEqual([]);

    await instruct(handle, 'handled-by-customer', 'wh-ext-done');
    await handle.result();
  });
  const record = await h.records.dsr.get('EXT-1');
  expect(record).toMatchObject({ deadlineAt: newDeadline, extensionMonths: 2, originalDeadlineAt: oldDeadline });
  expect(record!.deadlines.map((d) => [d.sequence, d.deadlineAt, d.totalExtensionMonths])).toEqual([
    [0, oldDeadline, 0],
    [1, newDeadline, 2],
  ]);
});

test('no reminder fires after the case closed, even one due an hour later', async () => {
  await h.customer('closing', { language: 'fr', timeZone: 'Europe/Paris' });
  const receivedAt = await h.serverNow();
  const deadline = addCalendarMonths(receivedAt, 1, 'Europe/Paris');
  await withWorker('dsr-closed', async () => {
    const handle = await startRequest('dsr-closed', 'CLOSED-1', 'closing', receivedAt);
    await waitForStep('CLOSED-1', 'customer-notice');
    // An hour before the first reminder the customer says it handles the request itself.
    await h.skipTo(new Date(Date.parse(deadline) - 7 * day - 3_600_000).toISOString());
    await instruct(handle, 'handled-by-customer', 'wh-closed-1');
    await finished(handle);
    await h.skipTo(new Date(Date.parse(deadline) + day).toISOString());
  });
  expect(await steps('CLOSED-1')).toEqual(['closure-confirmation', 'customer-notice']);
  const closing = (await h.mailOf('dsr-CLOSED-1')).find((m) => m.headers['x-dpa-step'] === 'closure-confirmation');
  expect(closing!.subject).toBe('[Demande de personne concernée] Demande clôturée – demande CLOSED-1');
});

// ---------------------------------------------------------------------------------------------
// Carrying out an instruction through the product

test('the product webhook is retried while the product answers 500, then 2xx; the confirmation closes the case', async () => {
  await h.customer('acting', { language: 'en', timeZone: 'Europe/Brussels' });
  const receivedAt = await h.serverNow();
  // The subject's address lives in the records only, as the webhook endpoint leaves it.
  await h.records.dsr.recordReceipt({
    requestId: 'ACT-1',
    customerId: 'acting',
    requestType: 'erasure',
    receivedAt,
    reportedAt: receivedAt,
    subjectEmail: 'jane.subject@example.test',
  });
  product.answers = [500, 503];
  const before = product.deliveries.length;
  await withWorker('dsr-product', async () => {
    const handle = await startRequest('dsr-product', 'ACT-1', 'acting', receivedAt);
    await waitForStep('ACT-1', 'subject-confirmation');
    expect(await instruct(handle, 'erase', 'wh-act-1', 'Erase the account and its order history.')).toEqual({
      instruction: 'erase',
      receivedAt: expect.any(String),
      duplicate: false,
    });

    const deliveries = await h.waitFor(async () => product.deliveries.length - before >= 3 && product.deliveries.slice(before), {
      what: 'three deliveries',
    });
    expect(deliveries.every((d) => d.verified)).toBe(true);
    expect(new Set(deliveries.map((d) => d.headers['webhook-id']))).toEqual(new Set(['dsr-ACT-1.action-erase']));
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1);
    expect(JSON.parse(deliveries[0]!.body)).toEqual({
      type: 'dsr.action-requested',
      timestamp: expect.any(String),
      data: { requestId: 'ACT-1', customerId: 'acting', action: 'erase', note: 'Erase the account and its order history.' },
    });
    expect(deliveries[0]!.body).not.toContain('jane.subject');
    await h.waitFor(async () => (await h.records.dsr.get('ACT-1'))?.actionRequests[0]?.firstAcceptedAt, {
      what: 'the accepted attempt recorded',
    });
    expect((await h.records.dsr.get('ACT-1'))!.actionRequests[0]).toMatchObject({ attempts: 3, lastAnswer: '200' });
    expect((await handle.query(dsrStatusQuery)).action).toMatchObject({ delivery: 'accepted', accepted: 1 });

    // A confirmation of another action is refused; the right one closes the case.
    const wrong = await h.refusal(
      handle.executeUpdate(dsrActionCompletedUpdate, {
        args: [{ action: 'restrict', completedAt: await h.serverNow(), source: 'product' }],
      }),
    );
    expect(wrong).toBe('the product was asked to erase for data subject request ACT-1, not to restrict');
    const completedAt = await h.serverNow();
    await handle.executeUpdate(dsrActionCompletedUpdate, {
      args: [{ action: 'erase', completedAt, note: 'Account 881 erased.', source: 'product', webhookId: 'wh-act-done' }],
      updateId: 'wh-act-done',
    });
    const final = await handle.result();
    expect(final.closed).toMatchObject({ outcome: 'carried-out' });
    expect(JSON.stringify(final)).not.toContain('jane.subject');
  });
  expect(await steps('ACT-1')).toEqual(['closure-confirmation', 'customer-notice', 'subject-confirmation']);
  const record = await h.records.dsr.get('ACT-1');
  expect(record).toMatchObject({ status: 'closed', outcome: 'carried-out', instruction: 'erase', subjectEmailKnown: true });
  expect(record!.subjectConfirmedAt).not.toBeNull();
  expect(record!.actionRequests).toEqual([
    expect.objectContaining({
      webhookId: 'dsr-ACT-1.action-erase',
      action: 'erase',
      attempts: 3,
      completionNote: 'Account 881 erased.',
      completionSource: 'product',
    }),
  ]);
  const subjectMail = (await h.catcher.messages()).find((m) => m.envelope.to[0] === 'jane.subject@example.test');
  expect(subjectMail!.subject).toBe('Your request concerning Customer acting');
  // The history holds no trace of the subject's address.
  expect(await historyText(h.env, 'dsr-ACT-1')).not.toContain('jane.subject');
});

test('while the product does not confirm, the request goes again every day under the same webhook id and the privacy team is reminded', async () => {
  await h.customer('silent', { language: 'nl', timeZone: 'Europe/Brussels' });
  const before = product.deliveries.length;
  await withWorker('dsr-follow-up', async () => {
    const handle = await startRequest('dsr-follow-up', 'SILENT-1', 'silent', await h.serverNow());
    await waitForStep('SILENT-1', 'customer-notice');
    await instruct(handle, 'restrict', 'wh-silent-1');
    await h.waitFor(async () => product.deliveries.length > before, { what: 'the first request' });
    await h.env.sleep(day + 3_600_000);
    await waitForStep('SILENT-1', 'alert-action-unconfirmed-1');
    const sent = await h.waitFor(async () => product.deliveries.length - before >= 2 && product.deliveries.slice(before), {
      what: 'the second request',
    });
    expect(sent).toHaveLength(2);
    expect(sent.map((d) => d.headers['webhook-id'])).toEqual(['dsr-SILENT-1.action-restrict', 'dsr-SILENT-1.action-restrict']);
    expect(sent[1]!.body).toBe(sent[0]!.body);
    expect((await handle.query(dsrStatusQuery)).status).toBe('action-unconfirmed');

    await handle.executeUpdate(dsrActionCompletedUpdate, {
      args: [{ action: 'restrict', completedAt: await h.serverNow(), source: 'product' }],
    });
    await handle.result();
  });
  expect(await steps('SILENT-1')).toEqual(['alert-action-unconfirmed-1', 'closure-confirmation', 'customer-notice']);
});

test('a second, conflicting instruction is refused with its reason; the same instruction again changes nothing', async () => {
  await h.customer('twice', { language: 'en', timeZone: 'Europe/Brussels' });
  await withWorker('dsr-conflict', async () => {
    const handle = await startRequest('dsr-conflict', 'TWICE-1', 'twice', await h.serverNow());
    await waitForStep('TWICE-1', 'customer-notice');
    const first = await instruct(handle, 'rectify', 'wh-twice-1', 'New postal address.');
    expect(first).toMatchObject({ instruction: 'rectify', duplicate: false });
    const reason = await h.refusal(instruct(handle, 'erase', 'wh-twice-2'));
    expect(reason).toMatch(/already being carried out under the instruction "rectify".*conflicting instruction "erase" is refused/);
    expect(await instruct(handle, 'rectify', 'wh-twice-3')).toMatchObject({ instruction: 'rectify', duplicate: true });
    // The same delivery again (same webhook-id, used as the update id) gets the first answer back from Temporal.
    expect(await instruct(handle, 'rectify', 'wh-twice-1')).toEqual(first);
    const state = await handle.query(dsrStatusQuery);
    expect(state.instruction).toMatchObject({ instruction: 'rectify', note: 'New postal address.' });
    await handle.executeUpdate(dsrActionCompletedUpdate, {
      args: [{ action: 'rectify', completedAt: await h.serverNow(), source: 'product' }],
    });
    await handle.result();
    // Once closed, the workflow is gone: the endpoint answers 409 from its description.
  });
  expect((await h.records.dsr.get('TWICE-1'))!.instruction).toBe('rectify');
});

test('without a product webhook the privacy team is alerted at once, and an operator can record the completion by hand', async () => {
  await h.customer('unwired', { language: 'en', timeZone: 'Europe/Brussels' });
  await withWorker(
    'dsr-unwired',
    async () => {
      const handle = await startRequest('dsr-unwired', 'UNWIRED-1', 'unwired', await h.serverNow());
      await waitForStep('UNWIRED-1', 'customer-notice');
      await instruct(handle, 'respond', 'wh-unwired-1');
      await waitForStep('UNWIRED-1', 'alert-product-webhook-not-configured');
      const state = await handle.query(dsrStatusQuery);
      expect(state.status).toBe('action-unconfirmed');
      expect(state.action).toMatchObject({ action: 'respond', delivery: 'not-configured' });
      expect(state.action!.problem).toMatch(/PRODUCT_WEBHOOK_URL and PRODUCT_WEBHOOK_SECRET are not configured/);
      await handle.executeUpdate(dsrActionCompletedUpdate, {
        args: [
          { action: 'respond', completedAt: await h.serverNow(), note: 'Export handed over by the support team.', source: 'operator' },
        ],
      });
      expect((await handle.result()).closed).toMatchObject({ outcome: 'carried-out' });
    },
    { product: false },
  );
  expect((await h.records.dsr.get('UNWIRED-1'))!.actionRequests[0]).toMatchObject({
    action: 'respond',
    attempts: 1,
    lastAnswer: 'not sent: the product webhook is not configured',
    firstAcceptedAt: null,
    completionSource: 'operator',
  });
});

test('a request for a customer never described waits five minutes, then the privacy team is told', async () => {
  await withWorker('dsr-unknown', async () => {
    const handle = await startRequest('dsr-unknown', 'NOBODY-1', 'never-described', await h.serverNow());
    const startedAt = await h.env.currentTimeMs();
    await h.env.sleep('6 minutes');
    await waitForStep('NOBODY-1', 'alert-no-customer-record');
    const state = await handle.query(dsrStatusQuery);
    expect(state).toMatchObject({
      customerNotice: 'customer-unknown',
      subjectConfirmation: 'not-sent',
      status: 'customer-unreached',
      timeZone: 'Europe/Brussels',
    });
    const alerted = state.timeline.find((t) => t.event === 'privacy team alerted: no-customer-record')!;
    expect(Date.parse(alerted.at) - startedAt).toBeGreaterThanOrEqual(5 * 60_000);
    await instruct(handle, 'handled-by-customer', 'wh-nobody');
    await handle.result();
  });
  expect(await steps('NOBODY-1')).toEqual(['alert-no-customer-record']);
});

// ---------------------------------------------------------------------------------------------
// Nothing lost: an alert the privacy team's address refuses never ends the case

test('the privacy team’s address refuses the deadline alert: the case goes on and closes, the refusal is shown and retried, and the alert is delivered once the address takes it', async () => {
  await h.customer('team-down', { language: 'en', timeZone: 'Europe/Brussels' });
  const receivedAt = await h.serverNow();
  const deadline = addCalendarMonths(receivedAt, 1, 'Europe/Brussels');
  const step = `alert-deadline-passed-${deadline}`;
  h.refused.add(privacyTeam);
  try {
    await withWorker('dsr-team-refuses', async () => {
      const handle = await startRequest('dsr-team-refuses', 'REFUSED-1', 'team-down', receivedAt);
      await waitForStep('REFUSED-1', 'customer-notice');
      await h.skipTo(new Date(Date.parse(deadline) + 60_000).toISOString());

      // Refused: shown on the case, which is overdue and still open to the customer's instruction.
      const shown = await h.waitFor(
        async () => {
          const state = await handle.query(dsrStatusQuery);
          return state.undeliveredAlerts?.length > 0 && state;
        },
        { what: 'the refusal shown' },
      );
      expect(shown.status).toBe('overdue');
      expect(shown.undeliveredAlerts).toEqual([
        { step, since: expect.any(String), attempts: 1, problem: expect.stringMatching(/refused/), nextAttemptAt: expect.any(String) },
      ]);
      expect(shown.undeliveredAlerts[0]!.problem).not.toContain('@');
      const firstWait = Date.parse(shown.undeliveredAlerts[0]!.nextAttemptAt) - Date.parse(shown.undeliveredAlerts[0]!.since);
      expect(firstWait).toBeGreaterThanOrEqual(alertRetry.firstMs);
      expect(firstWait).toBeLessThan(alertRetry.firstMs + 60_000);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([1]);
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain(`\`${step}\``);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // The next message still works: the customer's instruction closes the case (its email goes out),
      // and the workflow stays only to deliver the alert.
      await instruct(handle, 'handled-by-customer', 'wh-refused-1');
      await waitForStep('REFUSED-1', 'closure-confirmation');
      expect((await handle.query(dsrStatusQuery)).closed).toMatchObject({ outcome: 'handled-by-customer' });
      expect((await h.records.dsr.get('REFUSED-1'))!.status).toBe('closed');
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // Retried under the same step after 15 minutes: one evidence row, two attempts.
      await h.env.sleep(alertRetry.firstMs + 60_000);
      await h.waitFor(
        async () => {
          const state = await handle.query(dsrStatusQuery);
          return state.undeliveredAlerts[0]?.attempts === 2;
        },
        { what: 'the second attempt' },
      );
      const rows = (await h.records.emails.listForWorkflow('dsr-REFUSED-1')).filter((row) => row.step === step);
      expect(rows).toEqual([expect.objectContaining({ status: 'failed', attempts: 2, recipient: privacyTeam })]);

      // The address takes mail again: the next try (30 minutes later) delivers it, and the case ends.
      h.refused.delete(privacyTeam);
      await h.env.sleep(2 * alertRetry.firstMs + 60_000);
      await finished(handle);
      const final = await handle.query(dsrStatusQuery);
      expect(final.undeliveredAlerts).toEqual([]);
      expect(final.timeline.map((t) => t.event)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^privacy team alert deadline-passed refused, retried/),
          'privacy team alerted: deadline-passed',
        ]),
      );
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([0]);
    });
  } finally {
    h.refused.delete(privacyTeam);
  }
  const rows = (await h.records.emails.listForWorkflow('dsr-REFUSED-1')).filter((row) => row.step === step);
  expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
  const delivered = (await h.mailOf('dsr-REFUSED-1')).filter((m) => m.envelope.to[0] === privacyTeam);
  expect(delivered.map((m) => m.headers['x-dpa-step'])).toEqual([step]);
});
