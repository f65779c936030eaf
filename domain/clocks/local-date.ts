/**
 * A calendar date as the customer reads it on its own wall calendar, `YYYY-MM-DD`, with no time and
 * no zone: audit dates (12.2), holidays and working days are local dates, never instants.
 */
export type LocalDate = string;

export interface DateParts {
  year: number;
  /** 1 to 12 */
  month: number;
  /** 1 to 31 */
  day: number;
}

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDateParts({ year, month, day }: DateParts): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Refuses what `Date` would silently roll over, such as 30 February. */
export function parseLocalDate(date: string): DateParts {
  const match = localDatePattern.exec(date);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (isValidDateParts(parts)) return parts;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  return match !== null && isValidDateParts({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

export function formatLocalDate(parts: DateParts): LocalDate {
  if (!isValidDateParts(parts)) throw new RangeError(`not a calendar date: ${JSON.stringify(parts)}`);
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 * Plain arithmetic rather than `Date`, whose two-digit years map to the 1900s.
 */
export function toEpochDay({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return formatLocalDate(fromEpochDay(toEpochDay(parseLocalDate(date)) + days));
}

/** 0 = Sunday to 6 = Saturday, as `Date.prototype.getUTCDay` counts. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((toEpochDay(parseLocalDate(date)) + 4) % 7) + 7) % 7;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  const dayA = toEpochDay(parseLocalDate(a));
  const dayB = toEpochDay(parseLocalDate(b));
  return dayA < dayB ? -1 : dayA > dayB ? 1 : 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
