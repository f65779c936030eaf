import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import {
  addCustomersUpdate,
  assessBreachUpdate,
  breachAcknowledgedSignal,
  breachClosedSignal,
  breachReportedSignal,
  breachStatusQuery,
  breachTimelineQuery,
  breachUpdatedSignal,
  recordAcknowledgementUpdate,
  noticeStatusQuery,
  recordMeasureUpdate,
  type BreachIncidentInput,
  type BreachUpdateSignal,
} from '../../domain/breach';
import { searchAttributes } from '../../domain/search-attributes';
import { workflowIds } from '../../domain/ids';
import { breachIncident } from '../../workflows';
import { waitForMessages } from '../support/mail';
import { emailAddressesIn, historyText, testPrivacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { decryptedHistory, failureMessage } from '../support/payload-keys';

const h = useWorkflowHarness();

const HOUR = 3_600_000;

type Incident = WorkflowHandleWithFirstExecutionRunId<typeof breachIncident>;

/** The test server's clock starts at the real now: the breach became known an hour before. */
function incident(incidentId: string, affectedCustomerIds: string[]): BreachIncidentInput {
  return {
    incidentId,
    awareAt: new Date(Date.now() - HOUR).toISOString(),
    detectedAt: new Date(Date.now() - 3_000_000).toISOString(),
    summary: 'Backup tapes were lost in transit.',
    dataCategories: ['names', 'email addresses'],
    subjectsApprox: 300,
    measures: ['The courier was contacted'],
    affectedCustomerIds,
  };
}

/** Starts the incident on a worker of its own task queue and runs `scenario` on it while the worker runs. */
async function withIncident(input: BreachIncidentInput, scenario: (handle: Incident) => Promise<void>): Promise<void> {
  const taskQueue = `breach-${input.incidentId}`;
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach(input.incidentId),
      taskQueue,
      args: [input],
    });
    await scenario(handle);
  });
}

/** Asks the incident to close, as the product's breach.closed does. */
function askToClose(handle: Incident, finalReport = 'Closed.'): Promise<void> {
  return handle.signal(breachClosedSignal, { finalReport, closedAt: new Date().toISOString() });
}

/** Closes the incident and gives its result. */
async function closeIncident(handle: Incident, finalReport?: string) {
  await askToClose(handle, finalReport);
  return handle.result();
}

/** A customer's acknowledgement, as the product's breach.acknowledged brings it. */
function acknowledge(handle: Incident, customerId: string, at = new Date().toISOString()): Promise<void> {
  return handle.signal(breachAcknowledgedSignal, { customerId, at, via: 'webhook' });
}

/** An update with no new measure, as the product's breach.updated brings it. */
function sendUpdate(handle: Incident, key: string, update: string, at = new Date().toISOString()): Promise<void> {
  return handle.signal(breachUpdatedSignal, { update, measures: [], at, key });
}

/** Waits (in real time) until the workflows whose id starts with `prefix` have sent `count` emails; gives them back. */
function waitForSent(prefix: string, count: number, timeoutMs?: number): Promise<Array<[string, string]>> {
  return h.waitFor(
    async () => {
      const sent = await h.sentBy(prefix);
      return sent.length === count && sent;
    },
    { what: `${count} emails sent by ${prefix}`, timeoutMs },
  );
}

/** The steps of the emails the workflows whose id starts with `prefix` sent, in the order they were accepted. */
async function stepsSentBy(prefix: string): Promise<string[]> {
  return (await h.sentBy(prefix)).map(([, step]) => step);
}

/** Waits (in real time) until a workflow whose id starts with `prefix` has sent an email of `step`. */
async function waitForStep(prefix: string, step: string): Promise<void> {
  await h.waitFor(async () => (await stepsSentBy(prefix)).includes(step), { what: `${step} sent by ${prefix}` });
}

/** Waits (in real time) until the incident counts `count` customers notified. */
async function waitForNotified(handle: Incident, count: number): Promise<void> {
  await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === count, { what: `${count} customers notified` });
}

test('every affected customer is notified in its own language, and the register records when', async () => {
  await h.customer('c-nl', { name: 'Klant NL', language: 'nl', emails: ['a@nl.test', 'b@nl.test'], contract: { breachNoticeHours: 24 } });
  await h.customer('c-fr', { name: 'Client FR', language: 'fr', emails: ['a@fr.test'], timeZone: 'Europe/Paris' });
  await withIncident(incident('INC-1', ['c-nl', 'c-fr']), async (handle) => {
    const messages = (await waitForMessages(h.catcher, 3)).filter((m) => m.headers['x-dpa-step'] === 'initial-notice');
    const byRecipient = new Map(messages.map((m) => [m.envelope.to[0], m]));
    expect(byRecipient.get('a@nl.test')!.subject).toContain('[Datalek]');
    expect(byRecipient.get('b@nl.test')!.subject).toContain('INC-1');
    expect(byRecipient.get('a@fr.test')!.subject).toContain('[Violation de données]');
    const result = await closeIncident(handle, 'Tapes found sealed.');
    expect(result.status).toBe('closed');
    expect(result).toMatchObject({ customers: 2, notified: 2, pending: 0, undeliverable: {} });
  });

  const entry = await h.records.breaches.get('INC-1');
  expect(entry?.status).toBe('closed');
  const nl = entry!.notifications.find((n) => n.customerId === 'c-nl')!;
  expect(nl.status).toBe('notified');
  // 8.1: the contract's 24 hours run from the moment the processor became aware.
  expect(Date.parse(nl.contractualDeadlineAt!) - Date.parse(entry!.awareAt)).toBe(24 * HOUR);
  expect(Date.parse(nl.controllerDeadlineAt!) - Date.parse(nl.notifiedAt!)).toBe(72 * HOUR);
  const evidence = await h.records.emails.list({ workflowIdPrefix: 'breach-INC-1~' });
  expect(evidence.map((e) => [e.step, e.recipient, e.status]).sort()).toEqual([
    ['final-report', 'a@fr.test', 'sent'],
    ['final-report', 'a@nl.test', 'sent'],
    ['final-report', 'b@nl.test', 'sent'],
    ['initial-notice', 'a@fr.test', 'sent'],
    ['initial-notice', 'a@nl.test', 'sent'],
    ['initial-notice', 'b@nl.test', 'sent'],
  ]);
  const finalReports = (await h.catcher.messages()).filter(
    (m) => m.headers['x-dpa-step'] === 'final-report' && m.subject.includes('INC-1'),
  );
  expect(finalReports.map((m) => m.envelope.to[0]).sort()).toEqual(['a@fr.test', 'a@nl.test', 'b@nl.test']);
  expect(finalReports.find((m) => m.envelope.to[0] === 'a@fr.test')!.text).toContain('Tapes found sealed.');
});

