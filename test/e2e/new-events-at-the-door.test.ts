import { workflowIds } from '../../domain/ids';
import { settle, waitForMessages } from '../support/mail';
import { breachEvent, customerEvent, privacyTeamEmail, startStack, type Stack } from '../support/stack';

/**
 * The events and fields this product learnt for the policy's letter (suspected breaches, facts in
 * phases, a prohibition's basis, a refused instruction, a customer that cannot comply), driven as an
 * unlucky product and an attacker would: a refusal is specific and changes nothing, and what is answered
 * 202 is carried out, once.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
  expect((await stack.post(customerEvent('door-en', 'en', ['dpo@door-en.test']))).status).toBe(202);
});
afterAll(() => stack?.close());

const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });
const cannotComply = (noticeId: string, extra: Record<string, unknown> = {}) =>
  event('customer.cannot-comply', { noticeId, customerId: 'door-en', obligation: 'Keep the records of processing up to date.', ...extra });

test.each([
  ['a control character in the obligation', { obligation: 'Keep\u0000records' }, /data\.obligation/],
  ['an obligation over 1,000 characters', { obligation: 'x'.repeat(1001) }, /data\.obligation/],
  ['a description over 10,000 characters', { description: 'x'.repeat(10_001) }, /data\.description/],
  ['a notice id with a ~', { noticeId: 'N~1' }, /data\.noticeId/],
])('customer.cannot-comply with %s is a 400 naming the field, and no case opens', async (_what, fields, field) => {
  const answer = await stack.post(cannotComply('DOOR-BAD', fields));
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toMatch(field);
  await expect(stack.env.client.workflow.getHandle(workflowIds.cannotComply('DOOR-BAD')).describe()).rejects.toThrow();
});

test('the same cannot-comply notice delivered twice at once, and once more under another webhook id: one case, one alert', async () => {
  const notice = cannotComply('--DOOR--1--');
  const before = (await stack.catcher.messages()).length;
  const answers = await Promise.all([
    stack.post(notice, { webhookId: 'msg_door_cc_1' }),
    stack.post(notice, { webhookId: 'msg_door_cc_1' }),
    stack.post(notice, { webhookId: 'msg_door_cc_2' }),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
  const handle = stack.env.client.workflow.getHandle(workflowIds.cannotComply('--DOOR--1--'));
  await handle.result();
  await waitForMessages(stack.catcher, before + 1);
  await settle();
  const alerts = (await stack.catcher.messages()).slice(before);
  expect(alerts.map((mail) => mail.envelope.to[0])).toEqual([privacyTeamEmail]);
  // Other facts under the same id are refused, and the record keeps the first.
  const other = await stack.post(cannotComply('--DOOR--1--', { obligation: 'Another obligation.' }));
  expect(other.status).toBe(409);
  expect((await stack.records.instructions.getCannotComply('--DOOR--1--'))!.obligation).toBe('Keep the records of processing up to date.');
});

test('breach.updated refuses out-of-bounds facts with 400 and changes nothing; an assessment of a breach not suspected is 409', async () => {
  expect((await stack.post(breachEvent('DOOR-BR', ['door-en']))).status).toBe(202);
  for (const fields of [
    { subjectCategories: Array.from({ length: 101 }, (_, i) => `c${i}`) },
    { recordsApprox: 2_147_483_648 },
    { recordsApprox: -1 },
    { likelyConsequences: 'a\u0007b' },
    { dataCategories: [] },
  ]) {
    const answer = await stack.post(event('breach.updated', { incidentId: 'DOOR-BR', update: 'u', ...fields }));
    expect(answer.status).toBe(400);
  }
  expect((await stack.post(event('breach.updated', { incidentId: 'DOOR-BR', update: 'u', assessment: 'ruled-out' }))).status).toBe(409);
  const entry = (await (await fetch(`${stack.baseUrl}/breaches/DOOR-BR`)).json()) as { updates: unknown[]; ruledOutAt: string | null };
  expect(entry.updates).toEqual([]);
  expect(entry.ruledOutAt).toBeNull();
});

test('authority.requested refuses a prohibition basis with a control character, or without the prohibition, and opens no case', async () => {
  const request = (extra: Record<string, unknown>) =>
    event('authority.requested', {
      requestId: 'DOOR-AUTH',
      customerIds: ['door-en'],
      authority: 'A court',
      requestKind: 'subpoena',
      receivedAt: new Date().toISOString(),
      ...extra,
    });
  expect((await stack.post(request({ disclosureProhibited: true, prohibitionBasis: 'Art.\u001b 46' }))).status).toBe(400);
  expect((await stack.post(request({ prohibitionBasis: 'Art. 46' }))).status).toBe(400);
  await expect(stack.env.client.workflow.getHandle(workflowIds.authority('DOOR-AUTH')).describe()).rejects.toThrow();
});

test('instruction.refused for an instruction never flagged is 404, and a reason over 5,000 characters is 400', async () => {
  expect((await stack.post(event('instruction.refused', { instructionId: 'DOOR-NONE' }))).status).toBe(404);
  expect((await stack.post(event('instruction.refused', { instructionId: 'DOOR-NONE', reason: 'x'.repeat(5001) }))).status).toBe(400);
});
