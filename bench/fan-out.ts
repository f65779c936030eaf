import { randomUUID } from 'node:crypto';
import { renderSubprocessorChangeNotice } from '../activities/email/templates/subprocessor-change';
import { cpuPerNotice, cpuSnapshot, log, mib, processMemory, seconds, table } from './measure';
import { benchSizes, ArrivalCounter, type BenchCustomer, type BenchStack, orchestrate, runBench, sendDirect, until } from './support';

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

/** The contact point the product's embedded defaults name. */
const benchContact = { name: 'Privacy team', email: 'privacy@processor.example' };

const sizes = benchSizes('100,1000,5000');

async function measure(stack: BenchStack, customers: BenchCustomer[], arrivals: ArrivalCounter): Promise<void> {
  const { product, smtp, count } = stack;
  const rows: string[][] = [];
  const cpuRows: string[][] = [];
  let openWindows = 0;
  for (const size of sizes) {
    const concerned = customers.slice(0, size);
    const changeId = `bench-${size}-${randomUUID().slice(0, 8)}`;

    // Baseline: the same notices, straight through nodemailer.
    const expectedDirect = arrivals.expect(size);
    const directCpu = cpuSnapshot(product.pid);
    const directStart = performance.now();
    await sendDirect(smtp.smtpUrl, concerned, (customer) =>
      renderSubprocessorChangeNotice(noticeFacts(customer, changeId), customer.language),
    );
    await expectedDirect;
    const directMs = performance.now() - directStart;
    const directSpent = cpuSnapshot(product.pid).since(directCpu);

    // Orchestrated: one signed event, N windows, N notices.
    const { postedAt, spent: orchestratedSpent } = await orchestrate(
      stack,
      {
        type: 'subprocessor.changed',
        data: {
          changeId,
          action: 'added',
          subprocessor: { id: `sp-${changeId}`, name: 'Bench Mail Relay NV', country: 'BE', purpose: 'transactional email' },
          effectiveAt: new Date(Date.now() + 45 * 86_400_000).toISOString(),
          customerIds: concerned.map((customer) => customer.id),
        },
      },
      arrivals.expect(size),
      `the ${size} notices of ${changeId} did not all arrive`,
    );
    const orchestratedMs = performance.now() - postedAt;
    openWindows += size;
    // Every customer notified; then every window open, its 30 days counting (the change's DpaOpenWindows,
    // as an operator's query in the Web UI sees it).
    await until(
      () => count(`WorkflowId = 'subprocessor-change-${changeId}' AND DpaOpenWindows = ${size}`),
      1,
      'the windows did not all open',
    );
    const windowsOpenMs = performance.now() - postedAt;

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
    cpuRows.push([
      String(size),
      'direct',
      seconds(directSpent.bench),
      seconds(directSpent.product),
      seconds(directSpent.temporal),
      cpuPerNotice(directSpent, size),
    ]);
    cpuRows.push([
      String(size),
      'orchestrated',
      seconds(orchestratedSpent.bench),
      seconds(orchestratedSpent.product),
      seconds(orchestratedSpent.temporal),
      cpuPerNotice(orchestratedSpent, size),
    ]);
    log(`N=${size}: orchestrated ${seconds(orchestratedMs)}, direct ${seconds(directMs)}`);
  }

  const header = ['N', 'orchestrated', 'direct', 'ratio', 'notices/s', 'all windows open', 'product RSS', 'product peak', 'open windows'];
  process.stdout.write(`\n${table([header, ...rows])}\n`);
  const cpuHeader = ['N', 'phase', 'CPU bench+SMTP', 'CPU product', 'CPU Temporal', 'CPU per notice'];
  process.stdout.write(`\nprocessor time until the N-th notice arrived:\n${table([cpuHeader, ...cpuRows])}\n`);
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
    contact: benchContact,
    timeZone: 'Europe/Brussels',
  };
}

const arrivals = new ArrivalCounter();
runBench('change', { customers: Math.max(...sizes), onMessage: () => arrivals.arrived() }, (stack, customers) =>
  measure(stack, customers, arrivals),
);
