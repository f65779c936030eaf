import pino from 'pino';

/** One structured logger. It is given ids and states only: personal data never goes into a log line. */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'dpa-orchestrator' } });
