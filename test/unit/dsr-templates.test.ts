import {
  renderDsrClosure,
  renderDsrExtension,
  renderDsrNotice,
  renderDsrPrivacyTeamAlert,
  renderDsrReminder,
  renderDsrSubjectConfirmation,
  type DsrCaseFacts,
} from '../../activities/email/templates/dsr';
import { alert } from '../../activities/email/templates/dsr/alert';
import { escapeHtml, type RenderedEmail } from '../../activities/email/templates/rendered-email';
import type { DsrAction } from '../../domain/dsr';
import { languages, type Language } from '../../domain/language';
import { alertKinds, expectNoSharedWording, renderEveryAlert, testContact } from '../support/templates';

/** Received at 23:30 UTC on 31 January: already 1 February in Brussels, so the month ends on 1 March there. */
const facts: DsrCaseFacts = {
  customerName: 'Acme Retail',
  requestId: 'DSR-2027-0042',
  requestType: 'erasure',
  receivedAt: '2027-01-31T23:30:00Z',
  deadlineAt: '2027-02-28T23:30:00Z',
  timeZone: 'Europe/Brussels',
  contact: testContact,
};

function everyCustomerEmail(language: Language): Record<string, RenderedEmail> {
  return {
    notice: renderDsrNotice({ ...facts, subjectWillBeConfirmed: true }, language),
    reminder: renderDsrReminder(facts, language),
    extension: renderDsrExtension(
      { ...facts, extraMonths: 2, extensionMonths: 2, originalDeadlineAt: facts.deadlineAt, deadlineAt: '2027-04-30T22:30:00Z' },
      language,
    ),
    closure: renderDsrClosure(
      {
        ...facts,
        closedAt: '2027-02-10T09:00:00Z',
        outcome: { kind: 'carried-out', action: 'erase', completedAt: '2027-02-10T08:45:00Z' },
      },
      language,
    ),
    handled: renderDsrClosure({ ...facts, closedAt: '2027-02-10T09:00:00Z', outcome: { kind: 'handled-by-customer' } }, language),
  };
}

const markers: Record<Language, string> = {
  nl: '[Verzoek betrokkene]',
  fr: '[Demande de personne concernée]',
  en: '[Data subject request]',
};

