/**
 * Reading the register's query string. A parameter the routes cannot read is a `BadQuery`, answered 400
 * with its message before anything is read from the register.
 */
import { addLocalDays, formatInstant, isLocalDate, parseInstant, startOfLocalDate } from '../../../domain/clocks';
import { defaultTimeZone, isLanguage, languages, type Language } from '../../../domain/language';

/** The register's dates are read and shown on the policy's home calendar, whoever asks. */
export const registerTimeZone = defaultTimeZone;

/** A query parameter the route cannot read: answered 400 with this message, nothing else done. */
export class BadQuery extends Error {}

export type Query = Record<string, string | string[] | undefined>;

/** One value, or undefined when left out. Empty counts as left out: an HTML form sends empty fields. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new BadQuery(`${name} must be given once, got ${value.length} values`);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * `asOf` and `since`: an instant with its zone ("2026-03-01T09:00:00Z", "2026-03-01T10:00:00+01:00"), or a
 * calendar date ("2026-03-01") read on the Brussels calendar (PRODUCT.md "Dates and times"):
 * - as `asOf` ('end'), a date means the last millisecond of that day in Brussels: the list as it stood
 *   that day, once every change effective that day had taken effect;
 * - as `since` ('start'), a date means the first instant of that day in Brussels, so that the changes
 *   announced that day are included.
 * Returns the instant in the stored form (UTC, 'Z').
 */
export function readRegisterInstant(name: string, raw: string, dayMeans: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    if (!isLocalDate(raw)) throw new BadQuery(`${name}: ${JSON.stringify(raw)} is not a calendar date`);
    try {
      if (dayMeans === 'start') return startOfLocalDate(raw, registerTimeZone);
      return formatInstant(parseInstant(startOfLocalDate(addLocalDays(raw, 1), registerTimeZone)) - 1);
    } catch {
      throw new BadQuery(`${name}: ${JSON.stringify(raw)} is outside the years 0001 to 9999`);
    }
  }
  // An unencoded '+' in a query string arrives as a space: "...T10:00:00 01:00" meant "+01:00".
  const spelled = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(spelled)) {
    throw new BadQuery(`${name}: ${JSON.stringify(raw)} has no time zone: add Z or an offset such as +01:00`);
  }
  try {
    return formatInstant(parseInstant(spelled));
  } catch {
    throw new BadQuery(
      `${name} must be a date (YYYY-MM-DD) or a date and time with its zone (such as 2026-03-01T09:00:00Z), got ${JSON.stringify(raw)}`,
    );
  }
}

export function readLanguage(query: Query): Language {
  const raw = single(query, 'lang');
  if (raw === undefined) return 'en';
  if (!isLanguage(raw)) throw new BadQuery(`lang must be one of ${languages.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw;
}
