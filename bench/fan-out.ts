import { spawn, type ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createMailer } from '../activities/email/mailer';
import { renderSubprocessorChangeNotice } from '../activities/email/templates/subprocessor-change';
import { startMailCatcher } from '../client/embedded/mail-catcher';
import { developmentWebhookSecret } from '../client/config';
import { signedHeaders } from '../client/webhooks/signature';
import { languages, type Language } from '../domain/language';

/**
 * `npm run bench`: the subprocessor change fan-out (issue 4). For each N it measures
 *   orchestrated: a signed `subprocessor.changed` for N customers, posted to the product running on its
 *                 embedded defaults (`client/start.ts`: Temporal dev server, PGlite, worker, webhooks),
 *                 until the N-th notice is accepted by the SMTP server;
 *   direct:       the same N notices, rendered by the same template and handed all at once to nodemailer
 *                 with the product's transport (pooled, 5 connections), to the same SMTP server;
 * and their ratio; then the product process's resident memory and its peak (VmHWM) so far. The windows
 * of earlier sizes stay open (30 days), so the memory column also shows what open windows cost.
 * A second table says where the processor time of each phase went (from /proc): the product's process
 * (webhooks, worker, activities, PGlite), the Temporal dev server it started, and this process (the SMTP
 * server; in the direct phase nodemailer as well). On two cores the phases are bound by it.
 *
 * BENCH_SIZES=100,1000 (default 100,1000,5000) narrows the run.
 */

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map((size) => Number.parseInt(size, 10));
const phaseTimeoutMs = Number(process.env.BENCH_PHASE_TIMEOUT_MS ?? 30 * 60_000);
const secret = developmentWebhookSecret;

interface BenchCustomer {
  id: string;
  name: string;
  language: Language;
  email: string;
}

