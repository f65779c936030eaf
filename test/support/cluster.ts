import { embeddedPayloadKeys } from '../../codec/key-file';
import { formatPayloadKeys, parsePayloadKeys } from '../../codec/keys';
import { testDataConverter, testPayloadKeysSetting } from './payload-keys';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { stringify } from 'yaml';
import packageJson from '../../package.json';
import { cacheDir, temporalCliPath } from '../../client/embedded/temporal-binaries';
import { developmentWebhookSecret } from '../../config/config';
import { searchAttributeRegistrations } from '../../domain/search-attributes';
import { startMailCatcher, type MailCatcher } from './mail';

/**
 * The compose topology (docker-compose.yml) without Docker: the Temporal server built from its Go module
 * (scripts/provision-temporal-server.sh) on PostgreSQL, persistence and SQL visibility, with the product's
 * search attributes; the webhook endpoint and two workers, each its own process with compose's settings.
 * test/e2e/cluster.test.ts drives it; scripts/cluster.sh (`npm run cluster`) runs it by hand.
 */

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** The server module's schema/postgresql/v12, copied beside the binaries. */
  schemaDir: string;
}

/** The provisioned server; a clear error (never a skip) when `npm run provision` has not built it. */
export function temporalServerBinaries(): TemporalServerBinaries {
  const dir = path.join(cacheDir(), 'temporal-server', packageJson.config.temporalServerVersion);
  const found = {
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    schemaDir: path.join(dir, 'schema', 'postgresql-v12'),
  };
  const missing = Object.values(found).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `the Temporal server ${packageJson.config.temporalServerVersion} is not provisioned (missing ${missing.join(', ')}): ` +
        'run `bash scripts/provision-temporal-server.sh` (npm test does), which builds it from its Go module with go',
    );
  }
  return found;
}

function temporalCli(): string {
  const cli = temporalCliPath();
  if (!cli) throw new Error('the Temporal CLI is not provisioned: run `bash scripts/provision-temporal.sh`');
  return cli;
}

/**
 * A port nothing listens on, below 32768: the server records its membership ports in a smallint column,
 * and the ports the system hands out for port 0 lie above it. Drawn at random from 20000-32767.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_768);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(candidate, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return candidate;
    }
    if (attempt > 100) throw new Error('no free port found between 20000 and 32767');
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of a log file, for an error message. */
function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(-lines)
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
      .join('\n');
  } catch {
    return '(no log)';
  }
}

export interface TemporalDatabases {
  /** Persistence (the default store) and SQL visibility. */
  temporal: string;
  visibility: string;
}

