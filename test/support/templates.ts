/**
 * What the template tests check of every process's emails alike: that each language is written in its
 * own words, and that every kind of privacy-team alert is rendered.
 */
import type { PrivacyTeamAlertCopy } from '../../activities/email/templates/common/privacy-team-alert';
import type { RenderedEmail } from '../../activities/email/templates/rendered-email';
import { languages, type Language } from '../../domain/language';

/**
 * The lines of the text part long enough to be sentences or labels, not a bare value such as "- M-1",
 * and without the lines that quote any of `values` (a reference is the same in every language).
 */
export function wordingLines(email: RenderedEmail, ...values: string[]): string[] {
  return email.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 20 && !/^-+$/.test(line) && !values.some((value) => line.includes(value)));
}

/**
 * Fails, naming the lines, when an email in one language shares a sentence or a label with the same
 * email in another: a language is written in its own words, not in English with a translated subject.
 * `render` gives one email, or several whose wording is compared together.
 */
export function expectNoSharedWording(render: (language: Language) => RenderedEmail | readonly RenderedEmail[], ...values: string[]): void {
  const wording = (language: Language) => [render(language)].flat().flatMap((email) => wordingLines(email, ...values));
  for (const a of languages) {
    const own = wording(a);
    for (const b of languages) {
      if (a === b) continue;
      const other = new Set(wording(b));
      expect({ a, b, shared: own.filter((line) => other.has(line)) }).toEqual({ a, b, shared: [] });
    }
  }
}

/** Every kind of alert a process words: its copy is checked (`satisfies`) to word every kind of its type. */
export function alertKinds<Kind extends string>(copy: PrivacyTeamAlertCopy<Kind>): Kind[] {
  return Object.keys(copy.kinds) as Kind[];
}

/** The alert of every kind, rendered by `render`; fails unless each kind has a title of its own. */
export function renderEveryAlert<Kind extends string>(
  copy: PrivacyTeamAlertCopy<Kind>,
  render: (kind: Kind) => RenderedEmail,
): RenderedEmail[] {
  const emails = alertKinds(copy).map(render);
  expect(new Set(emails.map((email) => email.subject)).size).toBe(emails.length);
  return emails;
}

/** The contact point every template test writes with: named, with an email and a telephone. */
export const testContact = {
  name: 'Data Protection Officer, An Peeters',
  email: 'privacy@processor.example',
  telephone: '+32 2 555 01 23',
};
