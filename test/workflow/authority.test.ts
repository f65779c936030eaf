import type { WorkflowHandle } from '@temporalio/client';
import {
  authorityCustomerRespondedSignal,
  authorityStatusQuery,
  liftProhibitionUpdate,
  recordAnswerUpdate,
  recordCustomerNotifiedUpdate,
  recordDisclosureUpdate,
  recordProhibitionBasisUpdate,
  type AuthorityRequestInput,
} from '../../domain/authority';
import { workflowIds } from '../../domain/ids';
import { authorityRequest } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { settle, type CaughtMail } from '../support/mail';
import { testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const h = useWorkflowHarness({
  customers: [
    { customerId: 'auth-nl', name: 'Klant NL', language: 'nl', emails: ['a@auth-nl.test', 'b@auth-nl.test'], timeZone: 'Europe/Brussels' },
    { customerId: 'auth-fr', name: 'Client FR', language: 'fr', emails: ['dpo@auth-fr.test'], timeZone: 'Europe/Paris' },
    { customerId: 'auth-en', name: 'Customer EN', language: 'en', emails: ['dpo@auth-en.test'], timeZone: 'Europe/London' },
  ],
});

function request(requestId: string, overrides: Partial<AuthorityRequestInput>): AuthorityRequestInput {
  return {
    requestId,
    authority: 'Federal Judicial Police Brussels',
    requestKind: 'information',
    receivedAt: '2027-03-25T08:00:00.000Z',
    reportedAt: '2027-03-25T08:00:00.000Z',
    customerIds: ['auth-nl', 'auth-fr'],
    disclosureProhibited: false,
    ...overrides,
  };
}

const producedAsOrdered = {
  summary: 'Account data produced as ordered.',
  disclosesPersonalData: true as const,
  scope: 'Holder name and statements of one account, January to March 2027',
  manner: 'Encrypted archive handed to the investigating judge',
};

async function searchAttributesOf(handle: WorkflowHandle) {
  return (await handle.describe()).searchAttributes;
}

/** DpaNextDeadline as an ISO instant, or undefined when the case shows none. */
async function nextDeadlineOf(handle: WorkflowHandle): Promise<string | undefined> {
  const [next] = (await searchAttributesOf(handle)).DpaNextDeadline ?? [];
  return next instanceof Date ? next.toISOString() : undefined;
}

test('an intended disclosure waits for every view or the working-day deadline across Easter Monday 2027, reminding who is silent', async () => {
  // Thursday 25 March 2027, 09:00 in Brussels. Five working days skip the weekend, the change to summer
  // time (Sunday 28) and Easter Monday (29): the views are due on Friday 2 April at 09:00 CEST.
  const workflowId = workflowIds.authority('AUTH-EASTER');
  await withRequest('2027-03-25T08:00:00.000Z', request('AUTH-EASTER', { requestKind: 'disclosure-intent' }), async (handle) => {
    const notices = await h.waitForMailOf(workflowId, 3);
    const byRecipient = new Map(notices.map((mail) => [mail.envelope.to[0], mail]));
    expect(byRecipient.get('a@auth-nl.test')!.subject).toMatch(/^\[Overheidsverzoek\].*AUTH-EASTER/);
    expect(byRecipient.get('a@auth-nl.test')!.text).toContain('vrijdag 2 april 2027 om 09:00 CEST (UTC+2)');
    expect(byRecipient.get('dpo@auth-fr.test')!.subject).toMatch(/^\[Demande d'une autorité\]/);
    expect(byRecipient.get('dpo@auth-fr.test')!.text).toContain('vendredi 2 avril 2027 à 09:00 UTC+2');

    let status = await handle.query(authorityStatusQuery);
    expect(status).toMatchObject({
      status: 'awaiting-views',
      noticeDueAt: '2027-03-30T07:00:00.000Z',
      viewsDueAt: '2027-04-02T07:00:00.000Z',
    });
    expect(await searchAttributesOf(handle)).toMatchObject({
      DpaProcess: ['authority'],
      DpaStatus: ['awaiting-views'],
      DpaCustomerIds: ['auth-nl', 'auth-fr'],
      DpaNextDeadline: [new Date('2027-04-02T07:00:00.000Z')],
    });

    const disclosure = { scope: 'Names and IBANs of two account holders', manner: 'Encrypted archive handed to the investigating officer' };
    expect(await h.refusal(handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] }))).toMatch(
      /7\.1: the view of 2 customer\(s\)/,
    );

    // The same delivery twice is one view.
    const view = {
      customerId: 'auth-nl',
      view: 'Only the two named accounts; no transaction history.',
      objectsToDisclosure: false,
      receivedAt: '2027-03-26T09:00:00.000Z',
      webhookId: 'msg-view-nl',
    };
    await handle.signal(authorityCustomerRespondedSignal, view);
    await handle.signal(authorityCustomerRespondedSignal, view);
    expect(await h.refusal(handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] }))).toMatch(/1 customer\(s\).*auth-fr/);
    status = await handle.query(authorityStatusQuery);
    expect(status.customers['auth-nl']!.view).toMatchObject({ responses: 1, objectsToDisclosure: false });

    // Wednesday 31 March 09:00 CEST, two working days before the deadline: only the silent customer is reminded.
    const firstReminder = await nextEmailAt(workflowId, '2027-03-31T07:00:00.000Z', 3);
    expect(firstReminder!.envelope.to).toEqual(['dpo@auth-fr.test']);
    expect(firstReminder!.subject).toContain('Rappel n°\u00a01');

    // A minute before the deadline: the second reminder (Thursday 1 April) went out, and disclosure is still refused.
    await h.skipTo('2027-04-02T06:59:00.000Z');
    const [secondReminder] = (await h.waitForMailOf(workflowId, 5)).slice(4);
    expect(secondReminder!.subject).toContain('Rappel n°\u00a02');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(5);
    expect(await h.refusal(handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] }))).toMatch(/still awaited/);

    // The deadline passes: the privacy team is told who stayed silent, and the disclosure may be recorded.
    await h.skipTo('2027-04-02T07:00:30.000Z');
    const [alert] = (await h.waitForMailOf(workflowId, 6)).slice(5);
    expect(alert!.envelope.to).toEqual([privacyTeam]);
    expect(alert!.subject).toContain("Customers' views on an intended disclosure not received in time");
    expect(alert!.text).toContain('auth-fr');
    expect((await handle.query(authorityStatusQuery)).status).toBe('ready-to-disclose');

    const outcome = await handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] });
    expect(outcome).toMatchObject({ kind: 'disclosed', scope: disclosure.scope, manner: disclosure.manner });
    expect(Date.parse(outcome.at)).toBeGreaterThanOrEqual(Date.parse('2027-04-02T07:00:00.000Z'));
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'disclosed', closed: true, viewsDeadlinePassed: true, noticeDeadline: 'met' });
  });

  expect((await h.stepsOf(workflowId)).sort()).toEqual([
    'notice-auth-fr -> dpo@auth-fr.test',
    'notice-auth-nl -> a@auth-nl.test',
    'notice-auth-nl -> b@auth-nl.test',
    'outcome-auth-fr -> dpo@auth-fr.test',
    'outcome-auth-nl -> a@auth-nl.test',
    'outcome-auth-nl -> b@auth-nl.test',
    'view-reminder-1-auth-fr -> dpo@auth-fr.test',
    'view-reminder-2-auth-fr -> dpo@auth-fr.test',
    `views-deadline-passed -> ${privacyTeam}`,
  ]);
  const record = await h.records.authority.get('AUTH-EASTER');
  expect(record).toMatchObject({
    status: 'disclosed',
    requestKind: 'disclosure-intent',
    noticeDueAt: '2027-03-30T07:00:00.000Z',
    viewsDueAt: '2027-04-02T07:00:00.000Z',
    disclosureScope: 'Names and IBANs of two account holders',
  });
  expect(record!.views).toEqual([
    {
      customerId: 'auth-nl',
      view: 'Only the two named accounts; no transaction history.',
      objectsToDisclosure: false,
      receivedAt: '2027-03-26T09:00:00.000Z',
    },
  ]);
  expect(record!.customers.map((c) => [c.customerId, c.noticeStatus, c.notifiedVia])).toEqual([
    ['auth-fr', 'notified', 'email'],
    ['auth-nl', 'notified', 'email'],
  ]);
});

