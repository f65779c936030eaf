import fc from 'fast-check';
import ICAL from 'ical.js';
import {
  auditCalendar,
  renderAuditCancellation,
  renderAuditConfidentialityReminder,
  renderAuditInvitation,
  renderAuditOutcome,
  renderAuditReminder,
  renderAuditTooEarly,
} from '../../activities/email/templates/audit';
import {
  isEarlyEnough,
  nextFindingsReminder,
  openAuditState,
  refuseDateProposal,
  refuseFindings,
  type AuditFindingsMessage,
  type AuditState,
  supersededClock,
} from '../../domain/audit';
import { addLocalDays, earliestAuditDate, isWorkingDay, localDateOf, workingDaysBetween } from '../../domain/clocks';
import { languages } from '../../domain/language';

const brussels = 'Europe/Brussels';

function state(receivedAt: string, proposedDate: string): AuditState {
  return openAuditState({ auditId: 'A-1', customerId: 'cust-1', proposedDate, receivedAt, timeZone: brussels });
}

describe('12.2: at least thirty Belgian working days from the day the request was received', () => {
  it.each([
    // Easter Monday 2027 (5 April) is not counted: the 30th working day after 22 February is 6 April.
    ['2027-02-22T09:00:00.000Z', '2027-04-06', '2027-04-05'],
    // 21 July 2027 (a Wednesday) is not counted: 27 July, not 26.
    ['2027-06-14T08:00:00.000Z', '2027-07-27', '2027-07-26'],
    // Sunday 23:30 UTC is Monday 00:30 in Brussels: counted from the Monday.
    ['2027-06-13T22:30:00.000Z', '2027-07-27', '2027-07-26'],
    // Sunday 21:30 UTC is still Sunday in Brussels: counted from the Sunday, so Monday is the first working day.
    ['2027-06-13T21:30:00.000Z', '2027-07-26', '2027-07-23'],
  ])('a request received at %s may have its audit on %s, not on %s', (receivedAt, earliest, short) => {
    expect(earliestAuditDate(receivedAt, brussels)).toBe(earliest);
    const audit = state(receivedAt, earliest);
    expect(audit.date).toBe(earliest);
    expect(isEarlyEnough(audit, short)).toBe(false);
    expect(state(receivedAt, short).date).toBeUndefined();
  });

  it('the earliest date is a working day, exactly 30 working days after the local day of receipt, and the working day before it is not enough', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (at) => {
        const receivedAt = at.toISOString();
        const day = localDateOf(receivedAt, brussels);
        const earliest = earliestAuditDate(receivedAt, brussels);
        expect(isWorkingDay(earliest)).toBe(true);
        expect(workingDaysBetween(day, earliest)).toBe(30);
        expect(workingDaysBetween(day, addLocalDays(earliest, -1))).toBe(29);
      }),
      { numRuns: 300 },
    );
  });

  it('a date proposed too early is refused with the earliest date', () => {
    const audit = state('2027-02-22T09:00:00.000Z', '2027-03-01');
    const now = '2027-02-23T09:00:00.000Z';
    expect(refuseDateProposal(audit, { proposedDate: '2027-04-05', receivedAt: now, source: 'product' }, now)).toContain(
      'the earliest date is 2027-04-06',
    );
    expect(refuseDateProposal(audit, { proposedDate: '2027-04-06', receivedAt: now, source: 'product' }, now)).toBeUndefined();
    expect(refuseDateProposal(audit, { proposedDate: '2027-02-30', receivedAt: now, source: 'product' }, now)).toContain('YYYY-MM-DD');
  });
});

describe('12.4: the costs are the customer’s unless, and as far as, something is found', () => {
  const audit = state('2027-02-22T09:00:00.000Z', '2027-04-06');
  const after = '2027-04-07T09:00:00.000Z';
  const findings = (changes: Partial<AuditFindingsMessage>): AuditFindingsMessage => ({
    summary: 'Nothing of note.',
    seriousIncidentFound: false,
    policyBreachFound: false,
    processorCostShare: 0,
    recordedAt: after,
    source: 'operator',
    ...changes,
  });

  it('accepts no share without a finding, and any share with one', () => {
    expect(refuseFindings(audit, findings({}), after)).toBeUndefined();
    expect(refuseFindings(audit, findings({ seriousIncidentFound: true, processorCostShare: 1 }), after)).toBeUndefined();
    expect(refuseFindings(audit, findings({ policyBreachFound: true, processorCostShare: 0.25 }), after)).toBeUndefined();
  });

  it('refuses a share without a finding, a share outside 0..1, and findings before the audit day', () => {
    expect(refuseFindings(audit, findings({ processorCostShare: 0.1 }), after)).toContain('without a finding');
    expect(refuseFindings(audit, findings({ policyBreachFound: true, processorCostShare: 50 }), after)).toContain('from 0');
    expect(refuseFindings(audit, findings({ processorCostShare: -0.1 }), after)).toContain('from 0');
    expect(refuseFindings(audit, findings({ summary: ' ' }), after)).toContain('summary');
    expect(refuseFindings(audit, findings({}), '2027-04-05T21:00:00.000Z')).toContain('from that day on');
  });
});

