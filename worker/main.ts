import { Client } from '@temporalio/client';
import { dataConverter } from '../codec/data-converter';
import { createMailer } from '../activities/email/mailer';
import { readConfig, requiredPayloadKeys, workerSettings } from '../config/config';
import { logger } from '../config/logger';
import { openConfiguredDatabase } from '../config/records-connection';
import { connectWorker, readTemporalConnection } from '../config/temporal-connection';
import { createRecords } from '../records';
import { createWorker } from './create-worker';
import { installRuntime } from './runtime';
import { ensureSchedules } from './schedules';

/**
 * The worker alone (`npm run start:worker`), for a deployment where Temporal, PostgreSQL and SMTP run
 * elsewhere: TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL are required here, since the embedded parts
 * belong to `npm start`. SIGINT/SIGTERM drain it: running activities get 10 seconds to finish.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const temporal = readTemporalConnection();
  installRuntime();
  const missing = (['temporalAddress', 'databaseUrl', 'smtpUrl'] as const).filter((key) => !config[key]);
  if (missing.length > 0) {
    throw new Error('the standalone worker needs TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL (npm start runs everything embedded)');
  }
  const database = await openConfiguredDatabase(config);
  const mailer = createMailer(config.smtpUrl!);
  const connection = await connectWorker(temporal);
  const payloadKeys = requiredPayloadKeys(config);
  const worker = await createWorker({
    connection,
    records: createRecords(database.db),
    mailer,
    ...workerSettings(config),
    payloadKeys,
  });
  // The schedules' workflow inputs are written encrypted, as every other payload.
  await ensureSchedules(
    new Client({ connection, namespace: config.temporalNamespace, dataConverter: dataConverter(payloadKeys) }),
    config.schedules,
  );
  logger.info({ temporal: temporal.summary }, 'worker running');
  try {
    await worker.run(); // resolves after SIGINT/SIGTERM, which the SDK turns into a graceful shutdown
  } finally {
    await connection.close();
    mailer.close();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    logger.error({ err: error }, 'worker failed');
    process.exit(1);
  },
);