test('once every customer has given its view, the disclosure may be recorded before the deadline; an objection must be weighed first', async () => {
  const workflowId = h.endsWithWorker(workflowIds.authority('AUTH-VIEWS'));
  await h.withWorker('authority-views', async () => {
    const handle = await h.plainClient.workflow.start(authorityRequest, {
      workflowId,
      taskQueue: 'authority-views',
      args: [request('AUTH-VIEWS', { requestKind: 'disclosure-intent', receivedAt: await h.serverNow() })],
    });
    await h.waitForMailOf(workflowId, 3);
    const now = await h.serverNow();
    await handle.signal(authorityCustomerRespondedSignal, {
      customerId: 'auth-nl',
      view: 'Agreed.',
      objectsToDisclosure: false,
      receivedAt: now,
      webhookId: 'v-1',
    });
    await handle.signal(authorityCustomerRespondedSignal, {
      customerId: 'auth-fr',
      view: 'Nous nous y opposons.',
      objectsToDisclosure: true,
      receivedAt: now,
      webhookId: 'v-2',
    });
    // A response naming a customer the request does not concern is counted, not applied.
    await handle.signal(authorityCustomerRespondedSignal, {
      customerId: 'someone-else',
      view: 'x',
      objectsToDisclosure: true,
      receivedAt: now,
      webhookId: 'v-3',
    });
    const [objection] = (await h.waitForMailOf(workflowId, 4)).slice(3);
    expect(objection!.envelope.to).toEqual([privacyTeam]);
    expect(objection!.subject).toContain('A customer objects to an intended disclosure');

    const disclosure = { scope: 'One invoice', manner: 'Registered letter' };
    expect(await h.refusal(handle.executeUpdate(recordDisclosureUpdate, { args: [disclosure] }))).toMatch(
      /auth-fr object.*objectionsConsidered/,
    );
    await handle.executeUpdate(recordDisclosureUpdate, {
      args: [{ ...disclosure, objectionsConsidered: true, note: 'Counsel: the order is binding.' }],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'disclosed', viewsDeadlinePassed: false, viewRemindersSent: 0, ignoredResponses: 1 });
    expect(result.outcome).toMatchObject({ objectionsConsidered: true });
    // Well before the five working days were up.
    expect(Date.parse(result.outcome!.at)).toBeLessThan(Date.parse(result.viewsDueAt!));
  });
  expect((await h.stepsOf(workflowId)).sort().filter((step) => step.startsWith('view-reminder'))).toEqual([]);
  // Both views are kept, each with its position; the two record activities run side by side, so in either order.
  const views = (await h.records.authority.get('AUTH-VIEWS'))!.views.map((v) => [v.customerId, v.objectsToDisclosure]);
  expect(views.sort()).toEqual([
    ['auth-fr', true],
    ['auth-nl', false],
  ]);
});