describe('the emails of an audit, in every language', () => {
  const facts = { customerName: 'Acme', auditId: 'A-1', contact: { name: 'Privacy team', email: 'privacy@processor.test' } };
  const calendar = auditCalendar(
    {
      auditId: 'A-1',
      date: '2027-12-31',
      sequence: 3,
      stampedAt: '2027-11-01T10:00:00.000Z',
      summary: 'Audit A-1',
      description: 'Audit',
      organizer: { name: 'Privacy team', email: 'privacy@processor.test' },
      attendees: [{ email: 'dpo@acme.test' }],
    },
    'REQUEST',
  );

  it.each(languages)('%s: every email names the audit and carries no unfilled value', (language) => {
    const emails = [
      renderAuditTooEarly({ ...facts, proposedDate: '2027-12-01', earliestDate: '2027-12-31' }, language),
      renderAuditInvitation({ ...facts, date: '2027-12-31', auditor: 'Anna', calendar }, language),
      renderAuditInvitation({ ...facts, date: '2027-12-31', previousDate: '2027-12-20', calendar }, language),
      renderAuditCancellation({ ...facts, date: '2027-12-31', calendar }, language),
      renderAuditReminder({ ...facts, date: '2027-12-31', confidentialityMissing: true }, language),
      renderAuditConfidentialityReminder({ ...facts, date: '2027-12-31' }, language),
      renderAuditOutcome(
        { ...facts, date: '2027-12-31', summary: 'S', seriousIncidentFound: true, policyBreachFound: false, processorCostShare: 0.333 },
        language,
      ),
    ];
    for (const email of emails) {
      expect(email.subject).toContain('A-1');
      expect(email.text).not.toMatch(/undefined|NaN|\[object/);
      expect(email.html).toContain('privacy@processor.test');
    }
    expect(emails[6]!.text).toMatch(/33[.,]3/);
  });

  it('the calendar event is an all-day event on the date, whatever the zone of the machine', () => {
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(calendar.content)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toString()).toBe('2027-12-31');
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe('2028-01-01');
    expect(event.sequence).toBe(3);
  });
});

describe('12.4: the findings reminders after the date', () => {
  // Tuesday 27 July 2027; every 5 working days: 3 August, 10 August, ... at 09:00 in Brussels.
  const date = '2027-07-27';
  it('counts periods of five working days from the date, one at a time while on time', () => {
    expect(nextFindingsReminder(date, brussels, 5, 0, '2027-07-28T08:00:00.000Z')).toBe(1);
    expect(nextFindingsReminder(date, brussels, 5, 1, '2027-08-03T07:00:01.000Z')).toBe(2);
  });

  it('after a long pause gives the latest reminder due, not each one missed', () => {
    // 6 September is 28 working days after the date: the fifth (31 August) is due, the sixth (7 September) not yet.
    expect(nextFindingsReminder(date, brussels, 5, 1, '2027-09-06T12:00:00.000Z')).toBe(5);
    // On the sixth's day, before 09:00 in Brussels: still the fifth; after it, the sixth.
    expect(nextFindingsReminder(date, brussels, 5, 1, '2027-09-07T06:59:00.000Z')).toBe(5);
    expect(nextFindingsReminder(date, brussels, 5, 1, '2027-09-07T07:01:00.000Z')).toBe(6);
    // Once sent, the next is the one after it.
    expect(nextFindingsReminder(date, brussels, 5, 6, '2027-09-07T07:02:00.000Z')).toBe(7);
  });
});

describe('a reminder overtaken by a later one (a worker down for days before the date)', () => {
  const clock = (key: string, kind: string, at: string) => ({ key, kind, at });
  const five = clock('reminder-5@2027-10-13', 'reminder', '2027-10-06T07:00:00.000Z');
  const one = clock('reminder-1@2027-10-13', 'reminder', '2027-10-12T07:00:00.000Z');
  const alert = clock('alert-auditors-not-bound-2@2027-10-13', 'auditors-not-bound', '2027-10-11T07:00:00.000Z');

  it('is not sent when the later one of its kind is due too; the later one is', () => {
    expect(supersededClock(five, [five, alert, one], '2027-10-12T12:00:00.000Z')).toBe(true);
    expect(supersededClock(one, [five, alert, one], '2027-10-12T12:00:00.000Z')).toBe(false);
  });

  it('is sent on time, and when only another kind is due after it', () => {
    expect(supersededClock(five, [five, alert, one], '2027-10-06T07:00:00.000Z')).toBe(false);
    expect(supersededClock(five, [five, alert, one], '2027-10-11T08:00:00.000Z')).toBe(false);
    expect(supersededClock(alert, [five, alert, one], '2027-10-12T12:00:00.000Z')).toBe(false);
  });
});
