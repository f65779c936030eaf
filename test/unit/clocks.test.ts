import {
  addCalendarMonths,
  addDays,
  addHours,
  addWorkingDays,
  belgianCalendar,
  belgianPublicHolidays,
  calendarFromDates,
  checkAuditDate,
  dayOfWeek,
  deadlinePassed,
  earliestAuditDate,
  easterSunday,
  fromLocalDateTime,
  hoursBetween,
  isValidTimeZone,
  isWorkingDay,
  localDateOf,
  millisUntil,
  nextReminder,
  parseInstant,
  reminderSchedule,
  remindersDue,
  startOfLocalDate,
  toLocalDateTime,
  utcOffsetMinutes,
  withExtraHolidays,
  workingDaysBetween,
} from '../../domain/clocks';

const brussels = 'Europe/Brussels';
const weekendsOnly = calendarFromDates('weekends only', []);

function wallClock(instant: string, timeZone = brussels): string {
  const t = toLocalDateTime(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

describe('time zones', () => {
  test('an instant reads in the customer zone, with winter and summer offsets', () => {
    expect(wallClock('2026-01-15T09:00:00.000Z')).toBe('2026-01-15 10:00');
    expect(wallClock('2026-07-15T09:00:00.000Z')).toBe('2026-07-15 11:00');
    expect(utcOffsetMinutes('2026-01-15T09:00:00.000Z', brussels)).toBe(60);
    expect(utcOffsetMinutes('2026-07-15T09:00:00.000Z', brussels)).toBe(120);
    expect(wallClock('2026-01-15T09:00:00.000Z', 'America/New_York')).toBe('2026-01-15 04:00');
  });

  test('23:30 UTC is already the next day in Brussels', () => {
    expect(localDateOf('2026-01-08T23:30:00.000Z', brussels)).toBe('2026-01-09');
    expect(localDateOf('2026-01-08T22:59:59.999Z', brussels)).toBe('2026-01-08');
    expect(localDateOf('2026-01-08T23:30:00.000Z', 'UTC')).toBe('2026-01-08');
  });

  test('a wall-clock time converts back to its instant', () => {
    const local = { year: 2026, month: 7, day: 21, hour: 9, minute: 15, second: 30, millisecond: 250 };
    expect(fromLocalDateTime(local, brussels)).toBe('2026-07-21T07:15:30.250Z');
    expect(toLocalDateTime('2026-07-21T07:15:30.250Z', brussels)).toEqual(local);
  });

  test('a time skipped by the spring change moves forward by the gap', () => {
    // Last Sunday of March 2026: 02:00 CET jumps to 03:00 CEST.
    const skipped = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 };
    expect(fromLocalDateTime(skipped, brussels)).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClock('2026-03-29T01:30:00.000Z')).toBe('2026-03-29 03:30');
  });

  test('a time repeated by the autumn change takes the earlier of the two', () => {
    // Last Sunday of October 2026: 03:00 CEST falls back to 02:00 CET.
    const repeated = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 };
    expect(fromLocalDateTime(repeated, brussels)).toBe('2026-10-25T00:30:00.000Z');
    expect(wallClock('2026-10-25T01:30:00.000Z')).toBe('2026-10-25 02:30');
  });

  test('the start of a local date, also where the DST change skips midnight', () => {
    expect(startOfLocalDate('2026-02-20', brussels)).toBe('2026-02-19T23:00:00.000Z');
    // Chile moves its clocks at midnight on the first Sunday of September: the day starts at 01:00.
    expect(startOfLocalDate('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(wallClock('2026-09-06T04:00:00.000Z', 'America/Santiago')).toBe('2026-09-06 01:00');
  });

  test('bad zones and ambiguous or impossible instants are refused', () => {
    expect(isValidTimeZone(brussels)).toBe(true);
    expect(isValidTimeZone('Europe/Brusels')).toBe(false);
    expect(() => localDateOf('2026-01-01T00:00:00.000Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => parseInstant('2026-01-31T09:00:00')).toThrow(RangeError);
    expect(() => parseInstant('2026-02-30T09:00:00Z')).toThrow(RangeError);
    expect(() => parseInstant('2026-01-31T24:00:00Z')).toThrow(RangeError);
    expect(parseInstant('2026-01-31T10:00:00+01:00')).toBe(parseInstant('2026-01-31T09:00:00.000Z'));
  });
});

describe('elapsed hours', () => {
  test('72 hours from a Friday run through the weekend to Monday', () => {
    const friday = '2026-01-09T09:00:00.000Z';
    const due = addHours(friday, 72);
    expect(due).toBe('2026-01-12T09:00:00.000Z');
    expect(dayOfWeek(localDateOf(due, brussels))).toBe(1);
  });

  test('72 hours across the spring change end an hour later on the wall clock', () => {
    const told = '2026-03-27T10:00:00.000Z'; // Friday 11:00 CET
    const due = addHours(told, 72);
    expect(due).toBe('2026-03-30T10:00:00.000Z');
    expect(wallClock(due)).toBe('2026-03-30 12:00');
    expect(hoursBetween(told, due)).toBe(72);
  });

  test('72 hours across the autumn change end an hour earlier on the wall clock', () => {
    const told = '2026-10-23T09:00:00.000Z'; // Friday 11:00 CEST
    const due = addHours(told, 72);
    expect(due).toBe('2026-10-26T09:00:00.000Z');
    expect(wallClock(due)).toBe('2026-10-26 10:00');
    expect(hoursBetween(told, due)).toBe(72);
  });

  test('calendar days keep the wall-clock time across a DST change, unlike hours', () => {
    const notice = '2026-03-27T10:00:00.000Z'; // 11:00 CET
    expect(addDays(notice, 3, brussels)).toBe('2026-03-30T09:00:00.000Z');
    expect(wallClock(addDays(notice, 3, brussels))).toBe('2026-03-30 11:00');
    expect(addDays('2026-10-01T08:00:00.000Z', 30, brussels)).toBe('2026-10-31T09:00:00.000Z');
  });

  test('hoursBetween is signed and millisUntil is never negative', () => {
    expect(hoursBetween('2026-01-02T00:00:00.000Z', '2026-01-01T12:00:00.000Z')).toBe(-12);
    expect(millisUntil('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.500Z')).toBe(1500);
    expect(millisUntil('2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(0);
  });
});

describe('calendar months', () => {
  test('31 January plus a month is the last day of February, leap years included', () => {
    expect(addCalendarMonths('2026-01-31T08:00:00.000Z', 1, brussels)).toBe('2026-02-28T08:00:00.000Z');
    expect(addCalendarMonths('2028-01-31T08:00:00.000Z', 1, brussels)).toBe('2028-02-29T08:00:00.000Z');
  });

  test('31 March plus a month is 30 April, at the same wall-clock time', () => {
    expect(addCalendarMonths('2026-03-31T07:00:00.000Z', 1, brussels)).toBe('2026-04-30T07:00:00.000Z');
  });

  test('a month across a DST change keeps the wall-clock time', () => {
    const received = '2026-03-15T09:00:00.000Z'; // 10:00 CET
    const due = addCalendarMonths(received, 1, brussels);
    expect(due).toBe('2026-04-15T08:00:00.000Z');
    expect(wallClock(due)).toBe('2026-04-15 10:00');
  });

  test('23:30 local at the end of a month stays 23:30 on the last day of the next one', () => {
    const lastMinutes = '2026-01-31T22:30:00.000Z'; // 31 January 23:30 CET
    expect(addCalendarMonths(lastMinutes, 1, brussels)).toBe('2026-02-28T22:30:00.000Z');
    expect(wallClock(addCalendarMonths(lastMinutes, 1, brussels))).toBe('2026-02-28 23:30');
    // 23:30 on 30 January in New York is 31 January in UTC: counted in UTC it would end on 28 February
    // in UTC, which is the wrong local day (27 February) in New York.
    const newYork = '2026-01-31T04:30:00.000Z';
    expect(wallClock(newYork, 'America/New_York')).toBe('2026-01-30 23:30');
    expect(addCalendarMonths(newYork, 1, 'America/New_York')).toBe('2026-03-01T04:30:00.000Z');
    expect(wallClock('2026-03-01T04:30:00.000Z', 'America/New_York')).toBe('2026-02-28 23:30');
  });

  test('just after midnight in Brussels the month counts from the local day, not the UTC one', () => {
    const received = '2026-01-30T23:30:00.000Z'; // 31 January 00:30 CET
    expect(addCalendarMonths(received, 1, brussels)).toBe('2026-02-27T23:30:00.000Z');
    expect(wallClock('2026-02-27T23:30:00.000Z')).toBe('2026-02-28 00:30');
  });

  test('months count from the start, and across a year end; the zone defaults to Brussels', () => {
    expect(addCalendarMonths('2026-01-31T08:00:00.000Z', 2, brussels)).toBe('2026-03-31T07:00:00.000Z');
    expect(addCalendarMonths('2026-11-30T08:00:00.000Z', 3)).toBe('2027-02-28T08:00:00.000Z');
    expect(addCalendarMonths('2026-03-31T07:00:00.000Z', -1)).toBe('2026-02-28T08:00:00.000Z');
    expect(() => addCalendarMonths('2026-01-31T08:00:00.000Z', 1.5)).toThrow(RangeError);
  });
});

describe('Belgian public holidays', () => {
  test('Easter Sunday by the Gregorian computus', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, easter] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(easter);
  });

  test('Easter Monday, Ascension Day and Whit Monday', () => {
    const h2026 = belgianPublicHolidays(2026);
    const h2027 = belgianPublicHolidays(2027);
    expect(h2026).toEqual(expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25']));
    expect(h2027).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
    expect(h2026).not.toContain('2026-03-29');
    expect(h2027).not.toContain('2027-04-05');
  });

  test('the ten legal holidays of 2026', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  test('calendars built from extra dates or a fixed list', () => {
    const withBridgeDay = withExtraHolidays(belgianCalendar, ['2026-05-15', '2027-12-24']);
    expect(withBridgeDay.holidays(2026)).toContain('2026-05-15');
    expect(withBridgeDay.holidays(2026)).toContain('2026-05-14');
    expect(withBridgeDay.holidays(2026)).not.toContain('2027-12-24');
    expect(withBridgeDay.holidays(2026)).toHaveLength(11);
    const sundaysOnly = calendarFromDates('six-day week', ['2026-06-24'], [0]);
    expect(isWorkingDay('2026-06-27', sundaysOnly)).toBe(true);
    expect(isWorkingDay('2026-06-24', sundaysOnly)).toBe(false);
    expect(() => withExtraHolidays(belgianCalendar, ['2026-02-30'])).toThrow(RangeError);
    expect(() => calendarFromDates('no days', [], [0, 1, 2, 3, 4, 5, 6])).toThrow(RangeError);
  });
});

describe('working days', () => {
  test('weekends and Belgian holidays are not working days', () => {
    expect(isWorkingDay('2026-04-06', belgianCalendar)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07', belgianCalendar)).toBe(true);
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-04-11', belgianCalendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-06', weekendsOnly)).toBe(true);
  });

  test('30 working days across Christmas and New Year', () => {
    // Friday 18 December 2026; Christmas and New Year's Day 2027 fall on Fridays.
    expect(addWorkingDays('2026-12-18', 30, belgianCalendar)).toBe('2027-02-02');
    expect(addWorkingDays('2026-12-18', 30, weekendsOnly)).toBe('2027-01-29');
  });

  test('30 working days across Easter, Labour Day and Ascension', () => {
    expect(addWorkingDays('2026-03-20', 30, belgianCalendar)).toBe('2026-05-05');
    expect(addWorkingDays('2026-03-20', 30, weekendsOnly)).toBe('2026-05-01');
    expect(addWorkingDays('2026-04-03', 1, belgianCalendar)).toBe('2026-04-07');
  });

  test('counting backwards and counting nothing', () => {
    expect(addWorkingDays('2026-04-07', -1, belgianCalendar)).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-11', 0, belgianCalendar)).toBe('2026-04-11');
  });

  test('workingDaysBetween counts strictly after from, up to and including to', () => {
    expect(workingDaysBetween('2026-01-09', '2026-01-12', belgianCalendar)).toBe(1); // Friday to Monday
    expect(workingDaysBetween('2026-01-12', '2026-01-12', belgianCalendar)).toBe(0);
    expect(workingDaysBetween('2026-01-12', '2026-01-09', belgianCalendar)).toBe(-1);
    expect(workingDaysBetween('2026-04-03', '2026-04-07', belgianCalendar)).toBe(1); // over Easter Monday
    expect(workingDaysBetween('2026-12-18', '2027-02-02', belgianCalendar)).toBe(30);
    expect(workingDaysBetween('2026-12-18', '2027-02-01', belgianCalendar)).toBe(29);
  });
});

describe('audit notice (12.2: 30 working days)', () => {
  test('a request on a Saturday counts from the next working day', () => {
    expect(earliestAuditDate('2026-01-10T10:00:00.000Z', brussels, belgianCalendar)).toBe('2026-02-20');
    expect(earliestAuditDate('2026-01-09T10:00:00.000Z', brussels, belgianCalendar)).toBe('2026-02-20');
    expect(earliestAuditDate('2026-01-08T10:00:00.000Z', brussels, belgianCalendar)).toBe('2026-02-19');
  });

  test('the day of the request is the customer day, not the UTC one', () => {
    // Thursday 23:30 UTC is Friday 00:30 in Brussels.
    expect(earliestAuditDate('2026-01-08T23:30:00.000Z', brussels, belgianCalendar)).toBe('2026-02-20');
    expect(earliestAuditDate('2026-01-08T23:30:00.000Z', 'UTC', belgianCalendar)).toBe('2026-02-19');
  });

  test('holidays in the notice period push the earliest date back', () => {
    expect(earliestAuditDate('2026-03-20T09:00:00.000Z')).toBe('2026-05-05');
    const closedOnMay4 = withExtraHolidays(belgianCalendar, ['2026-05-04']);
    expect(earliestAuditDate('2026-03-20T09:00:00.000Z', brussels, closedOnMay4)).toBe('2026-05-06');
    expect(earliestAuditDate('2026-03-20T09:00:00.000Z', brussels, belgianCalendar, 11)).toBe('2026-04-07');
  });

  test('a date too early gets the earliest allowed date back', () => {
    const requestedAt = '2026-01-10T10:00:00.000Z';
    expect(checkAuditDate('2026-02-19', requestedAt, brussels, belgianCalendar)).toEqual({
      ok: false,
      earliestAllowed: '2026-02-20',
    });
    expect(checkAuditDate('2026-01-20', requestedAt)).toEqual({ ok: false, earliestAllowed: '2026-02-20' });
    expect(checkAuditDate('2026-02-20', requestedAt, brussels, belgianCalendar)).toEqual({ ok: true });
    expect(checkAuditDate('2026-06-01', requestedAt, brussels, belgianCalendar)).toEqual({ ok: true });
    expect(() => checkAuditDate('2026-02-31', requestedAt)).toThrow(RangeError);
  });
});

describe('reminders', () => {
  const deadline = '2026-03-01T09:00:00.000Z';
  const offsets = [{ days: 1 }, { days: 7 }];

  test('reminders are computed from the deadline, earliest first', () => {
    const schedule = reminderSchedule(deadline, offsets);
    expect(schedule.map((r) => [r.before, r.at])).toEqual([
      ['P7D', '2026-02-22T09:00:00.000Z'],
      ['P1D', '2026-02-28T09:00:00.000Z'],
    ]);
    expect(reminderSchedule('2026-03-01T10:00:00+01:00', [{ hours: 24 }])[0]?.key).toBe('P1D@2026-03-01T09:00:00.000Z');
    expect(() => reminderSchedule(deadline, [{}])).toThrow(RangeError);
    expect(() => reminderSchedule(deadline, [{ days: -1 }])).toThrow(RangeError);
  });

  test('the next reminder follows what was sent', () => {
    const now = '2026-02-01T00:00:00.000Z';
    const first = nextReminder(deadline, offsets, [], now);
    expect(first?.at).toBe('2026-02-22T09:00:00.000Z');
    expect(millisUntil(now, first!.at)).toBe((21 * 24 + 9) * 3_600_000);
    const second = nextReminder(deadline, offsets, [first!.key], first!.at);
    expect(second?.at).toBe('2026-02-28T09:00:00.000Z');
    expect(nextReminder(deadline, offsets, [first!.key, second!.key], second!.at)).toBeUndefined();
  });

  test('an extension moves every reminder after it', () => {
    const first = nextReminder(deadline, offsets, [], '2026-02-01T00:00:00.000Z')!;
    const sent = [first.key];
    const extended = addCalendarMonths(deadline, 1, brussels);
    expect(extended).toBe('2026-04-01T08:00:00.000Z');
    const now = '2026-02-23T12:00:00.000Z';
    expect(nextReminder(deadline, offsets, sent, now)?.at).toBe('2026-02-28T09:00:00.000Z');
    const moved = nextReminder(extended, offsets, sent, now);
    expect(moved?.at).toBe('2026-03-25T08:00:00.000Z');
    expect(moved?.key).not.toBe(first.key);
    expect(remindersDue(deadline, offsets, now).map((r) => r.before)).toEqual(['P7D']);
    expect(remindersDue(extended, offsets, now)).toEqual([]);
  });

  test('no reminder in the past', () => {
    // A case opened three days before its deadline: the 7-day reminder is already behind it.
    expect(nextReminder(deadline, offsets, [], '2026-02-26T09:00:00.000Z')?.before).toBe('P1D');
    // A short extension leaves only the reminders still ahead.
    expect(nextReminder('2026-03-03T09:00:00.000Z', offsets, [], '2026-02-26T09:00:00.000Z')?.at).toBe('2026-03-02T09:00:00.000Z');
    expect(nextReminder(deadline, offsets, [], '2026-02-28T09:00:00.001Z')).toBeUndefined();
    expect(nextReminder(deadline, offsets, [], '2026-02-28T09:00:00.000Z')?.before).toBe('P1D');
  });

  test('once the deadline has passed nothing is due', () => {
    expect(deadlinePassed(deadline, deadline)).toBe(true);
    expect(deadlinePassed(deadline, '2026-03-01T08:59:59.999Z')).toBe(false);
    expect(remindersDue(deadline, offsets, '2026-03-01T08:59:59.999Z').map((r) => r.before)).toEqual(['P7D', 'P1D']);
    expect(remindersDue(deadline, offsets, deadline)).toEqual([]);
    expect(nextReminder(deadline, [{ hours: 1 }], [], '2026-03-02T00:00:00.000Z')).toBeUndefined();
  });
});