test('a customer the product never described is reported after the grace period, and the missed 2-working-day notice deadline alerts the privacy team', async () => {
  // Friday 9 April 2027, 16:00 CEST: two working days later is Tuesday 13 April, 16:00.
  const workflowId = workflowIds.authority('AUTH-GHOST');
  await withRequest(
    '2027-04-09T14:00:00.000Z',
    request('AUTH-GHOST', { requestKind: 'subpoena', receivedAt: '2027-04-09T14:00:00.000Z', customerIds: ['auth-nl', 'auth-ghost'] }),
    async (handle) => {
      await h.waitForMailOf(workflowId, 2);
      expect((await handle.query(authorityStatusQuery)).noticeDueAt).toBe('2027-04-13T14:00:00.000Z');

      await h.env.sleep('6 minutes');
      const [undeliverable] = (await h.waitForMailOf(workflowId, 3)).slice(2);
      expect(undeliverable!.envelope.to).toEqual([privacyTeam]);
      expect(undeliverable!.subject).toContain('notice could not be delivered');
      expect(undeliverable!.text).toContain('auth-ghost');
      expect(await searchAttributesOf(handle)).toMatchObject({ DpaNextDeadline: [new Date('2027-04-13T14:00:00.000Z')] });

      // Monday 12 April, one working day in, the privacy team was named the customer still not told.
      await h.skipTo('2027-04-13T13:59:00.000Z');
      await settle();
      expect((await h.mailOf(workflowId)).map((mail) => mail.headers['x-dpa-step'])).toContain('notice-deadline-approaching');
      expect(await h.mailOf(workflowId)).toHaveLength(4);
      expect((await handle.query(authorityStatusQuery)).noticeDeadline).toBeUndefined();

      await h.skipTo('2027-04-13T14:00:30.000Z');
      const [missed] = (await h.waitForMailOf(workflowId, 5)).slice(4);
      expect(missed!.subject).toContain('notice deadline missed');
      expect(missed!.text).toContain('auth-ghost');
      expect(missed!.text).not.toContain('auth-nl');
      expect((await handle.query(authorityStatusQuery)).noticeDeadline).toBe('missed');

      // The privacy team phones the customer and records it; then the subpoena is answered.
      expect(
        await h.refusal(handle.executeUpdate(recordCustomerNotifiedUpdate, { args: [{ customerId: 'nobody', channel: 'telephone' }] })),
      ).toMatch(/not concerned/);
      await handle.executeUpdate(recordCustomerNotifiedUpdate, { args: [{ customerId: 'auth-ghost', channel: 'telephone to its DPO' }] });
      await handle.executeUpdate(recordAnswerUpdate, {
        args: [{ summary: 'Confirmed that no account matches the subpoena.', disclosesPersonalData: false }],
      });
      expect(await handle.result()).toMatchObject({ status: 'answered', closed: true });
    },
  );
  const record = await h.records.authority.get('AUTH-GHOST');
  expect(record).toMatchObject({
    status: 'answered',
    answerSummary: 'Confirmed that no account matches the subpoena.',
    answerDisclosesPersonalData: false,
  });
  expect(record!.customers.find((c) => c.customerId === 'auth-ghost')).toMatchObject({
    noticeStatus: 'notified',
    notifiedVia: 'operator: telephone to its DPO',
  });
  expect((await h.stepsOf(workflowId)).sort()).toEqual([
    'notice-auth-nl -> a@auth-nl.test',
    'notice-auth-nl -> b@auth-nl.test',
    `notice-deadline-approaching -> ${privacyTeam}`,
    `notice-deadline-missed -> ${privacyTeam}`,
    `notice-undeliverable -> ${privacyTeam}`,
    'outcome-auth-nl -> a@auth-nl.test',
    'outcome-auth-nl -> b@auth-nl.test',
  ]);
});

