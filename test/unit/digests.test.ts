import { readConfig } from '../../config/config';
import { renderCustomerReminder, renderTeamDigest, teamDigestIsEmpty } from '../../activities/email/templates/digest';
import { isDigestDay, isoWeek, minimumFailingMs, parseScheduleTime, parseWeeklyScheduleTime } from '../../domain/digests';

test('ISO weeks: the Thursday decides the year', () => {
  expect(isoWeek('2026-11-30')).toBe('2026-W49');
  expect(isoWeek('2026-12-06')).toBe('2026-W49');
  expect(isoWeek('2026-12-07')).toBe('2026-W50');
  expect(isoWeek('2027-01-01')).toBe('2026-W53');
  expect(isoWeek('2027-01-04')).toBe('2027-W01');
  expect(isoWeek('2024-12-30')).toBe('2025-W01');
});

test('the team digest goes out on Belgian working days only, in the schedule zone', () => {
  expect(isDigestDay('2026-11-30T07:00:00Z', 'Europe/Brussels')).toBe(true); // a Monday
  expect(isDigestDay('2027-03-29T06:00:00Z', 'Europe/Brussels')).toBe(false); // Easter Monday
  expect(isDigestDay('2026-11-11T07:00:00Z', 'Europe/Brussels')).toBe(false); // Armistice
  expect(isDigestDay('2026-12-05T07:00:00Z', 'Europe/Brussels')).toBe(false); // a Saturday
  // 23:30 UTC on a Sunday is already Monday in Brussels.
  expect(isDigestDay('2026-11-29T23:30:00Z', 'Europe/Brussels')).toBe(true);
});

test('an activity is failing at least the sum of its waits between attempts', () => {
  const email = { initialIntervalMs: 2_000, backoffCoefficient: 2, maximumIntervalMs: 120_000 };
  expect(minimumFailingMs(1, email)).toBe(0);
  expect(minimumFailingMs(2, email)).toBe(2_000);
  expect(minimumFailingMs(4, email)).toBe(2_000 + 4_000 + 8_000);
  expect(minimumFailingMs(7, email)).toBe(126_000);
  // 2+4+8+16+32+64 s, then 2 minutes each: the 36th attempt comes after an hour.
  expect(minimumFailingMs(35, email)).toBe(126_000 + 28 * 120_000);
  expect(minimumFailingMs(36, email)).toBe(126_000 + 29 * 120_000);
  expect(minimumFailingMs(36, email)).toBeGreaterThanOrEqual(3_600_000);
});

test('schedule times: off, HH:MM, a weekday and a time; anything else is refused at start-up', () => {
  expect(parseScheduleTime('off')).toBe('off');
  expect(parseScheduleTime('08:00')).toEqual({ hour: 8, minute: 0 });
  expect(parseScheduleTime('8:00')).toBeUndefined();
  expect(parseScheduleTime('24:00')).toBeUndefined();
  expect(parseWeeklyScheduleTime('mon 09:30')).toEqual({ day: 'MONDAY', hour: 9, minute: 30 });
  expect(parseWeeklyScheduleTime('Fri 17:00')).toEqual({ day: 'FRIDAY', hour: 17, minute: 0 });
  expect(parseWeeklyScheduleTime('monday 09:00')).toBeUndefined();
  expect(readConfig({}).schedules).toMatchObject({
    teamDigest: { at: { hour: 8, minute: 0 }, timeZone: 'Europe/Brussels' },
    customerReminders: { at: { day: 'MONDAY', hour: 9, minute: 0 } },
    retention: { at: { hour: 3, minute: 0 }, settings: { dsrSubjectDays: 30, emailEvidenceDays: 1825 }, closedWorkflowDays: 30 },
    webUiUrl: 'http://127.0.0.1:8233',
  });
  expect(readConfig({ TEAM_DIGEST_SCHEDULE: 'off', WEB_UI_URL: 'https://temporal.example/ui' }).schedules).toMatchObject({
    teamDigest: { at: 'off' },
    webUiUrl: 'https://temporal.example/ui',
  });
  expect(() => readConfig({ TEAM_DIGEST_SCHEDULE: '8am' })).toThrow('TEAM_DIGEST_SCHEDULE must be off or a time HH:MM');
  expect(() => readConfig({ CUSTOMER_REMINDER_SCHEDULE: 'daily' })).toThrow('CUSTOMER_REMINDER_SCHEDULE must be off or a day and a time');
  expect(() => readConfig({ TEAM_DIGEST_TIME_ZONE: 'Brussels' })).toThrow('TEAM_DIGEST_TIME_ZONE must be an IANA time zone');
  expect(() => readConfig({ RETENTION_WEBHOOK_DELIVERY_DAYS: '3' })).toThrow('must be at least 7');
  expect(() => readConfig({ RETENTION_DSR_SUBJECT_DAYS: '0' })).toThrow('RETENTION_DSR_SUBJECT_DAYS must be a positive whole number');
});

test('the team digest escapes what it shows and links only web addresses; an empty one is empty', () => {
  const row = {
    workflowId: 'dsr-<b>x</b>',
    process: 'dsr',
    customerIds: ['c1'],
    status: 'overdue',
    deadline: '2026-12-01T10:00:00.000Z',
    link: 'javascript:alert(1)',
  };
  const facts = {
    at: '2026-11-30T07:00:00.000Z',
    timeZone: 'Europe/Brussels',
    horizonDays: 7,
    dueSoon: [],
    overdue: [row],
    undeliverable: [],
    stuck: [],
  };
  const email = renderTeamDigest(facts);
  expect(email.html).toContain('dsr-&lt;b&gt;x&lt;/b&gt;');
  expect(email.html).not.toContain('<b>x</b>');
  expect(email.html).not.toContain('href="javascript');
  expect(email.text).toContain('Deadline: ');
  expect(teamDigestIsEmpty(facts)).toBe(false);
  expect(teamDigestIsEmpty({ ...facts, overdue: [] })).toBe(true);
});

test('a customer reminder lists each item with its deadline in the customer language and zone, soonest first', () => {
  const contact = { name: 'Privacy team', email: 'privacy@processor.test' };
  const email = renderCustomerReminder(
    {
      customerId: 'cust-nl',
      customerName: 'Bakkerij Peeters',
      timeZone: 'Europe/Brussels',
      week: '2026-W49',
      items: [
        { kind: 'export-window', caseId: 'cust-nl', deadline: '2026-12-10T22:59:59.999Z' },
        { kind: 'dsr-instruction', caseId: 'REQ-1', deadline: '2026-12-03T09:00:00.000Z' },
        { kind: 'breach-acknowledgement', caseId: 'INC-1' },
      ],
      contact,
    },
    'nl',
  );
  expect(email.subject).toBe('[Wekelijkse herinnering] 3 zaken wachten op uw antwoord – cust-nl');
  const text = email.text;
  expect(text.indexOf('REQ-1')).toBeLessThan(text.indexOf('Exporteer'));
  expect(text.indexOf('Exporteer')).toBeLessThan(text.indexOf('INC-1'));
  expect(text).toContain('zo snel mogelijk');
  expect(text).toContain('privacy@processor.test');
});
