import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  authorityStatusQuery,
  liftProhibitionUpdate,
  recordAnswerUpdate,
  recordDisclosureUpdate,
  recordProhibitionBasisUpdate,
  type AuthorityState,
} from '../../domain/authority';
import { instructionStatusQuery, type InstructionState } from '../../domain/instruction';
import { searchAttributes } from '../../domain/search-attributes';
import type { CaughtMail } from '../support/mail';
import { customerEvent, privacyTeamEmail, startStack, type Stack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
  for (const event of [
    customerEvent('e2e-auth-nl', 'nl', ['dpo@auth-nl.e2e.test']),
    customerEvent('e2e-auth-fr', 'fr', ['dpo@auth-fr.e2e.test'], { timezone: 'Europe/Paris' }),
    customerEvent('e2e-ins-fr', 'fr', ['dpo@ins-fr.e2e.test']),
  ]) {
    expect((await stack.post(event)).status).toBe(202);
  }
  // The customer records are written by their own workflows; the processes below read them.
  for (const customerId of ['e2e-auth-nl', 'e2e-auth-fr', 'e2e-ins-fr']) {
    await waitFor(`customer ${customerId}`, async () => (await stack.records.customers.get(customerId)) !== undefined);
  }
});
afterAll(() => stack?.close());

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mailOf(workflowId: string): Promise<CaughtMail[]> {
  return (await stack.catcher.messages()).filter((mail) => mail.headers['x-dpa-workflow-id'] === workflowId);
}

async function waitForMailOf(workflowId: string, count: number): Promise<CaughtMail[]> {
  await waitFor(`${count} email(s) of ${workflowId}`, async () => (await mailOf(workflowId)).length >= count);
  return mailOf(workflowId);
}

const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

