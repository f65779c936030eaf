import { isValidDateParts, toEpochDay } from './local-date';

/**
 * A point in time as an ISO 8601 string. Every instant is stored in UTC
 * ('2026-01-31T09:00:00.000Z', PRODUCT.md "Dates and times"); an explicit offset is accepted on input.
 */
export type Instant = string;

const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

export const millisPerSecond = 1_000;
export const millisPerMinute = 60_000;
export const millisPerHour = 3_600_000;
export const millisPerDay = 86_400_000;

/**
 * Milliseconds since the Unix epoch. A string without an offset is refused, because `Date` would read
 * it in the machine's own zone; rolled-over fields such as 30 February or 24:00 are refused too.
 */
export function parseInstant(instant: string): number {
  const match = instantPattern.exec(instant);
  if (match) {
    const [, year, month, day, hour, minute, second, fraction, zone, sign, offsetHours, offsetMinutes] = match;
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    const h = Number(hour);
    const m = Number(minute);
    const s = Number(second ?? '0');
    const offsetH = Number(offsetHours ?? '0');
    const offsetM = Number(offsetMinutes ?? '0');
    if (isValidDateParts(date) && h <= 23 && m <= 59 && s <= 59 && offsetH <= 23 && offsetM <= 59) {
      const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
      const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (offsetH * millisPerHour + offsetM * millisPerMinute);
      return toEpochDay(date) * millisPerDay + h * millisPerHour + m * millisPerMinute + s * millisPerSecond + millis - offset;
    }
  }
  throw new RangeError(`not an ISO 8601 instant with a time zone designator: ${JSON.stringify(instant)}`);
}

export function isInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}

/** The one stored form: UTC, milliseconds, 'Z'. */
export function formatInstant(epochMillis: number): Instant {
  if (!Number.isFinite(epochMillis)) throw new RangeError(`not a point in time: ${epochMillis}`);
  return new Date(epochMillis).toISOString();
}

/** Rewrites any accepted instant in the stored form, so that two spellings of one instant compare equal. */
export function normalizeInstant(instant: string): Instant {
  return formatInstant(parseInstant(instant));
}

export function compareInstants(a: Instant, b: Instant): number {
  const millisA = parseInstant(a);
  const millisB = parseInstant(b);
  return millisA < millisB ? -1 : millisA > millisB ? 1 : 0;
}

/** The instant at the start of its minute: the time an email shows, so that a clock counted from it matches. */
export function wholeMinute(instant: string): Instant {
  return formatInstant(Math.floor(parseInstant(instant) / 60_000) * 60_000);
}
