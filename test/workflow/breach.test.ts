import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { createMailer } from '../../activities/email/mailer';
import type { BreachIncidentInput } from '../../domain/breach';
import { breachClosedSignal } from '../../domain/breach';
import { workflowIds } from '../../domain/ids';
import type { Database, Records } from '../../records';
import { createWorker } from '../../worker/create-worker';
import { breachIncident } from '../../workflows';
import { startMailCatcher, waitForMessages, type MailCatcher } from '../support/mail';
import { freshDatabase } from '../support/records';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: Database;
let records: Records;
let catcher: MailCatcher;
let mailer: Transporter;
const refused = new Set<string>();

beforeAll(async () => {
  env = await startTimeSkippingServer();
  ({ database, records } = await freshDatabase('pglite'));
  catcher = await startMailCatcher({ refuseRecipient: (address) => refused.has(address) });
  mailer = createMailer(catcher.smtpUrl);
});

afterAll(async () => {
  mailer?.close();
  await catcher?.close();
  await database?.close();
  await env?.teardown();
});

async function withWorker<T>(taskQueue: string, fn: (worker: Worker) => Promise<T>): Promise<T> {
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    records,
    mailer,
    mailFrom: 'Privacy team <privacy@processor.test>',
    privacyTeamEmail: 'privacy-team@processor.test',
  });
  return worker.runUntil(fn(worker));
}

function incident(incidentId: string, affectedCustomerIds: string[]): BreachIncidentInput {
  return {
    incidentId,
    awareAt: '2026-03-27T22:00:00.000Z',
    detectedAt: '2026-03-27T22:05:00.000Z',
    summary: 'Backup tapes were lost in transit.',
    dataCategories: ['names', 'email addresses'],
    subjectsApprox: 300,
    measures: ['The courier was contacted'],
    affectedCustomerIds,
  };
}

test('every affected customer is notified in its own language, and the register records when', async () => {
  await records.customers.upsert(
    { customerId: 'c-nl', name: 'Klant NL', language: 'nl', contacts: [{ email: 'a@nl.test' }, { email: 'b@nl.test' }], timeZone: 'Europe/Brussels', contract: { breachNoticeHours: 24 } },
    '2026-01-01T00:00:00Z',
  );
  await records.customers.upsert(
    { customerId: 'c-fr', name: 'Client FR', language: 'fr', contacts: [{ email: 'a@fr.test' }], timeZone: 'Europe/Paris', contract: {} },
    '2026-01-01T00:00:00Z',
  );
  const taskQueue = 'breach-languages';
  await withWorker(taskQueue, async () => {
    const handle = await env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-1'),
      taskQueue,
      args: [incident('INC-1', ['c-nl', 'c-fr'])],
    });
    const messages = await waitForMessages(catcher, 3);
    const byRecipient = new Map(messages.map((m) => [m.envelope.to[0], m]));
    expect(byRecipient.get('a@nl.test')!.subject).toContain('[Datalek]');
    expect(byRecipient.get('b@nl.test')!.subject).toContain('INC-1');
    expect(byRecipient.get('a@fr.test')!.subject).toContain('[Violation de données]');
    await handle.signal(breachClosedSignal, { finalReport: 'Tapes found sealed.', closedAt: '2026-03-30T10:00:00.000Z' });
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(result.customers['c-nl']).toMatchObject({ status: 'notified', recipients: 2 });
  });

  const entry = await records.breaches.get('INC-1');
  expect(entry?.status).toBe('closed');
  const nl = entry!.notifications.find((n) => n.customerId === 'c-nl')!;
  expect(nl.status).toBe('notified');
  // 8.1: the contract's 24 hours run from the moment the processor became aware.
  expect(nl.contractualDeadlineAt).toBe('2026-03-28T22:00:00.000Z');
  expect(Date.parse(nl.controllerDeadlineAt!) - Date.parse(nl.notifiedAt!)).toBe(72 * 3_600_000);
  const evidence = await records.emails.list({ workflowIdPrefix: 'breach-INC-1-' });
  expect(evidence.map((e) => [e.recipient, e.status]).sort()).toEqual([
    ['a@fr.test', 'sent'],
    ['a@nl.test', 'sent'],
    ['b@nl.test', 'sent'],
  ]);
});