test('a prohibition to tell the customers stops every customer email, is reviewed after 30 days, and once lifted the customers are told', async () => {
  const workflowId = h.endsWithWorker(workflowIds.authority('AUTH-GAG'));
  await h.withWorker('authority-gag', async () => {
    const receivedAt = await h.serverNow();
    const handle = await h.plainClient.workflow.start(authorityRequest, {
      workflowId,
      taskQueue: 'authority-gag',
      args: [request('AUTH-GAG', { receivedAt, customerIds: ['auth-nl', 'auth-en'], disclosureProhibited: true })],
    });
    const [prohibited] = await h.waitForMailOf(workflowId, 1);
    expect(prohibited!.envelope.to).toEqual([privacyTeam]);
    expect(prohibited!.subject).toContain('under a prohibition to tell the customers');
    expect(await searchAttributesOf(handle)).toMatchObject({ DpaStatus: ['prohibition-basis-missing'] });

    expect(
      await h.refusal(handle.executeUpdate(recordCustomerNotifiedUpdate, { args: [{ customerId: 'auth-nl', channel: 'telephone' }] })),
    ).toMatch(/forbids telling/);
    const basis = 'Art. 46quater §2 Sv.: order of the investigating judge of 9 April 2027';
    expect(await handle.executeUpdate(recordProhibitionBasisUpdate, { args: [{ basis }] })).toMatchObject({ basis });
    // The law forbids telling, not answering: the answer may be recorded, and the case stays open; 7.1's
    // discussion with the customers cannot be had while they may not be told.
    await handle.executeUpdate(recordAnswerUpdate, { args: [{ ...producedAsOrdered }] });
    expect(await handle.query(authorityStatusQuery)).toMatchObject({ status: 'prohibited', closed: false });

    await h.env.sleep('30 days');
    const [review] = (await h.waitForMailOf(workflowId, 2)).slice(1);
    expect(review!.headers['x-dpa-step']).toBe('prohibition-review-1');
    expect(review!.text).toContain('Art. 46quater');
    await settle();
    expect((await h.mailOf(workflowId)).every((mail) => mail.envelope.to[0] === privacyTeam)).toBe(true);

    expect(await h.refusal(handle.executeUpdate(liftProhibitionUpdate, { args: [{ reason: ' ' }] }))).toMatch(/reason/);
    const lifted = await handle.executeUpdate(liftProhibitionUpdate, { args: [{ reason: 'The investigating judge lifted the order.' }] });
    expect(lifted.liftedAt).toBeDefined();
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'answered', closed: true, noticeDeadline: 'met' });
  });
  const mails = await h.mailOf(workflowId);
  const toCustomers = mails.filter((mail) => mail.envelope.to[0] !== privacyTeam);
  expect(toCustomers.map((mail) => `${mail.headers['x-dpa-step']} -> ${mail.envelope.to[0]}`).sort()).toEqual([
    'notice-auth-en -> dpo@auth-en.test',
    'notice-auth-nl -> a@auth-nl.test',
    'notice-auth-nl -> b@auth-nl.test',
    'outcome-auth-en -> dpo@auth-en.test',
    'outcome-auth-nl -> a@auth-nl.test',
    'outcome-auth-nl -> b@auth-nl.test',
  ]);
  const englishNotice = toCustomers.find((mail) => mail.headers['x-dpa-step'] === 'notice-auth-en')!;
  expect(englishNotice.text).toContain('We were not allowed to tell you earlier');
  expect(toCustomers.find((mail) => mail.headers['x-dpa-step'] === 'notice-auth-nl')!.text).toContain(
    'Wij mochten u hierover niet eerder inlichten',
  );
  const record = await h.records.authority.get('AUTH-GAG');
  expect(record).toMatchObject({
    disclosureProhibited: true,
    prohibitionBasis: 'Art. 46quater §2 Sv.: order of the investigating judge of 9 April 2027',
    prohibitionLiftReason: 'The investigating judge lifted the order.',
    status: 'answered',
  });
  expect(record!.customers.every((c) => c.noticeStatus === 'notified')).toBe(true);
  // 8.1: the notice deadline counts from the lifting, not from the receipt 30 days earlier.
  expect(Date.parse(record!.noticeDueAt!)).toBeGreaterThan(Date.parse(record!.prohibitionLiftedAt!));
});

// ---------------------------------------------------------------------------------------------
// Nothing lost: an alert the privacy team's address refuses never ends the case

