import { Runtime } from '@temporalio/worker';
import { sdkLogger } from './sdk-logger';

/** The Temporal SDK's runtime settings: TEMPORAL_METRICS_ADDRESS (README: "Metrics and logs"). */
export interface RuntimeSettings {
  /** `host:port` where Core serves its Prometheus metrics at /metrics; unset: no metrics server. */
  metricsAddress?: string;
}

export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const value = env.TEMPORAL_METRICS_ADDRESS?.trim();
  if (!value) return {};
  // Core binds a socket address: an IP and a port (a host name is not resolved).
  const match = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) > 65535) {
    throw new Error(`TEMPORAL_METRICS_ADDRESS must be an IP address and a port, such as 0.0.0.0:9464, not "${value}"`);
  }
  return { metricsAddress: value };
}

/**
 * The SDK's runtime, installed once per process before its first Temporal connection, by every entry
 * point: the SDK's log lines through the product's pino logger (`sdkLogger`), Core's own lines (WARN and
 * up) forwarded to it rather than printed in Core's format, and, with TEMPORAL_METRICS_ADDRESS, Core's
 * Prometheus exporter: the worker's and its connection's `temporal_*` metrics, and the product's own
 * counters recorded through the runtime's metric meter (`dpa_emails_total`).
 */
export function installRuntime(settings: RuntimeSettings = readRuntimeSettings()): Runtime {
  return Runtime.install({
    logger: sdkLogger(),
    telemetryOptions: {
      logging: { forward: {} },
      ...(settings.metricsAddress && { metrics: { prometheus: { bindAddress: settings.metricsAddress } } }),
    },
  });
}
