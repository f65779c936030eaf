import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { eventTypes } from '../../domain/events';
import { searchAttributes } from '../../domain/search-attributes';

/**
 * The values of DpaProcess that the workflows set (workflows/*.ts), one `dpa_open_cases` series each.
 * A process missing here is simply not counted: the label never comes from input.
 */
export const countedProcesses = [
  'breach',
  'breach-notice',
  'dsr',
  'authority',
  'instruction',
  'cannot-comply',
  'subprocessor-change',
  'subprocessor-objection',
  'audit',
  'termination',
] as const;

/** How long a count of open cases is reused: a scrape every few seconds costs Temporal one query per process per window. */
const openCasesCacheMs = 15_000;
/** When the count calls are cancelled; the counts are then left out of that scrape. */
const openCasesTimeoutMs = 3_000;

const knownEventTypes = new Set<string>(eventTypes);

export interface MetricsRouteDeps {
  temporal: Client;
  /** The same guard as the other read endpoints (the operator token, when one is set). */
  onRequest: (request: FastifyRequest) => Promise<void>;
}

/**
 * `GET /metrics`: the endpoint process's Prometheus metrics, in the text exposition format. Labels are
 * event types, HTTP statuses and process names, never ids or personal data. The counts of open cases
 * (how many breaches are open right now) are still the processor's business, so the route asks for the
 * operator token where the read endpoints do. Each server has its own registry: two servers in one
 * process (the tests) do not share counts.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: MetricsRouteDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dpa_http_' });

  const webhooks = new Counter({
    name: 'dpa_webhooks_total',
    help: 'Webhook deliveries by event type and the HTTP status they were answered with (type "unknown": unsigned, or no known type).',
    labelNames: ['type', 'status'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/webhooks') return;
    webhooks.inc({ type: reply.statusCode === 401 ? 'unknown' : claimedEventType(request.body), status: String(reply.statusCode) });
  });

  let cached: { at: number; counts: Map<string, number> } | undefined;
  new Gauge({
    name: 'dpa_open_cases',
    help: 'Running workflows by process (search attribute DpaProcess), counted in Temporal visibility at scrape time, cached 15 s.',
    labelNames: ['process'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      if (!cached || Date.now() - cached.at > openCasesCacheMs) {
        // A failure is kept for the same window (no series then): a scrape every few seconds against a
        // cluster that is down, or lacks the search attribute, logs one line per window, not per scrape.
        // The signal cancels the calls (a deadline left their retries running on); the timeout answers the
        // scrape even while a lazy client is still trying to connect.
        const signal = AbortSignal.timeout(openCasesTimeoutMs);
        const counting = deps.temporal.withAbortSignal(signal, () => countOpenCases(deps.temporal));
        const counts = await withTimeout(counting, openCasesTimeoutMs + 2_000).catch((error: unknown) => {
          app.log.warn({ reason: reasonOf(error) }, 'open cases could not be counted for /metrics');
          return new Map<string, number>();
        });
        cached = { at: Date.now(), counts };
      }
      for (const [process, count] of cached.counts) this.set({ process }, count);
    },
  });

  app.get('/metrics', { onRequest: deps.onRequest }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return registry;
}

/** Every count settles before the scrape goes on (none left retrying in the background), then the first failure is thrown. */
async function countOpenCases(temporal: Client): Promise<Map<string, number>> {
  const counts = await Promise.allSettled(
    countedProcesses.map(async (process) => {
      const { count } = await temporal.workflow.count(`${searchAttributes.process.name} = '${process}' AND ExecutionStatus = 'Running'`);
      return [process, Number(count)] as const;
    }),
  );
  const failed = counts.find((count) => count.status === 'rejected');
  if (failed) throw failed.reason;
  return new Map(counts.map((count) => (count as PromiseFulfilledResult<readonly [string, number]>).value));
}

/** The event type a body claims, if it is one of the contract's; read only for the label. */
function claimedEventType(body: unknown): string {
  if (!Buffer.isBuffer(body)) return 'unknown';
  try {
    const type = (JSON.parse(body.toString('utf8')) as { type?: unknown }).type;
    return typeof type === 'string' && knownEventTypes.has(type) ? type : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The gRPC answer under the client's "Failed to count workflows", without its stack. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Temporal within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