test('a customer the product never described is waited for five minutes, then the privacy team is told', async () => {
  const taskQueue = 'breach-unknown-customer';
  const before = (await catcher.messages()).length;
  await withWorker(taskQueue, async () => {
    const handle = await env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-2'),
      taskQueue,
      args: [incident('INC-2', ['never-described'])],
    });
    const startedAt = Date.now();
    const skippedFrom = await env.currentTimeMs();
    await handle.signal(breachClosedSignal, { finalReport: 'n/a', closedAt: '2026-03-30T10:00:00.000Z' });
    const result = await handle.result();
    expect(result.customers['never-described']).toMatchObject({ status: 'undeliverable' });
    // The grace period ran on the server's clock, not the test's.
    expect((await env.currentTimeMs()) - skippedFrom).toBeGreaterThanOrEqual(5 * 60 * 1000);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });
  const alerts = (await catcher.messages()).slice(before);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.envelope.to).toEqual(['privacy-team@processor.test']);
  expect(alerts[0]!.text).toContain('never-described');
  const entry = await records.breaches.get('INC-2');
  expect(entry!.notifications[0]).toMatchObject({ customerId: 'never-described', status: 'undeliverable' });
});

test('a customer described a little after the breach report is still notified, without any alert', async () => {
  const taskQueue = 'breach-late-customer';
  const before = (await catcher.messages()).length;
  await withWorker(taskQueue, async () => {
    const handle = await env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-3'),
      taskQueue,
      args: [incident('INC-3', ['late-customer'])],
    });
    await env.sleep('30 seconds');
    await records.customers.upsert(
      { customerId: 'late-customer', name: 'Late Ltd', language: 'en', contacts: [{ email: 'dpo@late.test' }], timeZone: 'Europe/London', contract: {} },
      '2026-01-01T00:00:00Z',
    );
    const [message] = (await waitForMessages(catcher, before + 1)).slice(before);
    expect(message!.envelope.to).toEqual(['dpo@late.test']);
    expect(message!.subject).toContain('[Data breach]');
    await handle.signal(breachClosedSignal, { finalReport: 'Resolved.', closedAt: '2026-03-30T10:00:00.000Z' });
    expect((await handle.result()).customers['late-customer']).toMatchObject({ status: 'notified' });
  });
  expect((await catcher.messages()).slice(before)).toHaveLength(1);
});

test('when every contact refuses the notice, the register says so and the privacy team is told at once', async () => {
  refused.add('gone@refusing.test');
  await records.customers.upsert(
    { customerId: 'refusing', name: 'Refusing BV', language: 'nl', contacts: [{ email: 'gone@refusing.test' }], timeZone: 'Europe/Brussels', contract: {} },
    '2026-01-01T00:00:00Z',
  );
  const taskQueue = 'breach-refused';
  const before = (await catcher.messages()).length;
  await withWorker(taskQueue, async () => {
    const handle = await env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-4'),
      taskQueue,
      args: [incident('INC-4', ['refusing'])],
    });
    await handle.signal(breachClosedSignal, { finalReport: 'n/a', closedAt: '2026-03-30T10:00:00.000Z' });
    expect((await handle.result()).customers['refusing']).toMatchObject({ status: 'undeliverable' });
  });
  const delivered = (await catcher.messages()).slice(before);
  expect(delivered.map((m) => m.envelope.to[0])).toEqual(['privacy-team@processor.test']);
  const entry = await records.breaches.get('INC-4');
  expect(entry!.notifications[0]!.status).toBe('undeliverable');
  expect(entry!.notifications[0]!.problem).toMatch(/550/);
  const evidence = await records.emails.list({ workflowIdPrefix: 'breach-INC-4-refusing' });
  expect(evidence.map((e) => [e.step, e.recipient, e.status])).toEqual([
    ['initial-notice', 'gone@refusing.test', 'failed'],
    ['notice-undeliverable', 'privacy-team@processor.test', 'sent'],
  ]);
});