test('the privacy team’s address refuses every alert of a prohibited request: the case goes on to its answer and the customers, the refusals are shown and retried, and delivered once the address takes them', async () => {
  const workflowId = h.endsWithWorker(workflowIds.authority('AUTH-TEAM-DOWN'));
  h.refused.add(privacyTeam);
  try {
    await h.withWorker('authority-team-down', async () => {
      const receivedAt = await h.serverNow();
      const handle = await h.plainClient.workflow.start(authorityRequest, {
        workflowId,
        taskQueue: 'authority-team-down',
        args: [request('AUTH-TEAM-DOWN', { receivedAt, customerIds: ['auth-en'], disclosureProhibited: true })],
      });

      // Refused: shown on the case, which stays prohibited and open.
      await h.waitFor(async () => (await handle.query(authorityStatusQuery)).undeliveredAlerts?.length === 1, {
        what: 'the refusal shown',
      });
      const shown = await handle.query(authorityStatusQuery);
      expect(shown).toMatchObject({ status: 'prohibition-basis-missing', closed: false });
      expect(shown.undeliveredAlerts).toEqual([
        {
          step: 'prohibition-recorded',
          since: expect.any(String),
          attempts: 1,
          problem: expect.stringMatching(/refused/),
          nextAttemptAt: expect.any(String),
        },
      ]);
      expect(shown.undeliveredAlerts[0]!.problem).not.toContain('@');
      expect(await searchAttributesOf(handle)).toMatchObject({ DpaUndeliveredAlerts: [1], DpaStatus: ['prohibition-basis-missing'] });
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('`prohibition-recorded`');

      // The next messages still work: the basis, the answer, the lifting; the customer is told and gets the outcome.
      await handle.executeUpdate(recordProhibitionBasisUpdate, { args: [{ basis: 'Order of the investigating judge' }] });
      await handle.executeUpdate(recordAnswerUpdate, { args: [{ ...producedAsOrdered }] });
      await handle.executeUpdate(liftProhibitionUpdate, { args: [{ reason: 'The order was lifted.' }] });
      await h.waitFor(async () => (await h.stepsOf(workflowId)).includes('outcome-auth-en -> dpo@auth-en.test'), {
        what: 'the customer told and answered',
      });
      await h.waitFor(async () => (await handle.query(authorityStatusQuery)).closed, { what: 'the case closed' });
      expect((await handle.query(authorityStatusQuery)).status).toBe('answered');
      expect((await h.records.authority.get('AUTH-TEAM-DOWN'))!.status).toBe('answered');
      // Closed, and still running only to deliver the alert.
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // Retried under the same step after 15 minutes: one evidence row, two attempts.
      await h.env.sleep(alertRetry.firstMs + 60_000);
      await h.waitFor(async () => (await handle.query(authorityStatusQuery)).undeliveredAlerts[0]?.attempts === 2, {
        what: 'the second attempt',
      });
      const rows = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.recipient === privacyTeam);
      expect(rows).toEqual([expect.objectContaining({ step: 'prohibition-recorded', status: 'failed', attempts: 2 })]);

      // The address takes mail again: the next try delivers the alert, and the workflow ends.
      h.refused.delete(privacyTeam);
      await h.env.sleep(2 * alertRetry.firstMs + 60_000);
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the workflow completed' });
      const final = await handle.query(authorityStatusQuery);
      expect(final).toMatchObject({ status: 'answered', closed: true, undeliveredAlerts: [] });
      expect(await searchAttributesOf(handle)).toMatchObject({ DpaUndeliveredAlerts: [0] });
    });
  } finally {
    h.refused.delete(privacyTeam);
  }
  const rows = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.recipient === privacyTeam);
  expect(rows).toEqual([expect.objectContaining({ step: 'prohibition-recorded', status: 'sent', attempts: 3 })]);
  expect(
    (await h.mailOf(workflowId)).filter((mail) => mail.envelope.to[0] === privacyTeam).map((mail) => mail.headers['x-dpa-step']),
  ).toEqual(['prohibition-recorded']);
});

// ---------------------------------------------------------------------------------------------
// 7.1: "voor enige bekendmaking": every answer that discloses personal data waits for the customers