test('a customer the product never described is waited for five minutes, then the privacy team is told', async () => {
  const before = (await h.catcher.messages()).length;
  await withIncident(incident('INC-2', ['never-described']), async (handle) => {
    const startedAt = Date.now();
    const skippedFrom = await h.env.currentTimeMs();
    const result = await closeIncident(handle, 'n/a');
    expect(result.undeliverable['never-described']).toMatch(/has not described this customer/);
    // The grace period ran on the server's clock, not the test's.
    expect((await h.env.currentTimeMs()) - skippedFrom).toBeGreaterThanOrEqual(5 * 60 * 1000);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });
  const alerts = (await h.catcher.messages()).slice(before);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.envelope.to).toEqual(['privacy-team@processor.test']);
  expect(alerts[0]!.text).toContain('never-described');
  const entry = await h.records.breaches.get('INC-2');
  expect(entry!.notifications[0]).toMatchObject({ customerId: 'never-described', status: 'undeliverable' });
});

test('a customer described a little after the breach report is still notified, without any alert', async () => {
  const before = (await h.catcher.messages()).length;
  await withIncident(incident('INC-3', ['late-customer']), async (handle) => {
    await h.env.sleep('30 seconds');
    await h.customer('late-customer', { name: 'Late Ltd', emails: ['dpo@late.test'], timeZone: 'Europe/London' });
    const [message] = (await waitForMessages(h.catcher, before + 1)).slice(before);
    expect(message!.envelope.to).toEqual(['dpo@late.test']);
    expect(message!.subject).toContain('[Data breach]');
    expect(await closeIncident(handle, 'Resolved.')).toMatchObject({ notified: 1, pending: 0 });
  });
  const sent = (await h.catcher.messages()).slice(before);
  expect(sent.map((m) => [m.envelope.to[0], m.headers['x-dpa-step']])).toEqual([
    ['dpo@late.test', 'initial-notice'],
    ['dpo@late.test', 'final-report'],
  ]);
});

test('when every contact refuses the notice, the register says so and the privacy team is told at once', async () => {
  h.refused.add('gone@refusing.test');
  await h.customer('refusing', { name: 'Refusing BV', language: 'nl', emails: ['gone@refusing.test'] });
  const before = (await h.catcher.messages()).length;
  await withIncident(incident('INC-4', ['refusing']), async (handle) => {
    expect((await closeIncident(handle, 'n/a')).undeliverable['refusing']).toMatch(/no contact accepted/);
  });
  const delivered = (await h.catcher.messages()).slice(before);
  // No final report either: nobody at this customer can receive it.
  expect(delivered.map((m) => m.envelope.to[0])).toEqual(['privacy-team@processor.test']);
  const entry = await h.records.breaches.get('INC-4');
  expect(entry!.notifications[0]!.status).toBe('undeliverable');
  expect(entry!.notifications[0]!.problem).toMatch(/550 5\.1\.1 <address>: mailbox unavailable/);
  const evidence = await h.records.emails.list({ workflowIdPrefix: 'breach-INC-4~refusing' });
  expect(evidence.map((e) => [e.step, e.recipient, e.status])).toEqual([
    ['initial-notice', 'gone@refusing.test', 'failed'],
    ['notice-undeliverable', 'privacy-team@processor.test', 'sent'],
  ]);
  // The mail server's answer quoted the address: the evidence log keeps it whole, the history has none.
  expect(evidence[0]!.error).toContain('<gone@refusing.test>');
  expect(emailAddressesIn(await historyText(h.env, workflowIds.breachNotice('INC-4', 'refusing')))).toEqual([]);
});

test('customer ids named like object properties ("constructor", "toString", "__proto__") are customers like any other', async () => {
  // The id rule ([A-Za-z0-9._-]{1,64}) lets a product name its customers so.
  await h.customer('constructor');
  await h.customer('toString');
  await withIncident(incident('PROTO-1', ['constructor', 'toString', '__proto__']), async (handle) => {
    await waitForSent('breach-PROTO-1~', 2);
    await acknowledge(handle, 'constructor');
    // '__proto__' is never described: its notice is undeliverable after the grace.
    await h.env.sleep('6 minutes');
    await h.waitFor(async () => Object.hasOwn((await handle.query(breachStatusQuery)).undeliverable, '__proto__'), {
      what: 'the undescribed customer undeliverable',
    });
    await h.waitFor(async () => Object.hasOwn((await handle.query(breachStatusQuery)).acknowledged, 'constructor'), {
      what: 'the acknowledgement of "constructor"',
    });
    expect(Object.hasOwn((await handle.query(breachStatusQuery)).acknowledged, 'toString')).toBe(false);
    // "toString" has not acknowledged: an operator may still record it.
    await handle.executeUpdate(recordAcknowledgementUpdate, { args: [{ customerId: 'toString', note: 'by phone' }] });
    const result = await closeIncident(handle);
    expect(result).toMatchObject({ customers: 3, notified: 2, pending: 0 });
    expect(Object.keys(result.undeliverable)).toEqual(['__proto__']);
    expect(Object.keys(result.acknowledged).sort()).toEqual(['constructor', 'toString']);
  });
  const entry = await h.records.breaches.get('PROTO-1');
  expect(entry!.notifications.map((n) => [n.customerId, n.status, n.acknowledgedAt !== null])).toEqual([
    ['__proto__', 'undeliverable', false],
    ['constructor', 'notified', true],
    ['toString', 'notified', true],
  ]);
  expect((await h.sentBy('breach-PROTO-1~')).filter(([, step]) => step === 'final-report').map(([to]) => to)).toEqual(
    expect.arrayContaining(['dpo@constructor.test', 'dpo@tostring.test']),
  );
});

