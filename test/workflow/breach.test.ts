import {
  addCustomersUpdate,
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
} from '../../domain/breach';
import { searchAttributes } from '../../domain/search-attributes';
import { workflowIds } from '../../domain/ids';
import { breachIncident } from '../../workflows';
import { waitForMessages } from '../support/mail';
import { emailAddressesIn, historyText, testPrivacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const h = useWorkflowHarness();

/** The test server's clock starts at the real now: the breach became known an hour before. */
function incident(incidentId: string, affectedCustomerIds: string[]): BreachIncidentInput {
  return {
    incidentId,
    awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    detectedAt: new Date(Date.now() - 3_000_000).toISOString(),
    summary: 'Backup tapes were lost in transit.',
    dataCategories: ['names', 'email addresses'],
    subjectsApprox: 300,
    measures: ['The courier was contacted'],
    affectedCustomerIds,
  };
}

test('every affected customer is notified in its own language, and the register records when', async () => {
  await h.customer('c-nl', { name: 'Klant NL', language: 'nl', emails: ['a@nl.test', 'b@nl.test'], contract: { breachNoticeHours: 24 } });
  await h.customer('c-fr', { name: 'Client FR', language: 'fr', emails: ['a@fr.test'], timeZone: 'Europe/Paris' });
  const taskQueue = 'breach-languages';
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-1'),
      taskQueue,
      args: [incident('INC-1', ['c-nl', 'c-fr'])],
    });
    const messages = (await waitForMessages(h.catcher, 3)).filter((m) => m.headers['x-dpa-step'] === 'initial-notice');
    await waitForMessages(h.catcher, 3);
    const byRecipient = new Map(messages.map((m) => [m.envelope.to[0], m]));
    expect(byRecipient.get('a@nl.test')!.subject).toContain('[Datalek]');
    expect(byRecipient.get('b@nl.test')!.subject).toContain('INC-1');
    expect(byRecipient.get('a@fr.test')!.subject).toContain('[Violation de données]');
    await handle.signal(breachClosedSignal, { finalReport: 'Tapes found sealed.', closedAt: '2026-03-30T10:00:00.000Z' });
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(result).toMatchObject({ customers: 2, notified: 2, pending: 0, undeliverable: {} });
  });

  const entry = await h.records.breaches.get('INC-1');
  expect(entry?.status).toBe('closed');
  const nl = entry!.notifications.find((n) => n.customerId === 'c-nl')!;
  expect(nl.status).toBe('notified');
  // 8.1: the contract's 24 hours run from the moment the processor became aware.
  expect(Date.parse(nl.contractualDeadlineAt!) - Date.parse(entry!.awareAt)).toBe(24 * 3_600_000);
  expect(Date.parse(nl.controllerDeadlineAt!) - Date.parse(nl.notifiedAt!)).toBe(72 * 3_600_000);
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
  const taskQueue = 'breach-unknown-customer';
  const before = (await h.catcher.messages()).length;
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-2'),
      taskQueue,
      args: [incident('INC-2', ['never-described'])],
    });
    const startedAt = Date.now();
    const skippedFrom = await h.env.currentTimeMs();
    await handle.signal(breachClosedSignal, { finalReport: 'n/a', closedAt: '2026-03-30T10:00:00.000Z' });
    const result = await handle.result();
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
  const taskQueue = 'breach-late-customer';
  const before = (await h.catcher.messages()).length;
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-3'),
      taskQueue,
      args: [incident('INC-3', ['late-customer'])],
    });
    await h.env.sleep('30 seconds');
    await h.customer('late-customer', { name: 'Late Ltd', emails: ['dpo@late.test'], timeZone: 'Europe/London' });
    const [message] = (await waitForMessages(h.catcher, before + 1)).slice(before);
    expect(message!.envelope.to).toEqual(['dpo@late.test']);
    expect(message!.subject).toContain('[Data breach]');
    await handle.signal(breachClosedSignal, { finalReport: 'Resolved.', closedAt: '2026-03-30T10:00:00.000Z' });
    expect(await handle.result()).toMatchObject({ notified: 1, pending: 0 });
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
  const taskQueue = 'breach-refused';
  const before = (await h.catcher.messages()).length;
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('INC-4'),
      taskQueue,
      args: [incident('INC-4', ['refusing'])],
    });
    await handle.signal(breachClosedSignal, { finalReport: 'n/a', closedAt: '2026-03-30T10:00:00.000Z' });
    expect((await handle.result()).undeliverable['refusing']).toMatch(/no contact accepted/);
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

