import { readFileSync } from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { annexIiPath } from '../../activities/audit-attachments';
import {
  auditCancelledUpdate,
  auditConfidentialityConfirmedUpdate,
  auditDateProposedUpdate,
  auditFindingsRecordedUpdate,
  auditStatusQuery,
  type AuditFindingsMessage,
  type AuditRequestInput,
} from '../../domain/audit';
import { earliestAuditDate } from '../../domain/clocks';
import { auditRequest } from '../../workflows';
import type { CaughtMail } from '../support/mail';
import { historyText, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const h = useWorkflowHarness();

/** Every workflow a test started, to be idle before its worker stops (never terminated mid-activity). */
const started: WorkflowHandle[] = [];

function withAudits(taskQueue: string, fn: () => Promise<void>): Promise<void> {
  return h.withWorker(taskQueue, async () => {
    try {
      await fn();
    } finally {
      await h.untilAtRest(started.splice(0));
    }
  });
}

/** As the webhook endpoint does: the auditor into the records, then the case with everything else. */
async function startAudit(taskQueue: string, auditId: string, customerId: string, proposedDate: string, receivedAt: string) {
  const timeZone = 'Europe/Brussels';
  await h.records.audits.recordReceipt({
    auditId,
    customerId,
    proposedDate,
    receivedAt,
    timeZone,
    earliestDate: earliestAuditDate(receivedAt, timeZone),
    auditor: { name: 'Anna Auditor', email: `anna@${auditId.toLowerCase()}.auditors.test`, organisation: 'Audit & Co' },
  });
  const input: AuditRequestInput = { auditId, customerId, proposedDate, receivedAt, timeZone };
  const handle = await h.env.client.workflow.start(auditRequest, { workflowId: `audit-${auditId}`, taskQueue, args: [input] });
  started.push(handle);
  return handle;
}

async function steps(auditId: string): Promise<string[]> {
  return (await h.records.emails.listForWorkflow(`audit-${auditId}`))
    .filter((e) => e.status === 'sent')
    .map((e) => `${e.step} -> ${e.recipient}`);
}

const waitForStep = (auditId: string, step: string) =>
  h.waitFor(async () => (await steps(auditId)).some((s) => s.startsWith(`${step} -> `)), { what: `email step ${step} of ${auditId}` });

/** The text/calendar part of a caught email, parsed back with ical.js (another library than the one that wrote it). */
async function calendarOf(mail: CaughtMail) {
  const parsed = await simpleParser(h.catcher.raw(mail.id)!);
  const part = parsed.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toString(),
    allDay: event.startDate.isDate,
    end: event.endDate.toString(),
    status: event.component.getFirstPropertyValue('status'),
    attendees: event.attendees.map((attendee) =>
      String(attendee.getFirstValue())
        .replace(/^mailto:/i, '')
        .toLowerCase(),
    ),
  };
}

async function mailsOfStep(auditId: string, step: string): Promise<CaughtMail[]> {
  return (await h.mailOf(`audit-${auditId}`)).filter((mail) => mail.headers['x-dpa-step'] === step);
}

const propose = (handle: WorkflowHandle, proposedDate: string, webhookId: string) =>
  handle.executeUpdate(auditDateProposedUpdate, {
    args: [{ proposedDate, receivedAt: new Date(Date.now() - 1000).toISOString(), source: 'product', webhookId }],
    updateId: webhookId,
  });

const findings = (changes: Partial<AuditFindingsMessage>): AuditFindingsMessage => ({
  summary: 'Access reviews are not documented for the support team.',
  seriousIncidentFound: false,
  policyBreachFound: false,
  processorCostShare: 0,
  recordedAt: new Date(Date.now() - 1000).toISOString(),
  source: 'operator',
  ...changes,
});

