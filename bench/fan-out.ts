import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createMailer } from '../activities/email/mailer';
import { renderSubprocessorChangeNotice } from '../activities/email/templates/subprocessor-change';
import {
  benchSizes,
  ArrivalCounter,
  cpuSnapshot,
  describeCustomers,
  type BenchCustomer,
  log,
  mib,
  phaseTimeoutMs,
  post,
  processMemory,
  seconds,
  startBenchStack,
  table,
  until,
  withTimeout,
} from './support';

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

const sizes = benchSizes('100,1000,5000');

async function main(): Promise<void> {
  const arrivals = new ArrivalCounter();
  const stack = await startBenchStack('change', () => arrivals.arrived());
  const { product, smtp, webhooks, count } = stack;
  log(`product started: RSS ${mib(processMemory(product.pid).rss)}`);

  try {
    const largest = Math.max(...sizes);
    const seedStart = performance.now();
    const customers = await describeCustomers(webhooks, largest);
    // The upserts are answered once recorded; their workflows run after. Measure on a quiet worker.
    await until(() => count(`DpaProcess = 'customer' AND DpaStatus = 'described'`), largest, 'the customers were not all described');
    log(
      `seeded ${largest} customers through customer.upserted in ${seconds(performance.now() - seedStart)}; RSS ${mib(processMemory(product.pid).rss)}`,
    );
    // Each customer's workflow stays open a minute for more descriptions, then ends: thousands of endings
    // that would otherwise fall into the first measurement.
    await until(
      () => count(`DpaProcess = 'customer' AND ExecutionStatus = 'Running'`),
      0,
      'the customer workflows did not all end',
      'at most',
    );
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
          return mailer.sendMail({
            from: 'privacy@processor.example',
            to: customer.email,
            subject: email.subject,
            text: email.text,
            html: email.html,
          });
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
    process.stdout.write(
      `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${mib(os.totalmem())} RAM, node ${process.version}\n`,
    );
  } finally {
    await stack.close();
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

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
