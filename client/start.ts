import path from 'node:path';
import { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { createMailer } from '../activities/email/mailer';
import { dataConverter } from '../codec/data-converter';
import { embeddedPayloadKeys } from '../codec/key-file';
import { readServingConfig, workerSettings } from '../config/config';
import { logger } from '../config/logger';
import { openConfiguredDatabase } from '../config/records-connection';
import { connectClient, connectWorker, embeddedDevServerConnection, readTemporalConnection } from '../config/temporal-connection';
import { createRecords } from '../records';
import { createWorker } from '../worker/create-worker';
import { installRuntime } from '../worker/runtime';
import { ensureSchedules } from '../worker/schedules';
import { startMailCatcher, type MailCatcher } from './embedded/mail-catcher';
import { startDevServer, type DevServer } from './embedded/temporal-dev-server';
import { buildHttpServer } from './http/server';

/**
 * `npm start`: the whole product in one process, on embedded defaults for every part that is not
 * configured: Temporal dev server, PGlite, SMTP catcher; then the worker and the webhook endpoint.
 * What it prints on a good start is the summary of addresses; the parts' own start-up lines (the dev
 * server's output, the workflow bundle, the worker's state) are at debug (LOG_LEVEL=debug).
 */
/** What has been started so far, stopped in reverse order: on Ctrl-C, and when the start itself fails. */
const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
let stopping = false;

async function stopAll(): Promise<void> {
  for (const { name, stop } of stops.reverse()) {
    await stop().catch((error: unknown) => logger.error({ err: error, part: name }, 'stop failed'));
  }
  stops.length = 0;
}

async function main(): Promise<void> {
  const config = readServingConfig();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await stopAll();
    logger.info('stopped');
    process.exit(0);
  };
  // Repeated signals (Ctrl-C pressed twice, a supervisor's SIGTERM to every process) must not cut
  // the shutdown short: the embedded dev server would be left running without its parent.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let temporalSettings = readTemporalConnection();
  installRuntime();
  const payloadKeys = embeddedPayloadKeys(config.payloadKeys, config.dataDir, (message, fields) => logger.warn(fields, message));

  let devServer: DevServer | undefined;
  if (!temporalSettings.address) {
    devServer = await startDevServer({
      dataDir: path.join(config.dataDir, 'temporal'),
      namespace: config.temporalNamespace,
      port: config.temporalDevPort,
      uiPort: config.temporalUiPort,
      // The Web UI decodes payloads through the HTTP server's codec endpoint (started below).
      uiCodecEndpoint: `http://${config.host}:${config.port}/codec`,
      log: (line) => logger.debug({ part: 'temporal dev server' }, line),
    });
    stops.push({ name: 'temporal dev server', stop: devServer.stop });
    temporalSettings = embeddedDevServerConnection(temporalSettings, devServer.address);
  }
  const address = temporalSettings.address!;

  const database = await openConfiguredDatabase(config);
  stops.push({ name: 'records', stop: database.close });
  const records = createRecords(database.db);

  let mailCatcher: MailCatcher | undefined;
  let smtpUrl = config.smtpUrl;
  if (!smtpUrl) {
    mailCatcher = await startMailCatcher({ port: config.smtpCatcherPort, storeDir: path.join(config.dataDir, 'mail') });
    stops.push({ name: 'mail catcher', stop: mailCatcher.close });
    smtpUrl = mailCatcher.smtpUrl;
  }
  const mailer = createMailer(smtpUrl);
  stops.push({ name: 'mailer', stop: async () => mailer.close() });

  const workerConnection = await connectWorker(temporalSettings);
  stops.push({ name: 'worker connection', stop: () => workerConnection.close() });
  const worker = await createWorker({
    connection: workerConnection,
    records,
    mailer,
    ...workerSettings(config),
    payloadKeys,
  });
  const workerRun = worker.run();
  // On SIGINT and SIGTERM the SDK has begun the worker's shutdown already; shutting it down twice throws.
  const stopWorker = async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  };
  stops.push({ name: 'worker', stop: stopWorker });

  const clientConnection = await connectClient(temporalSettings);
  stops.push({ name: 'client connection', stop: () => clientConnection.close() });
  const temporal = new Client({
    connection: clientConnection,
    namespace: config.temporalNamespace,
    dataConverter: dataConverter(payloadKeys),
  });
  await ensureSchedules(
    temporal,
    config.schedules,
    devServer && { closedWorkflowRetentionDays: config.schedules.retention.closedWorkflowDays },
  );

  const app = buildHttpServer({
    records,
    temporal,
    webhookSecret: config.webhookSecret,
    mailCatcher,
    operatorToken: config.operatorToken,
    codec: { keys: payloadKeys, webUiOrigins: config.webUiOrigins },
    ready: async () => {
      await clientConnection.healthService.check({});
      await sql`select 1`.execute(database.db);
      return true;
    },
  });
  // Fastify announces its address at info; the summary below gives it, so that line is for debugging.
  const httpLevel = app.log.level;
  if (!logger.isLevelEnabled('debug')) app.log.level = 'warn';
  await app.listen({ host: config.host, port: config.port });
  app.log.level = httpLevel;
  stops.push({ name: 'http server', stop: () => app.close() });

  const base = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    'dpa-orchestrator is running',
    `  webhooks     POST ${base}/webhooks   (health: ${base}/healthz)`,
    `  temporal     ${address}${devServer ? ` (embedded dev server, data in ${path.join(config.dataDir, 'temporal')})` : ''}`,
    ...(devServer ? [`  web ui       ${devServer.uiUrl}/namespaces/${config.temporalNamespace}/workflows`] : []),
    `  records      ${database.kind === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'records')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  mail         ${mailCatcher ? `SMTP catcher on ${mailCatcher.smtpUrl}, read at ${base}/mail/messages` : 'SMTP_URL'}`,
    `  register     ${base}/breaches   evidence: ${base}/evidence/emails`,
    `  codec        ${base}/codec   (payloads encrypted with key ${payloadKeys[0]!.id}; the Web UI decodes through it)`,
    '  Ctrl-C stops everything; state is kept for the next start.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  workerRun.catch((error: unknown) => {
    logger.error({ err: error }, 'the worker stopped');
    void shutdown('worker failure');
  });
}

main().catch(async (error: unknown) => {
  logger.error({ err: error }, 'dpa-orchestrator could not start');
  // A part that did start (the dev server, say) must not be left running to block the next start.
  stopping = true;
  await stopAll();
  process.exit(1);
});
