import { parseLocalDate } from '../../../../domain/clocks';
import type { Language } from '../../../../domain/language';
import { locales } from '../../format';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * An audit date is a date on the customer's calendar, not an instant: written with its weekday
 * ("Tuesday 14 April 2026"), read as the calendar date it is whatever the reader's zone.
 */
export function formatAuditDate(date: string, language: Language): string {
  const { year, month, day } = parseLocalDate(date);
  let format = formatters.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(language, format);
  }
  return format.format(Date.UTC(year, month - 1, day, 12));
}
