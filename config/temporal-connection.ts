import { existsSync, readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { loadClientConfigProfile, toClientOptions, type ClientConfigProfile, type ConfigDataSource } from '@temporalio/envconfig';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';

/**
 * How the product reaches its Temporal cluster, the same for the worker and every client: Temporal's
 * environment configuration (`@temporalio/envconfig`). A TOML profile (TEMPORAL_CONFIG_FILE, else
 * `~/.config/temporalio/temporal.toml`; TEMPORAL_PROFILE, else `default`) overridden by TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS and TEMPORAL_TLS_*, TEMPORAL_GRPC_META_*.
 * Certificate files are read once, at start-up; a setting that cannot work stops the start with a
 * message that names it.
 */
export interface TemporalConnectionSettings {
  /** Unset: no cluster is configured (`npm start` then runs the embedded dev server). */
  address?: string;
  namespace: string;
  /** TLS, API key and gRPC metadata, without the address. */
  options: Omit<NativeConnectionOptions, 'address'>;
  /** What a log line may say about the connection: never the key or a certificate. */
  summary: TemporalConnectionSummary;
}

export interface TemporalConnectionSummary {
  address?: string;
  namespace: string;
  profile: string;
  configFile?: string;
  /** `mutual`: a client certificate is presented (mTLS). */
  tls: 'off' | 'on' | 'mutual';
  apiKey: boolean;
}

/** The TLS settings that name a file, with the TOML key that names the same file in a profile. */
const tlsFiles = [
  { field: 'clientCert', env: 'TEMPORAL_TLS_CLIENT_CERT_PATH', toml: 'tls.client_cert_path' },
  { field: 'clientKey', env: 'TEMPORAL_TLS_CLIENT_KEY_PATH', toml: 'tls.client_key_path' },
  { field: 'serverCACert', env: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', toml: 'tls.server_ca_cert_path' },
] as const;

/**
 * The settings from the environment (and the profile it points to). Empty variables count as unset, as
 * every other setting of the product does: compose passes `${TEMPORAL_API_KEY:-}` as an empty string.
 */
export function readTemporalConnection(env: NodeJS.ProcessEnv = process.env): TemporalConnectionSettings {
  const { profile, profileName, configFile, settings } = loadProfile(env);
  const name = (envName: string, tomlKey: string) =>
    settings[envName] !== undefined ? envName : `${tomlKey} of profile "${profileName}"${configFile ? ` in ${configFile}` : ''}`;

  if (profile.tls && !profile.tls.disabled) {
    for (const file of tlsFiles) {
      const source: ConfigDataSource | undefined = profile.tls[file.field];
      if (source && 'path' in source && !existsSync(source.path)) {
        throw new Error(`${name(file.env, file.toml)} names ${source.path}, and there is no such file`);
      }
    }
    if (Boolean(profile.tls.clientCert) !== Boolean(profile.tls.clientKey)) {
      throw new Error(
        'mTLS needs both a client certificate and its key: set TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH ' +
          '(or their _DATA forms) together',
      );
    }
  }
  if (['true', '1'].includes(settings.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION ?? '')) {
    throw new Error(
      "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION is not supported by Temporal's TypeScript SDK: " +
        "set TEMPORAL_TLS_SERVER_NAME to the name in the server's certificate instead",
    );
  }
  let connect: ReturnType<typeof toClientOptions>;
  try {
    connect = toClientOptions(profile);
  } catch (error) {
    throw new Error(`the Temporal TLS files cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (profile.apiKey !== undefined && connect.connectionOptions.tls === false) {
    throw new Error('TEMPORAL_API_KEY would travel unencrypted with TLS turned off (TEMPORAL_TLS=false): turn TLS on');
  }
  const { address, ...options } = connect.connectionOptions;
  const namespace = connect.namespace ?? 'default';
  const tls = options.tls;
  return {
    ...(address && { address }),
    namespace,
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    summary: {
      ...(address && { address }),
      namespace,
      profile: profileName,
      ...(configFile && { configFile }),
      tls: !tls ? 'off' : typeof tls === 'object' && tls.clientCertPair ? 'mutual' : 'on',
      apiKey: profile.apiKey !== undefined,
    },
  };
}

/**
 * The address and namespace alone, for `readConfig`: no certificate is read, so that a command that
 * does not talk to Temporal (send-event) is not stopped by a TLS setting.
 */
export function temporalTarget(env: NodeJS.ProcessEnv = process.env): { temporalAddress?: string; temporalNamespace: string } {
  const { profile } = loadProfile(env);
  return { ...(profile.address && { temporalAddress: profile.address }), temporalNamespace: profile.namespace ?? 'default' };
}

/**
 * The embedded dev server (`npm start` without an address): plain gRPC on loopback. A TLS setting or an
 * API key without an address is a setting for a cluster that was meant to be reached and is not.
 */
export function embeddedDevServerConnection(settings: TemporalConnectionSettings, address: string): TemporalConnectionSettings {
  if (settings.summary.tls !== 'off' || settings.summary.apiKey) {
    throw new Error('TLS or an API key is set but no TEMPORAL_ADDRESS: set the address of the cluster they are for');
  }
  return { address, namespace: settings.namespace, options: {}, summary: { ...settings.summary, address } };
}

/** A client connection (`@temporalio/client`), for the webhook endpoint and the operator's tools. */
export function connectClient(settings: TemporalConnectionSettings): Promise<Connection> {
  return Connection.connect({ ...settings.options, address: requireAddress(settings) });
}

/** A client connection that connects on first use: the endpoint starts, and answers 503, while Temporal is down. */
export function lazyClientConnection(settings: TemporalConnectionSettings): Connection {
  return Connection.lazy({ ...settings.options, address: requireAddress(settings) });
}

/** The worker's connection (Core, in Rust), from the same settings. */
export function connectWorker(settings: TemporalConnectionSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ ...settings.options, address: requireAddress(settings) });
}

function requireAddress(settings: TemporalConnectionSettings): string {
  if (!settings.address) throw new Error('no Temporal address: set TEMPORAL_ADDRESS, or an address in the TEMPORAL_PROFILE profile');
  return settings.address;
}

function loadProfile(env: NodeJS.ProcessEnv): {
  profile: ClientConfigProfile;
  profileName: string;
  configFile?: string;
  settings: Record<string, string>;
} {
  const settings = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
  const configFile = settings.TEMPORAL_CONFIG_FILE;
  // envconfig reads a missing file as an empty one: fine for the default location, not for a named file.
  if (configFile !== undefined && !existsSync(configFile)) {
    throw new Error(`TEMPORAL_CONFIG_FILE names ${configFile}, and there is no such file`);
  }
  // envconfig fails on a file without a single table; an empty one (/dev/null) means no profile at all.
  const emptyFile = configFile !== undefined && readFileSync(configFile, 'utf8').replace(/#.*$/gm, '').trim() === '';
  const profileName = settings.TEMPORAL_PROFILE ?? 'default';
  if (emptyFile && settings.TEMPORAL_PROFILE !== undefined) {
    throw new Error(`TEMPORAL_PROFILE names the profile "${profileName}", and ${configFile} (TEMPORAL_CONFIG_FILE) holds no profile`);
  }
  try {
    const profile = loadClientConfigProfile({ overrideEnvVars: settings, disableFile: emptyFile });
    return { profile, profileName, ...(configFile && { configFile }), settings };
  } catch (error) {
    throw new Error(
      `the Temporal connection settings cannot be read (profile "${profileName}"${configFile ? ` in ${configFile}` : ''}): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
