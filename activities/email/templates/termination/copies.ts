import type { Language } from '../../../../domain/language';
import type { TerminationCopy } from './copy';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/** The end-of-contract copy in each language: the emails (render.ts) and the certificate's PDF. */
export const copies: Readonly<Record<Language, TerminationCopy>> = { nl, fr, en };
