import { parseInstant } from '../../domain/clocks';
import type { Language } from '../../domain/language';
import { isoCountryCodes } from '../../domain/transfers';

/**
 * How each customer language is written. Belgian Dutch and French because the policy's home is
 * Belgium (PRODUCT.md); British English for day-month-year order and a 24-hour clock.
 */
export const locales: Readonly<Record<Language, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/**
 * Intl formatters are costly to build (each loads locale and zone data) and immutable once built, so
 * one per language, zone and use is kept: a change announced to thousands of customers formats two
 * instants per notice.
 */
const uses = {
  offset: { timeZoneName: 'shortOffset' },
  'date-and-time': {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(use: keyof typeof uses, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${use}|${locale}|${timeZone}`;
  let built = formatters.get(key);
  if (!built) {
    built = new Intl.DateTimeFormat(locale, { ...uses[use], timeZone });
    formatters.set(key, built);
  }
  return built;
}

/** The zone's offset from UTC at that instant, written the same in every language: "UTC+1", "UTC-3:30", "UTC". */
function utcOffset(instant: Date, timeZone: string): string {
  const name =
    formatter('offset', 'en-US', timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace(/^GMT/, '').replace('\u2212', '-');
  return offset === '' || /^[+-]0$/.test(offset) ? 'UTC' : `UTC${offset}`;
}

/** True for a zone name that is itself an offset ("GMT+1", "UTC−4", "UTC"), not an abbreviation like "CEST". */
function isOffsetName(name: string): boolean {
  return /^(GMT|UTC)([+\-\u2212]|$)/.test(name);
}

/**
 * A date and time as a customer's privacy contact reads it: in their language and IANA time zone,
 * with the zone shown so that a deadline cannot be misread (PRODUCT.md: every instant is stored in
 * UTC and shown in the customer's time zone). The offset is always given; an abbreviation is added
 * where the language has one, and tells apart the twice-occurring hour when summer time ends.
 *
 *   nl: "woensdag 1 april 2026 om 01:30 CEST (UTC+2)"
 *   fr: "mercredi 1er avril 2026 à 01:30 UTC+2"
 *   en: "Wednesday, 1 April 2026 at 01:30 CEST (UTC+2)"
 *
 * Throws a RangeError for a string that is not an ISO instant with a zone designator, or for an
 * unknown time zone.
 */
export function formatInstant(instantIso: string, language: Language, timeZone: string): string {
  // A string without a zone designator is refused: `Date` would read it in the server's own time zone,
  // so a deadline shown to a customer could silently shift by hours.
  const instant = new Date(parseInstant(instantIso));
  const offset = utcOffset(instant, timeZone);
  const parts = formatter('date-and-time', locales[language], timeZone).formatToParts(instant);
  return parts
    .map((part) => {
      if (part.type === 'timeZoneName') return isOffsetName(part.value) ? offset : `${part.value} (${offset})`;
      // French writes the first day of a month as an ordinal ("1er avril"); Intl does not.
      if (part.type === 'day' && language === 'fr' && part.value === '1') return '1er';
      return part.value;
    })
    .join('');
}

/** "a, b en c" / "a, b et c" / "a, b and c". */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(items);
}

/** A count with the language's digit grouping: "1.200" / "1 200" / "1,200". */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 0 }).format(count);
}

/** "Verenigde Staten (US)", "États-Unis (US)", "United States (US)"; the code alone when unknown. */
export function countryName(country: string, language: Language): string {
  if (!isoCountryCodes.has(country)) return country;
  try {
    const name = new Intl.DisplayNames([locales[language]], { type: 'region', fallback: 'none' }).of(country);
    return name ? `${name} (${country})` : country;
  } catch {
    return country;
  }
}
