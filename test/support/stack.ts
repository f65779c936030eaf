import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import { createMailer } from '../../activities/email/mailer';
import { buildHttpServer } from '../../client/http/server';
import { signedHeaders } from '../../webhook-signing/standard-webhooks';
import type { Database, Records } from '../../records';
import { createWorker, type WorkerSetup } from '../../worker/create-worker';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail';
import { testPayloadKeys } from './payload-keys';
import { freshDatabase } from './records';
import { startDevServer, workflowBundle } from './temporal';

export const webhookSecret = 'whsec_dGVzdC1zZWNyZXQtZm9yLWVuZC10by1lbmQtdGVzdHM=';
export const privacyTeamEmail = 'privacy-team@processor.test';
export const mailFrom = 'Privacy team <privacy@processor.test>';
/** The Web UI origin the stack's codec endpoint answers (WEB_UI_ORIGIN). */
export const testWebUiOrigin = 'http://127.0.0.1:8233';

/**
 * The product as `npm start` wires it, on real parts: the Temporal dev server, a real SQL database,
 * a real SMTP server, the worker and the HTTP server on a loopback port.
 */
export interface Stack {
  env: TestWorkflowEnvironment;
  records: Records;
  database: Database;
  databaseUrl?: string;
  catcher: MailCatcher;
  baseUrl: string;
  worker?: Worker;
  post(event: unknown, options?: { webhookId?: string; headers?: Record<string, string>; rawBody?: string }): Promise<Answer>;
  close(): Promise<void>;
}

/** The endpoint's JSON answers, as the contract gives them (README: "Webhooks"). */
export interface AnswerBody {
  workflowId?: string;
  error?: string;
  problems?: Array<{ path: string; message: string }>;
  [field: string]: unknown;
}

export interface Answer {
  status: number;
  body: AnswerBody;
}

export async function startStack(options: {
  database?: 'pglite' | 'postgres';
  runWorker?: boolean;
  mail?: MailCatcherOptions;
  /** Where the worker asks the product to act (a test's own product server), and the secret it signs with. */
  productWebhook?: { url: string; secret: string };
  /** The end of a contract's settings (PRODUCT_DATA_STORES and the rest); the defaults otherwise. */
  termination?: WorkerSetup['termination'];
  /** OPERATOR_TOKEN of the HTTP server; unset, its read endpoints are open, as on loopback. */
  operatorToken?: string;
}): Promise<Stack> {
  const env = await startDevServer();
  const { database, records, url } = await freshDatabase(options.database ?? 'pglite');
  const catcher = await startMailCatcher(options.mail);
  const mailer: Transporter = createMailer(catcher.smtpUrl);

  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  if (options.runWorker !== false) {
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      workflowBundle: await workflowBundle(),
      records,
      mailer,
      mailFrom,
      privacyTeamEmail,
      payloadKeys: testPayloadKeys,
      ...(options.productWebhook && { productWebhook: options.productWebhook }),
      ...(options.termination && { termination: options.termination }),
    });
    workerRun = worker.run();
  }

  const app: FastifyInstance = buildHttpServer({
    records,
    temporal: env.client,
    webhookSecret,
    mailCatcher: catcher,
    ...(options.operatorToken && { operatorToken: options.operatorToken }),
    codec: { keys: testPayloadKeys, webUiOrigins: [testWebUiOrigin] },
    logLevel: 'warn',
    ready: async () => {
      await env.connection.healthService.check({});
      await sql`select 1`.execute(database.db);
      return true;
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  return {
    env,
    records,
    database,
    ...(url && { databaseUrl: url }),
    catcher,
    baseUrl,
    worker,
    post: (event, postOptions = {}) => postEvent(baseUrl, event, postOptions),
    async close() {
      await app.close();
      if (worker) {
        worker.shutdown();
        await workerRun;
      }
      mailer.close();
      await catcher.close();
      await database.close();
      await env.teardown();
    },
  };
}

export async function postEvent(
  baseUrl: string,
  event: unknown,
  options: { webhookId?: string; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Answer> {
  const body = options.rawBody ?? JSON.stringify(event);
  const webhookId = options.webhookId ?? `msg_${randomUUID()}`;
  const response = await fetch(`${baseUrl}/webhooks`, {
    method: 'POST',
    headers: { ...signedHeaders(webhookSecret, webhookId, body), ...options.headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A client on an address where no Temporal listens: what the endpoint meets when Temporal is down. */
export function unreachableTemporalClient(): Client {
  return new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
}

export function customerEvent(customerId: string, language: 'nl' | 'fr' | 'en', emails: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'customer.upserted',
    timestamp: new Date().toISOString(),
    data: { customerId, name: `Customer ${customerId}`, language, contacts: emails.map((email) => ({ email })), ...extra },
  };
}

export function breachEvent(incidentId: string, affectedCustomerIds: string[]) {
  return {
    type: 'breach.detected',
    timestamp: new Date().toISOString(),
    data: {
      incidentId,
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: 'An API key with read access to support tickets was published in a public repository.',
      dataCategories: ['names', 'email addresses', 'support ticket contents'],
      subjectsApprox: 420,
      measures: ['The key was revoked'],
      affectedCustomerIds,
    },
  };
}