describe.each(languages)('%s customer emails', (language) => {
  const emails = everyCustomerEmail(language);

  it('carry the marker and the request reference in every subject', () => {
    for (const email of Object.values(emails)) {
      expect(email.subject.startsWith(markers[language])).toBe(true);
      expect(email.subject).toContain('DSR-2027-0042');
    }
  });

  it('show the receipt and the deadline on the customer’s wall clock, never the UTC date', () => {
    const local: Record<Language, [string, string]> = {
      nl: ['maandag 1 februari 2027 om 00:30 CET (UTC+1)', 'maandag 1 maart 2027 om 00:30 CET (UTC+1)'],
      fr: ['lundi 1er février 2027 à 00:30 UTC+1', 'lundi 1er mars 2027 à 00:30 UTC+1'],
      en: ['Monday, 1 February 2027 at 00:30 CET (UTC+1)', 'Monday, 1 March 2027 at 00:30 CET (UTC+1)'],
    };
    const [received, deadline] = local[language];
    for (const email of [emails.notice!, emails.reminder!]) {
      expect(email.text).toContain(received);
      expect(email.text).toContain(deadline);
      expect(email.html).toContain(escapeHtml(deadline));
      expect(email.text).not.toMatch(/23:30/);
    }
  });

  it('leave nothing unfilled', () => {
    for (const email of Object.values(emails)) {
      for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  it('escape the customer’s name in HTML', () => {
    const email = renderDsrNotice({ ...facts, customerName: 'A<b>&Co', subjectWillBeConfirmed: true }, language);
    expect(email.html).toContain('A&lt;b&gt;&amp;Co');
    expect(email.html).not.toContain('A<b>&Co');
  });
});

describe('the notice (policy 10.2; GDPR Art. 12(3), 28(3)(e))', () => {
  it.each([
    ['nl', 'Recht op gegevenswissing (artikel 17 AVG)', /zonder uw voorafgaande schriftelijke toestemming/, /artikel 12, lid 3, AVG/],
    ['fr', "Droit à l'effacement (article 17 du RGPD)", /sans votre accord écrit préalable/, /article 12, paragraphe 3, du RGPD/],
    ['en', 'Right to erasure (Article 17 GDPR)', /without your prior written consent/, /Article 12\(3\) GDPR/],
  ] as const)(
    '%s: names the request type, says nothing happens without a written instruction, and explains the month',
    (language, type, consent, article) => {
      const { text } = renderDsrNotice({ ...facts, subjectWillBeConfirmed: true }, language);
      expect(text).toContain(type);
      expect(text).toMatch(consent);
      expect(text).toMatch(article);
      expect(text).toContain('privacy@processor.example');
    },
  );

  it.each(languages)('%s: offers all five instructions as a list', (language) => {
    const { text, html } = renderDsrNotice({ ...facts, subjectWillBeConfirmed: false }, language);
    const items = text.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toHaveLength(5);
    expect((html.match(/<li /g) ?? []).length).toBe(5);
  });

  it.each(languages)('%s: says what the subject was told, which depends on whether the subject left an address', (language) => {
    const confirmed = renderDsrNotice({ ...facts, subjectWillBeConfirmed: true }, language).text;
    const noAddress = renderDsrNotice({ ...facts, subjectWillBeConfirmed: false }, language).text;
    expect(confirmed).not.toEqual(noAddress);
    expect(confirmed.split('\n\n').find((p) => !noAddress.includes(p) && p.includes('Acme Retail'))).toBeDefined();
  });

  it('is written in each language, not in English with a translated subject', () => {
    expectNoSharedWording((language) => Object.values(everyCustomerEmail(language)), 'DSR-2027-0042');
    for (const language of ['nl', 'fr'] as const) {
      const all = Object.values(everyCustomerEmail(language))
        .map((e) => `${e.subject}\n${e.text}`)
        .join('\n');
      for (const english of ['Dear', 'Kind regards', 'request', 'Please', 'deadline', 'data subject']) expect(all).not.toContain(english);
    }
  });
});

describe('the reminder', () => {
  it.each([
    ['nl', /nog niet ontvangen/, /zelf behandelen/],
    ['fr', /pas encore reçu votre instruction écrite/, /traiter vous-même/],
    ['en', /not yet received your written instruction/, /handle it yourself/],
  ] as const)('%s: says the instruction is still awaited and how to close the case when handled', (language, awaited, handled) => {
    const { text } = renderDsrReminder(facts, language);
    expect(text).toMatch(awaited);
    expect(text).toMatch(handled);
  });
});

describe('the extension (Art. 12(3): two further months at most)', () => {
  const extension = { ...facts, originalDeadlineAt: facts.deadlineAt, deadlineAt: '2027-03-30T22:30:00Z' };

  it.each([
    ['nl', 1, '1 maand', 'woensdag 31 maart 2027 om 00:30 CEST (UTC+2)'],
    ['nl', 2, '2 maanden', 'woensdag 31 maart 2027 om 00:30 CEST (UTC+2)'],
    ['fr', 2, '2 mois', 'mercredi 31 mars 2027 à 00:30 UTC+2'],
    ['en', 1, '1 month', 'Wednesday, 31 March 2027 at 00:30 CEST (UTC+2)'],
    ['en', 2, '2 months', 'Wednesday, 31 March 2027 at 00:30 CEST (UTC+2)'],
  ] as const)('%s: %d month(s), with the original and the new deadline', (language, months, wording, newDeadline) => {
    const { text } = renderDsrExtension({ ...extension, extraMonths: months, extensionMonths: months }, language);
    expect(text).toContain(wording);
    expect(text).toContain(newDeadline);
    expect(text).toContain(language === 'fr' ? 'lundi 1er mars 2027' : language === 'nl' ? 'maandag 1 maart 2027' : 'Monday, 1 March 2027');
  });

  it('shows the reason only when one was given', () => {
    const without = renderDsrExtension({ ...extension, extraMonths: 1, extensionMonths: 1 }, 'en').text;
    const withReason = renderDsrExtension({ ...extension, extraMonths: 1, extensionMonths: 1, reason: 'R-1' }, 'en').text;
    expect(without).not.toContain('Reason given');
    expect(withReason).toContain('Reason given: R-1');
  });
});

describe('the closure', () => {
  const actions: DsrAction[] = ['respond', 'rectify', 'erase', 'restrict'];

  it.each(languages)('%s: a distinct sentence for every action, with when it was done', (language) => {
    const sentences = actions.map(
      (action) =>
        renderDsrClosure(
          { ...facts, closedAt: '2027-02-10T09:00:00Z', outcome: { kind: 'carried-out', action, completedAt: '2027-02-10T08:45:00Z' } },
          language,
        ).text.split('\n\n')[1],
    );
    expect(new Set(sentences).size).toBe(4);
    for (const sentence of sentences) expect(sentence).toMatch(/09:45/);
  });

  it.each(languages)('%s: handled by the customer says that nothing was done', (language) => {
    const handled = renderDsrClosure({ ...facts, closedAt: '2027-02-10T09:00:00Z', outcome: { kind: 'handled-by-customer' } }, language);
    const carried = renderDsrClosure(
      {
        ...facts,
        closedAt: '2027-02-10T09:00:00Z',
        outcome: { kind: 'carried-out', action: 'erase', completedAt: '2027-02-10T08:45:00Z' },
      },
      language,
    );
    expect(handled.text.split('\n\n')[1]).not.toEqual(carried.text.split('\n\n')[1]);
    expect(handled.subject).toEqual(carried.subject);
  });
});

describe('the data subject’s confirmation (10.2: only that the request concerns the customer)', () => {
  it.each([
    ['nl', 'Uw verzoek met betrekking tot Acme Retail', 'Geachte heer, mevrouw,'],
    ['fr', 'Votre demande concernant Acme Retail', 'Madame, Monsieur,'],
    ['en', 'Your request concerning Acme Retail', 'Dear Sir or Madam,'],
  ] as const)('%s: greeting, one paragraph naming the customer, sign-off; nothing else', (language, subject, greeting) => {
    const email = renderDsrSubjectConfirmation({ customerName: 'Acme Retail' }, language);
    expect(email.subject).toBe(subject);
    const paragraphs = email.text.trim().split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(greeting);
    expect(paragraphs[1]!.match(/Acme Retail/g)).toHaveLength(language === 'nl' ? 3 : 2);
    // No reference, no request type, no date, no deadline, no article, no address of anyone.
    expect(email.text).not.toMatch(/DSR-|\d{4}|artikel|article|Article|@|eras|wiss|effac/);
    expect((email.html.match(/<p /g) ?? []).length).toBe(3);
  });
});

describe('privacy-team alerts', () => {
  const kinds = alertKinds(alert);

  it.each(kinds)('%s: names the case by ids and workflow id, says what to do', (kind) => {
    const email = renderDsrPrivacyTeamAlert({
      kind,
      requestId: 'DSR-9',
      customerId: 'cust-7',
      detail: 'D-1',
      dueAt: '2027-02-28T23:30:00.000Z',
    });
    expect(email.subject).toMatch(/^\[Privacy team\] .+ – data subject request DSR-9, customer cust-7$/);
    expect(email.text).toContain('Workflow id: dsr-DSR-9');
    expect(email.text).toContain('Deadline: Monday, 1 March 2027 at 00:30 CET (UTC+1) (2027-02-28T23:30:00.000Z)');
    expect(email.text).toContain('D-1');
    expect(email.text).toContain('What to do');
  });

  it('gives every kind its own title', () => {
    renderEveryAlert(alert, (kind) => renderDsrPrivacyTeamAlert({ kind, requestId: 'R', customerId: 'C', detail: 'x' }));
  });
});
