import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The entry points themselves, run as `npm run start:http` and `npm start` run them: on an address
 * beyond loopback, without real secrets, they exit 1 with what to set, before opening anything.
 */

const root = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Run {
  code: number | null;
  output: string;
  /** Did anything ever accept a connection on the HTTP port while the process ran? */
  portOpened: boolean;
}

/** Runs an entry point with only the given settings (none inherited), watching its HTTP port. */
async function run(entry: string, settings: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  const ownSettings = [
    'WEBHOOK_SECRET',
    'OPERATOR_TOKEN',
    'HOST',
    'PORT',
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'SMTP_URL',
    'PRODUCT_WEBHOOK_SECRET',
  ];
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !ownSettings.includes(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...inherited, LOG_LEVEL: 'info', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  let portOpened = false;
  while (!exited) {
    if (await accepts(Number(settings.PORT))) portOpened = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clearTimeout(timer);
  return { code: await exit, output, portOpened };
}

const goodSecret = `whsec_${randomBytes(32).toString('base64')}`;
const goodToken = randomBytes(32).toString('base64');

describe('npm run start:http (client/http-main.ts)', () => {
  test('HOST=0.0.0.0 without a secret or a token: exit 1, says what to set, the port never opens', async () => {
    const port = await freePort();
    const result = await run('client/http-main.ts', {
      HOST: '0.0.0.0',
      PORT: String(port),
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATABASE_URL: 'postgres://dpa:dpa@127.0.0.1:1/dpa',
    });
    expect(result.code).toBe(1);
    expect(result.portOpened).toBe(false);
    expect(result.output).toContain(`refusing to listen on HOST=0.0.0.0 (port ${port})`);
    expect(result.output).toContain('set WEBHOOK_SECRET=whsec_$(openssl rand -base64 32)');
    expect(result.output).toContain('set OPERATOR_TOKEN=$(openssl rand -base64 32)');
  });

  test('HOST=0.0.0.0 with the development secret set and a short token: both refused', async () => {
    const port = await freePort();
    const result = await run('client/http-main.ts', {
      HOST: '0.0.0.0',
      PORT: String(port),
      WEBHOOK_SECRET: 'whsec_ZHBhLW9yY2hlc3RyYXRvci1kZXZlbG9wbWVudC1zZWNyZXQ=',
      OPERATOR_TOKEN: 'secret',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATABASE_URL: 'postgres://dpa:dpa@127.0.0.1:1/dpa',
    });
    expect(result.code).toBe(1);
    expect(result.portOpened).toBe(false);
    expect(result.output).toContain('WEBHOOK_SECRET is unset or is the development secret');
    expect(result.output).toContain('OPERATOR_TOKEN has 6 characters, fewer than 32');
  });

  test('a WEBHOOK_SECRET whose base64 part does not decode is refused on loopback too', async () => {
    const port = await freePort();
    const result = await run('client/http-main.ts', {
      PORT: String(port),
      WEBHOOK_SECRET: 'whsec_not base64!',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATABASE_URL: 'postgres://dpa:dpa@127.0.0.1:1/dpa',
    });
    expect(result.code).toBe(1);
    expect(result.portOpened).toBe(false);
    expect(result.output).toContain('the part of WEBHOOK_SECRET after whsec_ is not base64');
  });

  test('real secrets pass the rule: the server goes on to its next requirement', async () => {
    const port = await freePort();
    const result = await run('client/http-main.ts', {
      HOST: '0.0.0.0',
      PORT: String(port),
      WEBHOOK_SECRET: goodSecret,
      OPERATOR_TOKEN: goodToken,
    });
    expect(result.code).toBe(1);
    expect(result.output).not.toContain('refusing to listen');
    expect(result.output).toContain('the standalone HTTP server needs TEMPORAL_ADDRESS and DATABASE_URL');
  });
});

describe('npm start (client/start.ts)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpa-secure-start-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  test('HOST=0.0.0.0 without secrets: exit 1 before the dev server, the records or the catcher start', async () => {
    const [port, temporalPort, uiPort, smtpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const result = await run('client/start.ts', {
      HOST: '0.0.0.0',
      PORT: String(port),
      DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      SMTP_CATCHER_PORT: String(smtpPort),
    });
    expect(result.code).toBe(1);
    expect(result.portOpened).toBe(false);
    expect(result.output).toContain('refusing to listen on HOST=0.0.0.0');
    expect(result.output).toContain('set WEBHOOK_SECRET=whsec_$(openssl rand -base64 32)');
    expect(result.output).toContain('set OPERATOR_TOKEN=$(openssl rand -base64 32)');
    expect(existsSync(dataDir)).toBe(false);
    expect(await accepts(temporalPort)).toBe(false);
  });
});
