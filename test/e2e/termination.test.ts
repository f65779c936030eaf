import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { defaultTerminationConfig, exportWindowClosesAt } from '../../domain/termination';
import { verify } from '../../webhook-signing/standard-webhooks';
import { type CaughtMail, type MailCatcher } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { customerEvent, startStack, type Answer, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

/**
 * The end of a contract end to end on real parts: signed webhooks into the HTTP endpoint, the Temporal
 * dev server, PostgreSQL, SMTP, and the product as a real HTTP server that checks our signatures and
 * receives each store's deletion request.
 */
const productSecret = 'whsec_ZTJlLXByb2R1Y3Qtc2VjcmV0LWZvci10ZXJtaW5hdGlvbnM=';
const stores = ['app-db', 'search'];

let stack: Stack;
let catcher: MailCatcher;
let product: { server: Server; url: string; deliveries: Array<{ webhookId: string; body: string; verified: boolean }> };

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
      deliveries.push({ webhookId: header('webhook-id') ?? '', body: raw.toString('utf8'), verified: ok });
      response.statusCode = ok ? 202 : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  product = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dpa-events`, deliveries };
  stack = await startStack({
    database: 'postgres',
    productWebhook: { url: product.url, secret: productSecret },
    termination: { ...defaultTerminationConfig, dataStores: stores },
  });
  ({ catcher } = stack);
});

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => product?.server.close(resolve));
});

const post = (event: unknown, webhookId?: string): Promise<Answer> => stack.post(event, webhookId ? { webhookId } : {});
const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

const mailsOf = async (workflowId: string): Promise<CaughtMail[]> =>
  (await catcher.messages()).filter((mail) => mail.headers['x-dpa-workflow-id'] === workflowId);

/** Every row of every table of the records, as text: where a test looks for personal data that must be gone. */
async function everyRecord(): Promise<string> {
  const db = stack.database.db;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const dump: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables.rows) dump[table] = (await sql`select * from ${sql.table(table)}`.execute(db)).rows;
  return JSON.stringify(dump);
}

test('a termination by signed webhooks: the notice, an extension, deleteNow, a deletion request per store, their confirmations, the certificate; no new DSR for the customer, an open one goes on through the window and then ends, its subject data cleared', async () => {
  const customerId = 'ended-e2e';
  expect((await post(customerEvent(customerId, 'en', ['dpo@ended-e2e.test'], { timezone: 'Europe/Brussels' }))).status).toBe(202);
  await waitFor('the customer recorded', () => stack.records.customers.get(customerId));
  // A request reported while the contract still runs.
  const openDsr = event('dsr.received', {
    requestId: 'before-end',
    customerId,
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    requestType: 'access',
    subjectEmail: 'marie.dubois@subject-ended.test',
  });
  expect(await post(openDsr, 'dsr-before-end')).toMatchObject({ status: 202 });
  // Another customer's request, whose subject data stays.
  expect((await post(customerEvent('keeps-running', 'en', ['dpo@keeps-running.test']))).status).toBe(202);
  await waitFor('the other customer recorded', () => stack.records.customers.get('keeps-running'));
  const othersDsr = event('dsr.received', {
    requestId: 'other-customer',
    customerId: 'keeps-running',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    requestType: 'access',
    subjectEmail: 'piet.peeters@subject-running.test',
  });
  expect((await post(othersDsr, 'dsr-other-customer')).status).toBe(202);
  for (const requestId of ['before-end', 'other-customer'])
    await waitFor(
      `the subject of ${requestId} confirmed`,
      async () => (await stack.records.dsr.get(requestId))?.subjectConfirmedAt ?? false,
    );

  const terminatedAt = new Date(Date.now() - 60_000).toISOString();
  const terminated = event('contract.terminated', { customerId, terminatedAt, exportWindowDays: 14 });
  const started = await post(terminated, 'terminated-1');
  expect(started).toEqual({ status: 202, body: { workflowId: `termination-${customerId}` } });
  expect(await post(terminated, 'terminated-1')).toEqual(started);
  const otherEnd = await post(event('contract.terminated', { customerId, terminatedAt: new Date(Date.now() - 120_000).toISOString() }));
  expect(otherEnd.status).toBe(409);
  expect(otherEnd.body.error).toMatch(/already reported ended with another terminatedAt, exportWindowDays/);

  const [notice] = await waitFor('the notice', async () => {
    const mails = await mailsOf(`termination-${customerId}`);
    return mails.length >= 1 && mails;
  });
  expect(notice!.envelope.to).toEqual(['dpo@ended-e2e.test']);
  expect(notice!.subject).toBe('[End of contract] Export your data before it is deleted – customer ended-e2e');
  expect(notice!.text).toContain('Your export window is 14 days from this notice');
  expect(notice!.text).toContain(defaultTerminationConfig.exportTool.url);
  const window = await waitFor('the window recorded', async () => {
    const record = await stack.records.terminations.get(customerId);
    return record?.noticeAcceptedAt !== undefined && record;
  });
  expect(window.exportClosesAt).toBe(exportWindowClosesAt(window.noticeAcceptedAt!, 'Europe/Brussels', 14));

  // 13: no new case for the customer; the request reported before goes on (a retried delivery included).
  const newDsr = await post(
    event('dsr.received', { requestId: 'after-end', customerId, receivedAt: new Date().toISOString(), requestType: 'erasure' }),
  );
  expect(newDsr.status).toBe(409);
  expect(newDsr.body.error).toMatch(/contract of customer ended-e2e ended at .*no new data subject request can be opened/);
  expect(await stack.records.dsr.get('after-end')).toBeUndefined();
  expect((await post(openDsr, 'dsr-before-end-retried')).status).toBe(202);
  const newAudit = await post(
    event('audit.requested', { auditId: 'after-end', customerId, proposedDate: '2031-06-02', auditor: { name: 'Auditor A' } }),
  );
  expect(newAudit.status).toBe(409);
  expect(newAudit.body.error).toMatch(/contract of customer ended-e2e ended at .*no new audit can be opened/);
  expect(await stack.records.audits.get('after-end')).toBeUndefined();
  // A change announced to every customer leaves it out.
  expect((await post(customerEvent('still-running', 'nl', ['dpo@still-running.test']))).status).toBe(202);
  await waitFor('the second customer', () => stack.records.customers.get('still-running'));
  const change = event('subprocessor.changed', {
    changeId: 'after-end-change',
    action: 'added',
    subprocessor: { id: 'mailer-eu', name: 'Mailer EU', country: 'BE', purpose: 'Sending email' },
    effectiveAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
  });
  expect((await post(change)).status).toBe(202);
  expect((await stack.records.subprocessors.recipients('after-end-change', 0, 100)).sort()).toEqual(['keeps-running', 'still-running']);

  // The window extended: the customer gets the new end.
  expect(await post(event('contract.export-extended', { customerId, extraDays: 7, reason: 'large archive' }), 'extend-1')).toMatchObject({
    status: 202,
  });
  await waitFor('the extension email', async () => (await mailsOf(`termination-${customerId}`)).length >= 2);
  await waitFor('the extension recorded', async () => (await stack.records.terminations.get(customerId))!.extensions.length === 1);
  const extended = (await stack.records.terminations.get(customerId))!;
  expect(extended.exportClosesAt).toBe(exportWindowClosesAt(window.noticeAcceptedAt!, 'Europe/Brussels', 21));

  // During the window the open request still takes its instruction (with a note naming the subject).
  const instructed = await post(
    event('dsr.instructed', { requestId: 'before-end', instruction: 'respond', note: 'Marie Dubois asked by letter' }),
    'instructed-before-end',
  );
  expect(instructed.status).toBe(202);
  await waitFor('the instruction recorded', async () => (await stack.records.dsr.get('before-end'))?.instructionNote ?? false);

  // The controller's written choice: delete now.
  const done = await post(
    event('export.completed', { customerId, completedAt: new Date(Date.now() - 1000).toISOString(), deleteNow: true }),
    'export-done',
  );
  expect(done.status).toBe(202);
  const deletionRequests = () =>
    product.deliveries
      .map((delivery) => ({ id: delivery.webhookId, verified: delivery.verified, ...JSON.parse(delivery.body) }))
      .filter((request) => request.type === 'deletion.requested');
  await waitFor('a deletion request per store', async () => deletionRequests().length >= stores.length);
  const requests = deletionRequests();
  expect(requests.map((r) => [r.id, r.verified, r.type, r.data.store]).sort()).toEqual([
    [`termination-${customerId}.delete-app-db`, true, 'deletion.requested', 'app-db'],
    [`termination-${customerId}.delete-search`, true, 'deletion.requested', 'search'],
  ]);
  const waiver = await waitFor('the waiver email', async () =>
    (await mailsOf(`termination-${customerId}`)).find((mail) => mail.subject.includes('at your request')),
  );
  expect(waiver.text).toContain('has been waived');

  // Each store confirms; an unknown store is refused with the reason.
  const confirmation = (store: string) =>
    event('deletion.confirmed', {
      customerId,
      store,
      method: 'delete',
      completedAt: new Date(Date.now() - 500).toISOString(),
      reference: `DEL-${store}`,
      ...(store === 'search' && { lastCopyExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }),
    });
  const unknown = await post(confirmation('warehouse'));
  expect(unknown.status).toBe(409);
  expect(unknown.body.error).toMatch(/store warehouse was not asked/);
  expect((await post(confirmation('app-db'), 'confirm-app-db')).status).toBe(202);
  expect((await post(confirmation('search'), 'confirm-search')).status).toBe(202);
  const deleted = await waitFor('the deletion recorded', async () => {
    const record = await stack.records.terminations.get(customerId);
    return record?.deletedAt !== undefined && record;
  });
  expect(deleted.deleteNow).toBe(true);
  expect(deleted.deletions.map((d) => [d.store, d.method, d.reference])).toEqual([
    ['app-db', 'delete', 'DEL-app-db'],
    ['search', 'delete', 'DEL-search'],
  ]);
  // The case is over: a late extension is refused.
  const late = await post(event('contract.export-extended', { customerId, extraDays: 3 }));
  expect(late.status).toBe(409);

  // 11.3: the certificate, in the customer's language, as a PDF naming every store and its reference.
  const certificate = await waitFor('the certificate', async () =>
    (await mailsOf(`termination-${customerId}`)).find((mail) => mail.headers['x-dpa-step'] === 'certificate-of-deletion'),
  );
  expect(certificate.envelope.to).toEqual(['dpo@ended-e2e.test']);
  expect(certificate.subject).toBe('[End of contract] Certificate of deletion of your personal data – customer ended-e2e');
  const attachment = (await simpleParser(catcher.raw(certificate.id)!)).attachments.find((a) => a.contentType === 'application/pdf')!;
  expect(attachment.filename).toBe(`certificate-of-deletion-${customerId}.pdf`);
  const { text } = await pdfText(attachment.content);
  expect(text).toContain('Certificate of deletion');
  expect(text).toContain(`Customer ${customerId} (${customerId})`);
  for (const store of stores) {
    expect(text).toContain(`System: ${store}`);
    expect(text).toContain(`DEL-${store}`);
    expect(certificate.text).toContain(`DEL-${store}`);
  }
  expect(text).toContain('Last backup copy expires');

  // 13: the open request ended with the contract; no subject data of the customer remains in the records.
  await waitFor('the request closed', async () => (await stack.records.dsr.get('before-end'))?.outcome === 'contract-ended');
  await waitFor('the subject data cleared', async () => !(await everyRecord()).includes('marie.dubois@subject-ended.test'));
  const records = await everyRecord();
  expect(records).not.toContain('marie.dubois@subject-ended.test');
  expect(records).not.toContain('Marie Dubois');
  expect(await stack.records.dsr.get('before-end')).toMatchObject({ status: 'closed', instruction: 'respond', instructionNote: null });
  expect(await stack.records.certificates.get(customerId)).toMatchObject({ filename: `certificate-of-deletion-${customerId}.pdf` });
  // The other customer's subject stays; the evidence of what was sent to ours stays, without the address.
  expect(records).toContain('piet.peeters@subject-running.test');
  expect((await stack.records.emails.listForWorkflow('dsr-before-end')).map((e) => [e.step, e.status])).toContainEqual([
    'subject-confirmation',
    'sent',
  ]);
});