describe('the acknowledgement clock', () => {
  test('without an acknowledgement, a reminder after 24 hours and the privacy team after 48, each at its time', async () => {
    await h.customer('ack-none', { language: 'fr' });
    await withIncident(incident('ACK-1', ['ack-none']), async (handle) => {
      await waitForSent('breach-ACK-1~', 1);
      const noticeAt = await h.env.currentTimeMs();

      await h.env.sleep(23.9 * HOUR);
      expect(await h.sentBy('breach-ACK-1~')).toEqual([['dpo@ack-none.test', 'initial-notice']]);
      await h.env.sleep(0.2 * HOUR);
      expect((await waitForSent('breach-ACK-1~', 2))[1]).toEqual(['dpo@ack-none.test', 'acknowledgement-reminder-1']);

      await h.env.sleep(23.7 * HOUR);
      expect(await h.sentBy('breach-ACK-1~')).toHaveLength(2);
      await h.env.sleep(0.2 * HOUR);
      expect((await waitForSent('breach-ACK-1~', 3))[2]).toEqual(['privacy-team@processor.test', 'acknowledgement-overdue']);
      expect((await h.env.currentTimeMs()) - noticeAt).toBeGreaterThanOrEqual(48 * HOUR);

      // Nothing more while the customer stays silent; the status-update reminders are the team's.
      await closeIncident(handle);
    });
    const customerMails = (await h.sentBy('breach-ACK-1~')).filter(([to]) => to === 'dpo@ack-none.test');
    expect(customerMails.map(([, step]) => step)).toEqual(['initial-notice', 'acknowledgement-reminder-1', 'final-report']);
  });

  test.each([
    ['before 24 hours stops the reminder and the escalation; it is in the register', 'ACK-2', 'ack-quick', 'two hours after the notice'],
    ["that overtakes the notice's outcome is kept until the outcome is known", 'ACK-3', 'ack-early', 'at once'],
  ] as const)('an acknowledgement %s', async (_rule, incidentId, customerId, arriving) => {
    await h.customer(customerId);
    await withIncident(incident(incidentId, [customerId]), async (handle) => {
      if (arriving === 'two hours after the notice') {
        await waitForSent(`breach-${incidentId}~`, 1);
        await h.env.sleep(2 * HOUR);
      }
      await acknowledge(handle, customerId);
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).acknowledged[customerId] !== undefined);
      await h.env.sleep(3 * 24 * HOUR);
      await closeIncident(handle);
    });
    expect(await stepsSentBy(`breach-${incidentId}~`)).toEqual(['initial-notice', 'final-report']);
    expect((await h.records.breaches.get(incidentId))!.notifications[0]!.acknowledgedAt).not.toBeNull();
  });

  test('no reminder fires after the incident closed', async () => {
    await h.customer('closed-early');
    await withIncident(incident('CLOSED-1', ['closed-early']), async (handle) => {
      await waitForSent('breach-CLOSED-1~', 1);
      await h.env.sleep(HOUR);
      await closeIncident(handle, 'False alarm.');
      await h.env.sleep(5 * 24 * HOUR);
    });
    expect(await h.sentBy('breach-CLOSED-1')).toEqual([
      ['dpo@closed-early.test', 'initial-notice'],
      ['dpo@closed-early.test', 'final-report'],
    ]);
  });
});

describe('information in phases (Art. 33(4))', () => {
  test('an update reaches every notified customer; 48 hours without news reminds the privacy team, counted from the last update', async () => {
    await h.customer('phase-a', { language: 'nl' });
    await h.customer('phase-b');
    await withIncident(incident('PHASE-1', ['phase-a', 'phase-b']), async (handle) => {
      await waitForSent('breach-PHASE-1~', 2);
      await acknowledge(handle, 'phase-a');
      await acknowledge(handle, 'phase-b');
      await h.env.sleep(40 * HOUR);
      const update: BreachUpdateSignal = {
        update: 'The cause was a misconfigured firewall rule.',
        measures: ['Rule corrected'],
        contained: true,
        at: await h.serverNow(),
        key: 'msg_update_1',
      };
      await handle.signal(breachUpdatedSignal, update);
      // The same update delivered twice is sent once.
      await handle.signal(breachUpdatedSignal, update);
      await waitForSent('breach-PHASE-1~', 4);

      // 48 hours after the update, not after the notices, the team is reminded.
      await h.env.sleep(47 * HOUR);
      expect((await h.sentBy('breach-PHASE-1')).filter(([to]) => to === 'privacy-team@processor.test')).toEqual([]);
      await h.env.sleep(2 * HOUR);
      await waitForStep('breach-PHASE-1', 'status-update-due-1');

      const status = await handle.query(breachStatusQuery);
      expect(status.contained).toBe(true);
      expect(status.measures).toContain('Rule corrected');
      await closeIncident(handle);
    });
    const updates = (await h.sentBy('breach-PHASE-1~')).filter(([, step]) => step === 'update-msg_update_1');
    expect(updates.map(([to]) => to).sort()).toEqual(['dpo@phase-a.test', 'dpo@phase-b.test']);
    const update = (await h.catcher.messages()).find(
      (m) => m.envelope.to[0] === 'dpo@phase-a.test' && m.headers['x-dpa-step'] === 'update-msg_update_1',
    );
    expect(update!.text).toContain('The cause was a misconfigured firewall rule.');
    const entry = await h.records.breaches.get('PHASE-1');
    expect(entry).toMatchObject({ contained: true, status: 'closed' });
    expect(entry!.measures).toContain('Rule corrected');
    expect(entry!.updates.map((u) => u.kind)).toEqual(['update', 'closed']);
  });
});