export interface TemporalClusterOptions {
  /** An administrator's URL of the PostgreSQL server (scripts/test-postgres.sh prints one). */
  postgresUrl: string;
  databases: TemporalDatabases;
  /** Drop the databases on stop (the tests' throwaway ones). */
  dropOnStop?: boolean;
  /** The frontend's gRPC port; a free one by default. */
  frontendPort?: number;
  namespace?: string;
  /** The server's config, dynamic config and log; a temporary folder by default. */
  workDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface TemporalCluster {
  address: string;
  namespace: string;
  connection: Connection;
  client: Client;
  logFile: string;
  stop(): Promise<void>;
}

/** The role the Temporal server connects as: its own, owning its two databases, no superuser. */
const temporalRole = { user: 'temporal', password: 'temporal' };

/**
 * Temporal's two databases, created when missing and owned by the `temporal` role; the schema set up
 * (only in a database just created) and updated to the server's version (a no-op when it is there).
 */
async function prepareDatabases(options: TemporalClusterOptions, sqlTool: string, schemaDir: string): Promise<void> {
  const admin = new PgClient({ connectionString: options.postgresUrl });
  await admin.connect();
  const created: string[] = [];
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [temporalRole.user]);
    if (role.rowCount === 0) {
      await admin.query(`CREATE ROLE ${temporalRole.user} LOGIN PASSWORD '${temporalRole.password}'`).catch((error: { code?: string }) => {
        if (error.code !== '42710') throw error; // created meanwhile by another run
      });
    }
    for (const name of [options.databases.temporal, options.databases.visibility]) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${name} OWNER ${temporalRole.user}`);
        created.push(name);
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(options.postgresUrl);
  const connect = [
    '--plugin',
    'postgres12',
    '--ep',
    url.hostname,
    '-p',
    url.port || '5432',
    '-u',
    temporalRole.user,
    '--pw',
    temporalRole.password,
  ];
  const schemas: Array<[string, string]> = [
    [options.databases.temporal, path.join(schemaDir, 'temporal', 'versioned')],
    [options.databases.visibility, path.join(schemaDir, 'visibility', 'versioned')],
  ];
  for (const [database, versioned] of schemas) {
    const tool = (...args: string[]) => run(sqlTool, [...connect, '--db', database, ...args], { maxBuffer: 16 * 1024 * 1024 });
    if (created.includes(database)) await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '-d', versioned);
  }
}

async function dropDatabases(postgresUrl: string, databases: TemporalDatabases): Promise<void> {
  const admin = new PgClient({ connectionString: postgresUrl });
  await admin.connect();
  try {
    for (const name of [databases.temporal, databases.visibility]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The server's config, as config/development-postgres12.yaml of the server's module, on our ports and databases. */
function serverConfig(options: TemporalClusterOptions, ports: Record<string, number>, dynamicConfigFile: string) {
  const url = new URL(options.postgresUrl);
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${url.hostname}:${url.port || '5432'}`,
      connectProtocol: 'tcp',
      user: temporalRole.user,
      password: temporalRole.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...(httpPort && { httpPort }) },
  });
  return {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      // Small: one machine. A cluster's shard count is fixed for the life of its database.
      numHistoryShards: 4,
      datastores: {
        'postgres-default': store(options.databases.temporal, 20),
        'postgres-visibility': store(options.databases.visibility, 4),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: service(ports.frontend!, ports.frontendMembership!, ports.frontendHttp!),
      history: service(ports.history!, ports.historyMembership!),
      matching: service(ports.matching!, ports.matchingMembership!),
      worker: service(ports.worker!, ports.workerMembership!),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.frontend}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/** As the server module's config/dynamicconfig/development-sql.yaml, and a namespace cache that learns of new search attributes within a second. */
const dynamicConfig = {
  'limit.maxIDLength': [{ value: 255, constraints: {} }],
  'system.namespaceCacheRefreshInterval': [{ value: '1s', constraints: {} }],
};

/**
 * Starts the Temporal server on PostgreSQL and waits until it serves the namespace with the product's
 * search attributes. Refuses (throws) with the server's last log lines when it does not come up.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const { server, sqlTool, schemaDir } = temporalServerBinaries();
  const cli = temporalCli();
  const namespace = options.namespace ?? 'default';
  await prepareDatabases(options, sqlTool, schemaDir);

  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), 'dpa-temporal-cluster-'));
  mkdirSync(path.join(workDir, 'config'), { recursive: true });
  const ports: Record<string, number> = { frontend: options.frontendPort ?? (await freePort()) };
  for (const name of [
    'frontendMembership',
    'frontendHttp',
    'history',
    'historyMembership',
    'matching',
    'matchingMembership',
    'worker',
    'workerMembership',
  ])
    ports[name] = await freePort();
  const dynamicConfigFile = path.join(workDir, 'config', 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, stringify(dynamicConfig));
  writeFileSync(path.join(workDir, 'config', 'cluster.yaml'), stringify(serverConfig(options, ports, dynamicConfigFile)));

  const logFile = path.join(workDir, 'temporal-server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(server, ['--root', workDir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start'], {
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${ports.frontend}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    if (options.dropOnStop) await dropDatabases(options.postgresUrl, options.databases);
    // A temporary folder of our own goes too; a given one (npm run cluster's) keeps its log.
    if (!options.workDir) rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const connection = await waitForFrontend(address, child, logFile);
    const cliArgs = ['--address', address, '--namespace', namespace];
    const described = await run(cli, ['operator', 'namespace', 'describe', ...cliArgs]).then(
      () => true,
      () => false,
    );
    if (!described) await run(cli, ['operator', 'namespace', 'create', ...cliArgs, '--retention', '72h']);
    // A namespace just created is served once the namespace caches have refreshed (each second).
    const existing = await retrying('the new namespace to be served', 60_000, () =>
      run(cli, ['operator', 'search-attribute', 'list', ...cliArgs, '--output', 'json']),
    );
    // The operator service's answer as JSON: { customAttributes: { name: type }, systemAttributes, ... }.
    const known = new Set(Object.keys((JSON.parse(existing.stdout) as { customAttributes?: object }).customAttributes ?? {}));
    const wanted = Object.entries(searchAttributeRegistrations).filter(([name]) => !known.has(name));
    if (wanted.length > 0) {
      await run(cli, [
        'operator',
        'search-attribute',
        'create',
        ...cliArgs,
        ...wanted.flatMap(([name, type]) => ['--name', name, '--type', type]),
      ]);
    }
    // The product encrypts every payload with the tests' keys (the cluster's product processes get them).
    const client = new Client({ connection, namespace, dataConverter: testDataConverter });
    await waitForSearchAttributes(client, child, logFile);
    return {
      address,
      namespace,
      connection,
      client,
      logFile,
      async stop() {
        await connection.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function retrying<T>(what: string, timeoutMs: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}: ${String(error)}`, { cause: error });
      await delay(500);
    }
  }
}

async function waitForFrontend(address: string, child: ChildProcess, logFile: string): Promise<Connection> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the Temporal server exited (${child.exitCode ?? child.signalCode}) while starting:\n${tail(logFile)}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.getSystemInfo({});
      return connection;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the Temporal server did not answer at ${address} within 120 s (${String(error)}):\n${tail(logFile)}`, {
          cause: error,
        });
      await delay(500);
    }
  }
}

/** Until the namespace is served and every search attribute is usable in a visibility query. */
async function waitForSearchAttributes(client: Client, child: ChildProcess, logFile: string): Promise<void> {
  const query = Object.keys(searchAttributeRegistrations)
    .map((name) => `${name} IS NOT NULL`)
    .join(' AND ');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal server exited while starting:\n${tail(logFile)}`);
    try {
      await client.workflow.count(query);
      // Every service refreshes its namespace cache each second (dynamic config): let them all catch up.
      await delay(2_000);
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the search attributes never became usable: ${String(error)}\n${tail(logFile)}`, { cause: error });
      await delay(500);
    }
  }
}

