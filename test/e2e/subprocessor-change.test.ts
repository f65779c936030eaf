import {
  judgeObjectionUpdate,
  objectionStatusQuery,
  subprocessorChangeStatusQuery,
  type ObjectionWindow,
} from '../../domain/subprocessor-change';
import type { ObjectionDelivery } from '../../records/subprocessors';
import { waitForMessages } from '../support/mail';
import { customerEvent, startStack, type Stack } from '../support/stack';
import { decryptedHistory } from '../support/payload-keys';

let stack: Stack;

beforeAll(async () => {
  // A customer whose mailbox refuses everything, for a window that ends undeliverable.
  stack = await startStack({ database: 'pglite', mail: { refuseRecipient: (address) => address.endsWith('@bounced.sp.test') } });
});
afterAll(() => stack?.close());

const DAY = 24 * 3_600_000;

function changeEvent(changeId: string, data: Record<string, unknown> = {}) {
  return {
    type: 'subprocessor.changed',
    timestamp: new Date().toISOString(),
    data: {
      changeId,
      action: 'added',
      subprocessor: {
        id: `sp-${changeId}`,
        name: 'CloudMail Inc.',
        country: 'US',
        purpose: 'sending transactional email',
        safeguard: 'scc',
      },
      effectiveAt: new Date(Date.now() + 45 * DAY).toISOString(),
      ...data,
    },
  };
}