describe("the contract's notice deadline (8.1)", () => {
  /** The incident as the product reports it `agoMs` before the test server's now (its clock runs ahead of the test's). */
  async function reportedAgo(incidentId: string, customerIds: string[], agoMs: number): Promise<BreachIncidentInput> {
    return { ...incident(incidentId, customerIds), awareAt: new Date((await h.env.currentTimeMs()) - agoMs).toISOString() };
  }
  const alertsOf = async (prefix: string) => (await h.sentBy(prefix)).filter(([to]) => to === testPrivacyTeam).map(([, step]) => step);

  test("while the mail server defers the notice, the privacy team is told at half the contract's hours, and again at the deadline", async () => {
    await h.customer('half-mail', { contract: { breachNoticeHours: 2 } });
    h.deferred.add('dpo@half-mail.test');
    try {
      await withIncident(await reportedAgo('HALF-1', ['half-mail'], 0), async (handle) => {
        const awareMs = await h.env.currentTimeMs();
        await h.env.sleep(0.9 * HOUR);
        expect(await alertsOf('breach-HALF-1~')).toEqual([]);
        await h.env.sleep(0.2 * HOUR);
        expect(await waitForSent('breach-HALF-1~', 1)).toEqual([[testPrivacyTeam, 'contractual-deadline-halfway']]);
        expect((await h.env.currentTimeMs()) - awareMs).toBeGreaterThanOrEqual(HOUR);

        await h.env.sleep(0.8 * HOUR);
        expect(await alertsOf('breach-HALF-1~')).toEqual(['contractual-deadline-halfway']);
        await h.env.sleep(0.2 * HOUR);
        expect((await waitForSent('breach-HALF-1~', 2))[1]).toEqual([testPrivacyTeam, 'contractual-deadline-at-risk']);

        h.deferred.delete('dpo@half-mail.test');
        // The next retry comes at most two minutes later (emailOptions): on the server's clock, not the test's.
        await h.env.sleep('2 minutes');
        expect((await waitForSent('breach-HALF-1~', 3, 60_000))[2]).toEqual(['dpo@half-mail.test', 'initial-notice']);
        await closeIncident(handle);
      });
    } finally {
      h.deferred.delete('dpo@half-mail.test');
    }
    const halfway = (await h.catcher.messages()).find((m) => m.headers['x-dpa-step'] === 'contractual-deadline-halfway')!;
    expect(halfway.subject).toContain('Half the contractual notice time gone');
    expect(halfway.text).toContain('half-mail');
  });

  test("a notice the mail server accepts before half the contract's hours raises no alert", async () => {
    await withIncident(await reportedAgo('HALF-2', ['half-quick'], 0), async (handle) => {
      // Described half a minute after the report: the notice workflow sends it itself.
      await h.env.sleep('30 seconds');
      await h.customer('half-quick', { contract: { breachNoticeHours: 2 } });
      await waitForStep('breach-HALF-2~half-quick', 'initial-notice');
      await h.env.sleep(3 * HOUR);
      await closeIncident(handle);
    });
    expect(await stepsSentBy('breach-HALF-2~')).toEqual(['initial-notice', 'final-report']);
  });

  test('while the mail server defers a notice first tried after half the hours, the team is told a minute later, and again at the deadline', async () => {
    await h.customer('slow-mail', { contract: { breachNoticeHours: 2 } });
    h.deferred.add('dpo@slow-mail.test');
    try {
      // Aware an hour ago, two contract hours: half of them gone already, the deadline an hour away.
      await withIncident(await reportedAgo('SLOW-1', ['slow-mail'], HOUR), async (handle) => {
        await h.env.sleep('50 seconds');
        expect(await alertsOf('breach-SLOW-1~')).toEqual([]);
        await h.env.sleep('20 seconds');
        expect(await waitForSent('breach-SLOW-1~', 1)).toEqual([[testPrivacyTeam, 'contractual-deadline-halfway']]);
        await h.env.sleep(1.1 * HOUR);
        expect((await waitForSent('breach-SLOW-1~', 2))[1]).toEqual([testPrivacyTeam, 'contractual-deadline-at-risk']);
        // The retried notice's failure, as the Web UI shows it, gives the server's answer without the address.
        const notice = h.env.client.workflow.getHandle(workflowIds.breachNotice('SLOW-1', 'slow-mail'));
        const failure = (await failureMessage((await notice.describe()).raw.pendingActivities?.[0]?.lastFailure)) ?? '';
        expect(failure).toMatch(/^the mail server did not accept the email yet: .*451 4\.2\.1 <address>: mailbox busy/);
        h.deferred.delete('dpo@slow-mail.test');
        // The next retry comes at most two minutes later (emailOptions): on the server's clock, not the test's.
        await h.env.sleep('2 minutes');
        expect((await waitForSent('breach-SLOW-1~', 3, 60_000))[2]).toEqual(['dpo@slow-mail.test', 'initial-notice']);
        await closeIncident(handle);
      });
    } finally {
      h.deferred.delete('dpo@slow-mail.test');
    }
    const evidence = (await h.records.emails.list({ workflowIdPrefix: 'breach-SLOW-1~' })).find((e) => e.step === 'initial-notice');
    expect(evidence!.attempts).toBeGreaterThan(1);
    expect(emailAddressesIn(await historyText(h.env, workflowIds.breachNotice('SLOW-1', 'slow-mail')))).toEqual([]);
  });
});

