import { testPayloadKeysSetting } from '../support/payload-keys';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { parse } from 'yaml';
import { buildHttpServer } from '../../client/http/server';
import { connectClient, readTemporalConnection } from '../../config/temporal-connection';
import { waitForMessages } from '../support/mail';
import { customerEvent, postEvent, startStack, webhookSecret, type Stack } from '../support/stack';
import { emailAddressesIn } from '../support/temporal';
import { waitFor as waitForValue } from '../support/wait';

/**
 * What operators watch, on real parts: the standalone worker (`npm run start:worker`, worker/main.ts) as
 * its own process, connected through the envconfig settings to the Temporal dev server, with Core's
 * Prometheus exporter on TEMPORAL_METRICS_ADDRESS; the HTTP endpoint's own /metrics; the worker's log
 * lines, one per activity, without an address in them.
 */

const root = path.resolve(__dirname, '../..');
const contact = 'dpo@ops-metrics.e2e.test';
const subject = 'someone@subject-ops.e2e.test';
/** A second contact, whose mail server refuses it (550): an email `rejected`. */
const refusedContact = 'left-the-company@ops-metrics.e2e.test';

let stack: Stack;
let worker: { child: ChildProcess; output: () => string; exited: Promise<number | null> } | undefined;
let metricsPort: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The shared poll, tolerating a probe that throws while a process starts. */
const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> =>
  waitForValue(what, probe, timeoutMs, { ignoreErrors: true, everyMs: 200 });

