import type { Language } from '../../../../domain/language';
import { formatInstant } from '../../format';

/** One email's language: its process's copy in it, and instants shown in the customer's time zone. */
export type Localised<Copy> = { language: Language; copy: Copy; at(instantIso: string): string };

export function localised<Copy>(copies: Readonly<Record<Language, Copy>>, language: Language, timeZone: string): Localised<Copy> {
  return { language, copy: copies[language], at: (instantIso) => formatInstant(instantIso, language, timeZone) };
}