test('7.1: an information request answered with personal data waits for every view or the 5-working-day deadline; its customers are asked in the notice, not reminded', async () => {
  // Thursday 3 June 2027, 10:00 CEST: the views are due five working days later, Thursday 10 June.
  const workflowId = workflowIds.authority('AUTH-ANSWER-DATA');
  await withRequest(
    '2027-06-03T08:00:00.000Z',
    request('AUTH-ANSWER-DATA', { requestKind: 'information', receivedAt: '2027-06-03T08:00:00.000Z' }),
    async (handle) => {
      const notices = await h.waitForMailOf(workflowId, 3);
      const nl = notices.find((mail) => mail.envelope.to[0] === 'a@auth-nl.test')!;
      expect(nl.text).toContain('ten vroegste op donderdag 10 juni 2027 om 10:00 CEST (UTC+2)');
      await h.waitFor(async () => (await handle.query(authorityStatusQuery)).status === 'awaiting-answer', { what: 'the notices applied' });
      expect(await handle.query(authorityStatusQuery)).toMatchObject({ viewsDueAt: '2027-06-10T08:00:00.000Z' });

      const answer = {
        summary: 'Produced the holder name of one account.',
        disclosesPersonalData: true,
        scope: 'Holder name of one account',
        manner: 'Registered letter to the investigating officer',
      };
      expect(await h.refusal(handle.executeUpdate(recordAnswerUpdate, { args: [answer] }))).toMatch(/7\.1: the view of 2 customer\(s\)/);
      await handle.signal(authorityCustomerRespondedSignal, {
        customerId: 'auth-nl',
        view: 'Only the holder name.',
        objectsToDisclosure: false,
        receivedAt: '2027-06-04T08:00:00.000Z',
        webhookId: 'answer-data-view-nl',
      });
      await h.waitFor(async () => (await handle.query(authorityStatusQuery)).customers['auth-nl']!.view !== undefined, {
        what: 'the view applied',
      });
      expect(await h.refusal(handle.executeUpdate(recordAnswerUpdate, { args: [answer] }))).toMatch(/1 customer\(s\).*auth-fr/);

      // A minute before the deadline: still refused, and the silent customer was not reminded.
      await h.skipTo('2027-06-10T07:59:00.000Z');
      await settle();
      expect(await h.mailOf(workflowId)).toHaveLength(3);
      expect(await h.refusal(handle.executeUpdate(recordAnswerUpdate, { args: [answer] }))).toMatch(
        /still awaited \(auth-fr\) until 2027-06-10T08:00/,
      );

      await h.skipTo('2027-06-10T08:00:30.000Z');
      const [alert] = (await h.waitForMailOf(workflowId, 4)).slice(3);
      expect(alert!.envelope.to).toEqual([privacyTeam]);
      expect(alert!.text).toContain('auth-fr');
      const outcome = await handle.executeUpdate(recordAnswerUpdate, { args: [answer] });
      expect(outcome).toMatchObject({ kind: 'answered', disclosesPersonalData: true, scope: 'Holder name of one account' });
      expect(await handle.result()).toMatchObject({ status: 'answered', closed: true, viewsDeadlinePassed: true, viewRemindersSent: 0 });
    },
  );
  expect((await h.stepsOf(workflowId)).sort()).toEqual([
    'notice-auth-fr -> dpo@auth-fr.test',
    'notice-auth-nl -> a@auth-nl.test',
    'notice-auth-nl -> b@auth-nl.test',
    'outcome-auth-fr -> dpo@auth-fr.test',
    'outcome-auth-nl -> a@auth-nl.test',
    'outcome-auth-nl -> b@auth-nl.test',
    `views-deadline-passed -> ${privacyTeam}`,
  ]);
  const outcomeFr = (await h.mailOf(workflowId)).find((mail) => mail.headers['x-dpa-step'] === 'outcome-auth-fr')!;
  expect(outcomeFr.text).toContain('Notre réponse contenait des données à caractère personnel');
  expect(outcomeFr.text).toContain('Holder name of one account');
  expect(await h.records.authority.get('AUTH-ANSWER-DATA')).toMatchObject({
    status: 'answered',
    answerDisclosesPersonalData: true,
    disclosureScope: 'Holder name of one account',
    disclosureManner: 'Registered letter to the investigating officer',
  });
});

test('7.1: an answer that discloses no personal data may be recorded at once, and says so to every customer told', async () => {
  const workflowId = h.endsWithWorker(workflowIds.authority('AUTH-ANSWER-NONE'));
  await h.withWorker('authority-answer-none', async () => {
    const handle = await h.plainClient.workflow.start(authorityRequest, {
      workflowId,
      taskQueue: 'authority-answer-none',
      args: [
        request('AUTH-ANSWER-NONE', { requestKind: 'inspection', receivedAt: await h.serverNow(), customerIds: ['auth-nl', 'auth-en'] }),
      ],
    });
    await h.waitForMailOf(workflowId, 3);
    await h.waitFor(async () => (await handle.query(authorityStatusQuery)).status === 'awaiting-answer', { what: 'the notices applied' });
    expect(await h.refusal(handle.executeUpdate(recordAnswerUpdate, { args: [{ summary: 'Inspection held.' } as never] }))).toMatch(
      /disclosesPersonalData must be true or false/,
    );
    await handle.executeUpdate(recordAnswerUpdate, {
      args: [{ summary: 'The inspectors examined our security documentation only.', disclosesPersonalData: false }],
    });
    expect(await handle.result()).toMatchObject({ status: 'answered', outcome: { disclosesPersonalData: false } });
  });
  const outcomes = (await h.mailOf(workflowId)).filter((mail) => mail.headers['x-dpa-step']?.startsWith('outcome-'));
  expect(outcomes).toHaveLength(3);
  const byRecipient = new Map(outcomes.map((mail) => [mail.envelope.to[0], mail.text]));
  expect(byRecipient.get('dpo@auth-en.test')).toContain('Our answer disclosed no personal data that we process on your behalf.');
  expect(byRecipient.get('a@auth-nl.test')).toContain('Met ons antwoord hebben wij geen persoonsgegevens bekendgemaakt');
  expect(await h.records.authority.get('AUTH-ANSWER-NONE')).toMatchObject({ answerDisclosesPersonalData: false, disclosureScope: null });
});

