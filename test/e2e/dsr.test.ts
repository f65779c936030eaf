import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderDsrSubjectConfirmation } from '../../activities/email/templates/dsr';
import { verify } from '../../webhook-signing/standard-webhooks';
import { addCalendarMonths } from '../../domain/clocks';
import type { Records } from '../../records';
import { waitForMessages, type CaughtMail, type MailCatcher } from '../support/mail';
import { customerEvent, startStack, type Answer, type Stack } from '../support/stack';
import { decryptedHistory } from '../support/payload-keys';
import { waitFor } from '../support/wait';

/**
 * The data subject request end to end on real parts: signed webhooks into the HTTP endpoint, the
 * Temporal dev server, PostgreSQL, SMTP, and the product as a real HTTP server that checks our
 * signatures.
 */
const productSecret = 'whsec_ZTJlLXByb2R1Y3Qtc2VjcmV0LWZvci1kc3ItYWN0aW9ucw==';

let stack: Stack;
let env: Stack['env'];
let records: Records;
let catcher: MailCatcher;
let product: { server: Server; url: string; deliveries: Array<{ headers: IncomingHttpHeaders; body: string; verified: boolean }> };

beforeAll(async () => {
  const deliveries: typeof product.deliveries = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => request.headers[name] as string | undefined;
      const { ok } = verify(
        productSecret,
        { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
        raw,
      );
      deliveries.push({ headers: request.headers, body: raw.toString('utf8'), verified: ok });
      response.statusCode = ok ? 202 : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  product = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dpa-events`, deliveries };
  stack = await startStack({ database: 'postgres', productWebhook: { url: product.url, secret: productSecret } });
  ({ env, records, catcher } = stack);
});

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => product?.server.close(resolve));
});

const post = (event: unknown, webhookId?: string): Promise<Answer> => stack.post(event, webhookId ? { webhookId } : {});
const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

async function newMessages(before: number, count: number): Promise<CaughtMail[]> {
  return (await waitForMessages(catcher, before + count)).slice(before);
}

/** Every payload of a workflow's history, decrypted and decoded, as an operator reads it in the Web UI through the codec endpoint. */
async function historyText(workflowId: string): Promise<string> {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('utf8'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    else if (typeof value === 'string') texts.push(value);
  };
  walk(await decryptedHistory(await env.client.workflow.getHandle(workflowId).fetchHistory()));
  return texts.join('\n');
}

const subjectAddress = 'marie.dubois@subject.e2e.test';

test('a data subject request from receipt to a confirmed erasure, by signed webhooks, SMTP, SQL and the product', async () => {
  expect(
    (await post(customerEvent('e2e-dsr-fr', 'fr', ['dpo@dsr-fr.e2e.test', 'legal@dsr-fr.e2e.test'], { timezone: 'Europe/Paris' }))).status,
  ).toBe(202);
  await waitFor('the customer record', () => records.customers.get('e2e-dsr-fr'));

  // 1. Receipt: the customer at once, the subject only the confirmation of policy 10.2.
  let before = (await catcher.messages()).length;
  const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
  const received = event('dsr.received', {
    requestId: 'E2E-DSR-1',
    customerId: 'e2e-dsr-fr',
    receivedAt,
    requestType: 'erasure',
    subjectEmail: subjectAddress,
  });
  expect(await post(received, 'msg_dsr_received')).toEqual({ status: 202, body: { workflowId: 'dsr-E2E-DSR-1' } });
  const first = await newMessages(before, 3);
  const toSubject = first.filter((m) => m.envelope.to[0] === subjectAddress);
  const toCustomer = first.filter((m) => m.envelope.to[0] !== subjectAddress);
  expect(toCustomer.map((m) => m.envelope.to[0]).sort()).toEqual(['dpo@dsr-fr.e2e.test', 'legal@dsr-fr.e2e.test']);
  for (const notice of toCustomer) {
    expect(notice.subject).toBe('[Demande de personne concernée] Une personne concernée nous a contactés – demande E2E-DSR-1');
    expect(notice.text).toContain("Droit à l'effacement (article 17 du RGPD)");
    expect(notice.text).toContain('sans votre accord écrit préalable');
    expect(notice.text).not.toContain(subjectAddress);
  }
  // The subject's email holds the confirmation and nothing else: exactly the rendered text.
  expect(toSubject).toHaveLength(1);
  const confirmation = renderDsrSubjectConfirmation({ customerName: 'Customer e2e-dsr-fr' }, 'fr');
  expect(toSubject[0]!.subject).toBe(confirmation.subject);
  expect(toSubject[0]!.text.trim()).toBe(confirmation.text.trim());
  expect(toSubject[0]!.text).not.toMatch(/E2E-DSR-1|effacement|RGPD|\d{4}/);
  // Nor do its headers name the case: no workflow id, no step.
  expect(Object.keys(toSubject[0]!.headers).filter((name) => name.startsWith('x-dpa'))).toEqual([]);

  // The address is in the records, and nowhere in Temporal.
  expect(await records.dsr.subjectEmail('E2E-DSR-1')).toBe(subjectAddress);
  const handle = env.client.workflow.getHandle('dsr-E2E-DSR-1');
  await waitFor('the subject confirmation recorded', async () => (await records.dsr.get('E2E-DSR-1'))?.subjectConfirmedAt);
  expect(await historyText('dsr-E2E-DSR-1')).not.toContain('marie.dubois');
  const description = await waitFor('the case awaiting its instruction', async () => {
    const described = await handle.describe();
    return described.searchAttributes.DpaStatus?.[0] === 'awaiting-instruction' && described;
  });
  expect(description.searchAttributes).toMatchObject({ DpaProcess: ['dsr'], DpaCustomerIds: ['e2e-dsr-fr'] });
  // Art. 12(3): one calendar month on the customer's calendar, shown to operators as a date.
  expect((description.searchAttributes.DpaNextDeadline as Date[])[0]!.toISOString()).toBe(addCalendarMonths(receivedAt, 1, 'Europe/Paris'));
  const ours = Object.entries(description.searchAttributes).filter(([key]) => key.startsWith('Dpa'));
  expect(JSON.stringify(ours)).not.toContain('@');
  expect(JSON.stringify(description.searchAttributes)).not.toContain('marie.dubois');
  expect(await description.staticSummary()).toBe('Data subject request E2E-DSR-1 (erasure) for customer e2e-dsr-fr');

  // The same report again joins the case; the same id with other facts is refused.
  expect(await post(received, 'msg_dsr_received_again')).toEqual({ status: 202, body: { workflowId: 'dsr-E2E-DSR-1' } });
  const other = await post(event('dsr.received', { ...received.data, customerId: 'someone-else' }));
  expect(other.status).toBe(409);
  expect(other.body.error).toMatch(/already reported with another customerId/);

  // 2. The written instruction: the product is asked, by a signed webhook without the subject's address.
  const instructed = await post(
    event('dsr.instructed', { requestId: 'E2E-DSR-1', instruction: 'erase', note: 'Erase everything about this person.' }),
  );
  expect(instructed).toEqual({ status: 202, body: { workflowId: 'dsr-E2E-DSR-1' } });
  const delivery = await waitFor('the action request', async () => product.deliveries[0]);
  expect(delivery.verified).toBe(true);
  expect(delivery.headers['webhook-id']).toBe('dsr-E2E-DSR-1.action-erase');
  expect(JSON.parse(delivery.body)).toEqual({
    type: 'dsr.action-requested',
    timestamp: expect.any(String),
    data: { requestId: 'E2E-DSR-1', customerId: 'e2e-dsr-fr', action: 'erase', note: 'Erase everything about this person.' },
  });
  expect(delivery.body).not.toContain('marie.dubois');

  // A conflicting instruction is refused with the reason; so is a third month of extension.
  const conflicting = await post(event('dsr.instructed', { requestId: 'E2E-DSR-1', instruction: 'restrict' }));
  expect(conflicting.status).toBe(409);
  expect(conflicting.body).toEqual({
    error: expect.stringMatching(/instruction "erase".*"restrict" is refused/),
    workflowId: 'dsr-E2E-DSR-1',
  });
  before = (await catcher.messages()).length;
  expect(
    (await post(event('dsr.extension-requested', { requestId: 'E2E-DSR-1', extraMonths: 2, reason: 'Backups need a scheduled run.' })))
      .status,
  ).toBe(202);
  const tooLong = await post(event('dsr.extension-requested', { requestId: 'E2E-DSR-1', extraMonths: 1 }));
  expect(tooLong.status).toBe(409);
  expect(tooLong.body.error).toMatch(/at most 2 further months/);
  const extensionMails = await newMessages(before, 2);
  expect(extensionMails.every((m) => m.subject.startsWith('[Demande de personne concernée] Prolongation de votre délai enregistrée'))).toBe(
    true,
  );

  // 3. The product confirms; the customer is told and the case closes.
  before = (await catcher.messages()).length;
  const completedAt = new Date().toISOString();
  const completion = event('dsr.action-completed', {
    requestId: 'E2E-DSR-1',
    action: 'erase',
    completedAt,
    note: 'Erased in every store.',
  });
  expect(await post(completion, 'msg_dsr_done')).toEqual({ status: 202, body: { workflowId: 'dsr-E2E-DSR-1' } });
  const closing = await newMessages(before, 2);
  expect(closing.map((m) => m.envelope.to[0]).sort()).toEqual(['dpo@dsr-fr.e2e.test', 'legal@dsr-fr.e2e.test']);
  expect(closing[0]!.subject).toBe('[Demande de personne concernée] Demande clôturée – demande E2E-DSR-1');
  expect(closing[0]!.text).toContain('ont été effacées le');
  const final = await handle.result();
  expect(final).toMatchObject({ phase: 'closed', status: 'closed', closed: { outcome: 'carried-out' }, extensionMonths: 2 });

  // The records tell the whole story.
  const record = await records.dsr.get('E2E-DSR-1');
  expect(record).toMatchObject({
    customerId: 'e2e-dsr-fr',
    requestType: 'erasure',
    receivedAt,
    subjectEmailKnown: true,
    status: 'closed',
    outcome: 'carried-out',
    instruction: 'erase',
    instructionNote: 'Erase everything about this person.',
    instructionSource: 'product',
    extensionMonths: 2,
    timeZone: 'Europe/Paris',
  });
  expect(record!.customerNotifiedAt).not.toBeNull();
  expect(record!.deadlines.map((d) => [d.sequence, d.extraMonths, d.reason])).toEqual([
    [0, 0, null],
    [1, 2, 'Backups need a scheduled run.'],
  ]);
  expect(Date.parse(record!.deadlineAt!)).toBeGreaterThan(Date.parse(record!.originalDeadlineAt!));
  expect(record!.actionRequests).toEqual([
    expect.objectContaining({
      webhookId: 'dsr-E2E-DSR-1.action-erase',
      action: 'erase',
      attempts: 1,
      lastAnswer: '202',
      completedAt,
      completionNote: 'Erased in every store.',
    }),
  ]);
  const evidence = await records.emails.list({ workflowIdPrefix: 'dsr-E2E-DSR-1' });
  expect(evidence.map((e) => [e.step, e.recipient, e.status]).sort()).toEqual([
    ['closure-confirmation', 'dpo@dsr-fr.e2e.test', 'sent'],
    ['closure-confirmation', 'legal@dsr-fr.e2e.test', 'sent'],
    ['customer-notice', 'dpo@dsr-fr.e2e.test', 'sent'],
    ['customer-notice', 'legal@dsr-fr.e2e.test', 'sent'],
    ['extension-1', 'dpo@dsr-fr.e2e.test', 'sent'],
    ['extension-1', 'legal@dsr-fr.e2e.test', 'sent'],
    ['subject-confirmation', subjectAddress, 'sent'],
  ]);
  expect((await handle.describe()).searchAttributes).toMatchObject({ DpaStatus: ['closed'] });
  expect(await historyText('dsr-E2E-DSR-1')).not.toContain('marie.dubois');

  // 4. A closed case refuses everything; the same delivery again gets its first answer.
  expect(await post(completion, 'msg_dsr_done')).toEqual({ status: 202, body: { workflowId: 'dsr-E2E-DSR-1' } });
  const late = await post(event('dsr.instructed', { requestId: 'E2E-DSR-1', instruction: 'erase' }));
  expect(late.status).toBe(409);
  expect(late.body.error).toMatch(/completed/);
  const again = await post(received, 'msg_dsr_received_closed');
  expect(again.status).toBe(409);
  expect(again.body.error).toMatch(/already closed/);
});

test('404 for an instruction, an extension or a confirmation about a request nobody reported', async () => {
  for (const [type, data] of [
    ['dsr.instructed', { requestId: 'E2E-NOBODY', instruction: 'erase' }],
    ['dsr.extension-requested', { requestId: 'E2E-NOBODY', extraMonths: 1 }],
    ['dsr.action-completed', { requestId: 'E2E-NOBODY', action: 'erase', completedAt: new Date().toISOString() }],
  ] as const) {
    const answer = await post(event(type, data));
    expect(answer).toEqual({ status: 404, body: { error: 'data subject request E2E-NOBODY is not known' } });
  }
  expect(await records.dsr.get('E2E-NOBODY')).toBeUndefined();
});

test('400 for a request whose subject address is not an email address, and nothing is recorded', async () => {
  const answer = await post(
    event('dsr.received', {
      requestId: 'E2E-BAD',
      customerId: 'e2e-dsr-fr',
      receivedAt: new Date().toISOString(),
      requestType: 'access',
      subjectEmail: 'not-an-address',
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.problems!.map((p: { path: string }) => p.path)).toEqual(['data.subjectEmail']);
  expect(await records.dsr.get('E2E-BAD')).toBeUndefined();
});
