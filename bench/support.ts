import { spawn, type ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { createMailer } from '../activities/email/mailer';
import { dataConverter } from '../codec/data-converter';
import { embeddedPayloadKeys } from '../codec/key-file';
import { parsePayloadKeys } from '../codec/keys';
import { developmentWebhookSecret } from '../config/config';
import { startMailCatcher } from '../client/embedded/mail-catcher';
import { signedHeaders } from '../webhook-signing/standard-webhooks';
import { languages, type Language } from '../domain/language';
import { cpuSnapshot, log, mib, processMemory, seconds, type CpuTime } from './measure';

/** What the benchmarks share: the product started as `npm start` runs it, signed posts, /proc readings, tables. */

export const secret = developmentWebhookSecret;
/** The sizes a benchmark measures: BENCH_SIZES (e.g. 50,1000) or its defaults. */
export function benchSizes(defaults: string): number[] {
  const sizes = (process.env.BENCH_SIZES ?? defaults).split(',').map((size) => Number.parseInt(size, 10));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`BENCH_SIZES must be positive integers, e.g. ${defaults}`);
  return sizes;
}

export const phaseTimeoutMs = Number(process.env.BENCH_PHASE_TIMEOUT_MS ?? 30 * 60_000);

/**
 * What every benchmark runs on: an SMTP server in this process (each message handed to `onMessage`
 * before it is accepted), the product started as `npm start` runs it on free ports and its own data
 * folder, and a Temporal client to count workflows as an operator's query would.
 */
