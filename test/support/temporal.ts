import { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import type { Records } from '../../records';
import { temporalCliPath, temporalTestServerPath, testingExecutable } from '../../client/embedded/temporal-binaries';
import { searchAttributes } from '../../domain/search-attributes';
import { failureConverterPath } from '../../codec/data-converter';
import { createWorker, workflowsPath, type WorkerSetup } from '../../worker/create-worker';
import { decryptedHistory, testDataConverter, testPayloadKeys } from './payload-keys';

/** The time-skipping test server (Java, from Maven Central), for clocks at their true length. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testingExecutable(temporalTestServerPath()) },
    plugins: [gentleKeepalive],
    client: { dataConverter: testDataConverter },
  });
  // The test server refuses search attributes it does not know, as a real cluster does.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.values(searchAttributes).map((key) => [key.name, indexedValueTypes[key.type]])),
  });
  return env;
}

/**
 * The Java test server's gRPC accepts a keepalive ping at most every 5 minutes; the client's default is
 * every 30 s. After the third early ping the server sends GOAWAY ("too_many_pings") and drops the
 * connection, so a test file that runs longer than about 90 s lost the calls then in flight (a query, a
 * history page, the sleep that skips the clock) and hung. The client pings this server every 6 minutes.
 */
const gentleKeepalive: ConnectionPlugin = {
  name: 'test-server-keepalive',
  configureConnection: (options) => ({
    ...options,
    channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': 6 * 60_000, 'grpc.keepalive_permit_without_calls': 0 },
  }),
};

const indexedValueTypes = {
  TEXT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
} as const;

/** The Temporal CLI's dev server, the same engine `npm start` runs, with the product's search attributes. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: testingExecutable(temporalCliPath()),
      searchAttributes: Object.values(searchAttributes),
      extraArgs: ['--log-level', 'error'],
    },
    client: { dataConverter: testDataConverter },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundled once per test file: webpack takes seconds. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: workflowsPath(), failureConverterPath, logger: quietLogger });
  return bundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** Moves the test server's clock to `instant`; time only moves forward, so the tests run in date order. */
export async function skipTo(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  const now = await env.currentTimeMs();
  const target = Date.parse(instant);
  if (target <= now) throw new Error(`the test server is already at ${new Date(now).toISOString()}, past ${instant}`);
  await env.sleep(target - now);
}

/**
 * A workflow's whole history as text, its payloads decrypted and decoded: what an operator can read in
 * the Web UI through the codec endpoint (inputs, results, failure messages), for tests that check what
 * enters it.
 */
export async function historyText(env: TestWorkflowEnvironment, workflowId: string): Promise<string> {
  // Worker identities ("pid@host") are left out: they look like addresses and are no one's data.
  const json = historyToJSON(await decryptedHistory(await env.client.workflow.getHandle(workflowId).fetchHistory())).replace(
    /"identity": "[^"]*"/g,
    '"identity": ""',
  );
  const payloads = [...json.matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)].map((match) => Buffer.from(match[1]!, 'base64').toString('utf8'));
  return [json, ...payloads].join('\n');
}

/** Every email address in a text (a domain ends in letters: "worker@1.24.0", the SDK's build id, is none). */
export const emailAddressesIn = (text: string): string[] => text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}\b/g) ?? [];

/** The privacy team's address in the tests' workers. */
export const testPrivacyTeam = 'privacy-team@processor.test';

/** The sender of every email the tests' workers send. */
export const testMailFrom = 'Privacy team <privacy@processor.test>';

/** A worker on a test server, with the project's workflows and activities over these records and mailer. */
export async function testWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  deps: { records: Records; mailer: Transporter } & Pick<WorkerSetup, 'productWebhook' | 'termination'>,
): Promise<Worker> {
  return createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    records: deps.records,
    mailer: deps.mailer,
    mailFrom: testMailFrom,
    privacyTeamEmail: testPrivacyTeam,
    payloadKeys: testPayloadKeys,
    ...(deps.productWebhook && { productWebhook: deps.productWebhook }),
    ...(deps.termination && { termination: deps.termination }),
  });
}