describe('facts that arrive in phases (Art. 33(3)(a), (c), 33(4))', () => {
  test('each update shows every fact known so far and says what is not; a customer added later is told them all; the register keeps when each became known', async () => {
    await h.customer('facts-a');
    await h.customer('facts-late', { language: 'nl' });
    const mailTo = async (to: string, step: string) =>
      (await h.catcher.messages()).find((m) => m.envelope.to[0] === to && m.headers['x-dpa-step'] === step)!;
    await withIncident(incident('FACTS-1', ['facts-a']), async (handle) => {
      await waitForSent('breach-FACTS-1~', 1);
      const firstAt = await h.serverNow();
      await handle.signal(breachUpdatedSignal, {
        update: 'The export held customer records.',
        measures: [],
        facts: { recordsApprox: 5000, subjectCategories: ['customers'] },
        at: firstAt,
        key: 'msg_facts_1',
      });
      await waitForStep('breach-FACTS-1~facts-a', 'update-msg_facts_1');
      const first = (await mailTo('dpo@facts-a.test', 'update-msg_facts_1')).text;
      expect(first).toContain('Approximate number of personal data records concerned: approximately 5,000');
      expect(first).toContain('Categories of data subjects concerned: customers');
      expect(first).toContain('Approximate number of data subjects concerned: approximately 300');
      expect(first).toContain('Likely consequences for the data subjects: not known yet; we will tell you as soon as we know');

      await h.env.sleep(6 * HOUR);
      const secondAt = await h.serverNow();
      await handle.signal(breachUpdatedSignal, {
        update: 'The consequences were assessed.',
        measures: [],
        facts: { likelyConsequences: 'Phishing attempts are likely.' },
        at: secondAt,
        key: 'msg_facts_2',
      });
      await waitForStep('breach-FACTS-1~facts-a', 'update-msg_facts_2');
      const second = (await mailTo('dpo@facts-a.test', 'update-msg_facts_2')).text;
      expect(second).toContain('Likely consequences for the data subjects: Phishing attempts are likely.');
      expect(second).toContain('Approximate number of personal data records concerned: approximately 5,000');

      // A customer found to be affected later is told everything known by then, in its notice.
      await handle.executeUpdate(addCustomersUpdate, { args: [{ customerIds: ['facts-late'] }] });
      await waitForStep('breach-FACTS-1~facts-late', 'initial-notice');
      const late = (await mailTo('dpo@facts-late.test', 'initial-notice')).text;
      expect(late).toContain('Geschat aantal betrokken records met persoonsgegevens: ongeveer 5.000');
      expect(late).toContain('Phishing attempts are likely.');

      const entry = (await h.records.breaches.get('FACTS-1'))!;
      expect(entry).toMatchObject({
        recordsApprox: 5000,
        subjectCategories: ['customers'],
        likelyConsequences: 'Phishing attempts are likely.',
      });
      expect(entry.factsKnownAt).toEqual({
        dataCategories: entry.detectedAt,
        subjectsApprox: entry.detectedAt,
        subjectCategories: firstAt,
        recordsApprox: firstAt,
        likelyConsequences: secondAt,
      });
      expect(entry.updates.map((u) => u.facts)).toEqual([
        { recordsApprox: 5000, subjectCategories: ['customers'] },
        { likelyConsequences: 'Phishing attempts are likely.' },
      ]);
      await closeIncident(handle);
    });
  });
});

