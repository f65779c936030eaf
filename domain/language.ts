/** The languages a customer's privacy contacts are written to in (PRODUCT.md: Dutch, French, English). */
export const languages = ['nl', 'fr', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** Every instant is shown in the customer's time zone; this is the policy's home. */
export const defaultTimeZone = 'Europe/Brussels';
