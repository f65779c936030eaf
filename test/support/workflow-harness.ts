import { Client, WorkflowUpdateFailedError, type QueryDefinition, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { createMailer } from '../../activities/email/mailer';
import type { Customer } from '../../domain/customer';
import type { Database, Records } from '../../records';
import type { WorkerSetup } from '../../worker/create-worker';
import { mailOf, startMailCatcher, waitForMailOf, type CaughtMail, type MailCatcher, type MailCatcherOptions } from './mail';
import { testDataConverter } from './payload-keys';
import { freshDatabase } from './records';
import { skipTo, startTimeSkippingServer, testWorker, workflowBundle } from './temporal';

/**
 * What a test says of a customer; the rest is the usual: `Customer <id>`, English, one contact
 * `dpo@<id>.test`, Brussels time, the default contract.
 */
export interface CustomerDescription {
  customerId: string;
  name?: string;
  language?: Customer['language'];
  emails?: string[];
  timeZone?: string;
  contract?: Customer['contract'];
}

export interface WorkflowHarnessOptions {
  /** Described by the product before the first test. */
  customers?: CustomerDescription[];
  /** For a test of the mail server's login: the catcher's `acceptLogin`. */
  mailCatcher?: Pick<MailCatcherOptions, 'acceptLogin'>;
  /** The address the workers send through; the catcher's own by default. */
  mailerUrl?: (catcher: MailCatcher) => string;
}

export interface WorkflowHarness {
  /** The time-skipping test server; `env.client` lets the server skip time while it awaits a result. */
  readonly env: TestWorkflowEnvironment;
  /**
   * A plain client: unlike env.client it does not let the server skip time while it awaits a result, so
   * the clock moves only where a test says so (skipTo, env.sleep). The test server keeps far-off timers
   * of finished workflows, which a result() would otherwise skip the clock to.
   */
  readonly plainClient: Client;
  /** A fresh PGlite records database for this file. */
  readonly records: Records;
  /** The SMTP server every worker sends through. */
  readonly catcher: MailCatcher;
  readonly mailer: Transporter;
  /** Addresses (lower case) the mail server refuses with a permanent 550 for now: a test adds one, and removes it. */
  readonly refused: Set<string>;
  /** Addresses (lower case) the mail server defers with a temporary 451 for now. */
  readonly deferred: Set<string>;
  /**
   * Runs `fn` with a worker of the project's workflows and activities on `taskQueue`. A workflow marked
   * with `endsWithWorker` and still running afterwards is terminated: a workflow without a worker would
   * schedule activities that nobody runs, and the test server stops skipping time while an activity is
   * outstanding, which would stall every later test.
   */
  withWorker<T>(
    taskQueue: string,
    fn: (worker: Worker) => Promise<T>,
    deps?: Pick<WorkerSetup, 'productWebhook' | 'termination'>,
  ): Promise<T>;
  /** Marks a workflow the test starts, to be terminated when its worker stops; gives the id back. */
  endsWithWorker(workflowId: string): string;
  /** The reason an update's validator gave for refusing it (what the webhook endpoint answers with 409). */
  refusal(update: Promise<unknown>): Promise<string>;
  /**
   * Polls `probe` (in real time) until it gives something other than undefined, null or false, and gives
   * that back; after `timeoutMs` it fails, naming `what` (or the probe's source).
   */
  waitFor<T>(probe: () => Promise<T | undefined | null | false>, options?: { what?: string; timeoutMs?: number }): Promise<T>;
  /**
   * Whether a workflow is at rest: closed, or running with no activity outstanding and no workflow task
   * scheduled or started. The test server's clock moves only when a test moves it, so a workflow at rest
   * stays so until the test acts (a signal, an update, a skip of the clock).
   */
  atRest(handle: WorkflowHandle): Promise<boolean>;
  /**
   * Waits until each workflow is at rest, twice in a row. A test lets its workflows come to rest before
   * their worker stops: the test server stops skipping time for good once a workflow with an activity
   * outstanding is terminated.
   */
  untilAtRest(handles: readonly WorkflowHandle[], timeoutMs?: number): Promise<void>;
  /**
   * Queries a workflow once it is at rest. A query that reaches the test server while a workflow task
   * is in flight is handed to that task, and if the task continues the workflow as new, the server never
   * answers it and keeps its clock from skipping for the rest of the file. So a test queries a workflow
   * that may continue as new only through here. A query still unanswered after 30 s fails by name.
   */
  queryAtRest<R, A extends unknown[]>(handle: WorkflowHandle, query: QueryDefinition<R, A>, ...args: A): Promise<R>;
  /** Describes a customer, as the product's customer.upserted does. */
  customer(customerId: string, description?: Omit<CustomerDescription, 'customerId'>): Promise<void>;
  /** The emails of every workflow whose id starts with the prefix, as [recipient, step], in the order the SMTP server accepted them. */
  sentBy(workflowIdPrefix: string): Promise<Array<[string, string]>>;
  /** The emails one workflow sent, as `step -> recipient`, in the order the SMTP server accepted them. */
  stepsOf(workflowId: string): Promise<string[]>;
  /** The emails one workflow sent, in the order the SMTP server accepted them. */
  mailOf(workflowId: string): Promise<CaughtMail[]>;
  /** Waits (in real time) until one workflow has sent `count` emails, then gives them back. */
  waitForMailOf(workflowId: string, count: number): Promise<CaughtMail[]>;
  /** Moves the test server's clock to `instant` (forward only). */
  skipTo(instant: string): Promise<void>;
  /** The test server's clock, as an ISO instant. */
  serverNow(): Promise<string>;
}

/**
 * The setup of a workflow test file: registers beforeAll/afterAll that start the time-skipping server,
 * a fresh records database and a mail catcher, and gives the helpers every workflow test shares.
 * The workflows are bundled before the server starts, so that no test's clock waits for webpack.
 */
export function useWorkflowHarness(options: WorkflowHarnessOptions = {}): WorkflowHarness {
  let env: TestWorkflowEnvironment | undefined;
  let plainClient: Client | undefined;
  let database: Database | undefined;
  let records: Records | undefined;
  let catcher: MailCatcher | undefined;
  let mailer: Transporter | undefined;
  const refused = new Set<string>();
  const deferred = new Set<string>();
  const endingWithWorker: string[] = [];

  beforeAll(async () => {
    await workflowBundle();
    env = await startTimeSkippingServer();
    plainClient = new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: testDataConverter });
    ({ database, records } = await freshDatabase('pglite'));
    catcher = await startMailCatcher({
      ...options.mailCatcher,
      refuseRecipient: (address) => refused.has(address.toLowerCase()),
      deferRecipient: (address) => deferred.has(address.toLowerCase()),
    });
    mailer = createMailer(options.mailerUrl?.(catcher) ?? catcher.smtpUrl);
    for (const { customerId, ...description } of options.customers ?? []) await harness.customer(customerId, description);
  });

  afterAll(async () => {
    mailer?.close();
    await catcher?.close();
    await database?.close();
    await env?.teardown();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the harness's ${what} is not started yet: use it inside a test or a hook`);
    return value;
  };

  const harness: WorkflowHarness = {
    get env() {
      return ready(env, 'test server');
    },
    get plainClient() {
      return ready(plainClient, 'client');
    },
    get records() {
      return ready(records, 'database');
    },
    get catcher() {
      return ready(catcher, 'mail catcher');
    },
    get mailer() {
      return ready(mailer, 'mailer');
    },
    refused,
    deferred,

    async withWorker(taskQueue, fn, deps = {}) {
      const worker = await testWorker(harness.env, taskQueue, { records: harness.records, mailer: harness.mailer, ...deps });
      try {
        return await worker.runUntil(fn(worker));
      } finally {
        for (const workflowId of endingWithWorker.splice(0)) {
          await harness.env.client.workflow
            .getHandle(workflowId)
            .terminate('left running by a test')
            .catch(() => undefined);
        }
      }
    },

    endsWithWorker(workflowId) {
      endingWithWorker.push(workflowId);
      return workflowId;
    },

    async refusal(update) {
      try {
        await update;
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? '';
        throw error;
      }
      throw new Error('the update was accepted, but a refusal was expected');
    },

    async waitFor(probe, { what, timeoutMs = 30_000 } = {}) {
      const giveUp = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined && value !== null && value !== false) return value;
        if (Date.now() > giveUp) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what ?? String(probe)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    async atRest(handle) {
      const description = await handle.describe();
      if (description.status.name !== 'RUNNING') return true;
      if ((description.raw.pendingActivities ?? []).length > 0) return false;
      // The test server leaves `pendingWorkflowTask` out of its description: the history's last event tells.
      const last = (await handle.fetchHistory()).events?.at(-1);
      return !last?.workflowTaskScheduledEventAttributes && !last?.workflowTaskStartedEventAttributes;
    },

    async untilAtRest(handles, timeoutMs = 60_000) {
      // Twice in a row: a locked clock still runs at the wall's pace, so a timer due in a moment may wake one.
      const twice = async (handle: WorkflowHandle) =>
        (await harness.atRest(handle)) &&
        (await new Promise((resolve) => setTimeout(resolve, 300))) === undefined &&
        harness.atRest(handle);
      for (const handle of handles) await harness.waitFor(() => twice(handle), { what: `${handle.workflowId} at rest`, timeoutMs });
    },

    async queryAtRest(handle, query, ...args) {
      await harness.untilAtRest([handle], 30_000);
      try {
        return await harness.env.connection.withDeadline(Date.now() + 30_000, () => handle.query(query, ...args));
      } catch (error) {
        throw new Error(`the query ${query.name} of ${handle.workflowId} was not answered: ${(error as Error).message}`, { cause: error });
      }
    },

    async customer(customerId, description = {}) {
      await harness.records.customers.upsert(
        {
          customerId,
          name: description.name ?? `Customer ${customerId}`,
          language: description.language ?? 'en',
          contacts: (description.emails ?? [`dpo@${customerId}.test`]).map((email) => ({ email })),
          timeZone: description.timeZone ?? 'Europe/Brussels',
          contract: description.contract ?? {},
        },
        '2026-01-01T00:00:00Z',
      );
    },

    async sentBy(workflowIdPrefix) {
      return (await harness.catcher.messages())
        .filter((mail) => mail.headers['x-dpa-workflow-id']?.startsWith(workflowIdPrefix))
        .map((mail) => [mail.envelope.to[0]!, mail.headers['x-dpa-step']!]);
    },

    async stepsOf(workflowId) {
      return (await harness.mailOf(workflowId)).map((mail) => `${mail.headers['x-dpa-step']} -> ${mail.envelope.to[0]}`);
    },

    mailOf: (workflowId) => mailOf(harness.catcher, workflowId),
    waitForMailOf: (workflowId, count) => waitForMailOf(harness.catcher, workflowId, count),
    skipTo: (instant) => skipTo(harness.env, instant),
    serverNow: async () => new Date(await harness.env.currentTimeMs()).toISOString(),
  };
  return harness;
}
