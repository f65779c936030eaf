import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { payloadKeyFile } from '../../codec/key-file';
import { breachEvent, customerEvent, postEvent, webhookSecret } from '../support/stack';

/**
 * The operator's view in a real browser (issue 13): `npm start` as an operator runs it (the embedded
 * dev server and its Web UI, the worker, the HTTP server with the codec endpoint, a key it makes
 * itself), Debian's Chromium driven by Playwright. The UI runs one of the README's list queries, opens
 * the case it finds, and shows its current details and its input decoded through the codec endpoint.
 */

const chromiumPath = '/usr/bin/chromium';
const listQuery = 'DpaProcess = "breach" AND ExecutionStatus = "Running"';
const summary = 'Quokka CRM export left on a shared Antwerp drive';
const incidentId = 'UI-1';

let product: ChildProcess | undefined;
let exited: Promise<number | null> | undefined;
let context: BrowserContext | undefined;
const output: string[] = [];
const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpa-ui-')), 'data');
let baseUrl = '';
let uiUrl = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}\n${output.slice(-20).join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  const [httpPort, devPort, uiPort, smtpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${httpPort}`;
  uiUrl = `http://127.0.0.1:${uiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(httpPort),
    TEMPORAL_DEV_PORT: String(devPort),
    TEMPORAL_UI_PORT: String(uiPort),
    SMTP_CATCHER_PORT: String(smtpPort),
    WEBHOOK_SECRET: webhookSecret,
    LOG_LEVEL: 'warn',
  };
  // As on a first `npm start`: no key configured, so it makes one; nothing else of the test's settings.
  for (const name of ['PAYLOAD_ENCRYPTION_KEYS', 'WEB_UI_ORIGIN', 'TEMPORAL_ADDRESS', 'DATABASE_URL', 'SMTP_URL', 'OPERATOR_TOKEN', 'HOST'])
    delete env[name];
  product = spawn(process.execPath, ['--import', 'tsx', path.join('client', 'start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  exited = new Promise((resolve) => product!.once('exit', resolve));
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  product.stdout!.on('data', keep);
  product.stderr!.on('data', keep);
  await waitFor('npm start to answer /healthz', async () => (await fetch(`${baseUrl}/healthz`)).status === 200, 240_000);
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'dpa-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  if (product && product.exitCode === null) {
    product.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  }
  product?.stdout?.destroy();
  product?.stderr?.destroy();
}, 60_000);

/** Runs `check` on the page; on failure a screenshot is kept in a temporary folder, named in the error. */
async function withScreenshot(page: Page, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpa-ui-failure-')), 'page.png');
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(screenshot: ${file})`, { cause: error });
  }
}

test('npm start made its own payload key, and the Web UI shows a case found by a documented query with its details and decoded input', async () => {
  expect(statSync(payloadKeyFile(dataDir)).mode & 0o777).toBe(0o600);
  expect(output.join('')).toContain('generated a payload key');

  expect((await postEvent(baseUrl, customerEvent('ui-cust', 'en', ['dpo@ui-cust.test']))).status).toBe(202);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const breach = breachEvent(incidentId, ['ui-cust']);
  expect((await postEvent(baseUrl, { ...breach, data: { ...breach.data, summary } })).status).toBe(202);

  const page = await context!.newPage();
  await withScreenshot(page, async () => {
    // The list query, as the README gives it, in the list's URL (what the query box submits).
    const listUrl = `${uiUrl}/namespaces/default/workflows?query=${encodeURIComponent(listQuery)}`;
    const caseLink = page.locator(`a:has-text("breach-${incidentId}")`).first();
    await waitFor(
      'the case in the query result',
      async () => {
        await page.goto(listUrl, { waitUntil: 'domcontentloaded' });
        await caseLink.waitFor({ state: 'visible', timeout: 10_000 });
        return true;
      },
      120_000,
    );
    await caseLink.click();
    await page.waitForURL(/\/workflows\/breach-UI-1\//, { timeout: 60_000 });
    // The input, decoded through the codec endpoint: the summary in clear, no ciphertext's metadata.
    await page.getByText(summary, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('body').textContent()).not.toContain('binary/encrypted');
    // The current details (the worker's answer to the UI's metadata query, encrypted, then decoded) under
    // User Metadata, rendered from markdown in a frame of their own.
    await page.getByText('User Metadata', { exact: true }).first().click();
    const text = await waitFor(
      'the current details',
      async () => {
        const texts = await Promise.all(
          page.frames().map((frame) =>
            frame
              .locator('body')
              .textContent()
              .catch(() => ''),
          ),
        );
        const joined = texts.join('\n');
        return joined.includes('last update to the customers') && joined;
      },
      60_000,
    );
    expect(text).toContain(`Breach ${incidentId}: open`);
    expect(text).not.toContain('binary/encrypted');
  });
}, 300_000);