// ---------------------------------------------------------------------------------------------
// Art. 28(3)(a): a prohibition to tell the customers needs its legal basis

test('a prohibition reported without its legal basis: the privacy team must record one within one working day, is reminded at that deadline and each working day after, and the case shows it', async () => {
  // Friday 18 June 2027, 16:00 CEST: one working day later is Monday 21 June, 16:00.
  const workflowId = workflowIds.authority('AUTH-NO-BASIS');
  await withRequest(
    '2027-06-18T14:00:00.000Z',
    request('AUTH-NO-BASIS', { receivedAt: '2027-06-18T13:00:00.000Z', customerIds: ['auth-nl'], disclosureProhibited: true }),
    async (handle) => {
      const [prohibited] = await h.waitForMailOf(workflowId, 1);
      expect(prohibited!.headers['x-dpa-step']).toBe('prohibition-recorded');
      expect(prohibited!.text).toContain('No legal basis was reported: record it with recordProhibitionBasis by 2027-06-21T14:00:00.000Z');
      expect(prohibited!.text).toContain('Monday, 21 June 2027 at 16:00 CEST');
      expect(await handle.query(authorityStatusQuery)).toMatchObject({
        status: 'prohibition-basis-missing',
        prohibition: { basisDueAt: '2027-06-21T14:00:00.000Z', basisReminders: 0 },
      });
      expect(await searchAttributesOf(handle)).toMatchObject({
        DpaStatus: ['prohibition-basis-missing'],
        DpaNextDeadline: [new Date('2027-06-21T14:00:00.000Z')],
      });
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('**legal basis not recorded** (due at 2027-06-21T14:00:00.000Z)');

      // At the deadline, then the next working day at the same time.
      const first = await nextEmailAt(workflowId, '2027-06-21T14:00:00.000Z', 1);
      expect(first!.envelope.to).toEqual([privacyTeam]);
      expect(first!.headers['x-dpa-step']).toBe('prohibition-basis-missing-1');
      expect(first!.subject).toContain('Legal basis of a prohibition to tell the customers not recorded');
      expect(first!.text).toContain('recordProhibitionBasis');
      await h.waitFor(async () => (await nextDeadlineOf(handle)) === '2027-06-22T14:00:00.000Z', {
        what: 'the next reminder shown',
      });
      const second = await nextEmailAt(workflowId, '2027-06-22T14:00:00.000Z', 2);
      expect(second!.headers['x-dpa-step']).toBe('prohibition-basis-missing-2');

      const basis = 'Art. 46quater §2 Sv.: order of the investigating judge of 17 June 2027';
      expect(await handle.executeUpdate(recordProhibitionBasisUpdate, { args: [{ basis }] })).toMatchObject({ basis, basisReminders: 2 });
      const status = await handle.query(authorityStatusQuery);
      expect(status.status).toBe('prohibited');
      await h.waitFor(
        async () =>
          (await nextDeadlineOf(handle)) === status.prohibition!.nextReviewAt &&
          (await searchAttributesOf(handle)).DpaStatus?.[0] === 'prohibited',
        { what: 'the review shown as the next deadline' },
      );
      // No more reminders once the basis is in.
      await h.skipTo('2027-06-24T15:00:00.000Z');
      await settle();
      expect(await h.mailOf(workflowId)).toHaveLength(3);
    },
  );
  expect(await h.records.authority.get('AUTH-NO-BASIS')).toMatchObject({
    prohibitionBasis: 'Art. 46quater §2 Sv.: order of the investigating judge of 17 June 2027',
    prohibitionBasisDueAt: '2027-06-21T14:00:00.000Z',
  });
});