test('12.2 across Easter Monday 2027: Easter Monday, the 30th working day on a calendar without it, is refused with 6 April; 6 April is invited, a new date re-invites under the same UID, a cancellation withdraws it', async () => {
  await h.customer('easter', { language: 'nl', emails: ['dpo@easter.test', 'it@easter.test'] });
  // 12.1: a breach that concerned this customer, and one that did not, for the register attached.
  for (const [incidentId, customerId] of [
    ['INC-EASTER', 'easter'],
    ['INC-OTHER', 'someone-else'],
  ] as const) {
    await h.records.breaches.recordIncident({
      incidentId,
      awareAt: '2026-12-01T08:00:00.000Z',
      detectedAt: '2026-12-01T08:05:00.000Z',
      summary: `Incident ${incidentId}`,
      dataCategories: ['email addresses'],
      measures: [],
    });
    await h.records.breaches.recordPendingNotifications(incidentId, [customerId]);
  }
  const receivedAt = '2027-02-22T09:00:00.000Z'; // Monday 22 February, 10:00 in Brussels
  await h.skipTo(receivedAt);
  await withAudits('audit-easter', async () => {
    const handle = await startAudit('audit-easter', 'EASTER', 'easter', '2027-04-05', receivedAt);
    await waitForStep('EASTER', 'another-date');
    const opened = await handle.query(auditStatusQuery);
    expect(opened).toMatchObject({ earliestDate: '2027-04-06', status: 'awaiting-date', dateVersion: 0 });
    expect(opened.date).toBeUndefined();
    const [ask] = await mailsOfStep('EASTER', 'another-date');
    expect(ask!.subject).toBe('[Audit] Gelieve een andere datum voor te stellen – audit EASTER');
    expect(ask!.text).toContain('dinsdag 6 april 2027');
    expect(ask!.text).toContain('maandag 5 april 2027');
    // Only the customer's contacts: no invitation is out yet.
    expect((await steps('EASTER')).sort()).toEqual(['another-date -> dpo@easter.test', 'another-date -> it@easter.test']);

    // The same too-early date by update: refused, with the earliest date; nothing changes.
    const refusal = await h.refusal(propose(handle, '2027-04-05', 'wh-easter-1'));
    expect(refusal).toContain('the earliest date is 2027-04-06');
    expect(await propose(handle, '2027-04-06', 'wh-easter-2')).toEqual({
      date: '2027-04-06',
      earliestDate: '2027-04-06',
      duplicate: false,
    });
    await h.waitFor(async () => (await mailsOfStep('EASTER', 'invitation-1')).length === 4, { what: 'four invitations' });

    const invitations = await mailsOfStep('EASTER', 'invitation-1');
    expect(invitations.map((mail) => mail.envelope.to[0]).sort()).toEqual(
      ['anna@easter.auditors.test', 'dpo@easter.test', 'it@easter.test', privacyTeam].sort(),
    );
    const team = invitations.find((mail) => mail.envelope.to[0] === privacyTeam)!;
    expect(team.subject).toBe('[Audit] Invitation – audit EASTER');
    const customer = invitations.find((mail) => mail.envelope.to[0] === 'dpo@easter.test')!;
    expect(customer.subject).toBe('[Audit] Uitnodiging – audit EASTER');
    expect(customer.text).toContain('Anna Auditor, Audit & Co');
    const first = await calendarOf(customer);
    expect(first).toMatchObject({
      method: 'REQUEST',
      uid: 'audit-EASTER@dpa-orchestrator',
      sequence: 0,
      start: '2027-04-06',
      end: '2027-04-07',
      allDay: true,
      status: 'CONFIRMED',
    });
    // 12.1: the customer's contacts get the documents, the auditor and the team only the invitation.
    const documents = async (mail: CaughtMail) =>
      (await simpleParser(h.catcher.raw(mail.id)!)).attachments
        .filter((attachment) => !attachment.contentType.startsWith('text/calendar') && !attachment.filename?.endsWith('.ics'))
        .map((attachment) => ({ filename: attachment.filename, text: attachment.content.toString('utf8') }));
    const attached = await documents(customer);
    // As of the day the date was fixed (the update's receivedAt), whatever day a retry sends it.
    const fixedOn = (await handle.query(auditStatusQuery)).dateFixedAt!.slice(0, 10);
    expect(attached.map((document) => document.filename)).toEqual([
      `subprocessors-${fixedOn}.csv`,
      `breach-register-easter-${fixedOn}.csv`,
      'annex-ii-technical-and-organisational-measures.md',
    ]);
    expect(attached[0]!.text).toMatch(/^id,name,country,purpose,safeguard,transfer_basis,added_at\n/);
    expect(attached[1]!.text).toContain('INC-EASTER');
    expect(attached[1]!.text).not.toContain('INC-OTHER');
    expect(attached[2]!.text).toBe(readFileSync(annexIiPath, 'utf8'));
    expect(customer.text).toContain('bijlage II');
    expect(await documents(team)).toEqual([]);
    expect(team.text).not.toContain('annex II');
    expect(first.attendees.sort()).toEqual(['anna@easter.auditors.test', 'dpo@easter.test', 'it@easter.test', privacyTeam].sort());

    // A new date: a new invitation, the same event (UID), SEQUENCE 1.
    await propose(handle, '2027-04-20', 'wh-easter-3');
    await h.waitFor(async () => (await mailsOfStep('EASTER', 'invitation-2')).length === 4, { what: 'the new date' });
    const moved = (await mailsOfStep('EASTER', 'invitation-2')).find((mail) => mail.envelope.to[0] === 'anna@easter.auditors.test')!;
    expect(moved.subject).toBe('[Audit] Nieuwe datum – audit EASTER');
    expect(moved.text).toContain('dinsdag 6 april 2027');
    expect(await calendarOf(moved)).toMatchObject({
      method: 'REQUEST',
      uid: 'audit-EASTER@dpa-orchestrator',
      sequence: 1,
      start: '2027-04-20',
    });
    expect(await h.records.audits.get('EASTER')).toMatchObject({ date: '2027-04-20', dateVersion: 2, status: 'open' });

    // The redelivered update changes nothing.
    expect(await propose(handle, '2027-04-20', 'wh-easter-3')).toMatchObject({ date: '2027-04-20' });

    await handle.executeUpdate(auditCancelledUpdate, {
      args: [
        {
          reason: 'Postponed to next year',
          cancelledAt: new Date(Date.now() - 1000).toISOString(),
          source: 'product',
          webhookId: 'wh-easter-4',
        },
      ],
      updateId: 'wh-easter-4',
    });
    await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the cancelled audit to end' });
    const cancellations = await mailsOfStep('EASTER', 'cancellation');
    expect(cancellations).toHaveLength(4);
    expect(await calendarOf(cancellations[0]!)).toMatchObject({
      method: 'CANCEL',
      uid: 'audit-EASTER@dpa-orchestrator',
      sequence: 2,
      start: '2027-04-20',
      status: 'CANCELLED',
    });
    expect((await handle.query(auditStatusQuery)).status).toBe('cancelled');
    expect(await h.records.audits.get('EASTER')).toMatchObject({ status: 'cancelled' });

    // The auditor's name and address never entered the history.
    const history = await historyText(h.env, 'audit-EASTER');
    expect(history).not.toContain('Anna');
    expect(history).not.toContain('auditors.test');
  });
});

