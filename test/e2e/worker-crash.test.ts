import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { breachStatusQuery } from '../../domain/breach';
import { waitForMessages } from '../support/mail';
import { breachEvent, customerEvent, mailFrom, privacyTeamEmail, startStack, type Stack } from '../support/stack';
import { testPayloadKeysSetting } from '../support/payload-keys';

/**
 * A worker killed (SIGKILL, no goodbye) in the middle of a breach fan-out: after a new worker starts,
 * every contact has exactly one notice. The worker runs as a real separate process on PostgreSQL.
 */
let stack: Stack;
let worker: ChildProcess | undefined;
let accepting = true;
let onMessage: (() => Promise<void>) | undefined;

const customers = ['crash-a', 'crash-b', 'crash-c', 'crash-d', 'crash-e', 'crash-f'];
const contacts = customers.flatMap((customerId) => [`one@${customerId}.test`, `two@${customerId}.test`]);

beforeAll(async () => {
  stack = await startStack({
    database: 'postgres',
    runWorker: false,
    mail: {
      beforeAccept: async () => {
        if (!accepting) throw Object.assign(new Error('worker gone'), { responseCode: 451 });
        await onMessage?.();
      },
    },
  });
});

afterAll(async () => {
  await stopWorker(worker);
  await stack?.close();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('worker', 'main.ts')], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      TEMPORAL_ADDRESS: stack.env.address,
      TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default',
      DATABASE_URL: stack.databaseUrl,
      SMTP_URL: stack.catcher.smtpUrl,
      MAIL_FROM: mailFrom,
      PRIVACY_TEAM_EMAIL: privacyTeamEmail,
      PAYLOAD_ENCRYPTION_KEYS: testPayloadKeysSetting,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function stopWorker(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function sentCount(): Promise<number> {
  const rows = await stack.records.emails.list({ workflowIdPrefix: 'breach-CRASH-1~' });
  return rows.filter((row) => row.status === 'sent').length;
}

test('every contact gets exactly one notice although the worker died mid-way', async () => {
  worker = startWorker();
  for (const customerId of customers) {
    const [one, two] = [`one@${customerId}.test`, `two@${customerId}.test`];
    expect((await stack.post(customerEvent(customerId, 'en', [one, two]))).status).toBe(202);
  }
  for (let i = 0; (await stack.records.customers.listIds()).length < customers.length; i += 1) {
    if (i > 600) throw new Error('the customers were never recorded');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // The fourth notice's data has reached the SMTP server, which has not answered yet. Once the three
  // before it are in the evidence log, the worker is killed: the fourth is never accepted.
  let seen = 0;
  let killed: Promise<unknown> | undefined;
  let markKilled!: () => void;
  const afterKill = new Promise<void>((resolve) => (markKilled = resolve));
  onMessage = async () => {
    seen += 1;
    if (seen < 4) return;
    if (seen > 4) {
      // Sends that arrive alongside the fourth are held, then die with the worker.
      await afterKill;
      throw Object.assign(new Error('worker killed'), { responseCode: 451 });
    }
    for (let i = 0; (await sentCount()) < 3; i += 1) {
      if (i > 100) throw new Error('the first notices were never recorded');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const dead = worker!;
    killed = new Promise((resolve) => dead.once('exit', resolve));
    accepting = false;
    dead.kill('SIGKILL');
    markKilled();
    throw Object.assign(new Error('worker killed'), { responseCode: 451 });
  };

  expect((await stack.post(breachEvent('CRASH-1', customers))).status).toBe(202);
  for (let i = 0; !killed; i += 1) {
    if (i > 1200) throw new Error('the worker was never killed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await killed;
  const beforeRestart = (await stack.catcher.messages()).length;
  expect(beforeRestart).toBe(3);

  onMessage = undefined;
  accepting = true;
  worker = startWorker();
  // The dead worker's activities are retried once their heartbeat timeout (30 s) has passed.
  const messages = await waitForMessages(stack.catcher, contacts.length, 150_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const recipients = (await stack.catcher.messages()).map((m) => m.envelope.to[0]).sort();
  expect(recipients).toEqual([...contacts].sort());
  expect(new Set(messages.map((m) => m.messageId)).size).toBe(contacts.length);

  const evidence = await stack.records.emails.list({ workflowIdPrefix: 'breach-CRASH-1~' });
  expect(evidence).toHaveLength(contacts.length);
  expect(evidence.every((row) => row.status === 'sent')).toBe(true);
  // The crash really interrupted a send: some email needed a second attempt.
  expect(Math.max(...evidence.map((row) => row.attempts))).toBeGreaterThanOrEqual(2);

  // The incident counts every customer notified, whichever worker or workflow sent the notice.
  const incident = stack.env.client.workflow.getHandle('breach-CRASH-1');
  let status = await incident.query(breachStatusQuery);
  for (let i = 0; i < 300 && status.notified < customers.length; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await incident.query(breachStatusQuery);
  }
  expect(status).toMatchObject({ customers: customers.length, notified: customers.length, pending: 0, undeliverable: {} });
}, 240_000);
