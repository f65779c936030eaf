import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeRegistrations } from '../../domain/search-attributes';
import { temporalCliPath } from './temporal-binaries';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * The embedded workflow engine of `npm start`: the Temporal CLI's dev server, persisted in a SQLite
 * file under the data folder (state survives a restart), with the Web UI and the product's search
 * attributes registered.
 */
export async function startDevServer(options: {
  dataDir: string;
  namespace: string;
  port: number;
  uiPort: number;
  /** The codec endpoint the Web UI decodes payloads with (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
  /** Each line the dev server prints (its banner, and errors only: it runs at --log-level error). */
  log: (line: string) => void;
}): Promise<DevServer> {
  const binary = temporalCliPath();
  if (!binary) {
    throw new Error('the Temporal CLI is not provisioned: run `npm run provision` (needs Go), or set TEMPORAL_ADDRESS');
  }
  mkdirSync(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.sqlite'),
    '--namespace',
    options.namespace,
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--log-level',
    'error',
    // Write-ahead logging: a commit appends to the log instead of rewriting pages under a rollback journal,
    // several times fewer writes on a fan-out; synchronous stays FULL, so a commit is on disk when done.
    '--sqlite-pragma',
    'journal_mode=WAL',
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...Object.entries(searchAttributeRegistrations).flatMap(([key, type]) => ['--search-attribute', `${key}=${type}`]),
  ];
  // In a process group of its own: Ctrl-C signals the terminal's whole foreground group, and the dev
  // server would go before the worker has drained. `npm start` stops it last, with `stop()`.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') options.log(line);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the Temporal dev server did not start: ${(error as Error).message}\n${output.join('')}`, { cause: error });
  }
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`it exited with code ${exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`no answer on ${address} within a minute (pid ${child.pid})`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}