describe('a suspected breach (8.1: "vaststelt of redelijkerwijs vermoedt")', () => {
  /** An assessment, as the product's breach.updated with `assessment` brings it. */
  function assess(handle: Incident, assessment: 'confirmed' | 'ruled-out', key: string, update: string, at = new Date().toISOString()) {
    return handle.executeUpdate(assessBreachUpdate, { args: [{ update, measures: [], assessment, at, key }] });
  }
  const mailOf = async (incidentId: string, step: string) =>
    (await h.catcher.messages()).filter((m) => m.headers['x-dpa-step'] === step && m.subject.includes(incidentId));

  test('is notified as suspected; its confirmation reaches every notified customer; a second assessment is refused', async () => {
    await h.customer('sus-a', { language: 'nl' });
    await h.customer('sus-b');
    const input = { ...incident('SUS-1', ['sus-a', 'sus-b']), suspected: true };
    await withIncident(input, async (handle) => {
      await waitForSent('breach-SUS-1~', 2);
      const notices = await mailOf('SUS-1', 'initial-notice');
      expect(notices.map((m) => m.subject).sort()).toEqual([
        '[Data breach] Notification of a suspected personal data breach – incident SUS-1',
        '[Datalek] Melding van een vermoedelijke inbreuk in verband met persoonsgegevens – incident SUS-1',
      ]);
      await h.env.sleep(5 * HOUR);
      const confirmedAt = await h.serverNow();
      await assess(handle, 'confirmed', 'msg_confirm', 'Forensics confirmed the copy of the table.', confirmedAt);
      await waitForSent('breach-SUS-1~', 4);
      expect(await h.refusal(assess(handle, 'ruled-out', 'msg_again', 'No, after all.'))).toBe(
        `the suspected breach was already confirmed at ${confirmedAt}`,
      );
      expect((await handle.query(breachStatusQuery)).assessment).toMatchObject({ assessment: 'confirmed', at: confirmedAt });
      // The reminder 24 hours after the notice no longer calls the confirmed breach suspected.
      await h.env.sleep(20 * HOUR);
      await waitForSent('breach-SUS-1~', 6);
      const [reminder] = (await mailOf('SUS-1', 'acknowledgement-reminder-1')).filter((m) => m.envelope.to[0] === 'dpo@sus-b.test');
      expect(reminder!.subject).toContain('Reminder 1');
      expect(reminder!.text).not.toContain('It is a suspected breach');
      expect(await closeIncident(handle, 'Closed.')).toMatchObject({ status: 'closed', suspected: true });

      const entry = (await h.records.breaches.get('SUS-1'))!;
      expect(entry).toMatchObject({ suspectedSince: input.awareAt, confirmedAt, ruledOutAt: null, status: 'closed' });
      expect(entry.updates.map((u) => [u.kind, u.assessment])).toEqual([
        ['update', 'confirmed'],
        ['closed', undefined],
      ]);
    });
    const confirmations = await mailOf('SUS-1', 'update-msg_confirm');
    expect(confirmations.map((m) => m.subject).sort()).toEqual([
      '[Data breach] Suspected breach confirmed – incident SUS-1',
      '[Datalek] Vermoedelijke inbreuk bevestigd – incident SUS-1',
    ]);
    expect(await mailOf('SUS-1', 'update-msg_again')).toEqual([]);
  });

  test('a breach reported as found, not suspected, refuses an assessment and tells nobody', async () => {
    await h.customer('found-a');
    await withIncident(incident('FOUND-1', ['found-a']), async (handle) => {
      await waitForSent('breach-FOUND-1~', 1);
      expect(await h.refusal(assess(handle, 'ruled-out', 'msg_found', 'Nothing happened.'))).toMatch(/not notified as suspected/);
      expect(await h.records.breaches.get('FOUND-1')).toMatchObject({ suspectedSince: null, ruledOutAt: null, status: 'open' });
      await closeIncident(handle);
    });
    expect(await stepsSentBy('breach-FOUND-1~')).toEqual(['initial-notice', 'final-report']);
  });

  test('ruled out, it closes with that update: the incident and every notice end without a final report; the register keeps both instants', async () => {
    await h.customer('out-a', { language: 'fr' });
    await h.customer('out-b');
    const input = { ...incident('OUT-1', ['out-a', 'out-b', 'out-unknown']), suspected: true };
    await withIncident(input, async (handle) => {
      await waitForSent('breach-OUT-1~', 2);
      await acknowledge(handle, 'out-b');
      // The customer never described: its notice is undeliverable after the grace, and waits.
      await h.env.sleep('6 minutes');
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).undeliverable['out-unknown'] !== undefined);
      const ruledOutAt = await h.serverNow();
      await assess(handle, 'ruled-out', 'msg_ruled_out', 'The file was never copied.', ruledOutAt);
      expect(await handle.result()).toMatchObject({ status: 'closed', assessment: { assessment: 'ruled-out', at: ruledOutAt } });
      for (const customerId of ['out-a', 'out-b', 'out-unknown']) {
        const notice = h.env.client.workflow.getHandle(workflowIds.breachNotice('OUT-1', customerId));
        await h.waitFor(async () => (await notice.describe()).status.name === 'COMPLETED', { what: `the notice of ${customerId} ended` });
      }
      // Nothing more: no reminder, no final report, no status update due.
      await h.env.sleep(3 * 24 * HOUR);
      await expect(handle.signal(breachClosedSignal, { finalReport: 'late', closedAt: ruledOutAt })).rejects.toThrow();

      expect(await h.records.breaches.get('OUT-1')).toMatchObject({
        status: 'closed',
        suspectedSince: input.awareAt,
        confirmedAt: null,
        ruledOutAt,
        closedAt: ruledOutAt,
        finalReport: null,
      });
    });
    expect((await h.sentBy('breach-OUT-1~')).map(([to, step]) => `${to} ${step}`).sort()).toEqual([
      'dpo@out-a.test initial-notice',
      'dpo@out-a.test update-msg_ruled_out',
      'dpo@out-b.test initial-notice',
      'dpo@out-b.test update-msg_ruled_out',
      `${testPrivacyTeam} notice-undeliverable`,
    ]);
    const [french] = (await mailOf('OUT-1', 'update-msg_ruled_out')).filter((m) => m.envelope.to[0] === 'dpo@out-a.test');
    expect(french!.subject).toBe('[Violation de données] Violation présumée écartée – incident OUT-1');
    expect(french!.text).toContain('aucun rapport final ne suivra');
  });
});

