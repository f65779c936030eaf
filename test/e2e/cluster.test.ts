import type { ChildProcess } from 'node:child_process';
import { breachStatusQuery } from '../../domain/breach';
import { workflowIds } from '../../domain/ids';
import { openDatabase, createRecords, type Database, type Records } from '../../records';
import {
  startProduct,
  startTemporalCluster,
  temporalServerBinaries,
  uniqueDatabaseName,
  type ProductProcesses,
  type TemporalCluster,
} from '../support/cluster';
import { startMailCatcher, type MailCatcher } from '../support/mail';
import { freshPostgresDatabase } from '../support/records';
import { breachEvent, customerEvent, postEvent, webhookSecret } from '../support/stack';

/**
 * The compose topology for real, without Docker: the Temporal server built from its Go module on
 * PostgreSQL (persistence and SQL visibility), the webhook endpoint and two workers, each its own
 * process with compose's settings, PostgreSQL for the records and a real SMTP server. A breach and a
 * subprocessor change reach 200 customers; one worker is killed (SIGKILL) in the middle of the fan-out,
 * and the other finishes it: every customer gets exactly one notice of each.
 */
const customerCount = 200;
const customers = Array.from({ length: customerCount }, (_, index) => `cl-${String(index).padStart(3, '0')}`);
const languages = ['nl', 'fr', 'en'] as const;
const contactOf = (customerId: string) => `dpo@${customerId}.cluster.test`;
const noticeSteps = { breach: 'initial-notice', change: 'change-notice' } as const;
const DAY = 24 * 3_600_000;
/** After this many customer notices are accepted (of 400), the first worker is killed. */
const killAfter = 60;

let cluster: TemporalCluster | undefined;
let product: ProductProcesses | undefined;
let catcher: MailCatcher | undefined;
let records: { database: Database; records: Records } | undefined;

/** The customer notices the SMTP server accepted, counted as they arrive (parsing 400 emails again and again would measure the test). */
const accepted: Array<{ workflowId: string; step: string }> = [];
let hold: Promise<void> | undefined;
let acceptedAtKill = 0;
let killed: ChildProcess | undefined;

function noticeHeaders(raw: Buffer): { workflowId: string; step: string } | undefined {
  const head = raw.subarray(0, 8192).toString('latin1');
  const workflowId = /^X-DPA-Workflow-Id: (\S+)/im.exec(head)?.[1];
  const step = /^X-DPA-Step: (\S+)/im.exec(head)?.[1];
  if (!workflowId || !step || !(Object.values(noticeSteps) as string[]).includes(step)) return undefined;
  return { workflowId, step };
}

/**
 * Runs before SMTP answers a message. At the kill point no message gets a 250 any more: after a pause
 * in which every send that was answered has been recorded, the first worker is killed, and the messages
 * held meanwhile (of either worker) are deferred with a 451, for Temporal to retry. So the crash never
 * falls between SMTP's acceptance and the evidence record (the one window where the product re-sends,
 * under the same Message-ID): any second copy here is a fault.
 */
async function beforeAccept(raw: Buffer): Promise<void> {
  if (hold) {
    await hold;
    throw Object.assign(new Error('deferred while a worker was killed'), { responseCode: 451 });
  }
  const notice = noticeHeaders(raw);
  if (!notice) return;
  if (accepted.length + 1 === killAfter && !killed) {
    acceptedAtKill = accepted.length;
    hold = killFirstWorker();
    await hold;
    hold = undefined;
    throw Object.assign(new Error('deferred while a worker was killed'), { responseCode: 451 });
  }
  accepted.push(notice);
}

async function killFirstWorker(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const victim = product!.workers[0]!;
  killed = victim;
  const exited = new Promise((resolve) => victim.once('exit', resolve));
  victim.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  // No skip: without the provisioned server this fails and says how to build it.
  temporalServerBinaries();
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  cluster = await startTemporalCluster({
    postgresUrl,
    databases: { temporal: uniqueDatabaseName('temporal'), visibility: uniqueDatabaseName('temporal_visibility') },
    dropOnStop: true,
  });
  catcher = await startMailCatcher({ beforeAccept });
  const databaseUrl = await freshPostgresDatabase();
  product = await startProduct({
    temporalAddress: cluster.address,
    namespace: cluster.namespace,
    databaseUrl,
    smtpUrl: catcher.smtpUrl,
    webhookSecret,
    operatorToken: 'cluster-test-operator-token-of-at-least-32-characters',
    privacyTeamEmail: 'privacy-team@processor.test',
    mailFrom: 'Privacy team <privacy@processor.test>',
    workers: 2,
    // The deferrals at the kill are expected warnings; errors still show.
    logLevel: 'error',
  });
  const database = await openDatabase({ databaseUrl });
  records = { database, records: createRecords(database.db) };
}, 600_000);

