import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { addLocalDays, earliestAuditDate } from '../../domain/clocks';
import type { Records } from '../../records';
import { waitForMessages, type CaughtMail, type MailCatcher } from '../support/mail';
import { customerEvent, privacyTeamEmail, startStack, type Answer, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

/** An audit end to end on real parts: signed webhooks, the Temporal dev server, PostgreSQL, SMTP. */
let stack: Stack;
let records: Records;
let catcher: MailCatcher;

beforeAll(async () => {
  stack = await startStack({ database: 'postgres' });
  ({ records, catcher } = stack);
});

afterAll(async () => {
  await stack?.close();
});

const post = (event: unknown, webhookId: string): Promise<Answer> => stack.post(event, { webhookId });
const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

async function newMessages(before: number, count: number): Promise<CaughtMail[]> {
  return (await waitForMessages(catcher, before + count)).slice(before);
}

/** The invitation as a calendar client reads it: the text/calendar part of the SMTP message, parsed by ical.js. */
async function calendarEvent(mail: CaughtMail) {
  const parsed = await simpleParser(catcher.raw(mail.id)!);
  const part = parsed.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.uid,
    sequence: vevent.sequence,
    start: vevent.startDate.toString(),
    allDay: vevent.startDate.isDate,
  };
}

test('an audit by signed webhooks: too early, the earliest date back, a new date invited by calendar over SMTP, cancelled', async () => {
  // An undescribed customer is refused, and nothing is kept.
  const unknown = await post(
    event('audit.requested', { auditId: 'E2E-AUD-0', customerId: 'e2e-audit-nobody', proposedDate: '2099-01-05', auditor: { name: 'A' } }),
    'msg_audit_unknown',
  );
  expect(unknown.status).toBe(409);
  expect(unknown.body.error).toContain('customer e2e-audit-nobody is not known');
  expect(await records.audits.get('E2E-AUD-0')).toBeUndefined();

  expect((await post(customerEvent('e2e-audit', 'en', ['dpo@audit.e2e.test']), 'msg_audit_customer')).status).toBe(202);
  await waitFor('the customer record', () => records.customers.get('e2e-audit'));

  // 1. Too early: the answer names the earliest date; the customer is asked for another.
  const requested = event('audit.requested', {
    auditId: 'E2E-AUD-1',
    customerId: 'e2e-audit',
    proposedDate: '2000-01-03',
    auditor: { name: 'Ada Auditor', email: 'ada@auditors.e2e.test', organisation: 'Audit & Co' },
    scope: 'Access control',
  });
  const earliest = earliestAuditDate(requested.timestamp, 'Europe/Brussels');
  let before = (await catcher.messages()).length;
  const answer = await post(requested, 'msg_audit_requested');
  expect(answer).toEqual({ status: 202, body: { workflowId: 'audit-E2E-AUD-1', earliestDate: earliest, date: null } });
  // The same delivery again: the same answer.
  expect(await post(requested, 'msg_audit_requested')).toEqual(answer);
  const [ask] = await newMessages(before, 1);
  expect(ask!.envelope.to).toEqual(['dpo@audit.e2e.test']);
  expect(ask!.subject).toBe('[Audit] Please propose another date – audit E2E-AUD-1');

  // 2. A date still too early is 409 with the earliest date; the earliest itself is fixed and invited.
  const short = await post(
    event('audit.date-proposed', { auditId: 'E2E-AUD-1', proposedDate: addLocalDays(earliest, -1) }),
    'msg_audit_date_1',
  );
  expect(short.status).toBe(409);
  expect(short.body).toMatchObject({ workflowId: 'audit-E2E-AUD-1', earliestDate: earliest });
  expect(short.body.error).toContain(`the earliest date is ${earliest}`);

  before = (await catcher.messages()).length;
  const fixed = await post(event('audit.date-proposed', { auditId: 'E2E-AUD-1', proposedDate: earliest }), 'msg_audit_date_2');
  expect(fixed).toEqual({ status: 202, body: { workflowId: 'audit-E2E-AUD-1', earliestDate: earliest, date: earliest } });
  const invitations = await newMessages(before, 3);
  expect(invitations.map((mail) => mail.envelope.to[0]).sort()).toEqual(
    ['ada@auditors.e2e.test', 'dpo@audit.e2e.test', privacyTeamEmail].sort(),
  );
  for (const invitation of invitations) {
    expect(await calendarEvent(invitation)).toEqual({
      method: 'REQUEST',
      uid: 'audit-E2E-AUD-1@dpa-orchestrator',
      sequence: 0,
      start: earliest,
      allDay: true,
    });
    // What the customer said the audit covers goes to everyone invited.
    expect(invitation.text).toContain('Access control');
  }
  await waitFor('the date in the records', async () => (await records.audits.get('E2E-AUD-1'))?.date === earliest);

  // 3. Confidentiality confirmed, then the audit called off: the event withdrawn from every calendar.
  expect((await post(event('audit.confidentiality-confirmed', { auditId: 'E2E-AUD-1', reference: 'NDA-9' }), 'msg_audit_nda')).status).toBe(
    202,
  );
  before = (await catcher.messages()).length;
  expect((await post(event('audit.cancelled', { auditId: 'E2E-AUD-1', reason: 'Postponed' }), 'msg_audit_cancel')).status).toBe(202);
  const cancellations = await newMessages(before, 3);
  for (const cancellation of cancellations) {
    expect(await calendarEvent(cancellation)).toMatchObject({
      method: 'CANCEL',
      uid: 'audit-E2E-AUD-1@dpa-orchestrator',
      sequence: 1,
      start: earliest,
    });
  }
  await waitFor('the cancellation in the records', async () => (await records.audits.get('E2E-AUD-1'))?.status === 'cancelled');
  expect(await records.audits.get('E2E-AUD-1')).toMatchObject({ confidentialityConfirmedAt: expect.any(String), scope: 'Access control' });

  // The case has ended: a new date is refused.
  const late = await post(
    event('audit.date-proposed', { auditId: 'E2E-AUD-1', proposedDate: addLocalDays(earliest, 7) }),
    'msg_audit_date_3',
  );
  expect(late.status).toBe(409);
});

test('a request the product dated back 40 days still gets its 30 working days from the day it reached us', async () => {
  expect((await post(customerEvent('e2e-audit-late', 'en', ['dpo@audit-late.e2e.test']), 'msg_audit_late_customer')).status).toBe(202);
  await waitFor('the customer record', () => records.customers.get('e2e-audit-late'));
  const backdated = {
    ...event('audit.requested', {
      auditId: 'E2E-AUD-LATE',
      customerId: 'e2e-audit-late',
      proposedDate: '2000-01-03',
      auditor: { name: 'Late Auditor' },
    }),
    timestamp: new Date(Date.now() - 40 * 86_400_000).toISOString(),
  };
  const receivedAt = new Date().toISOString();
  const answer = await post(backdated, 'msg_audit_late');
  expect(answer.status).toBe(202);
  // Counted from the event's own timestamp it would be 40 days (about 28 working days) earlier.
  expect(answer.body.earliestDate).toBe(earliestAuditDate(receivedAt, 'Europe/Brussels'));
  expect(answer.body.earliestDate).not.toBe(earliestAuditDate(backdated.timestamp, 'Europe/Brussels'));
  expect(await records.audits.get('E2E-AUD-LATE')).toMatchObject({ earliestDate: earliestAuditDate(receivedAt, 'Europe/Brussels') });
});