describe('operators', () => {
  test('add a customer, record an acknowledgement by phone and a measure; impossible decisions are refused with the reason', async () => {
    await h.customer('op-first');
    await h.customer('op-late', { language: 'fr' });
    await withIncident(incident('OPS-1', ['op-first']), async (handle) => {
      await waitForSent('breach-OPS-1~', 1);

      expect(await h.refusal(handle.executeUpdate(addCustomersUpdate, { args: [{ customerIds: ['not valid!'] }] }))).toMatch(
        /not a valid customer id/,
      );
      expect(await handle.executeUpdate(addCustomersUpdate, { args: [{ customerIds: ['op-late', 'op-first'] }] })).toEqual({
        added: ['op-late'],
      });
      await waitForSent('breach-OPS-1~op-late', 1);

      expect(await h.refusal(handle.executeUpdate(recordAcknowledgementUpdate, { args: [{ customerId: 'stranger' }] }))).toMatch(
        /not affected/,
      );
      await waitForNotified(handle, 2);
      await handle.executeUpdate(recordAcknowledgementUpdate, { args: [{ customerId: 'op-first', note: 'confirmed by phone' }] });
      expect(await h.refusal(handle.executeUpdate(recordAcknowledgementUpdate, { args: [{ customerId: 'op-first' }] }))).toMatch(
        /already acknowledged/,
      );
      expect(await h.refusal(handle.executeUpdate(recordMeasureUpdate, { args: [{ measure: ' ' }] }))).toMatch(/describe the measure/);
      await handle.executeUpdate(recordMeasureUpdate, { args: [{ measure: 'Passwords reset for all users', contained: true }] });

      const timeline = await handle.query(breachTimelineQuery);
      expect(timeline.map((entry) => entry.what)).toEqual(
        expect.arrayContaining([
          'customers added by an operator: op-late',
          'acknowledged (operator): confirmed by phone',
          'measure recorded by an operator: Passwords reset for all users',
        ]),
      );
      expect((await closeIncident(handle)).measures).toContain('Passwords reset for all users');
      await expect(handle.executeUpdate(recordMeasureUpdate, { args: [{ measure: 'too late' }] })).rejects.toThrow();
    });
    const entry = await h.records.breaches.get('OPS-1');
    expect(entry!.notifications.map((n) => [n.customerId, n.status, n.acknowledgedAt !== null])).toEqual([
      ['op-first', 'notified', true],
      ['op-late', 'notified', false],
    ]);
    expect(entry!.measures).toContain('Passwords reset for all users');
    expect(entry!.contained).toBe(true);
  });
});

