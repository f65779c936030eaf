import { defaultTimeZone } from '../language';
import { belgianCalendar, WorkingCalendar } from './holidays';
import { Instant } from './instant';
import { addLocalDays, compareLocalDates, dayOfWeek, LocalDate, parseLocalDate } from './local-date';
import { localDateOf } from './time-zone';

/** 12.2: "minstens dertig (30) werkdagen op voorhand": at least 30 working days' notice of an audit. */
export const auditNoticeWorkingDays = 30;

// More consecutive non-working days than any real calendar has: past this the calendar is broken.
const longestClosure = 366;

/** Reads each year's holidays once per call rather than once per day counted. */
function workingDayRule(calendar: WorkingCalendar): (date: LocalDate) => boolean {
  const holidaysByYear = new Map<number, Set<string>>();
  return (date) => {
    const { year } = parseLocalDate(date);
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(calendar.holidays(year));
      holidaysByYear.set(year, holidays);
    }
    return !calendar.weekend.includes(dayOfWeek(date)) && !holidays.has(date);
  };
}

export function isWorkingDay(localDate: LocalDate, calendar: WorkingCalendar = belgianCalendar): boolean {
  return workingDayRule(calendar)(localDate);
}

/**
 * The `n`th working day after `localDate` (before it when `n` is negative); `localDate` itself never
 * counts, whether or not it is a working day. `n = 0` gives `localDate` back.
 */
export function addWorkingDays(localDate: LocalDate, n: number, calendar: WorkingCalendar = belgianCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
  parseLocalDate(localDate);
  const isWorking = workingDayRule(calendar);
  const step = n < 0 ? -1 : 1;
  let date = localDate;
  let remaining = Math.abs(n);
  let idle = 0;
  while (remaining > 0) {
    date = addLocalDays(date, step);
    if (isWorking(date)) {
      remaining -= 1;
      idle = 0;
    } else if (++idle > longestClosure) {
      throw new RangeError(`calendar ${calendar.name} has no working day in the ${longestClosure} days after ${date}`);
    }
  }
  return date;
}

/**
 * The working days strictly after `fromLocalDate` up to and including `toLocalDate`: Friday to the next
 * Monday is 1. Negative when `toLocalDate` comes first, so that for a working day `to`,
 * `addWorkingDays(from, workingDaysBetween(from, to)) === to`.
 */
export function workingDaysBetween(fromLocalDate: LocalDate, toLocalDate: LocalDate, calendar: WorkingCalendar = belgianCalendar): number {
  const order = compareLocalDates(fromLocalDate, toLocalDate);
  if (order > 0) return -workingDaysBetween(toLocalDate, fromLocalDate, calendar);
  const isWorking = workingDayRule(calendar);
  let count = 0;
  for (let date = addLocalDays(fromLocalDate, 1); compareLocalDates(date, toLocalDate) <= 0; date = addLocalDays(date, 1)) {
    if (isWorking(date)) count += 1;
  }
  return count;
}

/**
 * 12.2: the earliest date an audit may be held, the 30th working day after the day the request was
 * received. "The day" is the customer's: a request at 23:30 UTC on a Thursday reached Brussels on the
 * Friday. A request on a weekend or holiday counts from that day like any other, so its first working
 * day is the next one.
 */
export function earliestAuditDate(
  requestedAtInstant: Instant,
  timeZone: string = defaultTimeZone,
  calendar: WorkingCalendar = belgianCalendar,
  noticeWorkingDays: number = auditNoticeWorkingDays,
): LocalDate {
  return addWorkingDays(localDateOf(requestedAtInstant, timeZone), noticeWorkingDays, calendar);
}

export type AuditDateCheck = { ok: true } | { ok: false; earliestAllowed: string };

/**
 * 12.2: a proposed date with too little notice is refused with the earliest date that would do, so
 * the customer can answer with a date rather than a guess. Only the notice is judged here.
 */
export function checkAuditDate(
  proposedDate: LocalDate,
  requestedAt: Instant,
  timeZone: string = defaultTimeZone,
  calendar: WorkingCalendar = belgianCalendar,
  noticeWorkingDays: number = auditNoticeWorkingDays,
): AuditDateCheck {
  const earliestAllowed = earliestAuditDate(requestedAt, timeZone, calendar, noticeWorkingDays);
  return compareLocalDates(proposedDate, earliestAllowed) >= 0 ? { ok: true } : { ok: false, earliestAllowed };
}