export async function startBenchStack(name: string, onMessage: (raw: Buffer) => void) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `dpa-bench-${name}-`));
  const smtp = await startMailCatcher({ beforeAccept: onMessage });
  const [httpPort, temporalPort, uiPort] = (await freePorts(3)) as [number, number, number];
  const product = await startProduct({ dataDir, smtpUrl: smtp.smtpUrl, httpPort, temporalPort, uiPort });
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  // The product's own key (PAYLOAD_ENCRYPTION_KEYS, or the one it made in its data folder): the client reads what it wrote.
  const envKeys = process.env.PAYLOAD_ENCRYPTION_KEYS ? parsePayloadKeys(process.env.PAYLOAD_ENCRYPTION_KEYS) : undefined;
  const temporal = new Client({ connection, dataConverter: dataConverter(embeddedPayloadKeys(envKeys, dataDir, () => undefined)) });
  return {
    smtp,
    product,
    temporal,
    webhooks: `http://127.0.0.1:${httpPort}/webhooks`,
    count: async (query: string) => Number((await temporal.workflow.count(query)).count),
    async close() {
      await connection.close();
      await product.stop();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/**
 * Runs a benchmark as its own process: the stack started, `customers` customers described and their
 * workflows ended, then `measure`, then a line on the machine it ran on. The stack is stopped in any
 * case; a failure ends the process with 1.
 */
export function runBench(
  name: string,
  options: { customers: number; onMessage: (raw: Buffer) => void },
  measure: (stack: BenchStack, customers: BenchCustomer[]) => Promise<void>,
): void {
  const run = async () => {
    const stack = await startBenchStack(name, options.onMessage);
    try {
      log(`product started: RSS ${mib(processMemory(stack.product.pid).rss)}`);
      const customers = await seedCustomers(stack, options.customers);
      await measure(stack, customers);
      process.stdout.write(
        `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${mib(os.totalmem())} RAM, node ${process.version}\n`,
      );
    } finally {
      await stack.close();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}

/**
 * Describes `count` customers and waits until the worker is quiet again: the upserts are answered once
 * recorded and their workflows run after; each stays open a minute for more descriptions, then ends,
 * thousands of endings that would otherwise fall into the first measurement.
 */
async function seedCustomers({ webhooks, count, product }: BenchStack, largest: number): Promise<BenchCustomer[]> {
  const seedStart = performance.now();
  const seedCpu = cpuSnapshot(product.pid);
  const customers = await describeCustomers(webhooks, largest);
  await until(() => count(`DpaProcess = 'customer' AND DpaStatus = 'described'`), largest, 'the customers were not all described');
  log(
    `seeded ${largest} customers through customer.upserted in ${seconds(performance.now() - seedStart)}; RSS ${mib(processMemory(product.pid).rss)}`,
  );
  await until(
    () => count(`DpaProcess = 'customer' AND ExecutionStatus = 'Running'`),
    0,
    'the customer workflows did not all end',
    'at most',
  );
  const spent = cpuSnapshot(product.pid).since(seedCpu);
  log(
    `the customer workflows have ended, ${seconds(performance.now() - seedStart)} after the first upsert; processor time ` +
      `${seconds(spent.product)} product, ${seconds(spent.temporal)} Temporal, ${seconds(spent.bench)} benchmark`,
  );
  return customers;
}

/**
 * The orchestrated phase: posts `event` to the product and waits, within the phase timeout, for
 * `arrived` (set up before the post, so that no arrival is missed). Gives what arrived, when the post
 * was made and when it was answered, and the processor time the phase took.
 */
export async function orchestrate<T>(
  { product, webhooks }: BenchStack,
  event: { type: string; data: unknown },
  arrived: Promise<T>,
  failure: string,
): Promise<{ arrived: T; postedAt: number; answeredAt: number; spent: CpuTime }> {
  const cpu = cpuSnapshot(product.pid);
  const postedAt = performance.now();
  await post(webhooks, event);
  const answeredAt = performance.now();
  const result = await withTimeout(arrived, phaseTimeoutMs, failure);
  return { arrived: result, postedAt, answeredAt, spent: cpuSnapshot(product.pid).since(cpu) };
}

/** An email as a template renders it. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The baseline of every benchmark: each customer's email rendered and handed at once to nodemailer with
 * the product's transport (pooled, 5 connections), to the same SMTP server. Gives each email's time
 * from the hand-over to its acceptance.
 */
export async function sendDirect(
  smtpUrl: string,
  customers: readonly BenchCustomer[],
  render: (customer: BenchCustomer) => RenderedEmail,
): Promise<number[]> {
  const mailer = createMailer(smtpUrl);
  const start = performance.now();
  try {
    return await Promise.all(
      customers.map(async (customer) => {
        const { subject, text, html } = render(customer);
        await mailer.sendMail({ from: 'privacy@processor.example', to: customer.email, subject, text, html });
        return performance.now() - start;
      }),
    );
  } finally {
    mailer.close();
  }
}

export interface BenchCustomer {
  id: string;
  name: string;
  language: Language;
  email: string;
}

/**
 * How many `customer.upserted` posts are in flight at once while customers are described (not timed):
 * BENCH_SEED_CONCURRENCY, default 32. Each post waits for its record and its signal-with-start; more in
 * flight keeps both cores busy instead of waiting on round trips.
 */
const seedConcurrency = Number(process.env.BENCH_SEED_CONCURRENCY ?? 32);

/** `count` customers in the three languages, each with one contact, described through signed `customer.upserted` webhooks. */
export async function describeCustomers(webhooks: string, count: number): Promise<BenchCustomer[]> {
  const customers = Array.from({ length: count }, (_, index): BenchCustomer => {
    const id = `bench-${String(index + 1).padStart(5, '0')}`;
    return { id, name: `Bench Customer ${index + 1}`, language: languages[index % languages.length]!, email: `privacy@${id}.example` };
  });
  await inParallel(customers, seedConcurrency, (customer) =>
    post(webhooks, {
      type: 'customer.upserted',
      data: { customerId: customer.id, name: customer.name, language: customer.language, contacts: [{ email: customer.email }] },
    }),
  );
  return customers;
}

/** The processes the benchmark names in its count of running workflows; any other is counted as other. */
const countedProcesses = ['subprocessor-change', 'subprocessor-objection', 'customer'] as const;

/**
 * The workflows running in the namespace (what an operator's `ExecutionStatus = 'Running'` finds in the
 * Web UI), in all and by `DpaProcess`: counted per process, since SQL visibility groups a count by
 * `ExecutionStatus` only, and counting stays cheap however many are running.
 */
export async function runningWorkflows({ count }: BenchStack): Promise<{ total: number; byProcess: Array<[string, number]> }> {
  const running = `ExecutionStatus = 'Running'`;
  const total = await count(running);
  const byProcess: Array<[string, number]> = [];
  for (const process of countedProcesses) byProcess.push([process, await count(`${running} AND DpaProcess = '${process}'`)]);
  byProcess.push(['other', total - byProcess.reduce((sum, [, counted]) => sum + counted, 0)]);
  return { total, byProcess };
}

/** Polls `read` until it gives `target` or more (or, 'at most', `target` or less), within the phase timeout. */
export async function until(
  read: () => Promise<number>,
  target: number,
  failure: string,
  bound: 'at least' | 'at most' = 'at least',
): Promise<void> {
  const giveUpAt = Date.now() + phaseTimeoutMs;
  for (;;) {
    const value = await read();
    if (bound === 'at least' ? value >= target : value <= target) return;
    if (Date.now() > giveUpAt) throw new Error(`${failure}: ${value}, not ${bound} ${target}, after ${phaseTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Counts SMTP acceptances and resolves each expectation once that many more have arrived. It also keeps
 * the recipients (the To header) of the messages since `expect`, so a phase can tell that each customer
 * was told once: as many messages as distinct recipients.
 */
export class ArrivalCounter {
  private count = 0;
  private waiting: { target: number; resolve: () => void } | undefined;
  private phase = { messages: 0, recipients: new Set<string>() };
  arrived(raw?: Buffer): void {
    this.count += 1;
    this.phase.messages += 1;
    const to = raw && /^To: (.+)$/im.exec(raw.subarray(0, 4096).toString('latin1'))?.[1]?.trim();
    if (to) this.phase.recipients.add(to);
    if (this.waiting && this.count >= this.waiting.target) {
      this.waiting.resolve();
      this.waiting = undefined;
    }
  }
  /** The messages accepted since the last `expect`, and to how many distinct recipients. */
  sincePhaseStart(): { messages: number; recipients: number } {
    return { messages: this.phase.messages, recipients: this.phase.recipients.size };
  }
  expect(more: number): Promise<void> {
    const target = this.count + more;
    this.phase = { messages: 0, recipients: new Set() };
    return new Promise((resolve) => {
      this.waiting = { target, resolve };
    });
  }
}

export async function startProduct(options: { dataDir: string; smtpUrl: string; httpPort: number; temporalPort: number; uiPort: number }) {
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', path.join('client', 'start.ts')], {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      SMTP_URL: options.smtpUrl,
      PORT: String(options.httpPort),
      TEMPORAL_DEV_PORT: String(options.temporalPort),
      TEMPORAL_UI_PORT: String(options.uiPort),
      WEBHOOK_SECRET: secret,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The product's own log (pino JSON on stdout, the rest on stderr) is kept for a failure report, not printed.
  const logTail: string[] = [];
  const keep = (chunk: Buffer) => {
    logTail.push(chunk.toString());
    if (logTail.length > 40) logTail.shift();
  };
  child.stderr!.on('data', keep);
  child.stdout!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', () => {
        if (logTail.join('').includes('dpa-orchestrator is running')) resolve();
      });
      void exited.then((code) => reject(new Error(`the product exited (${code}) before it was running:\n${logTail.join('')}`)));
    }),
    120_000,
    'the product did not start',
  );
  return {
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await withTimeout(exited, 30_000, 'the product did not stop').catch(() => child.kill('SIGKILL'));
    },
  };
}

export async function post(url: string, event: { type: string; data: unknown }): Promise<void> {
  const body = JSON.stringify({ ...event, timestamp: new Date().toISOString() });
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(secret, `msg_${randomUUID()}`, body), body });
    if (response.ok) return;
    const answer = await response.text();
    if (response.status !== 503 || attempt >= 5) throw new Error(`${event.type} answered ${response.status}: ${answer}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

export async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
