import { randomUUID } from 'node:crypto';
import { renderBreachNotice } from '../activities/email/templates/breach';
import { cpuPerNotice, log, mib, processMemory, seconds, table } from './measure';
import { benchSizes, type BenchCustomer, type BenchStack, orchestrate, runBench, sendDirect } from './support';

/**
 * `npm run bench:breach`: one breach for N described customers (issue 8: "without undue delay", 8.1).
 * For each N, on the product running on its embedded defaults (`client/start.ts`: Temporal dev server,
 * PGlite, worker, webhooks), it measures the time from the webhook's 202 to each customer's first notice
 * accepted by the SMTP server: p50, p95 and the last one; and, in the same run, the same N notices
 * rendered by the same template and handed at once to nodemailer with the product's transport (pooled,
 * 5 connections) to the same SMTP server, timed from the hand-over to each acceptance.
 *
 * BENCH_SIZES=50,1000 (default 50,1000,10000) narrows the run. The customers are described through
 * signed `customer.upserted` webhooks first, which is not timed.
 */

/** The contact point the product's embedded defaults name. */
const benchContact = { name: 'Privacy team', email: 'privacy@processor.example' };

const sizes = benchSizes('50,1000,10000');

async function measure(stack: BenchStack, customers: BenchCustomer[], arrivals: NoticeArrivals): Promise<void> {
  const rows: string[][] = [];
  for (const size of sizes) {
    const concerned = customers.slice(0, size);
    const incidentId = `BENCH-${size}-${randomUUID().slice(0, 8)}`;
    const awareAt = new Date(Date.now() - 3_600_000).toISOString();

    // Baseline: the same notices, straight through nodemailer, timed from the hand-over.
    const directLatencies = await sendDirect(stack.smtp.smtpUrl, concerned, (customer) =>
      renderBreachNotice(noticeFacts(customer, incidentId, awareAt), customer.language),
    );

    // Orchestrated: one signed breach.detected; each customer's first notice, timed from the 202.
    const { arrived, answeredAt, spent } = await orchestrate(
      stack,
      {
        type: 'breach.detected',
        data: {
          incidentId,
          awareAt,
          summary: 'A misconfigured export job published support tickets to a storage bucket readable by anyone.',
          dataCategories: ['names', 'email addresses', 'support ticket contents'],
          subjectsApprox: 12_000,
          measures: ['The bucket was made private', 'Access logs are being reviewed'],
          affectedCustomerIds: concerned.map((customer) => customer.id),
        },
      },
      arrivals.expect(incidentId, size),
      `the ${size} notices of ${incidentId} did not all arrive`,
    );
    const orchestratedLatencies = arrived.map((at) => at - answeredAt);
    const memory = processMemory(stack.product.pid);
    const direct = summary(directLatencies);
    const orchestrated = summary(orchestratedLatencies);
    rows.push([
      String(size),
      seconds(orchestrated.p50),
      seconds(orchestrated.p95),
      seconds(orchestrated.max),
      `${Math.round(size / (orchestrated.max / 1000))}/s`,
      seconds(direct.p50),
      seconds(direct.p95),
      seconds(direct.max),
      `${(orchestrated.max / direct.max).toFixed(2)}x`,
      cpuPerNotice(spent, size),
      mib(memory.peak),
    ]);
    log(`N=${size}: last notice ${seconds(orchestrated.max)} after the 202 (direct: ${seconds(direct.max)})`);
  }

  const header = [
    'N',
    'p50',
    'p95',
    'last',
    'notices/s',
    'direct p50',
    'direct p95',
    'direct last',
    'last/direct',
    'CPU per notice',
    'product peak',
  ];
  process.stdout.write(
    `\nfrom the 202 of breach.detected to each customer's first notice accepted by the SMTP server:\n${table([header, ...rows])}\n`,
  );
}

/** When each customer's first notice of an incident reached the SMTP server (by its workflow id header). */
class NoticeArrivals {
  private waiting: { prefix: string; times: Map<string, number>; size: number; resolve: (times: number[]) => void } | undefined;
  arrived(raw: Buffer): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const head = raw.subarray(0, 4096).toString('latin1');
    const workflowId = /^X-DPA-Workflow-Id: (\S+)/im.exec(head)?.[1];
    if (!workflowId?.startsWith(waiting.prefix) || !/^X-DPA-Step: initial-notice/im.test(head)) return;
    if (!waiting.times.has(workflowId)) waiting.times.set(workflowId, performance.now());
    if (waiting.times.size >= waiting.size) {
      this.waiting = undefined;
      waiting.resolve([...waiting.times.values()]);
    }
  }
  expect(incidentId: string, size: number): Promise<number[]> {
    return new Promise((resolve) => {
      this.waiting = { prefix: `breach-${incidentId}~`, times: new Map(), size, resolve };
    });
  }
}

function summary(latencies: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

function noticeFacts(customer: BenchCustomer, incidentId: string, awareAt: string) {
  const now = new Date();
  return {
    customerName: customer.name,
    incidentId,
    awareAt,
    noticeSentAt: now.toISOString(),
    controllerDeadlineAt: new Date(now.getTime() + 72 * 3_600_000).toISOString(),
    summary: 'A misconfigured export job published support tickets to a storage bucket readable by anyone.',
    dataCategories: ['names', 'email addresses', 'support ticket contents'],
    subjectsApprox: 12_000,
    measures: ['The bucket was made private', 'Access logs are being reviewed'],
    contact: benchContact,
    timeZone: 'Europe/Brussels',
  };
}

const arrivals = new NoticeArrivals();
runBench('breach', { customers: Math.max(...sizes), onMessage: (raw) => arrivals.arrived(raw) }, (stack, customers) =>
  measure(stack, customers, arrivals),
);
