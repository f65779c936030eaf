import { SdkComponent, type LogMetadata } from '@temporalio/common';
import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';
import { logger } from '../config/logger';

const pinoLevels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * A Temporal SDK logger that writes through the product's pino logger. The SDK's own INFO lines
 * (sdkComponent `worker`: worker state changes, Nexus polling, the webpack statistics of the bundle)
 * are routine and go to debug; what the workflows and activities log keeps its level. Their metadata
 * is ids (workflow, run, activity, task queue), never personal data; `bindings` is added to each line.
 */
export function sdkLogger(bindings: LogMetadata = {}): DefaultLogger {
  return new DefaultLogger(sdkLevel(logger.level), ({ level, message, meta }: LogEntry) => {
    // pino serialises an error under `err` (type, message, stack); under any other key it would print {}.
    const { error, ...fields } = { ...bindings, ...meta };
    const routine = level === 'INFO' && fields.sdkComponent === SdkComponent.worker;
    logger[routine ? 'debug' : pinoLevels[level]]({ ...fields, ...(error !== undefined && { err: error }) }, message);
  });
}

/** pino's levels beyond the SDK's (fatal, silent) leave the SDK at ERROR; pino filters the rest. */
function sdkLevel(level: string): LogLevel {
  const levels: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
  return levels[level] ?? 'ERROR';
}
