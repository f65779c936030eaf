import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
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

test.each(histories.map((entry) => [entry.workflowId, entry] as const))('%s replays without nondeterminism', async (_id, entry) => {
  await expect(
    Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, entry.history, entry.workflowId),
  ).resolves.toBeUndefined();
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
