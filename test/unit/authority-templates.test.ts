import {
  renderAuthorityAlert,
  renderAuthorityNotice,
  renderAuthorityOutcome,
  type AuthorityAlertKind,
  type AuthorityNoticeFacts,
  type AuthorityOutcomeFacts,
} from '../../activities/email/templates/authority';
import type { RenderedEmail } from '../../activities/email/templates/rendered-email';
import { languages } from '../../domain/language';
import { expectNoSharedWording, testContact } from '../support/templates';

function expectNoLeaks(email: RenderedEmail): void {
  for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/undefined|NaN|\[object Object\]|\$\{/);
}

/** The paragraph of the text part that contains `needle`. */
function paragraphWith(email: RenderedEmail, needle: string): string | undefined {
  return email.text.split('\n\n').find((paragraph) => paragraph.includes(needle));
}

// A subpoena received on the Thursday before Easter 2027; the customers' views are due on Friday 2 April.
const subpoena: AuthorityNoticeFacts = {
  customerName: 'Acme Retail',
  requestId: 'AUTH-2027-8',
  authority: 'Public Prosecutor Antwerp',
  requestKind: 'subpoena',
  receivedAt: '2027-03-25T08:00:00Z',
  viewsDueAt: '2027-04-02T07:00:00Z',
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

describe('7.1 in the notice of an information request, subpoena or inspection', () => {
  it.each([
    ['nl', 'ten vroegste op vrijdag 2 april 2027 om 09:00 CEST (UTC+2)', 'uitdrukkelijk'],
    ['fr', 'pas avant le vendredi 2 avril 2027 à 09:00 UTC+2', 'expressément'],
    ['en', 'not before Friday, 2 April 2027 at 09:00 CEST (UTC+2)', 'expressly'],
  ] as const)(
    '%s: no personal data goes out before the customer’s view or the date, and an answer without any is said so',
    (language, notBefore, expressly) => {
      const email = renderAuthorityNotice(subpoena, language);
      const paragraph = paragraphWith(email, notBefore);
      expect(paragraph).toBeDefined();
      expect(paragraph).toContain(testContact.email);
      expect(email.text).toContain(expressly);
      // Not the wording of an intended disclosure: the subpoena's own.
      expect(email.text).not.toBe(renderAuthorityNotice({ ...subpoena, requestKind: 'disclosure-intent' }, language).text);
      expectNoLeaks(email);
    },
  );

  it('is written in each language', () => {
    expectNoSharedWording((language) => renderAuthorityNotice(subpoena, language));
  });
});

const answer = {
  customerName: 'Acme Retail',
  requestId: 'AUTH-2027-8',
  authority: 'Public Prosecutor Antwerp',
  requestKind: 'subpoena' as const,
  receivedAt: '2027-03-25T08:00:00Z',
  contact: testContact,
  timeZone: 'Europe/Brussels',
  kind: 'answered' as const,
  at: '2027-04-06T10:00:00Z',
  summary: 'SUMMARY-8',
};
const withoutData: AuthorityOutcomeFacts = { ...answer, disclosesPersonalData: false };
const withData: AuthorityOutcomeFacts = { ...answer, disclosesPersonalData: true, scope: 'SCOPE-8', manner: 'MANNER-8' };

describe('7.1 in the outcome of an answer', () => {
  it.each([
    ['nl', 'Met ons antwoord hebben wij geen persoonsgegevens bekendgemaakt die wij namens u verwerken.'],
    ['fr', 'Notre réponse ne contenait aucune donnée à caractère personnel que nous traitons pour votre compte.'],
    ['en', 'Our answer disclosed no personal data that we process on your behalf.'],
  ] as const)('%s: an answer that disclosed no personal data says so', (language, nothing) => {
    const email = renderAuthorityOutcome(withoutData, language);
    expect(email.text).toContain('SUMMARY-8');
    expect(email.text).toContain(nothing);
    expect(renderAuthorityOutcome(withData, language).text).not.toContain(nothing);
    expectNoLeaks(email);
  });

  it.each(languages)('%s: an answer that disclosed personal data gives its scope and manner', (language) => {
    const email = renderAuthorityOutcome(withData, language);
    expect(email.text).toContain('SUMMARY-8');
    expect(email.text).toContain('SCOPE-8');
    expect(email.text).toContain('MANNER-8');
    expect(email.text).toContain('7.1');
    expect(renderAuthorityOutcome(withoutData, language).text).not.toContain('SCOPE-8');
    expectNoLeaks(email);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) => [renderAuthorityOutcome(withoutData, language), renderAuthorityOutcome(withData, language)]);
  });
});

describe('the privacy team’s new authority alerts', () => {
  const render = (kind: AuthorityAlertKind) =>
    renderAuthorityAlert({
      kind,
      requestId: 'AUTH-9',
      requestKind: 'subpoena',
      customerIds: ['c-1'],
      detail: 'd',
      dueAt: '2027-07-06T14:00:00Z',
    });

  it('names what to do before the notice deadline, and the deadline itself', () => {
    const email = render('notice-deadline-approaching');
    expect(email.subject).toContain('notice deadline approaching');
    expect(email.text).toContain('recordCustomerNotified');
    expect(email.text).toContain('Tuesday, 6 July 2027 at 16:00 CEST (UTC+2)');
  });

  it('asks for the legal basis of a prohibition, or for the prohibition to be lifted', () => {
    const email = render('prohibition-basis-missing');
    expect(email.subject).toContain('Legal basis of a prohibition to tell the customers not recorded');
    expect(email.text).toContain('recordProhibitionBasis');
    expect(email.text).toContain('liftProhibition');
    expect(email.text).toContain('Art. 28(3)(a)');
  });
});
