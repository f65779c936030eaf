import pino from 'pino';

/**
 * The product's one logger: the HTTP server (Fastify's `loggerInstance`) and the Temporal SDK
 * (`worker/sdk-logger.ts`) write through it, so every line has one format. It is given ids and states
 * only: personal data never goes into a log line.
 */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'dpa-orchestrator' } });