test('a prohibition reported with its legal basis is recorded with it, and nobody is reminded to record one', async () => {
  const workflowId = h.endsWithWorker(workflowIds.authority('AUTH-BASIS'));
  const basis = 'Art. 46bis §2 Sv.: order of the public prosecutor of 23 June 2027';
  await h.withWorker('authority-basis', async () => {
    const handle = await h.plainClient.workflow.start(authorityRequest, {
      workflowId,
      taskQueue: 'authority-basis',
      args: [
        request('AUTH-BASIS', {
          receivedAt: await h.serverNow(),
          customerIds: ['auth-nl'],
          disclosureProhibited: true,
          prohibitionBasis: basis,
        }),
      ],
    });
    const [prohibited] = await h.waitForMailOf(workflowId, 1);
    expect(prohibited!.text).toContain(`Legal basis as reported: ${basis}`);
    const status = await handle.query(authorityStatusQuery);
    expect(status).toMatchObject({ status: 'prohibited', prohibition: { basis } });
    expect(status.prohibition!.basisDueAt).toBeUndefined();
    expect(await searchAttributesOf(handle)).toMatchObject({ DpaStatus: ['prohibited'] });

    await h.env.sleep('3 days');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(1);
  });
  const record = await h.records.authority.get('AUTH-BASIS');
  expect(record).toMatchObject({ disclosureProhibited: true, prohibitionBasis: basis, prohibitionBasisDueAt: null });
  expect(record!.prohibitionBasisRecordedAt).not.toBeNull();
});

// ---------------------------------------------------------------------------------------------
// 8.1: "binnen een redelijke termijn": the privacy team hears of a customer not told while there is time

test('8.1: a customer still not told one working day into the 2-working-day notice window is named to the privacy team before the deadline; one told by then is not', async () => {
  // Friday 2 July 2027, 16:00 CEST: one working day later is Monday 5 July, the deadline Tuesday 6 July.
  const workflowId = workflowIds.authority('AUTH-TOLD-IN-TIME');
  await withRequest(
    '2027-07-02T14:00:00.000Z',
    request('AUTH-TOLD-IN-TIME', {
      requestKind: 'subpoena',
      receivedAt: '2027-07-02T14:00:00.000Z',
      customerIds: ['auth-nl', 'auth-ghost', 'auth-phoned'],
    }),
    async (handle) => {
      await h.waitForMailOf(workflowId, 2);
      await h.env.sleep('6 minutes');
      const [undeliverable] = (await h.waitForMailOf(workflowId, 3)).slice(2);
      expect(undeliverable!.headers['x-dpa-step']).toBe('notice-undeliverable');
      // The privacy team reaches one of the two by telephone.
      await handle.executeUpdate(recordCustomerNotifiedUpdate, { args: [{ customerId: 'auth-phoned', channel: 'telephone to its DPO' }] });
      expect(await handle.query(authorityStatusQuery)).toMatchObject({
        noticeWarningAt: '2027-07-05T14:00:00.000Z',
        noticeDueAt: '2027-07-06T14:00:00.000Z',
      });

      const warning = await nextEmailAt(workflowId, '2027-07-05T14:00:00.000Z', 3);
      expect(warning!.envelope.to).toEqual([privacyTeam]);
      expect(warning!.headers['x-dpa-step']).toBe('notice-deadline-approaching');
      expect(warning!.subject).toContain('notice deadline approaching');
      expect(warning!.text).toContain('auth-ghost');
      expect(warning!.text).not.toContain('auth-phoned');
      expect(warning!.text).not.toContain('auth-nl');
      expect(warning!.text).toContain('Tuesday, 6 July 2027 at 16:00 CEST');
      expect(warning!.text).toContain('recordCustomerNotified');
      expect((await handle.query(authorityStatusQuery)).noticeDeadline).toBeUndefined();

      // The alert at the deadline itself still comes.
      await h.skipTo('2027-07-06T14:00:30.000Z');
      const [missed] = (await h.waitForMailOf(workflowId, 5)).slice(4);
      expect(missed!.headers['x-dpa-step']).toBe('notice-deadline-missed');
      expect(missed!.text).toContain('auth-ghost');
    },
  );
});

/**
 * The case's next email comes at `at` and not before: a minute before it, the case has sent `sent`
 * emails; half a minute after it, the next one is there, and is given back.
 */
async function nextEmailAt(workflowId: string, at: string, sent: number): Promise<CaughtMail> {
  await h.skipTo(new Date(Date.parse(at) - 60_000).toISOString());
  await settle();
  expect(await h.mailOf(workflowId)).toHaveLength(sent);
  await h.skipTo(new Date(Date.parse(at) + 30_000).toISOString());
  return (await h.waitForMailOf(workflowId, sent + 1))[sent]!;
}

/**
 * Runs `scenario` with a worker, the server's clock moved to `at` and `authority-<requestId>` started
 * from `input`; a case the scenario leaves running is ended with the worker.
 */
async function withRequest(
  at: string,
  input: AuthorityRequestInput,
  scenario: (handle: WorkflowHandle<typeof authorityRequest>) => Promise<void>,
) {
  await h.skipTo(at);
  const workflowId = h.endsWithWorker(workflowIds.authority(input.requestId));
  const taskQueue = `authority-${input.requestId}`;
  await h.withWorker(taskQueue, async () => {
    await scenario(await h.plainClient.workflow.start(authorityRequest, { workflowId, taskQueue, args: [input] }));
  });
}
