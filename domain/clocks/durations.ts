import { defaultTimeZone } from '../language';
import { formatInstant, Instant, millisPerHour, parseInstant } from './instant';
import { addLocalDays, daysInMonth, formatLocalDate, parseLocalDate } from './local-date';
import { fromLocalDateTime, toLocalDateTime } from './time-zone';

/**
 * Elapsed time: a 72-hour clock (Art. 33(1), the controller's own clock in the breach process) runs
 * straight through nights, weekends and daylight-saving changes, so it is added in UTC.
 */
export function addHours(instant: Instant, hours: number): Instant {
  if (!Number.isFinite(hours)) throw new RangeError(`hours must be a finite number, got ${hours}`);
  return formatInstant(parseInstant(instant) + hours * millisPerHour);
}

/**
 * Calendar days in the customer's zone, at the same wall-clock time: "30 days" in 5.2 ends at the hour
 * the notice went out, not an hour off because the clocks changed in between. Use `addHours(x, 24 * n)`
 * for elapsed days. A time that the target day skips (DST gap) moves forward, as in `fromLocalDateTime`.
 */
export function addDays(instant: Instant, days: number, timeZone: string = defaultTimeZone): Instant {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const local = toLocalDateTime(instant, timeZone);
  const date = parseLocalDate(addLocalDays(formatLocalDate(local), days));
  return fromLocalDateTime({ ...local, ...date }, timeZone);
}

/**
 * A calendar month (PRODUCT.md "Dates and times"; Art. 12(3)): the same day of the month `months` later
 * in the customer's zone, at the same wall-clock time, or that month's last day when the day does not
 * exist there (31 January + 1 = 28 or 29 February). Count from the original start rather than adding
 * months one at a time: 31 January + 2 is 31 March, but (31 January + 1) + 1 is 28 March.
 */
export function addCalendarMonths(instant: Instant, months: number, timeZone: string = defaultTimeZone): Instant {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const local = toLocalDateTime(instant, timeZone);
  const monthIndex = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(local.day, daysInMonth(year, month));
  return fromLocalDateTime({ ...local, year, month, day }, timeZone);
}

/** Elapsed hours from `from` to `to`, fractional, negative when `to` comes first. */
export function hoursBetween(from: Instant, to: Instant): number {
  return (parseInstant(to) - parseInstant(from)) / millisPerHour;
}

/** What a workflow waits for a deadline: never negative, so a passed deadline fires at once. */
export function millisUntil(fromInstant: Instant, toInstant: Instant): number {
  return Math.max(0, parseInstant(toInstant) - parseInstant(fromInstant));
}
