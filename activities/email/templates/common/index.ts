import type { Language } from '../../../../domain/language';
import type { CommonCopy } from './copy';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { CommonCopy } from './copy';

export const commonCopy: Readonly<Record<Language, CommonCopy>> = { nl, fr, en };