/** A fresh database name, for a test's own databases on a shared PostgreSQL server. */
export const uniqueDatabaseName = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export interface ProductOptions {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  smtpUrl: string;
  webhookSecret: string;
  /** PAYLOAD_ENCRYPTION_KEYS of every process: the tests' keys unless given. */
  payloadKeys?: string;
  /** Unset: the read endpoints are open, which the endpoint allows on loopback only. */
  operatorToken?: string;
  /** The endpoint's port; a free one by default. */
  port?: number;
  host?: string;
  workers?: number;
  mailFrom?: string;
  privacyTeamEmail?: string;
  logLevel?: string;
  /** Where the processes' output goes; the parent's by default. */
  output?: 'inherit' | 'ignore';
}

export interface ProductProcesses {
  baseUrl: string;
  http: ChildProcess;
  workers: ChildProcess[];
  /** One more worker process, as compose's `--scale worker=N` would start. */
  startWorker(): ChildProcess;
  stop(): Promise<void>;
}

/**
 * The product as compose runs it: the webhook endpoint (client/http-main.ts) and the workers
 * (worker/main.ts), each its own process, with compose's environment. Node runs tsx as a loader in the
 * same process (not `npx tsx`, which forks a child): a signal to the pid reaches the product itself.
 */
export async function startProduct(options: ProductOptions): Promise<ProductProcesses> {
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace,
    DATABASE_URL: options.databaseUrl,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: options.mailFrom ?? 'Privacy team <privacy@processor.example>',
    PRIVACY_TEAM_EMAIL: options.privacyTeamEmail ?? 'privacy@processor.example',
    CONTACT_POINT_NAME: 'Privacy team',
    CONTACT_POINT_TELEPHONE: '+32 2 555 01 23',
    LOG_LEVEL: options.logLevel ?? 'warn',
    PAYLOAD_ENCRYPTION_KEYS: options.payloadKeys ?? testPayloadKeysSetting,
  };
  const spawnProduct = (entry: string, extra: NodeJS.ProcessEnv = {}) =>
    spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env: { ...env, ...extra },
      stdio: ['ignore', options.output ?? 'inherit', options.output ?? 'inherit'],
    });
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((child) => stopProcess(child)));
  };

  const http = spawnProduct(path.join('client', 'http-main.ts'), {
    HOST: host,
    PORT: String(port),
    WEBHOOK_SECRET: options.webhookSecret,
    ...(options.operatorToken && { OPERATOR_TOKEN: options.operatorToken }),
  });
  children.push(http);
  const baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  try {
    // The endpoint migrates the records database first; the workers then find it migrated.
    await waitForHealthy(baseUrl, http);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const startWorker = () => {
    const worker = spawnProduct(path.join('worker', 'main.ts'));
    children.push(worker);
    workers.push(worker);
    return worker;
  };
  const workers: ChildProcess[] = [];
  for (let i = 0; i < (options.workers ?? 2); i += 1) startWorker();
  return { baseUrl, http, workers, startWorker, stop: stopAll };
}