describe('nothing lost', () => {
  test('a privacy team address that refuses its alert never ends the incident: recorded, shown, retried, and every other customer gets its final report', async () => {
    await h.customer('bounce-ok');
    h.refused.add(testPrivacyTeam);
    try {
      await withIncident(incident('BOUNCE-1', ['bounce-ok', 'bounce-unknown']), async (handle) => {
        // The unknown customer's grace passes: its notice is undeliverable and the alert about it bounces.
        await h.env.sleep(6 * 60_000);
        const notice = h.env.client.workflow.getHandle(workflowIds.breachNotice('BOUNCE-1', 'bounce-unknown'));
        await h.waitFor(async () => (await notice.query(noticeStatusQuery)).undeliveredAlerts.length === 1);
        const shown = await notice.query(noticeStatusQuery);
        expect(shown.status).toBe('undeliverable');
        expect(shown.undeliveredAlerts[0]).toMatchObject({ step: 'notice-undeliverable', attempts: 1 });
        expect(shown.undeliveredAlerts[0]!.problem).toMatch(/refused the alert: .*550/);
        // A query may see the workflow task's state before the server has committed its search attributes.
        await h.waitFor(async () => (await notice.describe()).typedSearchAttributes.get(searchAttributes.undeliveredAlerts) === 1, {
          what: 'the refused alert in the search attributes',
        });
        expect((await notice.describe()).status.name).toBe('RUNNING');

        await askToClose(handle);
        await waitForStep('breach-BOUNCE-1~bounce-ok', 'final-report');
        // The alert is tried again on its timer, and goes out once the address accepts mail again.
        h.refused.delete(testPrivacyTeam);
        await h.env.sleep(16 * 60_000);
        const result = await handle.result();
        expect(result.status).toBe('closed');
        expect(result.undeliverable['bounce-unknown']).toMatch(/has not described/);
        expect((await notice.describe()).typedSearchAttributes.get(searchAttributes.undeliveredAlerts)).toBe(0);
      });
    } finally {
      h.refused.delete(testPrivacyTeam);
    }
    const evidence = (await h.records.emails.list({ workflowIdPrefix: 'breach-BOUNCE-1~bounce-unknown' })).find(
      (e) => e.step === 'notice-undeliverable',
    );
    expect(evidence).toMatchObject({ status: 'sent', recipient: testPrivacyTeam });
    expect(evidence!.attempts).toBeGreaterThanOrEqual(2);
  });

  test("a customer's notice workflow that has ended (terminated by hand) fails nothing: updates and the closure reach the others", async () => {
    await h.customer('gone-a');
    await h.customer('gone-b');
    await withIncident(incident('GONE-1', ['gone-a', 'gone-b']), async (handle) => {
      await waitForNotified(handle, 2);
      await h.env.client.workflow.getHandle(workflowIds.breachNotice('GONE-1', 'gone-a')).terminate('ended by an operator');
      await acknowledge(handle, 'gone-a');
      await sendUpdate(handle, 'msg_gone_update', 'Still investigating.');
      await waitForStep('breach-GONE-1~gone-b', 'update-msg_gone_update');
      await askToClose(handle);
      await waitForStep('breach-GONE-1~gone-b', 'final-report');
      // The ended notice sends no final report: the privacy team is told to send it another way, and the incident closes.
      expect(await handle.result()).toMatchObject({ status: 'closed', acknowledged: { 'gone-a': expect.any(String) } });
    });
    const goneA = (await h.records.breaches.get('GONE-1'))!.notifications.find((n) => n.customerId === 'gone-a')!;
    expect(goneA.acknowledgedAt).not.toBeNull();
    expect(goneA.finalReportProblem).toMatch(/had ended/);
    expect((await h.sentBy('breach-GONE-1')).filter(([to]) => to === testPrivacyTeam).map(([, step]) => step)).toEqual([
      'final-report-not-sent-gone-a',
    ]);
  });

  test('an update stamped two months ago fires no burst of reminders: they count from its arrival, one at a time', async () => {
    await h.customer('stale-news');
    const reminders = async () => (await stepsSentBy('breach-STALE-1')).filter((step) => step.startsWith('status-update-due'));
    await withIncident(incident('STALE-1', ['stale-news']), async (handle) => {
      await waitForSent('breach-STALE-1~', 1);
      await h.env.sleep(47 * HOUR);
      const twoMonthsAgo = new Date((await h.env.currentTimeMs()) - 60 * 24 * HOUR).toISOString();
      await sendUpdate(handle, 'msg_stale', 'Old news, delivered late.', twoMonthsAgo);
      await waitForSent('breach-STALE-1~', 2);
      await h.env.sleep(47 * HOUR);
      expect(await reminders()).toEqual([]);
      await h.env.sleep(2 * HOUR);
      await waitForStep('breach-STALE-1', 'status-update-due-1');
      // 49 hours after the update: one reminder. The next is due 48 hours after the first, not at once.
      await h.env.sleep(44 * HOUR);
      expect(await reminders()).toHaveLength(1);
      await h.env.sleep(4 * HOUR);
      await waitForStep('breach-STALE-1', 'status-update-due-2');
      expect(await reminders()).toHaveLength(2);
      await closeIncident(handle);
    });
  });

  test('a repeated report naming more customers adds and tells them; the ones already told hear nothing twice', async () => {
    await h.customer('again-a');
    await h.customer('again-b', { language: 'nl' });
    await withIncident(incident('AGAIN-1', ['again-a']), async (handle) => {
      await waitForSent('breach-AGAIN-1~', 1);
      await handle.signal(breachReportedSignal, { customerIds: ['again-a', 'again-b'] });
      await waitForSent('breach-AGAIN-1~again-b', 1);
      await waitForNotified(handle, 2);
      expect(await closeIncident(handle)).toMatchObject({ customers: 2, notified: 2 });
    });
    expect((await h.sentBy('breach-AGAIN-1~')).map(([to, step]) => `${to} ${step}`).sort()).toEqual([
      'dpo@again-a.test final-report',
      'dpo@again-a.test initial-notice',
      'dpo@again-b.test final-report',
      'dpo@again-b.test initial-notice',
    ]);
    expect((await h.records.breaches.get('AGAIN-1'))!.notifications.map((n) => n.customerId)).toEqual(['again-a', 'again-b']);
  });

  test('across continue-as-new the incident carries its customers by position: undeliverable and acknowledged ones stay so', async () => {
    await h.customer('carry-a');
    await h.customer('carry-b');
    const input = {
      ...incident('CARRY-1', ['carry-a', 'carry-unknown', 'carry-b']),
      batching: { customersPerBatch: 2, continueAsNewAfterEvents: 60 },
    };
    await withIncident(input, async (handle) => {
      await waitForNotified(handle, 2);
      await acknowledge(handle, 'carry-b', '2026-11-30T10:00:00.000Z');
      await h.env.sleep('6 minutes');
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).undeliverable['carry-unknown'] !== undefined);
      // An update wakes the incident; its history is long by then, so the run hands over to a new one.
      await sendUpdate(handle, 'msg_carry_update', 'Still looking.');
      await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId, { what: 'a second run' });
      // The new run's input names the customers by their place in the incident's list, not again by id.
      const started = (await decryptedHistory(await handle.fetchHistory())).events![0]!.workflowExecutionStartedEventAttributes!;
      const carried = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8')).carried;
      expect(carried).toMatchObject({ undeliverable: [1], acknowledged: [[2, '2026-11-30T10:00:00.000Z']], handedOver: [] });
      expect(await handle.query(breachStatusQuery)).toMatchObject({
        notified: 2,
        undeliverable: { 'carry-unknown': expect.stringContaining('breach register') },
        acknowledged: { 'carry-b': '2026-11-30T10:00:00.000Z' },
      });
      expect(await closeIncident(handle)).toMatchObject({ status: 'closed', customers: 3, notified: 2, pending: 0 });
    });
    expect(
      (await h.sentBy('breach-CARRY-1~'))
        .filter(([, step]) => step === 'final-report')
        .map(([to]) => to)
        .sort(),
    ).toEqual(['dpo@carry-a.test', 'dpo@carry-b.test']);
  });

  test('customers announced in batches across runs (continue-as-new): each notice carries its own facts only, every one is told once', async () => {
    const ids = Array.from({ length: 7 }, (_, index) => `batch-${index}`);
    for (const customerId of ids) await h.customer(customerId);
    await withIncident(
      { ...incident('BATCH-1', ids), batching: { customersPerBatch: 3, continueAsNewAfterEvents: 40 } },
      async (handle) => {
        // The incident may continue as new while it notifies: it is queried only at rest (see h.queryAtRest).
        await h.waitFor(async () => (await h.queryAtRest(handle, breachStatusQuery)).notified === 7, { what: '7 customers notified' });
        // A notice's input names its own customer and nobody else.
        const noticeHistory = await historyText(h.env, workflowIds.breachNotice('BATCH-1', 'batch-6'));
        expect(noticeHistory).toMatch(/Backup tapes were lost/);
        expect(noticeHistory).not.toMatch(/batch-5/);
        await sendUpdate(handle, 'msg_batch_update', 'Root cause found.');
        await h.waitFor(
          async () => (await stepsSentBy('breach-BATCH-1~')).filter((step) => step === 'update-msg_batch_update').length === 7,
        );
        // The long history was handed to a new run, which carried the customers and their state.
        await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId);
        expect(await closeIncident(handle)).toMatchObject({ customers: 7, notified: 7, pending: 0, finalReportsOutstanding: 0 });
      },
    );
    const steps = await stepsSentBy('breach-BATCH-1~');
    expect(steps.filter((step) => step === 'initial-notice')).toHaveLength(7);
    expect(steps.filter((step) => step === 'final-report')).toHaveLength(7);
  });
});