function objectionEvent(changeId: string, customerId: string, reasons: string, receivedAt = new Date().toISOString()) {
  return { type: 'subprocessor.objected', timestamp: new Date().toISOString(), data: { changeId, customerId, reasons, receivedAt } };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i += 1) {
    try {
      const value = await read();
      if (ok(value)) return value;
    } catch {
      // not there yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

describe('a subprocessor change reported by signed webhook', () => {
  test('reaches three customers in their languages; an objection by webhook is judged by an operator and answered', async () => {
    for (const event of [
      customerEvent('sp-nl', 'nl', ['dpo@nl.sp.test']),
      customerEvent('sp-fr', 'fr', ['dpo@fr.sp.test'], { timezone: 'Europe/Paris' }),
      customerEvent('sp-en', 'en', ['dpo@en.sp.test'], { timezone: 'Europe/London' }),
    ]) {
      expect((await stack.post(event)).status).toBe(202);
    }
    const before = (await stack.catcher.messages()).length;
    const announcement = changeEvent('E2E-SP1', { customerIds: ['sp-nl', 'sp-fr', 'sp-en'] });
    const answer = await stack.post(announcement);
    expect(answer).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-E2E-SP1' } });

    // The register holds the change, announced at the event's timestamp.
    const [recorded] = await stack.records.subprocessors.changesSince(new Date(Date.now() - 60_000));
    expect(recorded).toMatchObject({ changeId: 'E2E-SP1', action: 'added', subprocessorId: 'sp-E2E-SP1' });
    expect(await stack.records.subprocessors.get('sp-E2E-SP1')).toMatchObject({ country: 'US', transferBasis: 'scc', status: 'active' });

    const notices = (await waitForMessages(stack.catcher, before + 3)).slice(before);
    const byRecipient = Object.fromEntries(notices.map((m) => [m.envelope.to[0], m]));
    expect(byRecipient['dpo@nl.sp.test']!.subject).toMatch(/^\[Subverwerkers\].*CloudMail Inc\./);
    expect(byRecipient['dpo@fr.sp.test']!.subject).toMatch(/^\[Sous-traitants ultérieurs\].*CloudMail Inc\./);
    expect(byRecipient['dpo@en.sp.test']!.subject).toMatch(/^\[Subprocessors\].*CloudMail Inc\./);
    expect(byRecipient['dpo@en.sp.test']!.text).toContain('United States (US)');
    expect(byRecipient['dpo@en.sp.test']!.text).toContain('standard contractual clauses');
    expect(notices.every((m) => m.headers['x-dpa-step'] === 'change-notice')).toBe(true);

    const change = stack.env.client.workflow.getHandle('subprocessor-change-E2E-SP1');
    expect(
      await eventually(
        () => change.query(subprocessorChangeStatusQuery),
        (s) => s.status === 'open',
      ),
    ).toMatchObject({ total: 3, counts: { total: 3, notified: 3, open: 3, objected: 0, accepted: 0, undeliverable: 0 } });
    // The search attributes follow from the workflow task after the windows were first settled.
    const shown = await eventually(
      async () => (await change.describe()).searchAttributes,
      (attributes) => attributes.DpaStatus?.[0] === 'open',
    );
    expect(shown).toMatchObject({
      DpaProcess: ['subprocessor-change'],
      DpaCustomerIds: ['sp-nl', 'sp-fr', 'sp-en'],
      DpaStatus: ['open'],
      DpaOpenWindows: [3],
    });

    // Every customer's window, from the records: open from its notice to the end of its 30th day.
    const windows = await fetch(`${stack.baseUrl}/subprocessor-changes/E2E-SP1/windows`).then(
      (response) => response.json() as Promise<{ windows: ObjectionWindow[] }>,
    );
    expect(windows.windows.map((w) => [w.customerId, w.state])).toEqual([
      ['sp-nl', 'open'],
      ['sp-fr', 'open'],
      ['sp-en', 'open'],
    ]);
    const fr = windows.windows[1]!;
    expect(Date.parse(fr.closesAt!) - Date.parse(fr.noticeAcceptedAt!)).toBeGreaterThan(30 * DAY);
    expect(Date.parse(fr.closesAt!) - Date.parse(fr.noticeAcceptedAt!)).toBeLessThanOrEqual(31 * DAY);
    // Paris: the window's last instant is 23:59:59.999 there.
    expect(new Date(Date.parse(fr.closesAt!) + 1).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' })).toBe('00:00:00');
    expect((await fetch(`${stack.baseUrl}/subprocessor-changes/E2E-SP1/windows/sp-fr`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/subprocessor-changes/E2E-SP1/windows/sp-nobody`)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/subprocessor-changes/NO-SUCH-CHANGE/windows`)).status).toBe(404);

    const window = stack.env.client.workflow.getHandle('objection-E2E-SP1~sp-fr');
    const objection = objectionEvent('E2E-SP1', 'sp-fr', "Nos données de santé ne doivent pas quitter l'EEE.");
    const objected = await stack.post(objection, { webhookId: 'msg_sp_obj_1' });
    expect(objected).toEqual({ status: 202, body: { workflowId: 'objection-E2E-SP1~sp-fr' } });
    const state = await eventually(
      () => window.query(objectionStatusQuery),
      (s) => s.status === 'objected' && s.objection !== undefined,
    );
    expect(state).toMatchObject({ status: 'objected', objection: { webhookId: 'msg_sp_obj_1' } });
    expect(await (await fetch(`${stack.baseUrl}/subprocessor-changes/E2E-SP1/windows/sp-fr`)).json()).toMatchObject({
      state: 'objected',
      objection: { webhookId: 'msg_sp_obj_1' },
    });
    const description = await eventually(
      () => window.describe(),
      (described) => described.searchAttributes.DpaNextDeadline !== undefined,
    );
    expect(description.searchAttributes).toMatchObject({
      DpaProcess: ['subprocessor-objection'],
      DpaStatus: ['objected'],
      DpaCustomerIds: ['sp-fr'],
      DpaNextDeadline: [new Date(state.remedyDeadlineAt!)],
    });
    // The same delivery again is answered from the first; a second objection is refused.
    expect(await stack.post(objection, { webhookId: 'msg_sp_obj_1' })).toEqual(objected);
    const second = await stack.post(objectionEvent('E2E-SP1', 'sp-fr', 'Encore.'));
    expect(second.status).toBe(409);
    expect(second.body.error).toContain('already objected');

    // The privacy team hears of the objection first, with its remedy deadline.
    const [arrival] = await eventually(
      async () => (await stack.catcher.messages()).filter((m) => m.headers['x-dpa-step'] === 'alert-objection-received'),
      (alerts) => alerts.length === 1,
    );
    expect(arrival!.text).toContain(state.remedyDeadlineAt!);

    // The operator's decision, as the Web UI or CLI sends it.
    const beforeAnswer = (await stack.catcher.messages()).length;
    await window.executeUpdate(judgeObjectionUpdate, {
      args: [{ reasonable: false, reason: 'Les données restent chiffrées, la clé en Belgique.' }],
    });
    const [rejection] = (await waitForMessages(stack.catcher, beforeAnswer + 1)).slice(beforeAnswer);
    expect(rejection!.envelope.to).toEqual(['dpo@fr.sp.test']);
    expect(rejection!.headers['x-dpa-step']).toBe('objection-rejected');
    expect(rejection!.text).toContain('Les données restent chiffrées, la clé en Belgique.');
    await eventually(
      () => window.query(objectionStatusQuery),
      (s) => s.status === 'objection-rejected',
    );
    const evidence = await stack.records.emails.list({ workflowIdPrefix: 'objection-E2E-SP1~sp-fr' });
    expect(evidence.map((e) => [e.step, e.recipient, e.language, e.status]).sort()).toEqual([
      ['alert-objection-received', 'privacy-team@processor.test', 'en', 'sent'],
      ['change-notice', 'dpo@fr.sp.test', 'fr', 'sent'],
      ['objection-rejected', 'dpo@fr.sp.test', 'fr', 'sent'],
    ]);

    // Refusals: a bare objection (400), a late one (409), one for a change or customer not known (404).
    const bare = await stack.post(objectionEvent('E2E-SP1', 'sp-nl', ''));
    expect(bare.status).toBe(400);
    // A receipt stamped in the future is refused at the door (an objection after the window, by the window: the
    // workflow tests, which can move time 31 days).
    const future = await stack.post(objectionEvent('E2E-SP1', 'sp-nl', 'Too late.', new Date(Date.now() + 31 * DAY).toISOString()));
    expect(future.status).toBe(400);
    expect(future.body.problems).toEqual([expect.objectContaining({ path: 'data.receivedAt' })]);
    expect((await stack.post(objectionEvent('NO-SUCH-CHANGE', 'sp-nl', 'Who?'))).status).toBe(404);
    expect((await stack.post(objectionEvent('E2E-SP1', 'sp-stranger', 'Who?'))).status).toBe(404);
    // Only the change and the one objection have workflows; the others' windows are rows in the records.
    expect((await stack.records.objectionWindows.get('E2E-SP1', 'sp-nl'))?.state).toBe('open');
    await expect(stack.env.client.workflow.getHandle('objection-E2E-SP1~sp-nl').describe()).rejects.toThrow();
    await expect(stack.env.client.workflow.getHandle('objection-E2E-SP1~sp-en').describe()).rejects.toThrow();
    expect(
      await eventually(
        () => change.query(subprocessorChangeStatusQuery),
        (s) => s.counts.objected === 1,
      ),
    ).toMatchObject({ counts: { open: 2, objected: 1 } });

    // Every delivered objection is kept with its answer, the refused ones with their reason; the bare one
    // never fitted the contract (400) and is not among them.
    const kept = (await fetch(`${stack.baseUrl}/subprocessor-objections?changeId=E2E-SP1`).then((response) => response.json())) as {
      objections: ObjectionDelivery[];
    };
    expect(kept.objections.map((o) => [o.customerId, o.answer, o.refusal, o.reasons])).toEqual([
      ['sp-fr', 202, null, "Nos données de santé ne doivent pas quitter l'EEE."],
      ['sp-fr', 409, second.body.error, 'Encore.'],
      ['sp-stranger', 404, expect.stringContaining('is not known'), 'Who?'],
    ]);
    expect(kept.objections[0]).toMatchObject({ changeId: 'E2E-SP1', webhookId: 'msg_sp_obj_1' });
    expect((await stack.records.subprocessors.objections({ changeId: 'NO-SUCH-CHANGE' })).map((o) => o.answer)).toEqual([404]);

    // A repeated report of the same change (under a new webhook-id) joins it; another change under its id is refused.
    expect(await stack.post(announcement)).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-E2E-SP1' } });
    const other = await stack.post(changeEvent('E2E-SP1', { effectiveAt: new Date(Date.now() + 90 * DAY).toISOString() }));
    expect(other.status).toBe(409);
    expect(other.body.error).toContain('already announced as another change');
    const all = (await stack.catcher.messages()).filter(
      (m) => m.headers['x-dpa-step'] === 'change-notice' && m.headers['x-dpa-workflow-id']?.startsWith('objection-E2E-SP1~'),
    );
    expect(all).toHaveLength(3);
  });

  test('a transfer policy 6 forbids is refused with 400 and changes nothing; so is a change the register cannot take (409)', async () => {
    const forbidden = await stack.post(
      changeEvent('E2E-SP-BAD', { subprocessor: { id: 'sp-bad', name: 'Nowhere Ltd', country: 'CN', purpose: 'hosting' } }),
    );
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.problems).toEqual([{ path: 'data.subprocessor.safeguard', message: expect.stringContaining('outside the EEA') }]);
    expect(await stack.records.subprocessors.get('sp-bad')).toBeUndefined();
    await expect(stack.env.client.workflow.getHandle('subprocessor-change-E2E-SP-BAD').describe()).rejects.toThrow();

    const removal = await stack.post(
      changeEvent('E2E-SP-RM', { action: 'removed', subprocessor: { id: 'sp-never-added', name: 'Ghost', country: 'BE', purpose: 'x' } }),
    );
    expect(removal.status).toBe(409);
    expect(removal.body.error).toContain('is not on the subprocessor list');
  });

  test('an objection to a window that has ended is refused with the reason its final state gives, and kept', async () => {
    await stack.post(customerEvent('sp-bounced', 'nl', ['dpo@bounced.sp.test']));
    expect((await stack.post(changeEvent('E2E-SP-ENDED', { customerIds: ['sp-bounced'] }))).status).toBe(202);
    // Nobody could be told: the window ends undeliverable (the privacy team is alerted).
    await eventually(
      async () => (await stack.records.objectionWindows.get('E2E-SP-ENDED', 'sp-bounced'))?.state,
      (state) => state === 'undeliverable',
    );
    const answer = await stack.post(objectionEvent('E2E-SP-ENDED', 'sp-bounced', 'We heard of it elsewhere.'));
    expect(answer).toEqual({
      status: 409,
      body: {
        error: 'the objection window for change E2E-SP-ENDED is closed (undeliverable)',
        workflowId: 'objection-E2E-SP-ENDED~sp-bounced',
      },
    });
    expect(await stack.records.subprocessors.objections({ changeId: 'E2E-SP-ENDED' })).toEqual([
      expect.objectContaining({ customerId: 'sp-bounced', reasons: 'We heard of it elsewhere.', answer: 409, refusal: answer.body.error }),
    ]);
  });

  test('without customerIds every customer is told', async () => {
    await stack.post(customerEvent('sp-all', 'en', ['dpo@all.sp.test']));
    const ids = await stack.records.customers.listIds();
    const event = changeEvent('E2E-SP-ALL', { subprocessor: { id: 'sp-eu', name: 'EuroHost', country: 'DE', purpose: 'hosting' } });
    const answer = await stack.post(event);
    expect(answer.status).toBe(202);
    const change = stack.env.client.workflow.getHandle('subprocessor-change-E2E-SP-ALL');
    const status = await eventually(
      () => change.query(subprocessorChangeStatusQuery),
      (s) => s.status === 'open',
    );
    expect(status.total).toBe(ids.length);
    expect(ids).toContain('sp-all');
    // Whom it concerns is recorded with the change; the workflow's input carries only their number.
    expect(await stack.records.subprocessors.recipients('E2E-SP-ALL', 0, ids.length + 1)).toEqual(ids);
    const started = (await decryptedHistory(await change.fetchHistory())).events![0]!.workflowExecutionStartedEventAttributes!;
    const input = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8'));
    expect(input).toMatchObject({ recipients: ids.length });
    expect(input.customerIds).toBeUndefined();
    expect((await change.describe()).searchAttributes['DpaCustomerIds']).toEqual(ids);

    // Reported again with customers named: the first report fixed whom the change concerns.
    const again = await stack.post({ ...event, data: { ...event.data, customerIds: ['sp-all'] } });
    expect(again.status).toBe(202);
    expect(await stack.records.subprocessors.recipients('E2E-SP-ALL', 0, ids.length + 1)).toEqual(ids);
    expect((await stack.records.objectionWindows.get('E2E-SP-ALL', 'sp-all'))?.state).toBe('open');
    const mail = (await stack.catcher.messages()).find((m) => m.headers['x-dpa-workflow-id'] === 'objection-E2E-SP-ALL~sp-all');
    expect(mail!.text).toContain('no transfer');
  });

  test('a replacement names the subprocessor it replaces, by its name in the register', async () => {
    await stack.post(customerEvent('sp-repl', 'en', ['dpo@repl.sp.test']));
    const added = changeEvent('E2E-SP-OLD', {
      customerIds: ['sp-repl'],
      subprocessor: { id: 'sp-oldhost', name: 'Old Hosting BV', country: 'NL', purpose: 'hosting' },
      effectiveAt: new Date(Date.now() - DAY).toISOString(),
      // Already in effect, so that the replacement can follow it: only an urgent change may be (5.2).
      urgent: { reason: 'the hosting it replaces in this test is already in use' },
    });
    expect((await stack.post(added)).status).toBe(202);
    const replacement = changeEvent('E2E-SP-NEW', {
      action: 'replaced',
      replaces: 'sp-oldhost',
      customerIds: ['sp-repl'],
      subprocessor: { id: 'sp-newhost', name: 'New Hosting SA', country: 'BE', purpose: 'hosting' },
    });
    expect((await stack.post(replacement)).status).toBe(202);
    const mail = await eventually(
      async () => (await stack.catcher.messages()).find((m) => m.headers['x-dpa-workflow-id'] === 'objection-E2E-SP-NEW~sp-repl'),
      (found) => found !== undefined,
    );
    expect(mail!.text).toContain('New Hosting SA');
    expect(mail!.text).toContain('Old Hosting BV');
  });
  test("the customer's answers by webhook: refused with the objection's reason when they do not fit; a notice of termination ends the objection", async () => {
    await stack.post(customerEvent('sp-answers', 'en', ['dpo@answers.sp.test']));
    expect((await stack.post(changeEvent('E2E-SP-ANS', { customerIds: ['sp-answers'] }))).status).toBe(202);
    await eventually(
      async () => (await stack.records.objectionWindows.get('E2E-SP-ANS', 'sp-answers'))?.state,
      (state) => state === 'open',
    );
    const answered = (accepted: boolean) => ({
      type: 'subprocessor.remedy-answered',
      timestamp: new Date().toISOString(),
      data: { changeId: 'E2E-SP-ANS', customerId: 'sp-answers', accepted },
    });
    const terminated = (services: unknown) => ({
      type: 'subprocessor.services-terminated',
      timestamp: new Date().toISOString(),
      data: { changeId: 'E2E-SP-ANS', customerId: 'sp-answers', services },
    });
    // No objection yet: there is nothing to answer, nor an objection to end.
    expect((await stack.post(answered(true))).status).toBe(404);
    expect((await stack.post(objectionEvent('E2E-SP-ANS', 'sp-answers', 'Our auditors forbid US providers.'))).status).toBe(202);
    const objection = stack.env.client.workflow.getHandle('objection-E2E-SP-ANS~sp-answers');
    await eventually(
      () => objection.query(objectionStatusQuery),
      (state) => state.status === 'objected',
    );
    // An answer before any offer: refused with the workflow's reason, and nothing changes.
    const early = await stack.post(answered(false));
    expect(early).toEqual({
      status: 409,
      body: { error: 'no offer has been made to answer', workflowId: 'objection-E2E-SP-ANS~sp-answers' },
    });
    // A notice naming no service never reaches the workflow.
    expect((await stack.post(terminated([]))).status).toBe(400);
    const notice = terminated(['transactional email']);
    const first = await stack.post(notice, { webhookId: 'msg_sp_terminated' });
    expect(first).toEqual({ status: 202, body: { workflowId: 'objection-E2E-SP-ANS~sp-answers' } });
    // The same delivery again is answered from the first.
    expect(await stack.post(notice, { webhookId: 'msg_sp_terminated' })).toEqual(first);
    const ended = await eventually(
      () => objection.query(objectionStatusQuery),
      (state) => state.status === 'services-terminated',
    );
    expect(ended.servicesTerminated).toMatchObject({ services: ['transactional email'], webhookId: 'msg_sp_terminated' });
    const window = await eventually(
      async () => (await fetch(`${stack.baseUrl}/subprocessor-changes/E2E-SP-ANS/windows/sp-answers`)).json() as Promise<ObjectionWindow>,
      (shown) => shown.outcome !== null,
    );
    expect(window.outcome).toMatchObject({ status: 'services-terminated', servicesTerminated: { services: ['transactional email'] } });
    // Once ended, a later answer is refused and says so: by the workflow's own reason while it finishes,
    // by its status once it has completed.
    const whileFinishing = await stack.post(answered(true));
    expect(whileFinishing.status).toBe(409);
    expect(whileFinishing.body.error).toMatch(/the customer terminated the services affected|completed/);
    await eventually(
      () => objection.describe(),
      (description) => description.status.name === 'COMPLETED',
    );
    const late = await stack.post(answered(true));
    expect(late.status).toBe(409);
    expect(late.body.error).toContain('completed');
  });
});