test('12.2-12.4 across 21 July 2027: 27 July is exactly 30 working days out; without confidentiality the customer is reminded 10 and 3 working days before and the team alerted 2 before; everyone reminded 5 and 1 before; findings with a share after a refused one', async () => {
  await h.customer('summer', { language: 'fr', emails: ['dpo@summer.test'] });
  const receivedAt = '2027-06-14T08:00:00.000Z'; // Monday 14 June, 10:00 in Brussels
  await h.skipTo(receivedAt);
  await withAudits('audit-summer', async () => {
    const handle = await startAudit('audit-summer', 'SUMMER', 'summer', '2027-07-27', receivedAt);
    await h.waitFor(async () => (await mailsOfStep('SUMMER', 'invitation-1')).length === 3, { what: 'three invitations' });
    expect(await handle.query(auditStatusQuery)).toMatchObject({ earliestDate: '2027-07-27', date: '2027-07-27', status: 'scheduled' });
    const invitation = (await mailsOfStep('SUMMER', 'invitation-1')).find((mail) => mail.envelope.to[0] === 'dpo@summer.test')!;
    expect(invitation.subject).toBe('[Audit] Invitation – audit SUMMER');
    expect(invitation.text).toContain('mardi 27 juillet 2027');
    expect(await calendarOf(invitation)).toMatchObject({ method: 'REQUEST', sequence: 0, start: '2027-07-27', allDay: true });

    // 10 working days before 27 July, 21 July not counted: Monday 12 July, 09:00 in Brussels.
    await h.skipTo('2027-07-12T06:59:00.000Z');
    expect(await steps('SUMMER')).not.toContain('confidentiality-reminder-10@2027-07-27 -> dpo@summer.test');
    expect((await handle.query(auditStatusQuery)).status).toBe('scheduled');
    await h.skipTo('2027-07-12T07:01:00.000Z');
    await waitForStep('SUMMER', 'confidentiality-reminder-10@2027-07-27');
    const bound = await handle.query(auditStatusQuery);
    expect(bound.status).toBe('auditors-not-bound');

    // Up to the working day before: 19 July (5), 22 July (3), 23 July (2, the team), 26 July (1).
    await h.skipTo('2027-07-26T07:30:00.000Z');
    await waitForStep('SUMMER', 'reminder-1@2027-07-27');
    await waitForStep('SUMMER', 'alert-auditors-not-bound-2@2027-07-27');
    const before = (await steps('SUMMER')).filter((s) => !s.startsWith('invitation-')).sort();
    expect(before).toEqual(
      [
        'alert-auditors-not-bound-2@2027-07-27 -> ' + privacyTeam,
        'confidentiality-reminder-10@2027-07-27 -> dpo@summer.test',
        'confidentiality-reminder-3@2027-07-27 -> dpo@summer.test',
        'reminder-1@2027-07-27 -> anna@summer.auditors.test',
        'reminder-1@2027-07-27 -> dpo@summer.test',
        'reminder-1@2027-07-27 -> ' + privacyTeam,
        'reminder-5@2027-07-27 -> anna@summer.auditors.test',
        'reminder-5@2027-07-27 -> dpo@summer.test',
        'reminder-5@2027-07-27 -> ' + privacyTeam,
      ].sort(),
    );
    // Noted when the email went out, on the workflow's clock: never before its working day's 09:00.
    const timeline = (await handle.query(auditStatusQuery)).timeline;
    const notedAt = (prefix: string) => Date.parse(timeline.find((entry) => entry.event.startsWith(prefix))!.at);
    expect(notedAt('confidentiality reminder 3 working day(s)')).toBeGreaterThanOrEqual(Date.parse('2027-07-22T07:00:00.000Z'));
    expect(notedAt('confidentiality reminder 3 working day(s)')).toBeLessThan(Date.parse('2027-07-22T08:00:00.000Z'));
    expect(notedAt('reminder 5 working day(s)')).toBeGreaterThanOrEqual(Date.parse('2027-07-19T07:00:00.000Z'));
    expect(notedAt('reminder 5 working day(s)')).toBeLessThan(Date.parse('2027-07-19T08:00:00.000Z'));
    const [alert] = await mailsOfStep('SUMMER', 'alert-auditors-not-bound-2@2027-07-27');
    expect(alert!.subject).toContain('Auditors not bound to confidentiality');

    // Findings before the audit day are refused; after it, a share without a finding is refused (12.4).
    expect(await h.refusal(handle.executeUpdate(auditFindingsRecordedUpdate, { args: [findings({})] }))).toContain('from that day on');
    await h.skipTo('2027-07-27T22:01:00.000Z'); // 28 July, 00:01 in Brussels
    await h.waitFor(async () => (await handle.query(auditStatusQuery)).status === 'awaiting-findings', { what: 'awaiting findings' });
    expect(await h.refusal(handle.executeUpdate(auditFindingsRecordedUpdate, { args: [findings({ processorCostShare: 0.5 })] }))).toContain(
      'without a finding',
    );
    expect(
      await h.refusal(
        handle.executeUpdate(auditFindingsRecordedUpdate, { args: [findings({ policyBreachFound: true, processorCostShare: 1.5 })] }),
      ),
    ).toContain('processorCostShare must be a number from 0');

    // Five working days after the date (3 August, 09:00), the team is reminded.
    await h.skipTo('2027-08-03T07:01:00.000Z');
    await waitForStep('SUMMER', 'findings-awaited-1@2027-07-27');

    await handle.executeUpdate(auditFindingsRecordedUpdate, {
      args: [findings({ policyBreachFound: true, processorCostShare: 0.5, summary: 'Logs were kept beyond the retention period.' })],
    });
    await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the audit to close' });
    const [outcome] = await mailsOfStep('SUMMER', 'outcome');
    expect(outcome!.subject).toBe('[Audit] Constatations et frais – audit SUMMER');
    expect(outcome!.text).toContain('Le sous-traitant supporte 50 % des frais');
    expect(outcome!.text).toContain('Logs were kept beyond the retention period.');
    expect(await h.records.audits.get('SUMMER')).toMatchObject({
      status: 'closed',
      findings: { policyBreachFound: true, seriousIncidentFound: false, processorCostShare: 0.5 },
    });
  });
});

