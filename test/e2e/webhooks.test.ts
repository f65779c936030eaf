import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { buildHttpServer } from '../../client/http/server';
import { customerUpsertsQuery } from '../../domain/customer-messages';
import { sign, signedHeaders } from '../../webhook-signing/standard-webhooks';
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

/** An event of the contract stamped now. */
function factEvent(type: string, data: Record<string, unknown>) {
  return { type, timestamp: new Date().toISOString(), data };
}

/** A customer described and notified of a breach reported by webhook (202), once the register has the notice. */
async function notifiedOfBreach(incidentId: string, customer: ReturnType<typeof customerEvent>): Promise<void> {
  await stack.post(customer);
  expect((await stack.post(breachEvent(incidentId, [customer.data.customerId]))).status).toBe(202);
  await waitForNotification(incidentId, customer.data.customerId);
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
    expect(notices.every((m) => m.headers['x-dpa-workflow-id']?.startsWith('breach-E2E-1~'))).toBe(true);

    for (const customerId of ['e2e-nl', 'e2e-fr', 'e2e-en']) {
      expect(await waitForNotification('E2E-1', customerId)).toMatchObject({ status: 'notified' });
    }
    const evidence = await stack.records.emails.list({ workflowIdPrefix: 'breach-E2E-1~' });
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
    const childHandle = stack.env.client.workflow.getHandle('breach-E2E-1~e2e-fr');
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
    const recipients = (await stack.catcher.messages())
      .slice(before)
      .map((m) => m.envelope.to[0])
      .sort();
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
    await notifiedOfBreach('E2E-PHASE', customerEvent('e2e-phase', 'nl', ['dpo@phase.e2e.test']));
    const ack = await stack.post(factEvent('breach.acknowledged', { incidentId: 'E2E-PHASE', customerId: 'e2e-phase' }));
    expect(ack).toEqual({ status: 202, body: { workflowId: 'breach-E2E-PHASE' } });
    const stranger = await stack.post(factEvent('breach.acknowledged', { incidentId: 'E2E-PHASE', customerId: 'e2e-stranger' }));
    expect(stranger.status).toBe(404);
    const before = (await stack.catcher.messages()).length;
    const update = await stack.post(
      factEvent('breach.updated', {
        incidentId: 'E2E-PHASE',
        update: 'The leaked key was never used.',
        measures: ['Key rotation automated'],
        contained: true,
      }),
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
    await notifiedOfBreach('E2E-CLOSE', customerEvent('e2e-close', 'fr', ['dpo@close.e2e.test']));
    const closed = await stack.post(factEvent('breach.closed', { incidentId: 'E2E-CLOSE', finalReport: 'Root cause fixed.' }));
    expect(closed).toEqual({ status: 202, body: { workflowId: 'breach-E2E-CLOSE' } });
    await stack.env.client.workflow.getHandle('breach-E2E-CLOSE').result();
    expect(await stack.records.breaches.get('E2E-CLOSE')).toMatchObject({ status: 'closed', finalReport: 'Root cause fixed.' });

    const again = await stack.post(breachEvent('E2E-CLOSE', ['e2e-close']));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/closed/);
    const closeAgain = await stack.post(factEvent('breach.closed', { incidentId: 'E2E-CLOSE', finalReport: 'Again.' }));
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
    expect(answer.body.problems!.map((p: { path: string }) => p.path).sort()).toEqual([
      'data.affectedCustomerIds',
      'data.awareAt',
      'data.incidentId',
    ]);
  });

  test('400 for an unknown event type and for a body that is not JSON', async () => {
    const unknownType = await stack.post(factEvent('breach.imagined', {}));
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.problems![0]!.path).toBe('type');
    const notJson = await stack.post(undefined, { rawBody: '{"type": "breach.detected",' });
    expect(notJson.status).toBe(400);
  });

  test('413 for a body over 1 MiB', async () => {
    const huge = { ...event(), data: { ...event().data, summary: 'x'.repeat(1024 * 1024) } };
    const answer = await stack.post(huge);
    expect(answer.status).toBe(413);
  });

  test('404 for a fact about an unknown case', async () => {
    const answer = await stack.post(factEvent('breach.closed', { incidentId: 'E2E-REFUSED', finalReport: 'x' }));
    expect(answer.status).toBe(404);
  });
});

