import {
  renderObjectionWindowAlert,
  renderSubprocessorChangeNotice,
  type SubprocessorChangeEmailFacts,
} from '../../activities/email/templates/subprocessor-change';
import { languages } from '../../domain/language';
import { testContact } from '../support/templates';

/** 5.2: the notice of a change marked urgent, and the privacy team's alert of it. */
const facts: SubprocessorChangeEmailFacts = {
  customerName: 'Acme BV',
  changeId: 'CHG-URG',
  action: 'added',
  subprocessorName: 'Backup Hosting SA',
  country: 'BE',
  purpose: 'hosting',
  transferBasis: 'eea',
  effectiveAt: '2026-03-05T08:00:00Z',
  urgentReason: 'Our current host <ends> its service on 5 March.',
  windowClosesAt: '2026-03-31T21:59:59.999Z',
  contact: { ...testContact, email: 'privacy@processor.test' },
  timeZone: 'Europe/Brussels',
};

describe('the notice of an urgent change (5.2)', () => {
  test.each([
    [
      'nl',
      /^\[Subverwerkers\] Dringend: /,
      'Deze wijziging is dringend',
      'donderdag 5 maart 2026 om 09:00',
      'dinsdag 31 maart 2026 om 23:59',
      'Waarom',
    ],
    ['fr', /^\[Sous-traitants ultérieurs\] Urgent : /, 'Cette modification est urgente', '5 mars 2026', '31 mars 2026', 'Pourquoi'],
    ['en', /^\[Subprocessors\] Urgent: /, 'This change is urgent', '5 March 2026', '31 March 2026', 'Why this change is urgent'],
  ] as const)(
    'in %s: says so in the subject and first, why, and that the customer may still object',
    (language, subject, urgent, effective, by, why) => {
      const email = renderSubprocessorChangeNotice(facts, language);
      expect(email.subject).toMatch(subject);
      expect(email.text).toContain(urgent);
      expect(email.text).toContain(effective);
      expect(email.text).toContain(by);
      expect(email.text).toContain(why);
      expect(email.text).toContain('Our current host <ends> its service on 5 March.');
      expect(email.html).toContain('Our current host &lt;ends&gt; its service on 5 March.');
      // The urgency comes before the facts and the way to object.
      expect(email.text.indexOf(urgent)).toBeLessThan(email.text.indexOf(facts.subprocessorName));
    },
  );

  test('a change not marked urgent says nothing of urgency', () => {
    const { urgentReason: _, ...plain } = facts;
    for (const language of languages) {
      const email = renderSubprocessorChangeNotice(plain, language);
      expect(email.subject).not.toMatch(/Dringend|Urgent/);
      expect(email.text).not.toMatch(/dringend|urgent/i);
    }
  });
});

describe("the privacy team's alert of an urgent change", () => {
  test('names the change, its workflow and when it takes effect, with the reason; no customer', () => {
    const email = renderObjectionWindowAlert({
      kind: 'urgent-change',
      changeId: 'CHG-URG',
      action: 'added',
      subprocessorId: 'sp-backup',
      subprocessorName: 'Backup Hosting SA',
      effectiveAt: '2026-03-05T08:00:00.000Z',
      detail: 'The product’s reason: our current host ends its service on 5 March.',
    });
    expect(email.subject).toBe('[Privacy team] Subprocessor change takes effect before its objection windows close – change CHG-URG');
    for (const part of [
      'urgent-change',
      'subprocessor-change-CHG-URG',
      '2026-03-05T08:00:00.000Z',
      'ends its service on 5 March',
      '30 days',
    ]) {
      expect(email.text).toContain(part);
    }
    expect(email.text).not.toContain('Customer id');
  });
});
