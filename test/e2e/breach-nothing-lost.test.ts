import { breachStatusQuery } from '../../domain/breach';
import { workflowIds } from '../../domain/ids';
import { waitForMailOf } from '../support/mail';
import { breachEvent, customerEvent, startStack, type Stack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
  for (const [customerId, email] of [
    ['acme', 'dpo@acme.nl.test'],
    ['good', 'dpo@good.nl.test'],
    ['later', 'dpo@later.nl.test'],
  ] as const) {
    expect((await stack.post(customerEvent(customerId, 'en', [email]))).status).toBe(202);
  }
});
afterAll(() => stack?.close());

async function noticeSent(incidentId: string, customerId: string): Promise<string> {
  const [mail] = await waitForMailOf(stack.catcher, workflowIds.breachNotice(incidentId, customerId), 1);
  return mail!.subject;
}

describe('ids with dashes never make two cases one', () => {
  test('incident COL-1 told acme; incident COL-1-acme is a case of its own, with its own notice and register entry', async () => {
    expect(await stack.post(breachEvent('COL-1', ['acme']))).toEqual({ status: 202, body: { workflowId: 'breach-COL-1' } });
    expect(await noticeSent('COL-1', 'acme')).toContain('COL-1');
    expect(await stack.post(breachEvent('COL-1-acme', ['acme']))).toEqual({ status: 202, body: { workflowId: 'breach-COL-1-acme' } });
    expect(await noticeSent('COL-1-acme', 'acme')).toContain('COL-1-acme');
    expect((await stack.env.client.workflow.getHandle('breach-COL-1-acme').describe()).type).toBe('breachIncident');
    expect((await stack.records.breaches.get('COL-1-acme'))?.notifications.map((n) => n.customerId)).toEqual(['acme']);
  });

  test('incident Y-good is open; incident Y for customer good still tells good', async () => {
    expect((await stack.post(breachEvent('Y-good', ['acme']))).status).toBe(202);
    await noticeSent('Y-good', 'acme');
    expect(await stack.post(breachEvent('Y', ['good']))).toEqual({ status: 202, body: { workflowId: 'breach-Y' } });
    expect(await noticeSent('Y', 'good')).toContain('Y');
    const incident = stack.env.client.workflow.getHandle('breach-Y');
    for (let i = 0; i < 100 && (await incident.query(breachStatusQuery)).notified < 1; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(await incident.query(breachStatusQuery)).toMatchObject({ customers: 1, notified: 1 });
  });
});

test('a repeated breach.detected naming one more customer tells that customer too, and nobody twice', async () => {
  expect((await stack.post(breachEvent('AGAIN-E2E', ['acme']))).status).toBe(202);
  await noticeSent('AGAIN-E2E', 'acme');
  expect(await stack.post(breachEvent('AGAIN-E2E', ['acme', 'later']))).toEqual({ status: 202, body: { workflowId: 'breach-AGAIN-E2E' } });
  expect(await noticeSent('AGAIN-E2E', 'later')).toContain('AGAIN-E2E');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const sent = (await stack.catcher.messages()).filter((mail) => mail.headers['x-dpa-workflow-id']?.startsWith('breach-AGAIN-E2E~'));
  expect(sent.map((mail) => mail.envelope.to[0]).sort()).toEqual(['dpo@acme.nl.test', 'dpo@later.nl.test']);
  expect((await stack.records.breaches.get('AGAIN-E2E'))!.notifications.map((n) => n.customerId)).toEqual(['acme', 'later']);
});

test('the Web UI shows what each message of an incident expects: the workflow registers every description', async () => {
  expect((await stack.post(breachEvent('HELP-1', ['acme']))).status).toBe(202);
  await noticeSent('HELP-1', 'acme');
  // The query the Web UI asks for its "Send a signal / Execute update / Query" forms.
  const metadata = (await stack.env.client.workflow.getHandle('breach-HELP-1').query('__temporal_workflow_metadata')) as {
    definition: {
      signalDefinitions: Array<{ name: string; description?: string }>;
      updateDefinitions: Array<{ name: string; description?: string }>;
      queryDefinitions: Array<{ name: string; description?: string }>;
    };
  };
  // The SDK's own queries (stack traces, this one) are left out: they describe themselves.
  const described = [
    ...metadata.definition.signalDefinitions,
    ...metadata.definition.updateDefinitions,
    ...metadata.definition.queryDefinitions,
  ].filter((definition) => !definition.name.startsWith('__'));
  expect(described.map((definition) => definition.name).sort()).toEqual([
    'addCustomers',
    'assessBreach',
    'breachAcknowledged',
    'breachClosed',
    'breachReported',
    'breachStatus',
    'breachTimeline',
    'breachUpdated',
    'noticeOutcome',
    'recordAcknowledgement',
    'recordMeasure',
  ]);
  expect(described.filter((definition) => !definition.description)).toEqual([]);
  expect(described.find((definition) => definition.name === 'recordMeasure')!.description).toMatch(/"measure"/);
});

test('a repeated report that would take an incident past 10,000 customers is refused with 409, and changes nothing', async () => {
  const ids = Array.from({ length: 10_000 }, (_, index) => `cap-${index}`);
  await stack.records.breaches.recordIncident({ ...breachEvent('CAP-1', ids).data, detectedAt: new Date().toISOString() });
  await stack.records.breaches.recordPendingNotifications('CAP-1', ids);
  const answer = await stack.post(breachEvent('CAP-1', ['acme', 'cap-1']));
  expect(answer.status).toBe(409);
  expect(answer.body.error).toMatch(/would concern 10001 customers; one incident concerns at most 10000/);
  await expect(stack.env.client.workflow.getHandle('breach-CAP-1').describe()).rejects.toThrow();
  expect((await stack.records.breaches.get('CAP-1'))!.notifications).toHaveLength(10_000);
});