describe('an authority request by signed webhook', () => {
  test('an intended disclosure: notices in each language, views by webhook, the operator records the disclosure, then 404 and 409', async () => {
    const requested = event('authority.requested', {
      requestId: 'E2E-AUTH-1',
      customerIds: ['e2e-auth-nl', 'e2e-auth-fr'],
      authority: 'Federal Judicial Police Brussels',
      requestKind: 'disclosure-intent',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(await stack.post(requested)).toEqual({ status: 202, body: { workflowId: 'authority-E2E-AUTH-1' } });

    const notices = await waitForMailOf('authority-E2E-AUTH-1', 2);
    const subjects = Object.fromEntries(notices.map((mail) => [mail.envelope.to[0], mail.subject]));
    expect(subjects['dpo@auth-nl.e2e.test']).toMatch(
      /^\[Overheidsverzoek\] Voorgenomen bekendmaking van persoonsgegevens – referentie E2E-AUTH-1$/,
    );
    expect(subjects['dpo@auth-fr.e2e.test']).toMatch(/^\[Demande d'une autorité\] Communication envisagée/);
    const evidence = await stack.records.emails.list({ workflowIdPrefix: 'authority-E2E-AUTH-1' });
    expect(evidence.map((row) => [row.step, row.language, row.status]).sort()).toEqual([
      ['notice-e2e-auth-fr', 'fr', 'sent'],
      ['notice-e2e-auth-nl', 'nl', 'sent'],
    ]);

    const handle = stack.env.client.workflow.getHandle('authority-E2E-AUTH-1');
    // The emails are out before the workflow has their results; its status follows a moment later.
    await waitFor('the awaiting-views status', async () => (await handle.describe()).searchAttributes.DpaStatus?.[0] === 'awaiting-views');
    const description = await handle.describe();
    expect(description.searchAttributes).toMatchObject({
      DpaProcess: ['authority'],
      DpaStatus: ['awaiting-views'],
      DpaCustomerIds: ['e2e-auth-nl', 'e2e-auth-fr'],
    });
    const ours = Object.entries(description.searchAttributes).filter(([key]) => key.startsWith('Dpa'));
    expect(JSON.stringify(ours)).not.toContain('@');
    expect(JSON.stringify(ours)).not.toContain('Police');

    // A view for a request nobody reported: 404, and nothing is started.
    const unknown = await stack.post(
      event('authority.customer-responded', { requestId: 'E2E-NOBODY', customerId: 'e2e-auth-nl', view: 'x' }),
    );
    expect(unknown.status).toBe(404);

    const nlView = event('authority.customer-responded', {
      requestId: 'E2E-AUTH-1',
      customerId: 'e2e-auth-nl',
      view: 'Only the two named accounts, by encrypted transfer.',
    });
    const first = await stack.post(nlView, { webhookId: 'msg_e2e_view_nl' });
    expect(first).toEqual({ status: 202, body: { workflowId: 'authority-E2E-AUTH-1' } });
    expect(await stack.post(nlView, { webhookId: 'msg_e2e_view_nl' })).toEqual(first);
    expect(
      (
        await stack.post(
          event('authority.customer-responded', {
            requestId: 'E2E-AUTH-1',
            customerId: 'e2e-auth-fr',
            view: 'Nous nous opposons à toute communication.',
            objectsToDisclosure: true,
          }),
        )
      ).status,
    ).toBe(202);

    const disclosure = { scope: 'Account holder names of two accounts', manner: 'Encrypted transfer to the investigating officer' };
    await expect(handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] })).rejects.toThrow(WorkflowUpdateFailedError);
    await handle.executeUpdate(recordDisclosureUpdate, { args: [{ ...disclosure, objectionsConsidered: true }] });
    const result = (await handle.result()) as AuthorityState;
    expect(result).toMatchObject({ status: 'disclosed', closed: true });

    const outcomes = (await waitForMailOf('authority-E2E-AUTH-1', 5)).filter((mail) => mail.headers['x-dpa-step']?.startsWith('outcome-'));
    expect(outcomes.map((mail) => mail.subject).sort()).toEqual([
      "[Demande d'une autorité] Communication de données à caractère personnel effectuée – référence E2E-AUTH-1",
      '[Overheidsverzoek] Bekendmaking van persoonsgegevens uitgevoerd – referentie E2E-AUTH-1',
    ]);
    const objection = (await mailOf('authority-E2E-AUTH-1')).find((mail) => mail.envelope.to[0] === privacyTeamEmail);
    expect(objection?.subject).toContain('A customer objects to an intended disclosure');

    const record = await stack.records.authority.get('E2E-AUTH-1');
    expect(record).toMatchObject({ status: 'disclosed', disclosureScope: disclosure.scope, disclosureManner: disclosure.manner });
    // One view per delivery: the replayed webhook-id added nothing.
    expect(record!.views.map((view) => [view.customerId, view.objectsToDisclosure])).toEqual([
      ['e2e-auth-nl', false],
      ['e2e-auth-fr', true],
    ]);
    expect(record!.customers.every((customer) => customer.noticeStatus === 'notified' && customer.notifiedAt !== null)).toBe(true);

    // The case is closed: a late view and a second report are refused with 409.
    const late = await stack.post(
      event('authority.customer-responded', { requestId: 'E2E-AUTH-1', customerId: 'e2e-auth-nl', view: 'Changed my mind.' }),
    );
    expect(late.status).toBe(409);
    expect(late.body.workflowId).toBe('authority-E2E-AUTH-1');
    const again = await stack.post({ ...requested, timestamp: new Date().toISOString() });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/closed/);
  });

  test('under a prohibition to tell, no customer is emailed and the privacy team is; lifting it tells the customers', async () => {
    const requested = event('authority.requested', {
      requestId: 'E2E-AUTH-GAG',
      customerIds: ['e2e-auth-nl'],
      authority: 'Public Prosecutor Antwerp',
      requestKind: 'subpoena',
      receivedAt: new Date().toISOString(),
      disclosureProhibited: true,
    });
    expect((await stack.post(requested)).status).toBe(202);
    const [alert] = await waitForMailOf('authority-E2E-AUTH-GAG', 1);
    expect(alert!.envelope.to).toEqual([privacyTeamEmail]);
    const handle = stack.env.client.workflow.getHandle('authority-E2E-AUTH-GAG');
    await handle.executeUpdate(recordProhibitionBasisUpdate, { args: [{ basis: 'Art. 46bis §2 Sv.' }] });
    expect((await handle.describe()).searchAttributes).toMatchObject({ DpaProcess: ['authority'], DpaStatus: ['prohibited'] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await mailOf('authority-E2E-AUTH-GAG')).map((mail) => mail.envelope.to[0])).toEqual([privacyTeamEmail]);
    expect(await stack.records.authority.get('E2E-AUTH-GAG')).toMatchObject({
      disclosureProhibited: true,
      prohibitionBasis: 'Art. 46bis §2 Sv.',
      customers: [expect.objectContaining({ customerId: 'e2e-auth-nl', noticeStatus: 'withheld' })],
    });

    await handle.executeUpdate(liftProhibitionUpdate, { args: [{ reason: 'Order lifted.' }] });
    const [notice] = (await waitForMailOf('authority-E2E-AUTH-GAG', 2)).slice(1);
    expect(notice!.envelope.to).toEqual(['dpo@auth-nl.e2e.test']);
    expect(notice!.subject).toBe('[Overheidsverzoek] Dagvaarding – referentie E2E-AUTH-GAG');
    expect(notice!.text).toContain('Wij mochten u hierover niet eerder inlichten');
    await waitFor('the notice to be applied', async () => (await handle.query(authorityStatusQuery)).status === 'awaiting-answer');
    // 7.1: producing personal data waits for the customer's view; an answer without any may go at once.
    await expect(
      handle.executeUpdate(recordAnswerUpdate, {
        args: [{ summary: 'Extract produced.', disclosesPersonalData: true, scope: 'One account extract', manner: 'Registered letter' }],
      }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    await handle.executeUpdate(recordAnswerUpdate, {
      args: [{ summary: 'No account matched the subpoena; nothing was produced.', disclosesPersonalData: false }],
    });
    expect(await handle.result()).toMatchObject({ status: 'answered' });
    expect(await stack.records.authority.get('E2E-AUTH-GAG')).toMatchObject({
      status: 'answered',
      answerDisclosesPersonalData: false,
      prohibitionLiftReason: 'Order lifted.',
    });
    const [outcome] = (await waitForMailOf('authority-E2E-AUTH-GAG', 3)).slice(2);
    expect(outcome!.text).toContain('Met ons antwoord hebben wij geen persoonsgegevens bekendgemaakt die wij namens u verwerken.');
  });

  test('a prohibition reported with its legal basis opens as prohibited with the basis recorded; a basis without a prohibition is a 400', async () => {
    const data = {
      requestId: 'E2E-AUTH-BASIS',
      customerIds: ['e2e-auth-fr'],
      authority: 'Juge d’instruction de Liège',
      requestKind: 'information',
      receivedAt: new Date().toISOString(),
      prohibitionBasis: 'Art. 46quater §2 C.i.cr.: ordonnance du 3 juin',
    };
    const refused = await stack.post(event('authority.requested', data));
    expect(refused.status).toBe(400);
    expect(refused.body.problems!.map((p: { path: string }) => p.path)).toEqual(['data.prohibitionBasis']);
    expect(await stack.records.authority.get('E2E-AUTH-BASIS')).toBeUndefined();

    expect((await stack.post(event('authority.requested', { ...data, disclosureProhibited: true }))).status).toBe(202);
    const [alert] = await waitForMailOf('authority-E2E-AUTH-BASIS', 1);
    expect(alert!.envelope.to).toEqual([privacyTeamEmail]);
    expect(alert!.text).toContain('Legal basis as reported: Art. 46quater §2 C.i.cr.: ordonnance du 3 juin');
    const handle = stack.env.client.workflow.getHandle('authority-E2E-AUTH-BASIS');
    expect((await handle.describe()).searchAttributes).toMatchObject({ DpaStatus: ['prohibited'] });
    await waitFor('the request recorded', async () => (await stack.records.authority.get('E2E-AUTH-BASIS')) !== undefined);
    expect(await stack.records.authority.get('E2E-AUTH-BASIS')).toMatchObject({
      disclosureProhibited: true,
      prohibitionBasis: 'Art. 46quater §2 C.i.cr.: ordonnance du 3 juin',
      prohibitionBasisDueAt: null,
    });
    await handle.terminate('end of test');
  });

  test('400 for a request kind the contract does not know', async () => {
    const answer = await stack.post(
      event('authority.requested', {
        requestId: 'E2E-AUTH-BAD',
        customerIds: ['e2e-auth-nl'],
        authority: 'x',
        requestKind: 'rumour',
        receivedAt: new Date().toISOString(),
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.problems!.map((p: { path: string }) => p.path)).toEqual(['data.requestKind']);
  });
});

describe('an unlawful instruction by signed webhook', () => {
  test('flagged, told in French, confirmed by the customer within its response period: carried out, recorded, and further facts refused', async () => {
    const flagged = event('instruction.flagged', {
      instructionId: 'E2E-INS-1',
      customerId: 'e2e-ins-fr',
      instruction: 'Send every newsletter subscriber list to our partner in a third country.',
      reason: 'No safeguard for the transfer (GDPR Art. 44-46).',
    });
    expect(await stack.post(flagged)).toEqual({ status: 202, body: { workflowId: 'instruction-E2E-INS-1' } });
    const mails = await waitForMailOf('instruction-E2E-INS-1', 2);
    const notice = mails.find((mail) => mail.envelope.to[0] === 'dpo@ins-fr.e2e.test')!;
    expect(notice.subject).toBe(
      '[Instruction de traitement] Instruction E2E-INS-1\u00a0: possible violation de la loi, votre réponse est attendue',
    );
    expect(notice.text).toContain('No safeguard for the transfer');
    expect(notice.text).toContain('Réponse attendue au plus tard le');
    expect(mails.find((mail) => mail.envelope.to[0] === privacyTeamEmail)?.subject).toContain('Customer instruction flagged as unlawful');

    // 3.2: flagged, not suspended, while the customer's response period runs; that is the deadline shown.
    const handle = stack.env.client.workflow.getHandle('instruction-E2E-INS-1');
    await waitFor('the flagged status', async () => (await handle.describe()).searchAttributes.DpaStatus?.[0] === 'flagged');
    const open = (await handle.describe()).searchAttributes;
    expect(open).toMatchObject({ DpaProcess: ['instruction'], DpaCustomerIds: ['e2e-ins-fr'] });
    const { responseDueAt } = (await handle.query(instructionStatusQuery)) as InstructionState;
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.nextDeadline)).toEqual(new Date(responseDueAt!));
    expect(await stack.records.instructions.get('E2E-INS-1')).toMatchObject({ status: 'flagged', noticeStatus: 'notified', responseDueAt });

    expect((await stack.post(event('instruction.revised', { instructionId: 'E2E-INS-NOBODY', revision: 'x' }))).status).toBe(404);

    const confirmed = event('instruction.confirmed', {
      instructionId: 'E2E-INS-1',
      guarantee: 'Les clauses contractuelles types 2021/914 ont été signées le 2 décembre.',
    });
    expect(await stack.post(confirmed)).toEqual({ status: 202, body: { workflowId: 'instruction-E2E-INS-1' } });
    const result = (await handle.result()) as InstructionState;
    expect(result).toMatchObject({ status: 'carried-out', resolution: { kind: 'confirmed', via: 'webhook' } });
    const all = await waitForMailOf('instruction-E2E-INS-1', 4);
    expect(all.find((mail) => mail.headers['x-dpa-step'] === 'resumption-confirmation')!.subject).toBe(
      "[Instruction de traitement] L'instruction E2E-INS-1 est exécutée sur la base de votre garantie",
    );
    expect(await stack.records.instructions.get('E2E-INS-1')).toMatchObject({
      status: 'carried-out',
      resolution: 'confirmed',
      resolutionText: 'Les clauses contractuelles types 2021/914 ont été signées le 2 décembre.',
    });
    const closed = (await handle.describe()).typedSearchAttributes;
    expect(closed.get(searchAttributes.status)).toBe('carried-out');
    // Removed once the case closed: no reminder is due any more.
    expect(closed.get(searchAttributes.nextDeadline)).toBeUndefined();

    expect((await stack.post(event('instruction.revised', { instructionId: 'E2E-INS-1', revision: 'too late' }))).status).toBe(409);
    const flaggedAgain = await stack.post({ ...flagged, timestamp: new Date().toISOString() });
    expect(flaggedAgain.status).toBe(409);
    expect(flaggedAgain.body.error).toMatch(/already closed \(carried out or resumed\)/);
  });

  test('refused by the customer: a body that does not fit is refused, and a refusal suspends the instruction at once', async () => {
    const flagged = event('instruction.flagged', {
      instructionId: 'E2E-INS-2',
      customerId: 'e2e-ins-fr',
      instruction: 'Profile every visitor by ethnic origin.',
      reason: 'Special categories without an Art. 9(2) exception.',
    });
    expect((await stack.post(flagged)).status).toBe(202);
    await waitForMailOf('instruction-E2E-INS-2', 2);

    const unfit = await stack.post(event('instruction.refused', { instructionId: 'E2E-INS-2', reason: '' }));
    expect(unfit.status).toBe(400);
    expect(unfit.body.problems!.map((p: { path: string }) => p.path)).toEqual(['data.reason']);
    expect(
      await stack.post(
        event('instruction.refused', { instructionId: 'E2E-INS-2', reason: 'Notre conseil juridique ne voit aucun problème.' }),
      ),
    ).toEqual({ status: 202, body: { workflowId: 'instruction-E2E-INS-2' } });
    const mails = await waitForMailOf('instruction-E2E-INS-2', 4);
    const suspension = mails.find((mail) => mail.headers['x-dpa-step'] === 'suspension-notice')!;
    expect(suspension.subject).toBe('[Instruction de traitement] Instruction E2E-INS-2 suspendue');
    expect(suspension.text).toContain('Notre conseil juridique ne voit aucun problème.');
    const handle = stack.env.client.workflow.getHandle('instruction-E2E-INS-2');
    await waitFor('the suspended status', async () => (await handle.describe()).searchAttributes.DpaStatus?.[0] === 'suspended');
    await waitFor('the suspension recorded', async () => (await stack.records.instructions.get('E2E-INS-2'))?.status === 'suspended');
    expect(await stack.records.instructions.get('E2E-INS-2')).toMatchObject({ suspensionCause: 'refused' });
    expect((await stack.post(event('instruction.refused', { instructionId: 'E2E-INS-NOBODY' }))).status).toBe(404);
    await handle.terminate('end of the test');
  });

  test('3.4: a customer that cannot meet its obligations is validated, recorded once per notice id, and the privacy team is alerted', async () => {
    const unfit = await stack.post(event('customer.cannot-comply', { noticeId: 'E2E N 1', customerId: 'e2e-ins-fr', obligation: '' }));
    expect(unfit.status).toBe(400);
    expect(unfit.body.problems!.map((p: { path: string }) => p.path).sort()).toEqual(['data.noticeId', 'data.obligation']);
    expect(await stack.records.instructions.getCannotComply('E2E N 1')).toBeUndefined();

    const data = {
      noticeId: 'E2E-CC-1',
      customerId: 'e2e-ins-fr',
      obligation: 'Article 3.3: proportionality of the processing',
      description: 'Notre DPO, Marie Dubois, est absente; nous ne pouvons pas évaluer la proportionnalité avant mars.',
    };
    expect(await stack.post(event('customer.cannot-comply', data))).toEqual({
      status: 202,
      body: { workflowId: 'cannot-comply-E2E-CC-1' },
    });
    const [alert] = await waitForMailOf('cannot-comply-E2E-CC-1', 1);
    expect(alert!.envelope.to).toEqual([privacyTeamEmail]);
    expect(alert!.subject).toContain('Customer cannot meet its obligations');
    expect(alert!.text).not.toContain('Marie Dubois');
    const handle = stack.env.client.workflow.getHandle('cannot-comply-E2E-CC-1');
    await handle.result();
    expect(await stack.records.instructions.getCannotComply('E2E-CC-1')).toMatchObject({
      customerId: 'e2e-ins-fr',
      description: data.description,
      teamAlertedAt: expect.any(String),
    });

    // The same notice again (a new delivery): the same answer, no second alert; other facts under its id: 409.
    expect(await stack.post(event('customer.cannot-comply', data))).toEqual({
      status: 202,
      body: { workflowId: 'cannot-comply-E2E-CC-1' },
    });
    const other = await stack.post(event('customer.cannot-comply', { ...data, obligation: 'Something else' }));
    expect(other.status).toBe(409);
    expect(other.body.error).toMatch(/already received with another obligation/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailOf('cannot-comply-E2E-CC-1')).toHaveLength(1);
  });
});
