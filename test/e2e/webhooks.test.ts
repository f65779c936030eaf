import { WorkflowNotFoundError } from '@temporalio/client';
import { buildHttpServer } from '../../client/http/server';
import { signedHeaders } from '../../client/webhooks/signature';
import { waitForMessages } from '../support/mail';
import { breachEvent, customerEvent, postEvent, startStack, unreachableTemporalClient, webhookSecret, type Stack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
});
afterAll(() => stack?.close());

async function workflowExists(workflowId: string): Promise<boolean> {
  try {
    await stack.env.client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

async function waitForNotification(incidentId: string, customerId: string) {
  for (let i = 0; i < 200; i += 1) {
    const entry = await stack.records.breaches.get(incidentId);
    const notification = entry?.notifications.find((n) => n.customerId === customerId);
    if (notification && notification.status !== 'pending') return notification;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no notification recorded for ${customerId} in ${incidentId}`);
}

describe('a breach reported by signed webhook', () => {
  test('reaches three customers in Dutch, French and English, with evidence and search attributes', async () => {
    for (const event of [
      customerEvent('e2e-nl', 'nl', ['dpo@nl.e2e.test']),
      customerEvent('e2e-fr', 'fr', ['dpo@fr.e2e.test'], { timezone: 'Europe/Paris' }),
      customerEvent('e2e-en', 'en', ['dpo@en.e2e.test'], { timezone: 'Europe/London' }),
    ]) {
      expect(await stack.post(event)).toEqual({ status: 202, body: { workflowId: `customer-${event.data.customerId}` } });
    }
    const before = (await stack.catcher.messages()).length;
    const answer = await stack.post(breachEvent('E2E-1', ['e2e-nl', 'e2e-fr', 'e2e-en']));
    expect(answer).toEqual({ status: 202, body: { workflowId: 'breach-E2E-1' } });

    const notices = (await waitForMessages(stack.catcher, before + 3)).slice(before);
    const subjects = Object.fromEntries(notices.map((m) => [m.envelope.to[0], m.subject]));
    expect(subjects['dpo@nl.e2e.test']).toMatch(/^\[Datalek\].*E2E-1/);
    expect(subjects['dpo@fr.e2e.test']).toMatch(/^\[Violation de données\].*E2E-1/);
    expect(subjects['dpo@en.e2e.test']).toMatch(/^\[Data breach\].*E2E-1/);
    expect(notices.every((m) => m.headers['x-dpa-workflow-id']?.startsWith('breach-E2E-1-'))).toBe(true);

    for (const customerId of ['e2e-nl', 'e2e-fr', 'e2e-en']) {
      expect(await waitForNotification('E2E-1', customerId)).toMatchObject({ status: 'notified' });
    }
    const evidence = await stack.records.emails.list({ workflowIdPrefix: 'breach-E2E-1-' });
    expect(evidence.map((e) => [e.recipient, e.language, e.status]).sort()).toEqual([
      ['dpo@en.e2e.test', 'en', 'sent'],
      ['dpo@fr.e2e.test', 'fr', 'sent'],
      ['dpo@nl.e2e.test', 'nl', 'sent'],
    ]);
    // Each evidence row names the message the SMTP server accepted.
    for (const row of evidence) {
      expect(notices.find((m) => m.envelope.to[0] === row.recipient)!.messageId).toBe(row.messageId);
      expect(row.smtpResponse).toMatch(/^250/);
    }

    // Operators find the case in the Web UI by process and customer; no personal data is there.
    const description = await stack.env.client.workflow.getHandle('breach-E2E-1').describe();
    expect(description.searchAttributes).toMatchObject({ DpaProcess: ['breach'], DpaCustomerIds: ['e2e-nl', 'e2e-fr', 'e2e-en'] });
    const ours = Object.entries(description.searchAttributes).filter(([key]) => key.startsWith('Dpa'));
    expect(JSON.stringify(ours)).not.toContain('@');
    // The register is written inside the activity; the child shows the new status once it has its result.
    const childHandle = stack.env.client.workflow.getHandle('breach-E2E-1-e2e-fr');
    let child = await childHandle.describe();
    for (let i = 0; i < 100 && child.searchAttributes.DpaStatus?.[0] !== 'notified'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      child = await childHandle.describe();
    }
    expect(child.searchAttributes).toMatchObject({ DpaProcess: ['breach-notice'], DpaStatus: ['notified'] });
  });

  test('ten parallel deliveries, and the same event under a new webhook-id, start one workflow and send one notice per contact', async () => {
    await stack.post(customerEvent('e2e-dup', 'en', ['one@dup.e2e.test', 'two@dup.e2e.test']));
    const before = (await stack.catcher.messages()).length;
    const event = breachEvent('E2E-DUP', ['e2e-dup']);
    const answers = await Promise.all(Array.from({ length: 10 }, () => stack.post(event, { webhookId: 'msg_dup_1' })));
    expect(answers).toEqual(Array.from({ length: 10 }, () => ({ status: 202, body: { workflowId: 'breach-E2E-DUP' } })));
    expect(await stack.post(event, { webhookId: 'msg_dup_2' })).toEqual({ status: 202, body: { workflowId: 'breach-E2E-DUP' } });

    await waitForNotification('E2E-DUP', 'e2e-dup');
    // Give any duplicate time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const recipients = (await stack.catcher.messages()).slice(before).map((m) => m.envelope.to[0]).sort();
    expect(recipients).toEqual(['one@dup.e2e.test', 'two@dup.e2e.test']);
    const runs = [];
    for await (const run of stack.env.client.workflow.list({ query: `WorkflowId = 'breach-E2E-DUP'` })) runs.push(run);
    expect(runs).toHaveLength(1);
  });

  test('a webhook-id seen before gets its first answer back, and cannot be reused for another body', async () => {
    const event = customerEvent('e2e-replay', 'nl', ['dpo@replay.e2e.test']);
    const first = await stack.post(event, { webhookId: 'msg_replay' });
    expect(await stack.post(event, { webhookId: 'msg_replay' })).toEqual(first);
    const other = await stack.post(customerEvent('e2e-other', 'nl', ['x@other.e2e.test']), { webhookId: 'msg_replay' });
    expect(other.status).toBe(409);
    expect(await workflowExists('customer-e2e-other')).toBe(false);
  });

  test('updates and acknowledgements by webhook reach the customers and the register, which exports as CSV', async () => {
    await stack.post(customerEvent('e2e-phase', 'nl', ['dpo@phase.e2e.test']));
    expect((await stack.post(breachEvent('E2E-PHASE', ['e2e-phase']))).status).toBe(202);
    await waitForNotification('E2E-PHASE', 'e2e-phase');
    const ack = await stack.post({ type: 'breach.acknowledged', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-PHASE', customerId: 'e2e-phase' } });
    expect(ack).toEqual({ status: 202, body: { workflowId: 'breach-E2E-PHASE' } });
    const stranger = await stack.post({ type: 'breach.acknowledged', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-PHASE', customerId: 'e2e-stranger' } });
    expect(stranger.status).toBe(404);
    const before = (await stack.catcher.messages()).length;
    const update = await stack.post(
      { type: 'breach.updated', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-PHASE', update: 'The leaked key was never used.', measures: ['Key rotation automated'], contained: true } },
      { webhookId: 'msg_phase_update' },
    );
    expect(update.status).toBe(202);
    const [followUp] = (await waitForMessages(stack.catcher, before + 1)).slice(before);
    expect(followUp!.envelope.to).toEqual(['dpo@phase.e2e.test']);
    expect(followUp!.text).toContain('The leaked key was never used.');

    for (let i = 0; i < 100; i += 1) {
      const entry = await stack.records.breaches.get('E2E-PHASE');
      if (entry?.contained && entry.notifications[0]?.acknowledgedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const entry = await stack.records.breaches.get('E2E-PHASE');
    expect(entry).toMatchObject({ contained: true });
    expect(entry!.measures).toContain('Key rotation automated');
    expect(entry!.notifications[0]!.acknowledgedAt).not.toBeNull();

    const csv = await (await fetch(`${stack.baseUrl}/breaches.csv`)).text();
    const line = csv.split('\r\n').find((row) => row.startsWith('E2E-PHASE,'));
    expect(line).toContain(',e2e-phase,notified,');
    expect(line).toContain('Key rotation automated');
    expect(csv.split('\r\n')[0]).toMatch(/^incident_id,aware_at,/);
  });

  test('closing an incident completes the register entry; a report of the closed incident is refused with 409', async () => {
    await stack.post(customerEvent('e2e-close', 'fr', ['dpo@close.e2e.test']));
    expect((await stack.post(breachEvent('E2E-CLOSE', ['e2e-close']))).status).toBe(202);
    await waitForNotification('E2E-CLOSE', 'e2e-close');
    const closed = await stack.post({ type: 'breach.closed', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-CLOSE', finalReport: 'Root cause fixed.' } });
    expect(closed).toEqual({ status: 202, body: { workflowId: 'breach-E2E-CLOSE' } });
    await stack.env.client.workflow.getHandle('breach-E2E-CLOSE').result();
    expect(await stack.records.breaches.get('E2E-CLOSE')).toMatchObject({ status: 'closed', finalReport: 'Root cause fixed.' });

    const again = await stack.post(breachEvent('E2E-CLOSE', ['e2e-close']));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/closed/);
    const closeAgain = await stack.post({ type: 'breach.closed', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-CLOSE', finalReport: 'Again.' } });
    expect(closeAgain.status).toBe(409);
  });
});

describe('every refusal of the contract gets its code and changes nothing', () => {
  const event = () => breachEvent('E2E-REFUSED', ['e2e-nl']);

  afterEach(async () => {
    expect(await workflowExists('breach-E2E-REFUSED')).toBe(false);
    expect(await stack.records.breaches.get('E2E-REFUSED')).toBeUndefined();
  });

  test('401 without a signature', async () => {
    const body = JSON.stringify(event());
    const response = await fetch(`${stack.baseUrl}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(401);
  });

  test('401 for a signature made with another secret', async () => {
    const body = JSON.stringify(event());
    const headers = signedHeaders('whsec_b3RoZXItc2VjcmV0', 'msg_wrong', body);
    const response = await fetch(`${stack.baseUrl}/webhooks`, { method: 'POST', headers, body });
    expect(response.status).toBe(401);
  });

  test('401 for a body changed after signing', async () => {
    const body = JSON.stringify(event());
    const headers = signedHeaders(webhookSecret, 'msg_tampered', body);
    const response = await fetch(`${stack.baseUrl}/webhooks`, { method: 'POST', headers, body: body.replace('420', '421') });
    expect(response.status).toBe(401);
  });

  test('401 for a timestamp more than five minutes old', async () => {
    const body = JSON.stringify(event());
    const headers = signedHeaders(webhookSecret, 'msg_stale', body, new Date(Date.now() - 6 * 60 * 1000));
    const response = await fetch(`${stack.baseUrl}/webhooks`, { method: 'POST', headers, body });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'webhook-timestamp is more than 5 minutes off' });
  });

  test('400 with every problem, by path, for a body that does not fit', async () => {
    const bad = { ...event(), data: { ...event().data, awareAt: 'yesterday', affectedCustomerIds: [], incidentId: 'has spaces' } };
    const answer = await stack.post(bad);
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'data.affectedCustomerIds',
      'data.awareAt',
      'data.incidentId',
    ]);
  });

  test('400 for an unknown event type and for a body that is not JSON', async () => {
    const unknownType = await stack.post({ type: 'breach.imagined', timestamp: new Date().toISOString(), data: {} });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.problems[0].path).toBe('type');
    const notJson = await stack.post(undefined, { rawBody: '{"type": "breach.detected",' });
    expect(notJson.status).toBe(400);
  });

  test('413 for a body over 1 MiB', async () => {
    const huge = { ...event(), data: { ...event().data, summary: 'x'.repeat(1024 * 1024) } };
    const answer = await stack.post(huge);
    expect(answer.status).toBe(413);
  });

  test('404 for a fact about an unknown case', async () => {
    const answer = await stack.post({ type: 'breach.closed', timestamp: new Date().toISOString(), data: { incidentId: 'E2E-REFUSED', finalReport: 'x' } });
    expect(answer.status).toBe(404);
  });
});

test('503 while Temporal cannot be reached, so that the product retries; the delivery is not remembered', async () => {
  const app = buildHttpServer({
    records: stack.records,
    temporal: unreachableTemporalClient(),
    webhookSecret,
    logLevel: 'silent',
    temporalCallTimeoutMs: 1000,
    ready: async () => false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const event = breachEvent('E2E-503', ['e2e-nl']);
  try {
    const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const answer = await postEvent(baseUrl, event, { webhookId: 'msg_unavailable' });
    expect(answer.status).toBe(503);
    expect(await stack.records.webhookDeliveries.find('msg_unavailable')).toBeUndefined();
    expect(await workflowExists('breach-E2E-503')).toBe(false);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(503);
  } finally {
    await app.close();
  }
  // The same delivery, retried once Temporal answers, is accepted.
  expect(await stack.post(event, { webhookId: 'msg_unavailable' })).toEqual({ status: 202, body: { workflowId: 'breach-E2E-503' } });
});

test('GET /healthz answers 200 when the endpoint can accept events', async () => {
  expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
});