test('503 while Temporal cannot be reached, so that the product retries; the delivery is not remembered', async () => {
  const event = breachEvent('E2E-503', ['e2e-nl']);
  await withTemporalDown(async (baseUrl) => {
    const answer = await postEvent(baseUrl, event, { webhookId: 'msg_unavailable' });
    expect(answer.status).toBe(503);
    expect(await stack.records.webhookDeliveries.find('msg_unavailable')).toBeUndefined();
    expect(await workflowExists('breach-E2E-503')).toBe(false);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(503);
  });
  // The same delivery, retried once Temporal answers, is accepted.
  expect(await stack.post(event, { webhookId: 'msg_unavailable' })).toEqual({ status: 202, body: { workflowId: 'breach-E2E-503' } });
});

test('GET /healthz answers 200 when the endpoint can accept events', async () => {
  expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
});

/** A second endpoint on the same records whose Temporal cannot be reached: every dispatch is a 503. */
async function withTemporalDown<T>(use: (baseUrl: string) => Promise<T>): Promise<T> {
  const app = buildHttpServer({
    records: stack.records,
    temporal: unreachableTemporalClient(),
    webhookSecret,
    logLevel: 'silent',
    temporalCallTimeoutMs: 1000,
    ready: async () => false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await use(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
  } finally {
    await app.close();
  }
}

async function runsOf(workflowId: string): Promise<number> {
  // Visibility lags a little behind the start.
  for (let i = 0; i < 50; i += 1) {
    const runs = [];
    for await (const run of stack.env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
    if (runs.length > 0) return runs.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 0;
}

async function claimsOf(webhookId: string) {
  return stack.database.db.selectFrom('webhook_claims').selectAll().where('webhook_id', '=', webhookId).execute();
}

describe('the door refuses what could not be carried out later, with 400, and keeps nothing', () => {
  test('a webhook-id over 128 characters is 400, not stored, not dispatched', async () => {
    const webhookId = `msg_${'x'.repeat(125)}`;
    const answer = await stack.post(customerEvent('e2e-long-id', 'en', ['dpo@long-id.e2e.test']), { webhookId });
    expect(answer).toEqual({
      status: 400,
      body: {
        error: 'webhook-id must be at most 128 characters (got 129)',
        problems: [{ path: 'webhook-id', message: 'webhook-id must be at most 128 characters (got 129)' }],
      },
    });
    expect(await stack.records.webhookDeliveries.find(webhookId)).toBeUndefined();
    expect(await stack.records.customers.get('e2e-long-id')).toBeUndefined();
    expect(await workflowExists('customer-e2e-long-id')).toBe(false);
  });

  test('a webhook-id with a character outside visible ASCII is 400; an unsigned one is still 401', async () => {
    const answer = await stack.post(customerEvent('e2e-odd-id', 'en', ['dpo@odd-id.e2e.test']), { webhookId: 'msg_é' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain('found U+00E9');
    expect(await stack.records.customers.get('e2e-odd-id')).toBeUndefined();
    const body = JSON.stringify(customerEvent('e2e-odd-id', 'en', ['dpo@odd-id.e2e.test']));
    const unsigned = await fetch(`${stack.baseUrl}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'x'.repeat(200) },
      body,
    });
    expect(unsigned.status).toBe(401);
  });

  test('a NUL in a text is 400 naming the field and the character; nothing reaches Temporal or the register', async () => {
    const event = breachEvent('E2E-NUL', ['e2e-nl']);
    const answer = await stack.post({
      ...event,
      data: { ...event.data, summary: 'A key\u0000 leaked.', measures: ['one', 'two', 'three\u0007'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { path: 'data.summary', message: expect.stringContaining('must not contain control characters (found U+0000)') },
      { path: 'data.measures.2', message: expect.stringContaining('(found U+0007)') },
    ]);
    expect(await workflowExists('breach-E2E-NUL')).toBe(false);
    expect(await stack.records.breaches.get('E2E-NUL')).toBeUndefined();
  });

  test('a body that is not UTF-8 is 400 rather than stored with replacement characters', async () => {
    const event = customerEvent('e2e-latin1', 'fr', ['dpo@latin1.e2e.test'], { name: 'Boulangerie Élise' });
    const latin1 = Buffer.from(JSON.stringify(event), 'latin1');
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`${stack.baseUrl}/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_latin1',
        'webhook-timestamp': String(timestamp),
        'webhook-signature': sign(webhookSecret, 'msg_latin1', timestamp, latin1),
      },
      body: latin1,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('the body is not UTF-8');
    expect(await stack.records.customers.get('e2e-latin1')).toBeUndefined();
  });

  test('a description stamped more than 5 minutes after its webhook-timestamp is 400 naming timestamp, and does not lock the record', async () => {
    const future = {
      ...customerEvent('e2e-future', 'en', ['dpo@future.e2e.test']),
      timestamp: new Date(Date.now() + 10 * 60_000).toISOString(),
    };
    const answer = await stack.post(future);
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { path: 'timestamp', message: expect.stringContaining('must not be more than 5 minutes after the webhook-timestamp header') },
    ]);
    expect(await stack.records.customers.get('e2e-future')).toBeUndefined();
    // A description stamped now is taken.
    expect((await stack.post(customerEvent('e2e-future', 'en', ['dpo@future.e2e.test']))).status).toBe(202);
    expect(await stack.records.customers.get('e2e-future')).toMatchObject({ contacts: [{ email: 'dpo@future.e2e.test' }] });
  });

  test('a breach the product became aware of in an hour, or in 2150, is 400 by path', async () => {
    const event = breachEvent('E2E-FUTURE', ['e2e-nl']);
    const answer = await stack.post({ ...event, data: { ...event.data, awareAt: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(answer.body.problems).toEqual([{ path: 'data.awareAt', message: expect.stringContaining('already happened') }]);
    const far = await stack.post({ ...event, data: { ...event.data, awareAt: '2150-01-01T00:00:00Z' } });
    expect(far.body.problems).toEqual([{ path: 'data.awareAt', message: 'must be between 2000-01-01 and 2100-12-31 (UTC)' }]);
    expect(await workflowExists('breach-E2E-FUTURE')).toBe(false);
  });
});

describe('two deliveries of one webhook-id at the same moment are applied once', () => {
  test('the same id with two different bodies, together: one is applied, the other is 409; the same body five times: one answer for all', async () => {
    const first = customerEvent('e2e-race', 'en', ['first@race.e2e.test']);
    const second = { ...first, data: { ...first.data, name: 'Another name', contacts: [{ email: 'second@race.e2e.test' }] } };
    const answers = await Promise.all([
      stack.post(first, { webhookId: 'msg_race_bodies' }),
      stack.post(second, { webhookId: 'msg_race_bodies' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409]);
    const winner = answers[0]!.status === 202 ? first : second;
    expect(answers.find((answer) => answer.status === 409)!.body).toEqual({
      error: 'this webhook-id was already used for a different body',
    });
    // The records hold the body that was answered 202, and the case heard of one delivery.
    expect((await stack.records.customers.get('e2e-race'))?.contacts).toEqual(winner.data.contacts);
    const upserts = await stack.env.client.workflow.getHandle('customer-e2e-race').query(customerUpsertsQuery);
    expect(upserts.map((upsert) => upsert.webhookId)).toEqual(['msg_race_bodies']);
    expect(await claimsOf('msg_race_bodies')).toEqual([]);

    // The same delivery five times together: one answer, given to all five.
    const event = customerEvent('e2e-race-same', 'fr', ['dpo@race-same.e2e.test']);
    const same = await Promise.all(Array.from({ length: 5 }, () => stack.post(event, { webhookId: 'msg_race_same' })));
    expect(same).toEqual(Array.from({ length: 5 }, () => ({ status: 202, body: { workflowId: 'customer-e2e-race-same' } })));
    expect(await stack.env.client.workflow.getHandle('customer-e2e-race-same').query(customerUpsertsQuery)).toHaveLength(1);
  });

  test("a delivery that finds its id claimed waits for the first one's answer and gives it", async () => {
    const event = customerEvent('e2e-waiting', 'en', ['dpo@waiting.e2e.test']);
    const body = JSON.stringify(event);
    const bodySha256 = createHash('sha256').update(body).digest('hex');
    // Another process is handling this id right now.
    expect(
      await stack.records.webhookDeliveries.claim('msg_waiting', {
        bodySha256,
        token: 'other-process',
        claimedAt: new Date(),
        staleBefore: new Date(0),
      }),
    ).toBe(true);
    const waiting = stack.post(undefined, { webhookId: 'msg_waiting', rawBody: body });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const firstAnswer = {
      eventType: 'customer.upserted',
      bodySha256,
      statusCode: 409,
      response: { error: 'answered by the other process' },
    };
    await stack.records.webhookDeliveries.answer('msg_waiting', 'other-process', firstAnswer, new Date());
    expect(await waiting).toEqual({ status: 409, body: { error: 'answered by the other process' } });
    // It did not act on its own.
    expect(await stack.records.customers.get('e2e-waiting')).toBeUndefined();
  });

  test('a claim left by a process that died is taken over once it is a minute old', async () => {
    const event = customerEvent('e2e-orphan', 'en', ['dpo@orphan.e2e.test']);
    await stack.database.db
      .insertInto('webhook_claims')
      .values({ webhook_id: 'msg_orphan', body_sha256: 'f'.repeat(64), token: 'crashed', claimed_at: new Date(Date.now() - 61_000) })
      .execute();
    expect(await stack.post(event, { webhookId: 'msg_orphan' })).toEqual({ status: 202, body: { workflowId: 'customer-e2e-orphan' } });
    expect(await claimsOf('msg_orphan')).toEqual([]);
  });
});

describe('a delivery answered 503 converges when it is retried: 202, one case, one copy in the records', () => {
  /** Delivers `event` while Temporal is down: 503, and the claim on its webhook-id given up, so that a retry goes ahead at once. */
  async function deliverWhileTemporalDown(event: unknown, webhookId: string): Promise<void> {
    expect((await withTemporalDown((baseUrl) => postEvent(baseUrl, event, { webhookId }))).status).toBe(503);
    expect(await claimsOf(webhookId)).toEqual([]);
  }

  /** The same delivery once Temporal answers: 202 for the case's workflow, which runs once. */
  async function retry(event: unknown, webhookId: string, workflowId: string): Promise<void> {
    expect(await stack.post(event, { webhookId })).toEqual({ status: 202, body: { workflowId } });
    expect(await runsOf(workflowId)).toBe(1);
  }

  test('customer.upserted: the description written before Temporal failed is the one the retry finds', async () => {
    const event = customerEvent('e2e-conv-cust', 'nl', ['dpo@conv-cust.e2e.test']);
    await deliverWhileTemporalDown(event, 'msg_conv_cust');
    expect(await stack.records.webhookDeliveries.find('msg_conv_cust')).toBeUndefined();

    await retry(event, 'msg_conv_cust', 'customer-e2e-conv-cust');
    expect(await stack.records.customers.get('e2e-conv-cust')).toMatchObject({
      name: 'Customer e2e-conv-cust',
      contacts: [{ email: 'dpo@conv-cust.e2e.test' }],
    });
    const upserts = await stack.env.client.workflow.getHandle('customer-e2e-conv-cust').query(customerUpsertsQuery);
    expect(upserts).toEqual([{ sourceTimestamp: new Date(event.timestamp).toISOString(), webhookId: 'msg_conv_cust', applied: true }]);
  });

  test('dsr.received: the receipt written before Temporal failed is not a conflict for its retry', async () => {
    await stack.post(customerEvent('e2e-conv-dsr', 'en', ['dpo@conv-dsr.e2e.test']));
    const event = factEvent('dsr.received', {
      requestId: 'E2E-CONV-DSR',
      customerId: 'e2e-conv-dsr',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      requestType: 'access',
      subjectEmail: 'subject@conv.e2e.test',
    });
    await deliverWhileTemporalDown(event, 'msg_conv_dsr');
    expect(await workflowExists('dsr-E2E-CONV-DSR')).toBe(false);

    await retry(event, 'msg_conv_dsr', 'dsr-E2E-CONV-DSR');
    const rows = await stack.database.db.selectFrom('dsr_requests').select('request_id').where('request_id', '=', 'E2E-CONV-DSR').execute();
    expect(rows).toHaveLength(1);
    expect(await stack.records.dsr.subjectEmail('E2E-CONV-DSR')).toBe('subject@conv.e2e.test');
  });

  test('subprocessor.changed: the register entry written before Temporal failed is the one the retry announces', async () => {
    await stack.post(customerEvent('e2e-conv-sp', 'en', ['dpo@conv-sp.e2e.test']));
    const event = factEvent('subprocessor.changed', {
      changeId: 'E2E-CONV-SP',
      action: 'added',
      subprocessor: { id: 'sp-e2e-conv', name: 'Conv Mail', country: 'IE', purpose: 'transactional email' },
      effectiveAt: new Date(Date.now() + 45 * 24 * 3_600_000).toISOString(),
      customerIds: ['e2e-conv-sp'],
    });
    await deliverWhileTemporalDown(event, 'msg_conv_sp');

    await retry(event, 'msg_conv_sp', 'subprocessor-change-E2E-CONV-SP');
    const changes = await stack.database.db.selectFrom('subprocessor_changes').selectAll().where('change_id', '=', 'E2E-CONV-SP').execute();
    expect(changes).toHaveLength(1);
    expect(await stack.records.subprocessors.recipients('E2E-CONV-SP', 0, 10)).toEqual(['e2e-conv-sp']);
  });
});