afterAll(async () => {
  await product?.stop();
  await catcher?.close();
  await records?.database.close();
  await cluster?.stop();
}, 120_000);

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test(
  'a breach and a subprocessor change reach 200 customers exactly once each, although a worker is killed mid-way',
  async () => {
    const post = (event: unknown) => postEvent(product!.baseUrl, event);
    for (let start = 0; start < customers.length; start += 10) {
      const answers = await Promise.all(
        customers
          .slice(start, start + 10)
          .map((customerId, index) => post(customerEvent(customerId, languages[(start + index) % 3]!, [contactOf(customerId)]))),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
    }

    expect(await post(breachEvent('CL-1', customers))).toEqual({ status: 202, body: { workflowId: 'breach-CL-1' } });
    const change = {
      type: 'subprocessor.changed',
      timestamp: new Date().toISOString(),
      data: {
        changeId: 'CL-SP1',
        action: 'added',
        subprocessor: { id: 'sp-cl-1', name: 'CloudMail Inc.', country: 'US', purpose: 'sending transactional email', safeguard: 'scc' },
        effectiveAt: new Date(Date.now() + 45 * DAY).toISOString(),
        customerIds: customers,
      },
    };
    expect(await post(change)).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-CL-SP1' } });

    // The kill comes in the middle of the fan-out, with sends in flight; the other worker carries on.
    await until('the first worker to be killed', () => killed?.signalCode === 'SIGKILL', 300_000);
    expect(acceptedAtKill).toBe(killAfter - 1);
    // The dead worker's activities come back after their heartbeat timeout (30 s), on the other worker.
    await until(`all ${2 * customerCount} notices`, () => accepted.length >= 2 * customerCount, 600_000);
    // Time for a second copy of anything to arrive, were one sent.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(product!.workers[1]!.exitCode).toBeNull();

    const notices = (await catcher!.messages()).filter((mail) =>
      (Object.values(noticeSteps) as string[]).includes(mail.headers['x-dpa-step'] ?? ''),
    );
    const count = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());
    // Exactly one per customer per case: by workflow and step, and by recipient and subject.
    const byCase = count(notices.map((mail) => `${mail.envelope.to.join(',')} ${mail.headers['x-dpa-step']}`));
    const expectedCases = customers.flatMap((customerId) => Object.values(noticeSteps).map((step) => `${contactOf(customerId)} ${step}`));
    expect([...byCase.keys()].sort()).toEqual(expectedCases.sort());
    expect([...byCase].filter(([, n]) => n !== 1)).toEqual([]);
    const bySubject = count(notices.map((mail) => `${mail.envelope.to.join(',')} ${mail.subject}`));
    expect(bySubject.size).toBe(2 * customerCount);
    expect([...bySubject].filter(([, n]) => n !== 1)).toEqual([]);
    expect(count(notices.map((mail) => mail.headers['x-dpa-workflow-id'] ?? '')).get(workflowIds.breachNotice('CL-1', 'cl-000'))).toBe(1);

    // The evidence log agrees: one sent email per customer and notice.
    const evidence = [
      ...(await records!.records.emails.list({ workflowIdPrefix: 'breach-CL-1~' })),
      ...(await records!.records.emails.list({ workflowIdPrefix: 'subprocessor-change-CL-SP1' })),
      ...(await records!.records.emails.list({ workflowIdPrefix: 'objection-CL-SP1~' })),
    ].filter((row) => (Object.values(noticeSteps) as string[]).includes(row.step));
    expect(evidence).toHaveLength(2 * customerCount);
    expect(evidence.every((row) => row.status === 'sent')).toBe(true);

    // The incident counts every customer notified, whichever worker sent the notice.
    const incident = cluster!.client.workflow.getHandle(workflowIds.breach('CL-1'));
    await until(
      'the incident to count every notice',
      async () => (await incident.query(breachStatusQuery)).notified === customerCount,
      120_000,
    );
    expect(await incident.query(breachStatusQuery)).toMatchObject({ customers: customerCount, notified: customerCount, pending: 0 });

    // SQL visibility on PostgreSQL answers the operators' filters.
    const visible = async (query: string) => {
      const ids: string[] = [];
      for await (const execution of cluster!.client.workflow.list({ query })) ids.push(execution.workflowId);
      return ids;
    };
    await until(
      'the cases in visibility',
      async () => (await visible(`DpaProcess = 'breach-notice' AND WorkflowId STARTS_WITH 'breach-CL-1'`)).length === customerCount,
      120_000,
    );
    expect(await visible(`DpaProcess = 'breach'`)).toEqual(['breach-CL-1']);
    expect(await visible(`DpaProcess = 'subprocessor-change'`)).toEqual(['subprocessor-change-CL-SP1']);
    expect((await visible(`DpaProcess = 'customer'`)).length).toBe(customerCount);
  },
  20 * 60_000,
);