test('confirmed confidentiality stops the reminders and the alert; findings without a share leave every cost with the customer', async () => {
  await h.customer('calm', { language: 'en', emails: ['dpo@calm.test'] });
  const receivedAt = '2027-09-01T08:00:00.000Z';
  await h.skipTo(receivedAt);
  await withAudits('audit-calm', async () => {
    const handle = await startAudit('audit-calm', 'CALM', 'calm', '2027-10-13', receivedAt);
    await waitForStep('CALM', 'invitation-1');
    await handle.executeUpdate(auditConfidentialityConfirmedUpdate, {
      args: [{ reference: 'NDA-77', confirmedAt: new Date(Date.now() - 1000).toISOString(), source: 'product', webhookId: 'wh-calm-1' }],
      updateId: 'wh-calm-1',
    });
    await h.waitFor(async () => (await h.records.audits.get('CALM'))?.confidentialityConfirmedAt, { what: 'confidentiality recorded' });
    await h.skipTo('2027-10-13T10:00:00.000Z');
    await waitForStep('CALM', 'reminder-1@2027-10-13');
    expect((await handle.query(auditStatusQuery)).status).toBe('scheduled');
    await handle.executeUpdate(auditFindingsRecordedUpdate, { args: [findings({})] });
    await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the audit to close' });
    const all = await steps('CALM');
    expect(all.filter((s) => s.includes('confidentiality') || s.includes('not-bound'))).toEqual([]);
    const [outcome] = await mailsOfStep('CALM', 'outcome');
    expect(outcome!.text).toContain('The processor bears 0% of the costs of the audit and the customer 100%.');
  });
});
