import { renderBreachUpdate } from '../../activities/email/templates/breach';
import { givenFacts, withFacts, type BreachFacts } from '../../domain/breach';
import { parseWebhookEvent } from '../../domain/events';
import { languages } from '../../domain/language';
import { testContact } from '../support/templates';

/** GDPR Art. 33(3)(a), (c), (d) and 33(4): the facts of a breach may arrive in phases. */

const reported: BreachFacts = {
  incidentId: 'INC-F-1',
  awareAt: '2026-03-10T08:00:00.000Z',
  summary: 'S-1',
  dataCategories: ['C-1'],
  subjectsApprox: 300,
  measures: ['M-1'],
};

describe('what is known once an update is in', () => {
  test('each fact given replaces what was known of it; those left out stay as they were', () => {
    const known = withFacts(reported, { subjectsApprox: 1200, recordsApprox: 5000, subjectCategories: ['SC-1'] });
    expect(known).toEqual({ ...reported, subjectsApprox: 1200, recordsApprox: 5000, subjectCategories: ['SC-1'] });
    expect(withFacts(known, { likelyConsequences: 'LC-1' })).toMatchObject({ subjectsApprox: 1200, likelyConsequences: 'LC-1' });
  });

  test('a fact left out, or given as undefined, never erases one', () => {
    expect(withFacts(reported, { subjectsApprox: undefined })).toEqual(reported);
    expect(withFacts(reported, undefined)).toEqual(reported);
    expect(givenFacts({ recordsApprox: 0, likelyConsequences: undefined })).toEqual({ recordsApprox: 0 });
  });
});

describe('breach.updated at the door', () => {
  const delivery = { webhookTimestamp: new Date() };
  const updated = (fields: Record<string, unknown>) =>
    parseWebhookEvent(
      { type: 'breach.updated', timestamp: new Date().toISOString(), data: { incidentId: 'INC-F-1', update: 'More.', ...fields } },
      delivery,
    );

  test('accepts each fact that may arrive later', () => {
    const parsed = updated({
      dataCategories: ['names'],
      subjectCategories: ['customers'],
      subjectsApprox: 1200,
      recordsApprox: 2_147_483_647,
      likelyConsequences: 'Phishing attempts.',
    });
    expect(parsed).toMatchObject({
      ok: true,
      event: { data: { subjectCategories: ['customers'], recordsApprox: 2_147_483_647, likelyConsequences: 'Phishing attempts.' } },
    });
  });

  test.each([
    ['a negative count', { subjectsApprox: -1 }, 'data.subjectsApprox'],
    ['a count that is not whole', { recordsApprox: 10.5 }, 'data.recordsApprox'],
    ['a count beyond the register column', { recordsApprox: 2_147_483_648 }, 'data.recordsApprox'],
    ['a count as text', { recordsApprox: '1200' }, 'data.recordsApprox'],
    ['no category of personal data', { dataCategories: [] }, 'data.dataCategories'],
    ['more than 100 categories', { subjectCategories: Array.from({ length: 101 }, (_, i) => `c${i}`) }, 'data.subjectCategories'],
    ['a category longer than 200 characters', { subjectCategories: ['x'.repeat(201)] }, 'data.subjectCategories.0'],
    ['an empty category', { subjectCategories: ['  '] }, 'data.subjectCategories.0'],
    ['consequences longer than 5000 characters', { likelyConsequences: 'x'.repeat(5001) }, 'data.likelyConsequences'],
  ])('refuses %s, saying where', (_case, fields, path) => {
    const parsed = updated(fields);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((problem) => problem.path)).toEqual([path]);
  });

  test('breach.detected bounds its approximate number of records as the update does', () => {
    const detected = parseWebhookEvent(
      {
        type: 'breach.detected',
        timestamp: new Date().toISOString(),
        data: { ...reported, recordsApprox: 2_147_483_648, affectedCustomerIds: ['c-1'], awareAt: '2026-03-10T08:00:00Z' },
      },
      delivery,
    );
    expect(!detected.ok && detected.problems.map((problem) => problem.path)).toEqual(['data.recordsApprox']);
  });
});

describe('an update shows what is known, and says plainly what is not known yet', () => {
  const update = {
    customerName: 'Acme Retail',
    incidentId: 'INC-F-1',
    update: 'U-1',
    measures: [],
    sentAt: '2026-03-11T08:00:00Z',
    timeZone: 'Europe/Brussels',
    contact: testContact,
  };
  const known = { dataCategories: ['C-1'], subjectCategories: ['SC-1'], subjectsApprox: 1200, likelyConsequences: 'LC-1' };
  const said = {
    nl: [
      'Wat wij op dit moment weten',
      'Geschat aantal betrokken records met persoonsgegevens: nog niet bekend; wij laten het u weten zodra wij het weten',
    ],
    fr: [
      'Ce que nous savons à ce stade',
      "Nombre approximatif d'enregistrements de données à caractère personnel concernés\u00a0: en cours d'évaluation\u00a0; nous vous en informerons dès que nous le saurons",
    ],
    en: [
      'What we know at this stage',
      'Approximate number of personal data records concerned: not known yet; we will tell you as soon as we know',
    ],
  } as const;

  test.each(languages)('%s: every fact known, and the one not known yet said to be so', (language) => {
    const email = renderBreachUpdate({ ...update, known }, language);
    expect(email.text).toContain(said[language][0]);
    expect(email.text).toContain(said[language][1]);
    for (const value of ['C-1', 'SC-1', 'LC-1']) expect(email.text).toContain(value);
  });

  const consequencesUnknown = {
    nl: 'Waarschijnlijke gevolgen voor de betrokkenen: nog niet bekend; wij laten het u weten zodra wij het weten',
    fr: "Conséquences probables pour les personnes concernées\u00a0: en cours d'évaluation\u00a0; nous vous en informerons dès que nous le saurons",
    en: 'Likely consequences for the data subjects: not known yet; we will tell you as soon as we know',
  } as const;

  test.each(languages)('%s: likely consequences not known yet are said to be so', (language) => {
    const { likelyConsequences: _left, ...withoutConsequences } = known;
    expect(renderBreachUpdate({ ...update, known: withoutConsequences }, language).text).toContain(consequencesUnknown[language]);
    expect(renderBreachUpdate({ ...update, known }, language).text).not.toContain(consequencesUnknown[language]);
  });

  test.each(languages)('%s: the update that rules out a suspected breach promises no facts to come', (language) => {
    const email = renderBreachUpdate({ ...update, known, assessment: 'ruled-out' }, language);
    expect(email.text).not.toContain(said[language][0]);
  });

  test.each(languages)('%s: an update sent before facts were passed on shows no such section', (language) => {
    expect(renderBreachUpdate(update, language).text).not.toContain(said[language][0]);
  });
});
