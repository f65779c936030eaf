import { createHash, timingSafeEqual } from 'node:crypto';
import type { Client } from '@temporalio/client';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { withoutAddresses } from '../../activities/email/send-email';
import { logger } from '../../config/logger';
import type { Records } from '../../records';
import type { MailCatcher } from '../embedded/mail-catcher';
import type { PayloadKey } from '../../codec/keys';
import { breachRegisterCsv } from './breach-register-csv';
import { registerMetricsRoute } from './metrics-route';
import { registerCodecRoutes } from './codec-route';
import { registerSubprocessorRegisterRoutes } from './subprocessor-register';
import { registerWebhookRoute } from './webhook-route';

export interface HttpServerDeps {
  records: Records;
  temporal: Client;
  webhookSecret: string;
  /** Is every part an event needs reachable? Answers GET /healthz. */
  ready: () => Promise<boolean>;
  mailCatcher?: MailCatcher;
  operatorToken?: string;
  /** The codec endpoint (/codec/encode, /codec/decode): the payload keys and the Web UI's origins; absent, no endpoint. */
  codec?: { keys: PayloadKey[]; webUiOrigins: string[] };
  logLevel?: string;
  /** How long a delivery waits on Temporal before it is answered 503 (default 10 s). */
  temporalCallTimeoutMs?: number;
}

/** The contract's size limit: a body over 1 MiB gets 413 before it is read further. */
const bodyLimit = 1024 * 1024;

export function buildHttpServer(deps: HttpServerDeps): FastifyInstance {
  // The product's one pino logger, so that the server's lines have the format of every other line.
  const httpLogger: FastifyBaseLogger = deps.logLevel ? logger.child({}, { level: deps.logLevel }) : logger;
  const app = Fastify({
    bodyLimit,
    // Request logs would carry addresses and URLs; the routes log what an operator needs, no personal data.
    logController: new LogController({ disableRequestLogging: true }),
    loggerInstance: httpLogger,
  });
  // The signature covers the exact bytes, so the body is kept raw and parsed after verification.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const message = statusCode === 413 ? 'the body is over 1 MiB' : statusCode >= 500 ? 'internal error' : error.message;
    void reply.code(statusCode).send({ error: message });
  });

  app.get('/healthz', async (_request, reply) => {
    const ready = await deps.ready().catch(() => false);
    if (!ready) return reply.code(503).send({ status: 'unavailable' });
    // Mail failing for a fault of ours (a refused login, a wrong sender) does not stop events from being
    // accepted: still 200, with the detail for the operator. The evidence log keeps the addresses; not here.
    const mail = await deps.records.emails.mailHealth().catch(() => ({ status: 'unknown' }) as const);
    const detail = mail.status === 'stuck' && mail.lastError ? { ...mail, lastError: withoutAddresses(mail.lastError) } : mail;
    return reply.code(200).send({ status: 'ok', mail: detail });
  });

  registerWebhookRoute(app, deps);
  registerSubprocessorRegisterRoutes(app, deps);

  // Compared as SHA-256 digests in constant time: neither the token's characters nor its length can be
  // learnt from how long a refusal takes.
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  const expectedAuthorization = deps.operatorToken ? digest(`Bearer ${deps.operatorToken}`) : undefined;
  const operatorOnly = async (request: FastifyRequest) => {
    if (expectedAuthorization && !timingSafeEqual(digest(request.headers.authorization ?? ''), expectedAuthorization)) {
      throw Object.assign(new Error('an operator token is needed'), { statusCode: 401 });
    }
  };

  registerMetricsRoute(app, { temporal: deps.temporal, onRequest: operatorOnly });
  if (deps.codec) registerCodecRoutes(app, { ...deps.codec, operatorOnly });

  app.get('/breaches', { onRequest: operatorOnly }, async () => ({ incidents: await deps.records.breaches.list() }));
  app.get('/breaches.csv', { onRequest: operatorOnly }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="breach-register.csv"')
      .send(breachRegisterCsv(await deps.records.breaches.list())),
  );
  app.get<{ Params: { incidentId: string } }>('/breaches/:incidentId', { onRequest: operatorOnly }, async (request, reply) => {
    const entry = await deps.records.breaches.get(request.params.incidentId);
    return entry ? entry : reply.code(404).send({ error: 'unknown incident' });
  });
  // Every subprocessor.objected delivery with its answer, the refused ones with their reason.
  app.get<{ Querystring: { changeId?: string } }>('/subprocessor-objections', { onRequest: operatorOnly }, async (request) => ({
    objections: await deps.records.subprocessors.objections(request.query.changeId ? { changeId: request.query.changeId } : {}),
  }));
  // Every customer's objection window of a change (5.2), as subprocessor-change-<changeId> keeps it.
  app.get<{ Params: { changeId: string } }>(
    '/subprocessor-changes/:changeId/windows',
    { onRequest: operatorOnly },
    async (request, reply) => {
      const windows = await deps.records.objectionWindows.list(request.params.changeId);
      return windows ? { changeId: request.params.changeId, windows } : reply.code(404).send({ error: 'unknown subprocessor change' });
    },
  );
  app.get<{ Params: { changeId: string; customerId: string } }>(
    '/subprocessor-changes/:changeId/windows/:customerId',
    { onRequest: operatorOnly },
    async (request, reply) => {
      const window = await deps.records.objectionWindows.get(request.params.changeId, request.params.customerId);
      return window ?? reply.code(404).send({ error: 'unknown objection window' });
    },
  );
  app.get<{ Querystring: { workflowId?: string } }>('/evidence/emails', { onRequest: operatorOnly }, async (request) => ({
    emails: await deps.records.emails.list(request.query.workflowId ? { workflowIdPrefix: request.query.workflowId } : {}),
  }));

  const catcher = deps.mailCatcher;
  if (catcher) {
    app.get('/mail/messages', { onRequest: operatorOnly }, async () => ({ messages: await catcher.messages() }));
    app.get<{ Params: { id: string } }>('/mail/messages/:id', { onRequest: operatorOnly }, async (request, reply) => {
      const message = await catcher.message(request.params.id);
      return message ? message : reply.code(404).send({ error: 'no such message' });
    });
    app.get<{ Params: { id: string } }>('/mail/messages/:id/raw', { onRequest: operatorOnly }, async (request, reply) => {
      const raw = catcher.raw(request.params.id);
      return raw ? reply.type('message/rfc822').send(raw) : reply.code(404).send({ error: 'no such message' });
    });
  }
  return app;
}