const HOUR = 3_600_000;

describe('the acknowledgement clock', () => {
  test('without an acknowledgement, a reminder after 24 hours and the privacy team after 48, each at its time', async () => {
    await h.customer('ack-none', { language: 'fr' });
    const taskQueue = 'breach-ack-none';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('ACK-1'),
        taskQueue,
        args: [incident('ACK-1', ['ack-none'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-ACK-1~')).length === 1);
      const noticeAt = await h.env.currentTimeMs();

      await h.env.sleep(23.9 * HOUR);
      expect(await h.sentBy('breach-ACK-1~')).toEqual([['dpo@ack-none.test', 'initial-notice']]);
      await h.env.sleep(0.2 * HOUR);
      await h.waitFor(async () => (await h.sentBy('breach-ACK-1~')).length === 2);
      expect((await h.sentBy('breach-ACK-1~'))[1]).toEqual(['dpo@ack-none.test', 'acknowledgement-reminder-1']);

      await h.env.sleep(23.7 * HOUR);
      expect(await h.sentBy('breach-ACK-1~')).toHaveLength(2);
      await h.env.sleep(0.2 * HOUR);
      await h.waitFor(async () => (await h.sentBy('breach-ACK-1~')).length === 3);
      expect((await h.sentBy('breach-ACK-1~'))[2]).toEqual(['privacy-team@processor.test', 'acknowledgement-overdue']);
      expect((await h.env.currentTimeMs()) - noticeAt).toBeGreaterThanOrEqual(48 * HOUR);

      // Nothing more while the customer stays silent; the status-update reminders are the team's.
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await handle.result();
    });
    const customerMails = (await h.sentBy('breach-ACK-1~')).filter(([to]) => to === 'dpo@ack-none.test');
    expect(customerMails.map(([, step]) => step)).toEqual(['initial-notice', 'acknowledgement-reminder-1', 'final-report']);
  });

  test('an acknowledgement before 24 hours stops the reminder and the escalation; it is in the register', async () => {
    await h.customer('ack-quick', { language: 'nl' });
    const taskQueue = 'breach-ack-quick';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('ACK-2'),
        taskQueue,
        args: [incident('ACK-2', ['ack-quick'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-ACK-2~')).length === 1);
      await h.env.sleep(2 * HOUR);
      await handle.signal(breachAcknowledgedSignal, { customerId: 'ack-quick', at: new Date().toISOString(), via: 'webhook' });
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).acknowledged['ack-quick'] !== undefined);
      await h.env.sleep(3 * 24 * HOUR);
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await handle.result();
    });
    expect((await h.sentBy('breach-ACK-2~')).map(([, step]) => step)).toEqual(['initial-notice', 'final-report']);
    const entry = await h.records.breaches.get('ACK-2');
    expect(entry!.notifications[0]!.acknowledgedAt).not.toBeNull();
  });

  test("an acknowledgement that overtakes the notice's outcome is kept until the outcome is known", async () => {
    await h.customer('ack-early');
    const taskQueue = 'breach-ack-early';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('ACK-3'),
        taskQueue,
        args: [incident('ACK-3', ['ack-early'])],
      });
      await handle.signal(breachAcknowledgedSignal, { customerId: 'ack-early', at: new Date().toISOString(), via: 'webhook' });
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).acknowledged['ack-early'] !== undefined);
      await h.env.sleep(3 * 24 * HOUR);
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await handle.result();
    });
    expect((await h.sentBy('breach-ACK-3~')).map(([, step]) => step)).toEqual(['initial-notice', 'final-report']);
    expect((await h.records.breaches.get('ACK-3'))!.notifications[0]!.acknowledgedAt).not.toBeNull();
  });

  test('no reminder fires after the incident closed', async () => {
    await h.customer('closed-early');
    const taskQueue = 'breach-closed-early';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('CLOSED-1'),
        taskQueue,
        args: [incident('CLOSED-1', ['closed-early'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-CLOSED-1~')).length === 1);
      await h.env.sleep(HOUR);
      await handle.signal(breachClosedSignal, { finalReport: 'False alarm.', closedAt: new Date().toISOString() });
      await handle.result();
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
    const taskQueue = 'breach-phases';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('PHASE-1'),
        taskQueue,
        args: [incident('PHASE-1', ['phase-a', 'phase-b'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-PHASE-1~')).length === 2);
      await handle.signal(breachAcknowledgedSignal, { customerId: 'phase-a', at: new Date().toISOString(), via: 'webhook' });
      await handle.signal(breachAcknowledgedSignal, { customerId: 'phase-b', at: new Date().toISOString(), via: 'webhook' });
      await h.env.sleep(40 * HOUR);
      await handle.signal(breachUpdatedSignal, {
        update: 'The cause was a misconfigured firewall rule.',
        measures: ['Rule corrected'],
        contained: true,
        at: new Date(await h.env.currentTimeMs()).toISOString(),
        key: 'msg_update_1',
      });
      // The same update delivered twice is sent once.
      await handle.signal(breachUpdatedSignal, {
        update: 'The cause was a misconfigured firewall rule.',
        measures: ['Rule corrected'],
        contained: true,
        at: new Date(await h.env.currentTimeMs()).toISOString(),
        key: 'msg_update_1',
      });
      await h.waitFor(async () => (await h.sentBy('breach-PHASE-1~')).length === 4);

      // 48 hours after the update, not after the notices, the team is reminded.
      await h.env.sleep(47 * HOUR);
      expect((await h.sentBy('breach-PHASE-1')).filter(([to]) => to === 'privacy-team@processor.test')).toEqual([]);
      await h.env.sleep(2 * HOUR);
      await h.waitFor(async () => (await h.sentBy('breach-PHASE-1')).some(([, step]) => step === 'status-update-due-1'));

      const status = await handle.query(breachStatusQuery);
      expect(status.contained).toBe(true);
      expect(status.measures).toContain('Rule corrected');
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await handle.result();
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

test("the contract's notice deadline: while the mail server defers the notice past it, the privacy team is told", async () => {
  await h.customer('slow-mail', { contract: { breachNoticeHours: 2 } });
  h.deferred.add('dpo@slow-mail.test');
  const taskQueue = 'breach-contract-deadline';
  await h.withWorker(taskQueue, async () => {
    const handle = await h.env.client.workflow.start(breachIncident, {
      workflowId: workflowIds.breach('SLOW-1'),
      taskQueue,
      args: [incident('SLOW-1', ['slow-mail'])],
    });
    // Aware an hour ago, two contract hours: the deadline is an hour away.
    await h.env.sleep(1.1 * HOUR);
    await h.waitFor(async () => (await h.sentBy('breach-SLOW-1~')).length === 1);
    expect(await h.sentBy('breach-SLOW-1~')).toEqual([['privacy-team@processor.test', 'contractual-deadline-at-risk']]);
    // The retried notice's failure, as the Web UI shows it, gives the server's answer without the address.
    const notice = h.env.client.workflow.getHandle(workflowIds.breachNotice('SLOW-1', 'slow-mail'));
    const failure = (await notice.describe()).raw.pendingActivities?.[0]?.lastFailure?.message ?? '';
    expect(failure).toMatch(/^the mail server did not accept the email yet: .*451 4\.2\.1 <address>: mailbox busy/);
    h.deferred.delete('dpo@slow-mail.test');
    await h.waitFor(async () => (await h.sentBy('breach-SLOW-1~')).length === 2, { timeoutMs: 60_000 });
    expect((await h.sentBy('breach-SLOW-1~'))[1]).toEqual(['dpo@slow-mail.test', 'initial-notice']);
    await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
    await handle.result();
  });
  const evidence = (await h.records.emails.list({ workflowIdPrefix: 'breach-SLOW-1~' })).find((e) => e.step === 'initial-notice');
  expect(evidence!.attempts).toBeGreaterThan(1);
  expect(emailAddressesIn(await historyText(h.env, workflowIds.breachNotice('SLOW-1', 'slow-mail')))).toEqual([]);
});

describe('operators', () => {
  test('add a customer, record an acknowledgement by phone and a measure; impossible decisions are refused with the reason', async () => {
    await h.customer('op-first');
    await h.customer('op-late', { language: 'fr' });
    const taskQueue = 'breach-operators';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('OPS-1'),
        taskQueue,
        args: [incident('OPS-1', ['op-first'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-OPS-1~')).length === 1);

      expect(await h.refusal(handle.executeUpdate(addCustomersUpdate, { args: [{ customerIds: ['not valid!'] }] }))).toMatch(
        /not a valid customer id/,
      );
      expect(await handle.executeUpdate(addCustomersUpdate, { args: [{ customerIds: ['op-late', 'op-first'] }] })).toEqual({
        added: ['op-late'],
      });
      await h.waitFor(async () => (await h.sentBy('breach-OPS-1~op-late')).length === 1);

      expect(await h.refusal(handle.executeUpdate(recordAcknowledgementUpdate, { args: [{ customerId: 'stranger' }] }))).toMatch(
        /not affected/,
      );
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === 2);
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
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      const result = await handle.result();
      expect(result.measures).toContain('Passwords reset for all users');
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
    const taskQueue = 'breach-bounced-alert';
    try {
      await h.withWorker(taskQueue, async () => {
        const handle = await h.env.client.workflow.start(breachIncident, {
          workflowId: workflowIds.breach('BOUNCE-1'),
          taskQueue,
          args: [incident('BOUNCE-1', ['bounce-ok', 'bounce-unknown'])],
        });
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

        await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
        await h.waitFor(async () => (await h.sentBy('breach-BOUNCE-1~bounce-ok')).some(([, step]) => step === 'final-report'));
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
    const taskQueue = 'breach-ended-notice';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('GONE-1'),
        taskQueue,
        args: [incident('GONE-1', ['gone-a', 'gone-b'])],
      });
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === 2);
      await h.env.client.workflow.getHandle(workflowIds.breachNotice('GONE-1', 'gone-a')).terminate('ended by an operator');
      await handle.signal(breachAcknowledgedSignal, { customerId: 'gone-a', at: new Date().toISOString(), via: 'webhook' });
      await handle.signal(breachUpdatedSignal, {
        update: 'Still investigating.',
        measures: [],
        at: new Date().toISOString(),
        key: 'msg_gone_update',
      });
      await h.waitFor(async () => (await h.sentBy('breach-GONE-1~gone-b')).some(([, step]) => step === 'update-msg_gone_update'));
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await h.waitFor(async () => (await h.sentBy('breach-GONE-1~gone-b')).some(([, step]) => step === 'final-report'));
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
    const taskQueue = 'breach-stale-update';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('STALE-1'),
        taskQueue,
        args: [incident('STALE-1', ['stale-news'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-STALE-1~')).length === 1);
      await h.env.sleep(47 * HOUR);
      const twoMonthsAgo = new Date((await h.env.currentTimeMs()) - 60 * 24 * HOUR).toISOString();
      await handle.signal(breachUpdatedSignal, { update: 'Old news, delivered late.', measures: [], at: twoMonthsAgo, key: 'msg_stale' });
      await h.waitFor(async () => (await h.sentBy('breach-STALE-1~')).length === 2);
      await h.env.sleep(47 * HOUR);
      expect((await h.sentBy('breach-STALE-1')).filter(([, step]) => step.startsWith('status-update-due'))).toEqual([]);
      await h.env.sleep(2 * HOUR);
      await h.waitFor(async () => (await h.sentBy('breach-STALE-1')).some(([, step]) => step === 'status-update-due-1'));
      // 49 hours after the update: one reminder. The next is due 48 hours after the first, not at once.
      await h.env.sleep(44 * HOUR);
      expect((await h.sentBy('breach-STALE-1')).filter(([, step]) => step.startsWith('status-update-due'))).toHaveLength(1);
      await h.env.sleep(4 * HOUR);
      await h.waitFor(async () => (await h.sentBy('breach-STALE-1')).some(([, step]) => step === 'status-update-due-2'));
      expect((await h.sentBy('breach-STALE-1')).filter(([, step]) => step.startsWith('status-update-due'))).toHaveLength(2);
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      await handle.result();
    });
  });

  test('a repeated report naming more customers adds and tells them; the ones already told hear nothing twice', async () => {
    await h.customer('again-a');
    await h.customer('again-b', { language: 'nl' });
    const taskQueue = 'breach-reported-again';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('AGAIN-1'),
        taskQueue,
        args: [incident('AGAIN-1', ['again-a'])],
      });
      await h.waitFor(async () => (await h.sentBy('breach-AGAIN-1~')).length === 1);
      await handle.signal(breachReportedSignal, { customerIds: ['again-a', 'again-b'] });
      await h.waitFor(async () => (await h.sentBy('breach-AGAIN-1~again-b')).length === 1);
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === 2);
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      expect(await handle.result()).toMatchObject({ customers: 2, notified: 2 });
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
    const taskQueue = 'breach-carry-positions';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('CARRY-1'),
        taskQueue,
        args: [
          {
            ...incident('CARRY-1', ['carry-a', 'carry-unknown', 'carry-b']),
            batching: { customersPerBatch: 2, continueAsNewAfterEvents: 60 },
          },
        ],
      });
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === 2);
      await handle.signal(breachAcknowledgedSignal, { customerId: 'carry-b', at: '2026-11-30T10:00:00.000Z', via: 'webhook' });
      await h.env.sleep('6 minutes');
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).undeliverable['carry-unknown'] !== undefined);
      // An update wakes the incident; its history is long by then, so the run hands over to a new one.
      await handle.signal(breachUpdatedSignal, {
        update: 'Still looking.',
        measures: [],
        at: new Date().toISOString(),
        key: 'msg_carry_update',
      });
      await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId, { what: 'a second run' });
      // The new run's input names the customers by their place in the incident's list, not again by id.
      const started = (await handle.fetchHistory()).events![0]!.workflowExecutionStartedEventAttributes!;
      const carried = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8')).carried;
      expect(carried).toMatchObject({ undeliverable: [1], acknowledged: [[2, '2026-11-30T10:00:00.000Z']], handedOver: [] });
      expect(await handle.query(breachStatusQuery)).toMatchObject({
        notified: 2,
        undeliverable: { 'carry-unknown': expect.stringContaining('breach register') },
        acknowledged: { 'carry-b': '2026-11-30T10:00:00.000Z' },
      });
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      expect(await handle.result()).toMatchObject({ status: 'closed', customers: 3, notified: 2, pending: 0 });
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
    const taskQueue = 'breach-batches';
    await h.withWorker(taskQueue, async () => {
      const handle = await h.env.client.workflow.start(breachIncident, {
        workflowId: workflowIds.breach('BATCH-1'),
        taskQueue,
        args: [{ ...incident('BATCH-1', ids), batching: { customersPerBatch: 3, continueAsNewAfterEvents: 40 } }],
      });
      await h.waitFor(async () => (await handle.query(breachStatusQuery)).notified === 7);
      // A notice's input names its own customer and nobody else.
      const noticeHistory = await historyText(h.env, workflowIds.breachNotice('BATCH-1', 'batch-6'));
      expect(noticeHistory).toMatch(/Backup tapes were lost/);
      expect(noticeHistory).not.toMatch(/batch-5/);
      await handle.signal(breachUpdatedSignal, {
        update: 'Root cause found.',
        measures: [],
        at: new Date().toISOString(),
        key: 'msg_batch_update',
      });
      await h.waitFor(
        async () => (await h.sentBy('breach-BATCH-1~')).filter(([, step]) => step === 'update-msg_batch_update').length === 7,
      );
      // The long history was handed to a new run, which carried the customers and their state.
      await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId);
      await handle.signal(breachClosedSignal, { finalReport: 'Closed.', closedAt: new Date().toISOString() });
      expect(await handle.result()).toMatchObject({ customers: 7, notified: 7, pending: 0, finalReportsOutstanding: 0 });
    });
    const steps = (await h.sentBy('breach-BATCH-1~')).map(([, step]) => step);
    expect(steps.filter((step) => step === 'initial-notice')).toHaveLength(7);
    expect(steps.filter((step) => step === 'final-report')).toHaveLength(7);
  });
});