/** A sample's value in a Prometheus text exposition, found by its name and labels in any order. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

beforeAll(async () => {
  stack = await startStack({ database: 'postgres', runWorker: false, mail: { refuseRecipient: (address) => address === refusedContact } });
  metricsPort = await freePort();
  // Only the settings of this test: none of the machine's TEMPORAL_* variables or profiles.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TEMPORAL_|DATABASE_URL|SMTP_URL)/.test(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: root,
    env: {
      ...inherited,
      HOME: root, // no ~/.config/temporalio/temporal.toml of the machine's user
      LOG_LEVEL: 'info',
      TEMPORAL_ADDRESS: stack.env.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
      DATABASE_URL: stack.databaseUrl!,
      SMTP_URL: stack.catcher.smtpUrl,
      MAIL_FROM: 'Privacy team <privacy@processor.test>',
      PRIVACY_TEAM_EMAIL: 'privacy-team@processor.test',
      PAYLOAD_ENCRYPTION_KEYS: testPayloadKeysSetting,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  worker = { child, output: () => output, exited };
  await waitFor('the worker to run', async () => output.includes('worker running'), 90_000);
});

afterAll(async () => {
  if (worker && worker.child.exitCode === null) {
    worker.child.kill('SIGTERM');
    await worker.exited;
  }
  await stack?.close();
});

test('a client connects through the envconfig settings to the dev server the worker runs on', async () => {
  const settings = readTemporalConnection({ TEMPORAL_ADDRESS: stack.env.address, TEMPORAL_NAMESPACE: 'default' });
  const connection = await connectClient(settings);
  try {
    const client = new Client({ connection, namespace: settings.namespace });
    const { count } = await client.workflow.count();
    expect(Number(count)).toBeGreaterThanOrEqual(0);
    expect(settings.summary).toEqual({ address: stack.env.address, namespace: 'default', profile: 'default', tls: 'off', apiKey: false });
  } finally {
    await connection.close();
  }
});

test('emails sent and refused in the worker metrics, deliveries and open cases in the endpoint metrics, each activity in the worker log, no address anywhere', async () => {
  expect((await stack.post(customerEvent('ops-metrics', 'en', [contact, refusedContact]))).status).toBe(202);
  await waitFor('the customer record', () => stack.records.customers.get('ops-metrics'));
  const received = await stack.post({
    type: 'dsr.received',
    timestamp: new Date().toISOString(),
    data: {
      requestId: 'OPS-METRICS-1',
      customerId: 'ops-metrics',
      receivedAt: new Date().toISOString(),
      requestType: 'access',
      subjectEmail: subject,
    },
  });
  expect(received).toEqual({ status: 202, body: { workflowId: 'dsr-OPS-METRICS-1' } });
  // An unsigned delivery: counted, under no event type (its body is not read).
  expect((await postEvent(stack.baseUrl, { type: 'dsr.received' }, { headers: { 'webhook-signature': 'v1,AAAA' } })).status).toBe(401);
  await waitForMessages(stack.catcher, 2);

  // The worker's one scrape: Core's `temporal_*` metrics and the product's email counter.
  const workerMetrics = await waitFor('dpa_emails_total on the worker', async () => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    return (sample(text, 'dpa_emails_total', { outcome: 'sent' }) ?? 0) >= 2 && text;
  });
  expect(sample(workerMetrics, 'dpa_emails_total', { outcome: 'rejected' })).toBe(1);
  expect(workerMetrics).toMatch(/^temporal_worker_task_slots_available\{/m);
  expect(workerMetrics).toMatch(/^temporal_activity_execution_latency/m);

  // The endpoint's scrape: the deliveries by type and answer, the open cases by process.
  const httpMetrics = await waitFor('the open data subject request', async () => {
    const response = await fetch(`${stack.baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    return sample(text, 'dpa_open_cases', { process: 'dsr' }) === 1 && text;
  });
  expect(sample(httpMetrics, 'dpa_webhooks_total', { type: 'customer.upserted', status: '202' })).toBe(1);
  expect(sample(httpMetrics, 'dpa_webhooks_total', { type: 'dsr.received', status: '202' })).toBe(1);
  expect(sample(httpMetrics, 'dpa_webhooks_total', { type: 'unknown', status: '401' })).toBe(1);
  expect(sample(httpMetrics, 'dpa_open_cases', { process: 'breach' })).toBe(0);
  expect(emailAddressesIn(httpMetrics)).toEqual([]);

  // One line per activity with its ids and outcome; no address anywhere in what the worker printed.
  const completedLines = () =>
    worker!
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'activity completed' && line.workflowId === 'dsr-OPS-METRICS-1');
  // The emails are counted inside the activity; its line is written once it has returned.
  const completed = await waitFor('the notice activity in the worker log', async () => {
    const found = completedLines();
    return found.some((line) => line.activityType === 'notifyCustomerOfDsr') && found;
  });
  expect(completed.length).toBeGreaterThan(0);
  expect(completed[0]).toEqual(
    expect.objectContaining({ outcome: 'completed', attempt: 1, workflowType: 'dsrRequest', durationMs: expect.any(Number) }),
  );
  expect(completed).toContainEqual(expect.objectContaining({ activityType: 'notifyCustomerOfDsr', resultStatus: 'sent' }));
  expect(worker!.output()).not.toContain(contact);
  expect(worker!.output()).not.toContain(subject);
  expect(worker!.output()).not.toContain(refusedContact);
  expect(emailAddressesIn(worker!.output())).toEqual([]);
});

test('the compose healthchecks pass against the running worker and endpoint', async () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { healthcheck: { test: string[] } }>;
  };
  const check = (service: string, from: string, to: string) => {
    const [kind, command, flag, script] = compose.services[service]!.healthcheck.test;
    expect([kind, command, flag]).toEqual(['CMD', 'node', '-e']);
    expect(script).toContain(from);
    // Not spawnSync: the endpoint answering it runs in this process.
    const child = spawn(process.execPath, ['-e', script!.replace(from, to)], { stdio: 'ignore', timeout: 20_000 });
    return new Promise<number | null>((resolve) => child.once('exit', resolve));
  };
  expect(await check('worker', '127.0.0.1:9464', `127.0.0.1:${metricsPort}`)).toBe(0);
  expect(await check('webhooks', 'http://127.0.0.1:3000', stack.baseUrl)).toBe(0);
  // And they fail where nothing answers.
  expect(await check('worker', '127.0.0.1:9464', '127.0.0.1:1')).toBe(1);
  expect(await check('webhooks', 'http://127.0.0.1:3000', 'http://127.0.0.1:1')).toBe(1);
});

test('with an operator token, /metrics asks for it', async () => {
  const operatorToken = 'an-operator-token-of-at-least-32-characters';
  const app = buildHttpServer({
    records: stack.records,
    temporal: stack.env.client,
    webhookSecret,
    operatorToken,
    logLevel: 'warn',
    ready: async () => true,
  });
  try {
    const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scrape = await fetch(url, { headers: { authorization: `Bearer ${operatorToken}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('# TYPE dpa_webhooks_total counter');
  } finally {
    await app.close();
  }
});

test('when Temporal cannot count the cases, /metrics still answers, without them', async () => {
  // A namespace the server does not have: the counts fail at once. (An unreachable address fails the same
  // way after 3 s, but its client goes on trying to connect in the background and holds the test process.)
  const temporal = new Client({ connection: stack.env.connection, namespace: 'no-such-namespace' });
  const app = buildHttpServer({ records: stack.records, temporal, webhookSecret, logLevel: 'error', ready: async () => true });
  try {
    const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/metrics`;
    const scrape = await fetch(url);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toContain('# TYPE dpa_webhooks_total counter');
    expect(text).toContain('# TYPE dpa_open_cases gauge');
    expect(text).not.toMatch(/^dpa_open_cases\{/m);
  } finally {
    await app.close();
  }
});
