import { languages, type Language } from '../../domain/language';
import { formatInstant, formatList } from '../../activities/email/format';
import {
  renderBreachFinalReport,
  renderBreachNotice,
  renderBreachReminder,
  renderBreachUpdate,
  renderPrivacyTeamAlert,
  type BreachNoticeFacts,
} from '../../activities/email/templates/breach';
import { alert } from '../../activities/email/templates/breach/alert';
import { escapeHtml, type RenderedEmail } from '../../activities/email/templates/rendered-email';
import { expectNoSharedWording, renderEveryAlert, wordingLines, testContact } from '../support/templates';

/** Sent half an hour before Belgian summer time starts (2026-03-29 01:00 UTC): the 72 h end falls after it. */
const notice: BreachNoticeFacts = {
  customerName: 'Acme Retail',
  incidentId: 'INC-2026-0042',
  awareAt: '2026-03-28T22:50:00Z',
  noticeSentAt: '2026-03-28T23:30:00Z',
  controllerDeadlineAt: '2026-03-31T23:30:00Z',
  summary: 'S-1',
  dataCategories: ['C-1', 'C-2'],
  subjectsApprox: 1200,
  measures: ['M-1', 'M-2'],
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

const update = {
  customerName: 'Acme Retail',
  incidentId: 'INC-2026-0042',
  update: 'U-1',
  measures: ['M-3'],
  sentAt: '2026-03-30T08:00:00Z',
  timeZone: 'Europe/Brussels',
  contact: testContact,
};

const finalReport = {
  customerName: 'Acme Retail',
  incidentId: 'INC-2026-0042',
  finalReport: 'R-1',
  measures: ['M-4'],
  closedAt: '2026-04-10T08:00:00Z',
  timeZone: 'Europe/Brussels',
  contact: testContact,
};

/** Every customer email, in one language, for checks that hold for all of them. */
function allCustomerEmails(language: Language): Record<string, RenderedEmail> {
  return {
    notice: renderBreachNotice(notice, language),
    reminder: renderBreachReminder({ ...notice, reminderNumber: 2 }, language),
    update: renderBreachUpdate({ ...update, contained: false }, language),
    finalReport: renderBreachFinalReport(finalReport, language),
  };
}

describe('formatInstant', () => {
  it('shows the local date, time and zone in each language', () => {
    expect(formatInstant('2026-03-28T23:30:00Z', 'nl', 'Europe/Brussels')).toBe('zondag 29 maart 2026 om 00:30 CET (UTC+1)');
    expect(formatInstant('2026-03-28T23:30:00Z', 'fr', 'Europe/Brussels')).toBe('dimanche 29 mars 2026 à 00:30 UTC+1');
    expect(formatInstant('2026-03-28T23:30:00Z', 'en', 'Europe/Brussels')).toBe('Sunday, 29 March 2026 at 00:30 CET (UTC+1)');
  });

  it('follows the change to summer time', () => {
    expect(formatInstant('2026-03-31T23:30:00Z', 'nl', 'Europe/Brussels')).toBe('woensdag 1 april 2026 om 01:30 CEST (UTC+2)');
    expect(formatInstant('2026-03-31T23:30:00Z', 'fr', 'Europe/Brussels')).toBe('mercredi 1er avril 2026 à 01:30 UTC+2');
    expect(formatInstant('2026-03-31T23:30:00Z', 'en', 'Europe/Brussels')).toBe('Wednesday, 1 April 2026 at 01:30 CEST (UTC+2)');
  });

  it('tells apart the hour that occurs twice when summer time ends', () => {
    const first = formatInstant('2026-10-25T00:30:00Z', 'en', 'Europe/Brussels');
    const second = formatInstant('2026-10-25T01:30:00Z', 'en', 'Europe/Brussels');
    expect(first).toBe('Sunday, 25 October 2026 at 02:30 CEST (UTC+2)');
    expect(second).toBe('Sunday, 25 October 2026 at 02:30 CET (UTC+1)');
  });

  it('uses the given time zone, not the server one', () => {
    expect(formatInstant('2026-03-28T23:30:00Z', 'en', 'America/New_York')).toBe('Saturday, 28 March 2026 at 19:30 UTC-4');
    expect(formatInstant('2026-03-28T23:30:00Z', 'nl', 'Asia/Kolkata')).toBe('zondag 29 maart 2026 om 05:00 UTC+5:30');
    expect(formatInstant('2026-03-28T23:30:00Z', 'fr', 'UTC')).toBe('samedi 28 mars 2026 à 23:30 UTC');
    expect(formatInstant('2026-03-29T01:30:00+02:00', 'en', 'UTC')).toBe('Saturday, 28 March 2026 at 23:30 UTC');
  });

  it('refuses an instant without a zone designator, and an unknown time zone', () => {
    expect(() => formatInstant('2026-03-28T23:30:00', 'en', 'Europe/Brussels')).toThrow(RangeError);
    expect(() => formatInstant('28/03/2026', 'en', 'Europe/Brussels')).toThrow(RangeError);
    expect(() => formatInstant('2026-03-28T23:30:00Z', 'en', 'Europe/Atlantis')).toThrow(RangeError);
  });
});

describe('formatList', () => {
  it('joins with the language’s conjunction', () => {
    expect(formatList(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
    expect(formatList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['a'], 'en')).toBe('a');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that matters in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('breach notice (Art. 33(2)-(4))', () => {
  const headings: Record<Language, string[]> = {
    nl: ['1. Aard van de inbreuk', '2. Contactpunt', '3. Waarschijnlijke gevolgen', '4. Genomen of voorgestelde maatregelen'],
    fr: ['1. Nature de la violation', '2. Point de contact', '3. Conséquences probables', '4. Mesures prises ou proposées'],
    en: ['1. Nature of the breach', '2. Contact point', '3. Likely consequences', '4. Measures taken or proposed'],
  };

  it.each(languages)('%s: carries every Art. 33(3) heading, in text and in html', (language) => {
    const email = renderBreachNotice(notice, language);
    for (const heading of headings[language]) {
      expect(email.text).toContain(heading);
      expect(email.html).toContain(`>${escapeHtml(heading)}`);
    }
    // In their order (a) to (d).
    const positions = headings[language].map((heading) => email.text.indexOf(heading));
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it.each(languages)('%s: names the contact point, the data categories and the measures', (language) => {
    const email = renderBreachNotice(notice, language);
    expect(email.text).toContain('privacy@processor.example');
    expect(email.text).toContain(formatList(['C-1', 'C-2'], language));
    expect(email.text).toContain('- M-1');
    expect(email.html).toContain('<li style="margin:0 0 4px;">M-2</li>');
  });

  it('is written in each language, not in English with a translated subject', () => {
    expectNoSharedWording((language) => renderBreachNotice(notice, language));
    for (const language of ['nl', 'fr'] as const) {
      const { subject, text } = renderBreachNotice(notice, language);
      for (const english of ['Dear', 'Kind regards', 'Nature of the breach', 'supervisory authority', 'Please', 'breach']) {
        expect(`${subject}\n${text}`).not.toContain(english);
      }
    }
    expect(renderBreachNotice(notice, 'nl').text).toContain('Geachte heer, mevrouw,');
    expect(renderBreachNotice(notice, 'fr').text).toContain('Madame, Monsieur,');
    expect(renderBreachNotice(notice, 'en').text).toContain('Dear Sir or Madam,');
  });

  it.each([
    ['nl', '[Datalek]'],
    ['fr', '[Violation de données]'],
    ['en', '[Data breach]'],
  ] as const)('%s: subject has the marker and the incident id', (language, marker) => {
    const { subject } = renderBreachNotice(notice, language);
    expect(subject.startsWith(marker)).toBe(true);
    expect(subject).toContain('INC-2026-0042');
  });

  it.each([
    ['nl', 'zondag 29 maart 2026 om 00:30 CET (UTC+1)', 'woensdag 1 april 2026 om 01:30 CEST (UTC+2)', /72 uur/],
    ['fr', 'dimanche 29 mars 2026 à 00:30 UTC+1', 'mercredi 1er avril 2026 à 01:30 UTC+2', /72 heures/],
    ['en', 'Sunday, 29 March 2026 at 00:30 CET (UTC+1)', 'Wednesday, 1 April 2026 at 01:30 CEST (UTC+2)', /72-hour/],
  ] as const)('%s: shows the 72-hour guidance clock in the customer’s time zone, across the DST change', (language, start, end, marker) => {
    const { text, html } = renderBreachNotice(notice, language);
    const clock = text.split('\n\n').find((paragraph) => marker.test(paragraph) && paragraph.includes(end));
    expect(clock).toBeDefined();
    expect(clock).toContain(start);
    expect(html).toContain(escapeHtml(end));
    // The UTC calendar date of the notice (Saturday 28 March, 23:30) must not leak in as the local one.
    expect(text).not.toMatch(/23:30/);
  });

  it('shows the clock in another customer time zone', () => {
    const { text } = renderBreachNotice({ ...notice, timeZone: 'America/New_York' }, 'en');
    expect(text).toContain('Saturday, 28 March 2026 at 19:30 UTC-4');
    expect(text).toContain('Tuesday, 31 March 2026 at 19:30 UTC-4');
    expect(text).not.toContain('CEST');
  });

  it('shows the contractual deadline only when the contract sets one', () => {
    expect(renderBreachNotice(notice, 'en').text).not.toContain('Contractual deadline');
    const { text } = renderBreachNotice({ ...notice, contractualDeadlineAt: '2026-03-30T22:50:00Z' }, 'en');
    expect(text).toContain('Contractual deadline for this notice: Tuesday, 31 March 2026 at 00:50 CEST (UTC+2)');
  });

  it.each([
    ['nl', 'Geschat aantal betrokkenen: nog niet bekend', /ongeveer 1\.200/],
    ['fr', "Nombre approximatif de personnes concernées\u00a0: en cours d'évaluation", /environ 1\s200/u],
    ['en', 'Approximate number of data subjects concerned: not yet known', /approximately 1,200/],
  ] as const)('%s: handles a missing number of data subjects', (language, unknown, known) => {
    const withCount = renderBreachNotice(notice, language).text;
    expect(withCount).toMatch(known);
    expect(withCount).not.toContain(unknown);

    const facts: BreachNoticeFacts = { ...notice };
    delete facts.subjectsApprox;
    const email = renderBreachNotice(facts, language);
    expect(email.text).toContain(unknown);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/undefined|NaN|null/);
    }
  });

  it.each(languages)('%s: says consequences and measures will follow when not yet known', (language) => {
    const pending = renderBreachNotice({ ...notice, measures: [] }, language).text;
    const known = renderBreachNotice({ ...notice, likelyConsequences: 'Q-1' }, language).text;
    // The pending wording is replaced by the consequences once they are known.
    const pendingOnly = wordingLines({ subject: '', text: pending, html: '' }).filter((line) => !known.includes(line));
    expect(known).toContain('Q-1');
    expect(pending).not.toContain('Q-1');
    expect(pendingOnly.length).toBeGreaterThanOrEqual(2); // consequences pending, measures pending
    expect(pending).not.toContain('- M-1');
  });

  it.each([
    ['nl', /artikel 33, lid 4/, /bevestigen/],
    ['fr', /article 33, paragraphe 4/, /accuser réception/],
    ['en', /Article 33\(4\)/, /acknowledge receipt/],
  ] as const)('%s: explains phased information and asks for an acknowledgement', (language, phases, acknowledge) => {
    const { text, html } = renderBreachNotice(
      { ...notice, acknowledgeUrl: 'https://app.example/breaches/INC-2026-0042/ack?a=1&b=2' },
      language,
    );
    expect(text).toMatch(phases);
    expect(text).toMatch(acknowledge);
    expect(html).toContain('href="https://app.example/breaches/INC-2026-0042/ack?a=1&amp;b=2"');
  });

  it('escapes every interpolated value in the html', () => {
    const hostile: BreachNoticeFacts = {
      ...notice,
      customerName: '<script>alert("x")</script> & Co',
      summary: '<b>bold</b>',
      dataCategories: ['<i>names</i>'],
      measures: ['<img src=x onerror=alert(1)>'],
      likelyConsequences: "it's <u>bad</u>",
      contact: { ...testContact, email: 'privacy+<x>@processor.example' },
      acknowledgeUrl: 'javascript:alert(1)',
    };
    for (const language of languages) {
      const { text, html } = renderBreachNotice(hostile, language);
      for (const tag of ['<script', '<b>', '<i>', '<img', '<u>', '<x>', 'href="javascript']) {
        expect(html).not.toContain(tag);
      }
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(html).toContain('it&#39;s &lt;u&gt;bad&lt;/u&gt;');
      expect(html).toContain('privacy+&lt;x&gt;@processor.example');
      // The text part is not HTML: it carries the values as they are.
      expect(text).toContain('<script>alert("x")</script> & Co');
    }
  });

  it.each(languages)('%s: html is a document in the email’s language', (language) => {
    const { html, subject } = renderBreachNotice(notice, language);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<title>${escapeHtml(subject)}</title>`);
  });
});

describe('breach reminder', () => {
  it.each([
    ['nl', 'Herinnering 3', 'zondag 29 maart 2026 om 00:30', 'woensdag 1 april 2026 om 01:30 CEST'],
    ['fr', 'Rappel n°\u00a03', 'dimanche 29 mars 2026 à 00:30', 'mercredi 1er avril 2026 à 01:30 UTC+2'],
    ['en', 'Reminder 3', 'Sunday, 29 March 2026 at 00:30', 'Wednesday, 1 April 2026 at 01:30 CEST'],
  ] as const)('%s: numbers the reminder and repeats the key facts', (language, reminder, sentAt, deadline) => {
    const email = renderBreachReminder({ ...notice, reminderNumber: 3 }, language);
    expect(email.subject).toContain(reminder);
    expect(email.subject).toContain('INC-2026-0042');
    expect(email.subject.startsWith(renderBreachNotice(notice, language).subject.split(']')[0] + ']')).toBe(true);
    for (const fact of ['S-1', formatList(['C-1', 'C-2'], language), 'privacy@processor.example', sentAt, deadline]) {
      expect(email.text).toContain(fact);
    }
  });

  it('handles a missing number of data subjects', () => {
    const facts = { ...notice, reminderNumber: 1 };
    delete facts.subjectsApprox;
    const email = renderBreachReminder(facts, 'nl');
    expect(email.text).toContain('Geschat aantal betrokkenen: nog niet bekend');
    expect(email.text).not.toMatch(/undefined|NaN/);
  });
});

describe('breach update (Art. 33(4))', () => {
  it.each([
    ['nl', 'De inbreuk is ingeperkt.', 'De inbreuk is nog niet ingeperkt.'],
    ['fr', 'La violation est maîtrisée.', "La violation n'est pas encore maîtrisée."],
    ['en', 'The breach has been contained.', 'The breach has not yet been contained.'],
  ] as const)('%s: says whether the breach is contained, only when known', (language, contained, notContained) => {
    const yes = renderBreachUpdate({ ...update, contained: true }, language);
    const no = renderBreachUpdate({ ...update, contained: false }, language);
    const unknown = renderBreachUpdate(update, language);
    expect(yes.text).toContain(contained);
    expect(no.text).toContain(notContained);
    expect(unknown.text).not.toContain(contained);
    expect(unknown.text).not.toContain(notContained);
    for (const email of [yes, no, unknown]) {
      expect(email.subject).toContain('INC-2026-0042');
      expect(email.text).toContain('U-1');
      expect(email.text).toContain('- M-3');
    }
  });

  it('shows the time sent in the customer’s time zone', () => {
    expect(renderBreachUpdate(update, 'en').text).toContain('Monday, 30 March 2026 at 10:00 CEST (UTC+2)');
  });
});

describe('breach final report', () => {
  it.each([
    ['nl', /Eindrapport/, 'vrijdag 10 april 2026 om 10:00 CEST', /artikel 33, lid 5/],
    ['fr', /Rapport final/, 'vendredi 10 avril 2026 à 10:00 UTC+2', /article 33, paragraphe 5/],
    ['en', /Final report/, 'Friday, 10 April 2026 at 10:00 CEST', /Article 33\(5\)/],
  ] as const)('%s: carries the report, the closing time and the documentation hint', (language, title, closedAt, documentation) => {
    const email = renderBreachFinalReport(finalReport, language);
    expect(email.subject).toMatch(title);
    expect(email.subject).toContain('INC-2026-0042');
    expect(email.text).toContain('R-1');
    expect(email.text).toContain('- M-4');
    expect(email.text).toContain(closedAt);
    expect(email.text).toMatch(documentation);
  });
});

describe('every customer email', () => {
  it.each(languages)('%s: no placeholder leaks and no language mixes into another', (language) => {
    for (const [name, email] of Object.entries(allCustomerEmails(language))) {
      for (const part of [email.subject, email.text, email.html]) {
        expect({ name, leak: /undefined|NaN|\[object Object\]|\$\{/.test(part) }).toEqual({ name, leak: false });
      }
      const others = languages.filter((other) => other !== language);
      for (const other of others) {
        const otherLines = new Set(wordingLines(allCustomerEmails(other)[name]!));
        const shared = wordingLines(email).filter((line) => otherLines.has(line));
        expect({ name, other, shared }).toEqual({ name, other, shared: [] });
      }
    }
  });
});

describe('privacy team alert', () => {
  it('has its own wording for every kind, with the ids in the subject', () => {
    const emails = renderEveryAlert(alert, (kind) =>
      renderPrivacyTeamAlert({ kind, incidentId: 'INC-7', customerId: 'cust-9', detail: 'D-1' }),
    );
    for (const { subject } of emails) {
      expect(subject).toContain('INC-7');
      expect(subject).toContain('cust-9');
    }
  });

  it('gives the workflow id, the due time and the detail, escaped in html', () => {
    const email = renderPrivacyTeamAlert({
      kind: 'contractual-deadline-at-risk',
      incidentId: 'INC-7',
      customerId: 'cust-9',
      detail: 'deadline <soon> & notice undelivered',
      dueAt: '2026-03-30T22:50:00Z',
    });
    expect(email.text).toContain('breach-INC-7~cust-9');
    expect(email.text).toContain('Tuesday, 31 March 2026 at 00:50 CEST (UTC+2) (2026-03-30T22:50:00Z)');
    expect(email.html).toContain('deadline &lt;soon&gt; &amp; notice undelivered');
    expect(email.html).not.toContain('<soon>');
    expect(email.html).toContain('<html lang="en">');
  });

  it('works without a customer id or due time', () => {
    const email = renderPrivacyTeamAlert({ kind: 'status-update-due', incidentId: 'INC-7', detail: 'D-1' });
    expect(email.text).toContain('breach-INC-7');
    expect(email.text).not.toContain('Customer id');
    expect(email.text).not.toContain('Due at');
    expect(email.subject).not.toContain('customer');
  });
});
