import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { encryptedEncoding } from '../../codec/payload-codec';
import { testDataConverter } from '../support/payload-keys';
import { workflowBundle } from '../support/temporal';

/**
 * Histories recorded from earlier versions of the workflows (record-histories.ts). Today's code must
 * replay each one to the same commands: a change that would break running workflows fails here, and
 * must go behind patched().
 */
const folder = path.join(__dirname, 'histories');
const histories = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: historyFromJSON(JSON.parse(readFileSync(path.join(folder, file), 'utf8'))),
  }));

test('the committed histories cover every workflow type', () => {
  const types = new Set(histories.map(({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
  expect([...types].sort()).toEqual([
    'auditRequest',
    'authorityRequest',
    'breachCustomerNotice',
    'breachIncident',
    'contractTermination',
    'customerCannotComply',
    'customerRecord',
    'customerReminders',
    'dsrRequest',
    'retention',
    'subprocessorChange',
    'subprocessorObjection',
    'teamDigest',
    'unlawfulInstruction',
  ]);
});

// With the payload codec, as the workers run today: the histories written before encryption (their
// payloads in clear) replay as well as the encrypted one.
test.each(histories.map((entry) => [entry.workflowId, entry] as const))('%s replays without nondeterminism', async (_id, entry) => {
  await expect(
    Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: testDataConverter }, entry.history, entry.workflowId),
  ).resolves.toBeUndefined();
});

test('the encrypted history: every payload but the search attributes is encrypted, and without the codec it cannot be replayed', async () => {
  const json = JSON.parse(readFileSync(path.join(folder, 'dsr-REPLAY-ENC.json'), 'utf8')) as unknown;
  const payloads: Array<{ where: string; encoding: string }> = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${where}.${index}`));
    if (!value || typeof value !== 'object') return;
    const metadata = (value as { metadata?: { encoding?: string } }).metadata;
    if (typeof metadata?.encoding === 'string')
      payloads.push({ where, encoding: Buffer.from(metadata.encoding, 'base64').toString('utf8') });
    else for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
  };
  walk(json, 'history');
  const encrypted = payloads.filter(({ encoding }) => encoding === encryptedEncoding);
  expect(encrypted.length).toBeGreaterThan(5);
  expect(encrypted.map(({ where }) => where)).toContain('history.events.0.workflowExecutionStartedEventAttributes.input.payloads.0');
  // Search attributes are the server's to read and stay in clear (they hold no personal data).
  expect(payloads.filter(({ encoding, where }) => encoding !== encryptedEncoding && !where.includes('.searchAttributes.'))).toEqual([]);
  const entry = histories.find(({ workflowId }) => workflowId === 'dsr-REPLAY-ENC')!;
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, entry.history, entry.workflowId)).rejects.toThrow();
});

test('no workflow history holds an email address: contacts and subjects stay in the records', () => {
  // The payloads as the files hold them: base64 of JSON, decoded here.
  const decoded = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      file,
      payloads: [...readFileSync(path.join(folder, file), 'utf8').matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)].map((match) =>
        Buffer.from(match[1]!, 'base64').toString('utf8'),
      ),
    }));
  // The decoding does find the payloads (the incident's own id is in them), so the check below can fail.
  expect(decoded.find(({ file }) => file === 'breach-REPLAY-1.json')!.payloads.join('\n')).toContain('"incidentId":"REPLAY-1"');
  const addresses = decoded.flatMap(({ file, payloads }) =>
    payloads.flatMap((payload) => payload.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).map((address) => `${file}: ${address}`),
  );
  expect(addresses).toEqual([]);
});