async function main(): Promise<void> {
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('BENCH_SIZES must be positive integers, e.g. 100,1000,5000');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dpa-bench-'));
  const arrivals = new ArrivalCounter();
  const smtp = await startMailCatcher({ beforeAccept: () => arrivals.arrived() });
  const [httpPort, temporalPort, uiPort] = (await freePorts(3)) as [number, number, number];
  const product = await startProduct({ dataDir, smtpUrl: smtp.smtpUrl, httpPort, temporalPort, uiPort });
  const webhooks = `http://127.0.0.1:${httpPort}/webhooks`;
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  const temporal = new Client({ connection });
  const count = async (query: string) => Number((await temporal.workflow.count(query)).count);
  log(`product started: RSS ${mib(processMemory(product.pid).rss)}`);

  try {
    const largest = Math.max(...sizes);
    const customers = Array.from({ length: largest }, (_, index): BenchCustomer => {
      const id = `bench-${String(index + 1).padStart(5, '0')}`;
      return { id, name: `Bench Customer ${index + 1}`, language: languages[index % languages.length]!, email: `privacy@${id}.example` };
    });
    const seedStart = performance.now();
    await inParallel(customers, 8, (customer) =>
      post(webhooks, {
        type: 'customer.upserted',
        data: { customerId: customer.id, name: customer.name, language: customer.language, contacts: [{ email: customer.email }] },
      }),
    );
    // The upserts are answered once recorded; their workflows run after. Measure on a quiet worker.
    await until(() => count(`DpaProcess = 'customer' AND DpaStatus = 'described'`), largest, 'the customers were not all described');
    log(`seeded ${largest} customers through customer.upserted in ${seconds(performance.now() - seedStart)}; RSS ${mib(processMemory(product.pid).rss)}`);
    // Each customer's workflow stays open a minute for more descriptions, then ends: thousands of endings
    // that would otherwise fall into the first measurement.
    await until(() => count(`DpaProcess = 'customer' AND ExecutionStatus = 'Running'`), 0, 'the customer workflows did not all end', 'at most');
    log(`the customer workflows have ended, ${seconds(performance.now() - seedStart)} after the first upsert`);

    const rows: string[][] = [];
    const cpuRows: string[][] = [];
    let openWindows = 0;
    for (const size of sizes) {
      const concerned = customers.slice(0, size);
      const changeId = `bench-${size}-${randomUUID().slice(0, 8)}`;

      // Baseline: the same notices, straight through nodemailer.
      const mailer = createMailer(smtp.smtpUrl);
      const expectedDirect = arrivals.expect(size);
      const directCpu = cpuSnapshot(product.pid);
      const directStart = performance.now();
      await Promise.all(
        concerned.map((customer) => {
          const email = renderSubprocessorChangeNotice(noticeFacts(customer, changeId), customer.language);
          return mailer.sendMail({ from: 'privacy@processor.example', to: customer.email, subject: email.subject, text: email.text, html: email.html });
        }),
      );
      await expectedDirect;
      const directMs = performance.now() - directStart;
      const directSpent = cpuSnapshot(product.pid).since(directCpu);
      mailer.close();

      // Orchestrated: one signed event, N windows, N notices.
      const expectedOrchestrated = arrivals.expect(size);
      const orchestratedCpu = cpuSnapshot(product.pid);
      const orchestratedStart = performance.now();
      await post(webhooks, {
        type: 'subprocessor.changed',
        data: {
          changeId,
          action: 'added',
          subprocessor: { id: `sp-${changeId}`, name: 'Bench Mail Relay NV', country: 'BE', purpose: 'transactional email' },
          effectiveAt: new Date(Date.now() + 45 * 86_400_000).toISOString(),
          customerIds: concerned.map((customer) => customer.id),
        },
      });
      await withTimeout(expectedOrchestrated, phaseTimeoutMs, `the ${size} notices of ${changeId} did not all arrive`);
      const orchestratedMs = performance.now() - orchestratedStart;
      const orchestratedSpent = cpuSnapshot(product.pid).since(orchestratedCpu);
      openWindows += size;
      // Every customer notified; then every window open, its 30 days counting (seen by the Web UI's query).
      await until(() => count(`DpaProcess = 'subprocessor-objection' AND DpaStatus = 'open'`), openWindows, 'the windows did not all open');
      const windowsOpenMs = performance.now() - orchestratedStart;

      const memory = processMemory(product.pid);
      rows.push([
        String(size),
        seconds(orchestratedMs),
        seconds(directMs),
        `${(orchestratedMs / directMs).toFixed(2)}x`,
        `${Math.round(size / (orchestratedMs / 1000))}/s`,
        seconds(windowsOpenMs),
        mib(memory.rss),
        mib(memory.peak),
        String(openWindows),
      ]);
      const perNotice = (ms: number) => `${(ms / size).toFixed(1)} ms`;
      cpuRows.push([
        String(size),
        'direct',
        seconds(directSpent.bench),
        seconds(directSpent.product),
        seconds(directSpent.temporal),
        perNotice(directSpent.bench + directSpent.product + directSpent.temporal),
      ]);
      cpuRows.push([
        String(size),
        'orchestrated',
        seconds(orchestratedSpent.bench),
        seconds(orchestratedSpent.product),
        seconds(orchestratedSpent.temporal),
        perNotice(orchestratedSpent.bench + orchestratedSpent.product + orchestratedSpent.temporal),
      ]);
      log(`N=${size}: orchestrated ${seconds(orchestratedMs)}, direct ${seconds(directMs)}`);
    }

    const header = ['N', 'orchestrated', 'direct', 'ratio', 'notices/s', 'all windows open', 'product RSS', 'product peak', 'open windows'];
    process.stdout.write(`\n${table([header, ...rows])}\n`);
    const cpuHeader = ['N', 'phase', 'CPU bench+SMTP', 'CPU product', 'CPU Temporal', 'CPU per notice'];
    process.stdout.write(`\nprocessor time until the N-th notice arrived:\n${table([cpuHeader, ...cpuRows])}\n`);
    process.stdout.write(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${mib(os.totalmem())} RAM, node ${process.version}\n`);
  } finally {
    await connection.close();
    await product.stop();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls `read` until it gives `target` or more (or, 'at most', `target` or less), within the phase timeout. */
async function until(read: () => Promise<number>, target: number, failure: string, bound: 'at least' | 'at most' = 'at least'): Promise<void> {
  const giveUpAt = Date.now() + phaseTimeoutMs;
  for (;;) {
    const value = await read();
    if (bound === 'at least' ? value >= target : value <= target) return;
    if (Date.now() > giveUpAt) throw new Error(`${failure}: ${value}, not ${bound} ${target}, after ${phaseTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Counts SMTP acceptances and resolves each expectation once that many more have arrived. */
class ArrivalCounter {
  private count = 0;
  private waiting: { target: number; resolve: () => void } | undefined;
  arrived(): void {
    this.count += 1;
    if (this.waiting && this.count >= this.waiting.target) {
      this.waiting.resolve();
      this.waiting = undefined;
    }
  }
  expect(more: number): Promise<void> {
    const target = this.count + more;
    return new Promise((resolve) => {
      this.waiting = { target, resolve };
    });
  }
}

function noticeFacts(customer: BenchCustomer, changeId: string) {
  return {
    customerName: customer.name,
    changeId,
    action: 'added' as const,
    subprocessorName: 'Bench Mail Relay NV',
    country: 'BE',
    purpose: 'transactional email',
    transferBasis: 'eea' as const,
    effectiveAt: new Date(Date.now() + 45 * 86_400_000).toISOString(),
    windowClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    contactEmail: 'privacy@processor.example',
    timeZone: 'Europe/Brussels',
  };
}

async function startProduct(options: { dataDir: string; smtpUrl: string; httpPort: number; temporalPort: number; uiPort: number }) {
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
  // The product's own log (the worker's included) is kept for a failure report, not printed.
  const logTail: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    logTail.push(chunk.toString());
    if (logTail.length > 40) logTail.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('dpa-orchestrator is running')) resolve();
      });
      void exited.then((code) => reject(new Error(`the product exited (${code}) before it was running:\n${output}${logTail.join('')}`)));
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

async function post(url: string, event: { type: string; data: unknown }): Promise<void> {
  const body = JSON.stringify({ ...event, timestamp: new Date().toISOString() });
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(secret, `msg_${randomUUID()}`, body), body });
    if (response.ok) return;
    const answer = await response.text();
    if (response.status !== 503 || attempt >= 5) throw new Error(`${event.type} answered ${response.status}: ${answer}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

interface CpuSnapshot {
  bench: number;
  product: number;
  temporal: number;
  since(earlier: CpuSnapshot): { bench: number; product: number; temporal: number };
}

/**
 * Processor time (user + system, ms) used so far by this process, by the product's own process, and by
 * the processes the product started (the Temporal dev server), from /proc (Linux).
 */
function cpuSnapshot(productPid: number): CpuSnapshot {
  const ticksPerMs = 100 / 1000; // USER_HZ: 100 on Linux
  const stats = new Map<number, { parent: number; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while being read
    }
    // The fields after the command's closing parenthesis: state, ppid, ..., utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(entry), { parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) / ticksPerMs });
  }
  const below = (pid: number): number =>
    [...stats].filter(([, stat]) => stat.parent === pid).reduce((sum, [child, stat]) => sum + stat.ms + below(child), 0);
  const usage = process.cpuUsage();
  const snapshot = {
    bench: (usage.user + usage.system) / 1000,
    product: stats.get(productPid)?.ms ?? Number.NaN,
    temporal: below(productPid),
  };
  return {
    ...snapshot,
    since: (earlier) => ({
      bench: snapshot.bench - earlier.bench,
      product: snapshot.product - earlier.product,
      temporal: snapshot.temporal - earlier.temporal,
    }),
  };
}

/** Resident memory and its high-water mark of a process, from /proc (Linux). */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const log = (line: string) => process.stderr.write(`${line}\n`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
