import { randomUUID } from 'node:crypto';
import { renderSubprocessorChangeNotice } from '../activities/email/templates/subprocessor-change';
import { searchAttributes } from '../domain/search-attributes';
import { childrenMemory, cpuPerNotice, cpuSnapshot, log, mib, processMemory, restartPeak, seconds, table } from './measure';
import {
  benchSizes,
  ArrivalCounter,
  type BenchCustomer,
  type BenchStack,
  orchestrate,
  runBench,
  runningWorkflows,
  sendDirect,
  until,
} from './support';

/**
 * `npm run bench`: the subprocessor change fan-out (issues 4 and 11). For each N it measures
 *   orchestrated: a signed `subprocessor.changed` for N customers, posted to the product running on its
 *                 embedded defaults (`client/start.ts`: Temporal dev server, PGlite, worker, webhooks),
 *                 until the N-th notice is accepted by the SMTP server;
 *   direct:       the same N notices, rendered by the same template and handed all at once to nodemailer
 *                 with the product's transport (pooled, 5 connections), to the same SMTP server;
 * and their ratio, then when the change's `DpaOpenWindows` reached N (every window open in the records).
 * After each phase: the product process's resident memory and its peak during the phase (VmHWM started
 * again before it), the Temporal dev server's resident memory, the windows open in the records over all
 * changes so far (their 30 days run on, so later phases serve the earlier windows too), and the
 * workflows left running, the change's own and all of them by `DpaProcess`.
 * A last table says where the processor time of each phase went (from /proc): the product's process
 * (webhooks, worker, activities, PGlite), the Temporal dev server it started, and this process (the SMTP
 * server; in the direct phase nodemailer as well). On two cores the phases are bound by it.
 *
 * BENCH_SIZES=100,1000 (default 100,1000,5000,20000) narrows the run.
 */

/** The contact point the product's embedded defaults name. */
const benchContact = { name: 'Privacy team', email: 'privacy@processor.example' };

const sizes = benchSizes('100,1000,5000,20000');

async function measure(stack: BenchStack, customers: BenchCustomer[], arrivals: ArrivalCounter): Promise<void> {
  const { product, smtp, count } = stack;
  const timeRows: string[][] = [];
  const stateRows: string[][] = [stateRow(stack, 'described', false, await windowsOpenInRecords(stack), await runningNow(stack, ''))];
  const cpuRows: string[][] = [];
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

    // Orchestrated: one signed event, N windows in the records, N notices.
    const peakRestarted = restartPeak(product.pid);
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
    // Every customer notified; then every window open in the records, its 30 days counting (the change's
    // DpaOpenWindows, as an operator's query in the Web UI sees it).
    await until(
      () => count(`WorkflowId = 'subprocessor-change-${changeId}' AND DpaOpenWindows = ${size}`),
      1,
      'the windows did not all open',
    );
    const windowsOpenMs = performance.now() - postedAt;
    const sent = arrivals.sincePhaseStart();

    timeRows.push([
      String(size),
      seconds(orchestratedMs),
      seconds(directMs),
      `${(orchestratedMs / directMs).toFixed(2)}x`,
      `${Math.round(size / (orchestratedMs / 1000))}/s`,
      seconds(windowsOpenMs),
      `${sent.messages} to ${sent.recipients}`,
    ]);
    stateRows.push(stateRow(stack, String(size), peakRestarted, await windowsOpenInRecords(stack), await runningNow(stack, changeId)));
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

  const timeHeader = [
    'N',
    'orchestrated',
    'direct',
    'ratio',
    'notices/s',
    'all windows open (records)',
    'notices sent (messages to customers)',
  ];
  process.stdout.write(`\n${table([timeHeader, ...timeRows])}\n`);
  const stateHeader = [
    'after',
    'product RSS',
    'product peak',
    'Temporal RSS',
    'windows open in the records',
    "the change's workflows running",
    'all workflows running (by DpaProcess)',
  ];
  process.stdout.write(
    `\nafter each phase (peak: during the phase, * since the product started):\n${table([stateHeader, ...stateRows])}\n`,
  );
  const cpuHeader = ['N', 'phase', 'CPU bench+SMTP', 'CPU product', 'CPU Temporal', 'CPU per notice'];
  process.stdout.write(`\nprocessor time until the N-th notice arrived:\n${table([cpuHeader, ...cpuRows])}\n`);
}

/** One row of the state after a phase; `peakOfPhase` false when the peak could not be started again (then marked *). */
function stateRow(
  { product }: BenchStack,
  after: string,
  peakOfPhase: boolean,
  windowsOpen: number,
  running: { change: number | undefined; total: number; byProcess: Array<[string, number]> },
): string[] {
  const memory = processMemory(product.pid);
  return [
    after,
    mib(memory.rss),
    `${mib(memory.peak)}${peakOfPhase ? '' : ' *'}`,
    mib(childrenMemory(product.pid)),
    String(windowsOpen),
    running.change === undefined ? '-' : String(running.change),
    `${running.total} (${running.byProcess.map(([process, counted]) => `${process} ${counted}`).join(', ')})`,
  ];
}

/**
 * The workflows running once the phase is over: the change's own (`subprocessor-change-<changeId>` and
 * any `objection-<changeId>~...`) and all of them. The customers' workflows have ended before the first
 * phase (the benchmark waited for them) and no phase describes a customer; should one still run, it is
 * counted under `customer`, not as the change's.
 */
async function runningNow(stack: BenchStack, changeId: string) {
  const all = await runningWorkflows(stack);
  const change =
    changeId === ''
      ? undefined
      : await stack.count(
          `ExecutionStatus = 'Running' AND (WorkflowId = 'subprocessor-change-${changeId}' OR WorkflowId STARTS_WITH 'objection-${changeId}~')`,
        );
  return { change, ...all };
}

/** The windows open in the records over every change still running: the sum of their `DpaOpenWindows`. */
async function windowsOpenInRecords({ temporal }: BenchStack): Promise<number> {
  let open = 0;
  for await (const change of temporal.workflow.list({ query: `DpaProcess = 'subprocessor-change' AND ExecutionStatus = 'Running'` })) {
    open += change.typedSearchAttributes.get(searchAttributes.openWindows) ?? 0;
  }
  return open;
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
runBench('change', { customers: Math.max(...sizes), onMessage: (raw) => arrivals.arrived(raw) }, (stack, customers) =>
  measure(stack, customers, arrivals),
);
