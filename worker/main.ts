import { NativeConnection } from '@temporalio/worker';
import { createMailer } from '../activities/email/mailer';
import { readConfig, requiredPayloadKeys, workerSettings } from '../config/config';
import { logger } from '../config/logger';
import { openConfiguredDatabase } from '../config/records-connection';
import { createRecords } from '../records';
import { createWorker } from './create-worker';
import { installSdkLogging } from './sdk-logger';

/**
 * The worker alone (`npm run start:worker`), for a deployment where Temporal, PostgreSQL and SMTP run
 * elsewhere: TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL are required here, since the embedded parts
 * belong to `npm start`. SIGINT/SIGTERM drain it: running activities get 10 seconds to finish.
 */
async function main(): Promise<void> {
  const config = readConfig();
  installSdkLogging();
  const missing = (['temporalAddress', 'databaseUrl', 'smtpUrl'] as const).filter((key) => !config[key]);
  if (missing.length > 0) {
    throw new Error('the standalone worker needs TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL (npm start runs everything embedded)');
  }
  const database = await openConfiguredDatabase(config);
  const mailer = createMailer(config.smtpUrl!);
  const connection = await NativeConnection.connect({ address: config.temporalAddress! });
  const worker = await createWorker({
    connection,
    records: createRecords(database.db),
    mailer,
    ...workerSettings(config),
    payloadKeys: requiredPayloadKeys(config),
  });
  logger.info({ namespace: config.temporalNamespace }, 'worker running');
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
