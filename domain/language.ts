import { z } from 'zod';

/** The languages a customer's privacy contacts are written to in (PRODUCT.md: Dutch, French, English). */
export const languages = ['nl', 'fr', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Every instant is shown in the customer's time zone; this is the policy's home. */
export const defaultTimeZone = 'Europe/Brussels';
