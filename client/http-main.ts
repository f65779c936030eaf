import { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { dataConverter } from '../codec/data-converter';
import { readServingConfig, requiredPayloadKeys } from '../config/config';
import { logger } from '../config/logger';
import { openConfiguredDatabase } from '../config/records-connection';
import { lazyClientConnection, readTemporalConnection } from '../config/temporal-connection';
import { installRuntime } from '../worker/runtime';
import { createRecords } from '../records';
import { buildHttpServer } from './http/server';

/**
 * The webhook endpoint alone (`npm run start:http`), beside separately run workers: TEMPORAL_ADDRESS
 * and DATABASE_URL are required. The Temporal connection is lazy, so the endpoint starts (and answers
 * 503) while Temporal is down, and recovers by itself.
 */
async function main(): Promise<void> {
  const config = readServingConfig();
  const temporalSettings = readTemporalConnection();
  installRuntime();
  if (!config.temporalAddress || !config.databaseUrl) {
    throw new Error('the standalone HTTP server needs TEMPORAL_ADDRESS and DATABASE_URL (npm start runs everything embedded)');
  }
  const payloadKeys = requiredPayloadKeys(config);
  const database = await openConfiguredDatabase(config);
  const connection = lazyClientConnection(temporalSettings);
  const temporal = new Client({ connection, namespace: temporalSettings.namespace, dataConverter: dataConverter(payloadKeys) });
  const app = buildHttpServer({
    records: createRecords(database.db),
    temporal,
    webhookSecret: config.webhookSecret,
    operatorToken: config.operatorToken,
    codec: { keys: payloadKeys, webUiOrigins: config.webUiOrigins },
    ready: async () => {
      await connection.healthService.check({});
      await sql`select 1`.execute(database.db);
      return true;
    },
  });
  const stop = async () => {
    await app.close();
    await connection.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ host: config.host, port: config.port });
  logger.info({ port: config.port, temporal: temporalSettings.summary }, 'webhook endpoint listening');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'the HTTP server could not start');
  process.exit(1);
});