async function waitForHealthy(baseUrl: string, http: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (http.exitCode !== null) throw new Error(`the webhook endpoint exited (${http.exitCode}) while starting`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the webhook endpoint at ${baseUrl} was not healthy within 120 s`);
    await delay(300);
  }
}

/** SIGTERM (a graceful drain), then SIGKILL after 20 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `npm run cluster` (scripts/cluster.sh): the same topology by hand, on a PostgreSQL server of yours
 * (CLUSTER_POSTGRES_URL, an administrator's URL; the script starts the tests' one otherwise). Its
 * databases persist: `temporal`, `temporal_visibility` and `dpa`. Without SMTP_URL a mail catcher in
 * this process keeps every email under .data/cluster/mail. Ctrl-C stops everything.
 */
async function runByHand(): Promise<void> {
  const postgresUrl = process.env.CLUSTER_POSTGRES_URL;
  if (!postgresUrl) throw new Error('CLUSTER_POSTGRES_URL is not set: run `npm run cluster`, which sets it');
  const setting = (name: string, fallback: string) => (process.env[name]?.trim() ? process.env[name]!.trim() : fallback);
  const workDir = path.join(root, '.data', 'cluster');
  mkdirSync(workDir, { recursive: true });

  const admin = new PgClient({ connectionString: postgresUrl });
  await admin.connect();
  try {
    if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = 'dpa'")).rowCount === 0) await admin.query('CREATE DATABASE dpa');
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(postgresUrl);
  databaseUrl.pathname = '/dpa';

  const cluster = await startTemporalCluster({
    postgresUrl,
    databases: { temporal: 'temporal', visibility: 'temporal_visibility' },
    frontendPort: Number(setting('TEMPORAL_PORT', '7233')),
    namespace: setting('TEMPORAL_NAMESPACE', 'default'),
    workDir: path.join(workDir, 'temporal'),
  });
  let catcher: MailCatcher | undefined;
  let product: ProductProcesses;
  let smtpUrl = process.env.SMTP_URL?.trim();
  try {
    if (!smtpUrl) {
      catcher = await startMailCatcher({ port: Number(setting('SMTP_CATCHER_PORT', '1025')), storeDir: path.join(workDir, 'mail') });
      smtpUrl = catcher.smtpUrl;
    }
    product = await startProduct({
      temporalAddress: cluster.address,
      namespace: cluster.namespace,
      databaseUrl: databaseUrl.toString(),
      smtpUrl,
      webhookSecret: setting('WEBHOOK_SECRET', developmentWebhookSecret),
      // As npm start does: PAYLOAD_ENCRYPTION_KEYS, else a key made once and kept beside the cluster's data.
      payloadKeys: formatPayloadKeys(
        embeddedPayloadKeys(
          process.env.PAYLOAD_ENCRYPTION_KEYS?.trim() ? parsePayloadKeys(process.env.PAYLOAD_ENCRYPTION_KEYS) : undefined,
          workDir,
          (message, fields) => console.log(message, fields),
        ),
      ),
      ...(process.env.OPERATOR_TOKEN?.trim() && { operatorToken: process.env.OPERATOR_TOKEN.trim() }),
      host: setting('HOST', '127.0.0.1'),
      port: Number(setting('PORT', '3000')),
      workers: Number(setting('WORKERS', '2')),
      logLevel: setting('LOG_LEVEL', 'info'),
    });
  } catch (error) {
    // Nothing left running: the server would otherwise outlive this process.
    await catcher?.close();
    await cluster.stop();
    throw error;
  }
  let stopping = false;
  for (const child of [product.http, ...product.workers]) {
    child.once('exit', (code, signal) => {
      if (!stopping)
        console.error(`process ${child.pid} (${child === product.http ? 'webhook endpoint' : 'worker'}) exited (${code ?? signal})`);
    });
  }
  console.log(
    [
      `Temporal frontend   ${cluster.address} (namespace ${cluster.namespace}; log ${cluster.logFile})`,
      `webhook endpoint    ${product.baseUrl}/webhooks`,
      `workers             ${product.workers.length} processes (pids ${product.workers.map((worker) => worker.pid).join(', ')})`,
      `records             ${databaseUrl.toString().replace(/\/\/[^@]*@/, '//')}`,
      `mail                ${catcher ? `${smtpUrl}, kept in ${path.join(workDir, 'mail')}` : smtpUrl}`,
      'Ctrl-C stops them all.',
    ].join('\n'),
  );
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await product.stop();
    await catcher?.close();
    await cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  runByHand().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
