import { addLocalDays, formatLocalDate, isLocalDate, LocalDate, parseLocalDate } from './local-date';

/**
 * "Working day" is calendar data (PRODUCT.md "Dates and times"), Belgium by default: 12.2 counts the
 * audit notice in Belgian working days, Monday to Friday without Belgian public holidays.
 */
export interface WorkingCalendar {
  name: string;
  /** Days of the week that are never working days, 0 = Sunday to 6 = Saturday. */
  weekend: readonly number[];
  /** The public holidays of that year, `YYYY-MM-DD`, in any order. */
  holidays(year: number): string[];
}

const saturdayAndSunday: readonly number[] = Object.freeze([0, 6]);

/** Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`the Gregorian computus needs a year from 1583 to 9999, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return formatLocalDate({ year, month: Math.floor(n / 31), day: (n % 31) + 1 });
}

/**
 * The ten legal public holidays of Belgium (Royal Decree of 18 April 1974), in date order. Easter
 * Sunday and Whit Sunday are not listed: they fall on a weekend day anyway.
 */
export function belgianPublicHolidays(year: number): LocalDate[] {
  const easter = easterSunday(year);
  const on = (month: number, day: number) => formatLocalDate({ year, month, day });
  return [
    on(1, 1), // New Year's Day
    addLocalDays(easter, 1), // Easter Monday
    on(5, 1), // Labour Day
    addLocalDays(easter, 39), // Ascension Day
    addLocalDays(easter, 50), // Whit Monday
    on(7, 21), // National Day
    on(8, 15), // Assumption
    on(11, 1), // All Saints' Day
    on(11, 11), // Armistice Day
    on(12, 25), // Christmas Day
  ].sort();
}

export const belgianCalendar: WorkingCalendar = Object.freeze({
  name: 'BE',
  weekend: saturdayAndSunday,
  holidays: belgianPublicHolidays,
});

function checkedDates(dates: readonly string[]): LocalDate[] {
  const invalid = dates.filter((date) => !isLocalDate(date));
  if (invalid.length > 0) throw new RangeError(`not calendar dates (YYYY-MM-DD): ${invalid.join(', ')}`);
  return [...new Set(dates)].sort();
}

function checkedWeekend(weekend: readonly number[]): readonly number[] {
  const days = [...new Set(weekend)].sort();
  if (days.some((day) => !Number.isInteger(day) || day < 0 || day > 6) || days.length > 6) {
    throw new RangeError(`a weekend is at most six of the days 0 (Sunday) to 6 (Saturday), got ${weekend.join(', ')}`);
  }
  return Object.freeze(days);
}

function datesIn(dates: readonly LocalDate[], year: number): LocalDate[] {
  return dates.filter((date) => parseLocalDate(date).year === year);
}

/**
 * A calendar with extra non-working days on top of another, such as a customer's contract that also
 * excludes regional holidays or the processor's collective closing days. Plain dates, so a workflow
 * can keep them in its JSON state and rebuild the calendar.
 */
export function withExtraHolidays(
  base: WorkingCalendar,
  extraDates: readonly string[],
  name: string = `${base.name}+${extraDates.length}`,
): WorkingCalendar {
  const extra = checkedDates(extraDates);
  return Object.freeze({
    name,
    weekend: checkedWeekend(base.weekend),
    holidays: (year: number) => [...new Set([...base.holidays(year), ...datesIn(extra, year)])].sort(),
  });
}

/** A calendar from a fixed list of holidays alone, for a contract that names its own. */
export function calendarFromDates(
  name: string,
  holidayDates: readonly string[],
  weekend: readonly number[] = saturdayAndSunday,
): WorkingCalendar {
  const holidays = checkedDates(holidayDates);
  return Object.freeze({
    name,
    weekend: checkedWeekend(weekend),
    holidays: (year: number) => datesIn(holidays, year),
  });
}
