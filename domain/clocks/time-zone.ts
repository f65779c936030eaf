import { formatInstant, Instant, millisPerDay, millisPerHour, millisPerMinute, millisPerSecond, parseInstant } from './instant';
import { formatLocalDate, isValidDateParts, LocalDate, parseLocalDate, toEpochDay } from './local-date';

/**
 * Every instant is stored in UTC and read in the customer's IANA time zone (PRODUCT.md "Dates and
 * times"). Conversion uses `Intl.DateTimeFormat`, which the Temporal workflow sandbox provides; the
 * zone rules are the runtime's ICU data, so they change only with the Node version.
 */
export interface LocalDateTime {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  /** 0 to 23 */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// Building a formatter is costly and the zones in use are few.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localAt(epochMillis: number, timeZone: string): LocalDateTime {
  const local: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMillis)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        local[part.type] = Number(part.value);
        break;
      default:
        break;
    }
  }
  // Some engines still write midnight as 24 despite h23.
  if (local.hour === 24) local.hour = 0;
  local.millisecond = ((epochMillis % millisPerSecond) + millisPerSecond) % millisPerSecond;
  return local;
}

/** The wall-clock reading as if it were UTC: local minus this is the zone's offset. */
function wallMillis(local: LocalDateTime): number {
  return (
    toEpochDay(local) * millisPerDay +
    local.hour * millisPerHour +
    local.minute * millisPerMinute +
    local.second * millisPerSecond +
    local.millisecond
  );
}

function offsetAt(epochMillis: number, timeZone: string): number {
  return wallMillis(localAt(epochMillis, timeZone)) - epochMillis;
}

export function toLocalDateTime(instant: Instant, timeZone: string): LocalDateTime {
  return localAt(parseInstant(instant), timeZone);
}

/** The calendar date on the customer's wall at that instant: 23:30 UTC is already tomorrow in Brussels. */
export function localDateOf(instant: Instant, timeZone: string): LocalDate {
  return formatLocalDate(toLocalDateTime(instant, timeZone));
}

/** Minutes east of UTC in force at the instant: 60 in a Brussels winter, 120 in its summer. */
export function utcOffsetMinutes(instant: Instant, timeZone: string): number {
  return offsetAt(parseInstant(instant), timeZone) / millisPerMinute;
}

function assertValidLocal(local: LocalDateTime): void {
  const inRange = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
  if (
    !isValidDateParts(local) ||
    !inRange(local.hour, 23) ||
    !inRange(local.minute, 59) ||
    !inRange(local.second, 59) ||
    !inRange(local.millisecond, 999)
  ) {
    throw new RangeError(`not a wall-clock date and time: ${JSON.stringify(local)}`);
  }
}

/**
 * The instant at which the customer's wall clock shows `local`. Daylight saving time makes a wall
 * reading either missing or doubled once a year; both are resolved as RFC 5545 and the TC39 Temporal
 * proposal's 'compatible' disambiguation do, so that a clock never lands before the reading asked for:
 * - in a gap (Brussels, last Sunday of March, 02:00-02:59 does not exist) the reading is taken with
 *   the offset in force before the change, which moves it forward by the gap: 02:30 becomes 03:30 CEST;
 * - in an overlap (last Sunday of October, 02:00-02:59 happens twice) the earlier of the two is taken:
 *   02:30 CEST, not 02:30 CET.
 */
export function fromLocalDateTime(local: LocalDateTime, timeZone: string): Instant {
  assertValidLocal(local);
  const wall = wallMillis(local);
  // A day either side of the reading frames any transition near it; the offset at the reading itself
  // covers zones with two changes in two days.
  const offsetBefore = offsetAt(wall - millisPerDay, timeZone);
  const offsetAfter = offsetAt(wall + millisPerDay, timeZone);
  const offsetNear = offsetAt(wall, timeZone);
  const matches = [wall - offsetBefore, wall - offsetNear, wall - offsetAfter]
    .filter((candidate) => wallMillis(localAt(candidate, timeZone)) === wall)
    .sort((a, b) => a - b);
  return formatInstant(matches[0] ?? wall - offsetBefore);
}

/** The first instant of that date on the customer's wall (01:00 where a DST change skips midnight). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Instant {
  return fromLocalDateTime({ ...parseLocalDate(date), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
