import { objectionStatusQuery } from '../../domain/subprocessor-change';
import { customerEvent, startStack, type Stack } from '../support/stack';

/**
 * The customer's answers after an objection (`subprocessor.remedy-answered`,
 * `subprocessor.services-terminated`), driven as an unlucky product and an attacker would: ids full of
 * dashes, control characters, huge arrays, timestamps from the future, the same delivery twice at once.
 * A refusal names the field and changes nothing; what is answered 202 is carried out, once.
 */
let stack: Stack;
const changeId = '--CHG--door--';
const customerId = '-door-answers-';
const workflowId = `objection-${changeId}~${customerId}`;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
  expect((await stack.post(customerEvent(customerId, 'en', ['dpo@door-answers.test']))).status).toBe(202);
  const change = {
    type: 'subprocessor.changed',
    timestamp: new Date().toISOString(),
    data: {
      changeId,
      action: 'added',
      subprocessor: { id: 'sp-door', name: 'CloudMail Inc.', country: 'US', purpose: 'sending transactional email', safeguard: 'scc' },
      effectiveAt: new Date(Date.now() + 45 * 86_400_000).toISOString(),
      customerIds: [customerId],
    },
  };
  expect((await stack.post(change)).status).toBe(202);
  for (let i = 0; (await stack.records.objectionWindows.get(changeId, customerId))?.state !== 'open'; i += 1) {
    if (i > 300) throw new Error('the window did not open');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const objection = {
    type: 'subprocessor.objected',
    timestamp: new Date().toISOString(),
    data: { changeId, customerId, reasons: 'Our auditors forbid US providers.', receivedAt: new Date().toISOString() },
  };
  expect((await stack.post(objection)).status).toBe(202);
});
afterAll(() => stack?.close());

const terminated = (services: unknown, timestamp = new Date().toISOString()) => ({
  type: 'subprocessor.services-terminated',
  timestamp,
  data: { changeId, customerId, services },
});

test.each([
  ['a control character in a service', ['mail\u0007'], /data\.services\.0/],
  ['101 services', Array.from({ length: 101 }, (_, i) => `service ${i}`), /data\.services/],
  ['a service over 1,000 characters', ['x'.repeat(1001)], /data\.services\.0/],
  ['services that are not a list', 'mail', /data\.services/],
])('subprocessor.services-terminated with %s is a 400 naming the field, and the objection goes on', async (_what, services, field) => {
  const answer = await stack.post(terminated(services));
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toMatch(field);
  expect((await stack.env.client.workflow.getHandle(workflowId).query(objectionStatusQuery)).servicesTerminated).toBeUndefined();
});

test('an answer stamped in the future is a 400; a reason with a control character too', async () => {
  const future = terminated(['mail'], new Date(Date.now() + 3_600_000).toISOString());
  expect((await stack.post(future)).status).toBe(400);
  const answered = {
    type: 'subprocessor.remedy-answered',
    timestamp: new Date().toISOString(),
    data: { changeId, customerId, accepted: false, reason: 'no\u0000' },
  };
  const refused = await stack.post(answered);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toMatch(/data\.reason/);
});

test('the same notice of termination delivered twice at once: both 202, recorded once', async () => {
  const notice = terminated(['transactional email']);
  const answers = await Promise.all([
    stack.post(notice, { webhookId: 'msg_door_terminated' }),
    stack.post(notice, { webhookId: 'msg_door_terminated' }),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
  const handle = stack.env.client.workflow.getHandle(workflowId);
  const state = await handle.query(objectionStatusQuery);
  expect(state.servicesTerminated).toMatchObject({ services: ['transactional email'], webhookId: 'msg_door_terminated' });
  expect(state.timeline.filter((entry) => entry.what.startsWith('the customer terminated services'))).toHaveLength(1);
  // Another delivery of a notice is refused: one was recorded.
  const second = await stack.post(terminated(['reporting']));
  expect(second.status).toBe(409);
});
