import {
  renderBreachNotice,
  renderBreachReminder,
  renderBreachUpdate,
  type BreachNoticeFacts,
} from '../../activities/email/templates/breach';
import { refuseAssessment } from '../../domain/breach';
import { languages } from '../../domain/language';
import { testContact } from '../support/templates';

/** Policy 8.1: the processor notifies when it "vaststelt of redelijkerwijs vermoedt" a breach. */

const notice: BreachNoticeFacts = {
  customerName: 'Acme Retail',
  incidentId: 'INC-S-1',
  awareAt: '2026-03-10T08:00:00Z',
  noticeSentAt: '2026-03-10T08:05:00Z',
  controllerDeadlineAt: '2026-03-13T08:05:00Z',
  summary: 'S-1',
  dataCategories: ['C-1'],
  measures: [],
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

const update = {
  customerName: 'Acme Retail',
  incidentId: 'INC-S-1',
  update: 'U-1',
  measures: [],
  sentAt: '2026-03-11T08:00:00Z',
  timeZone: 'Europe/Brussels',
  contact: testContact,
};

describe('refuseAssessment', () => {
  const open = { closed: false, suspected: true };
  const request = { assessment: 'confirmed', key: 'msg_2' };

  test('a suspected breach, not assessed yet, may be confirmed or ruled out', () => {
    expect(refuseAssessment(open, request)).toBeUndefined();
    expect(refuseAssessment(open, { ...request, assessment: 'ruled-out' })).toBeUndefined();
  });

  test('a breach reported as found, not suspected, is refused: there is nothing to assess', () => {
    expect(refuseAssessment({ ...open, suspected: false }, request)).toMatch(/not notified as suspected/);
  });

  test('a second assessment is refused, with the first one and its instant', () => {
    const assessment = { assessment: 'ruled-out' as const, at: '2026-03-11T08:00:00.000Z', key: 'msg_1' };
    expect(refuseAssessment({ ...open, assessment: { ...assessment, assessment: 'confirmed' } }, request)).toBe(
      'the suspected breach was already confirmed at 2026-03-11T08:00:00.000Z',
    );
    expect(refuseAssessment({ ...open, closed: true, assessment }, { ...request, assessment: 'ruled-out' })).toMatch(/closed/);
  });

  test('the same delivery again is no second assessment', () => {
    const assessment = { assessment: 'confirmed' as const, at: '2026-03-11T08:00:00.000Z', key: 'msg_1' };
    expect(refuseAssessment({ ...open, assessment }, { assessment: 'confirmed', key: 'msg_1' })).toBeUndefined();
  });

  test('a closed incident, or an assessment that is neither confirmed nor ruled out, is refused', () => {
    expect(refuseAssessment({ ...open, closed: true }, request)).toBe('the incident is closed');
    expect(refuseAssessment(open, { ...request, assessment: 'maybe' })).toMatch(/"confirmed" or "ruled-out"/);
  });
});

describe('the notice of a suspected breach', () => {
  const said = {
    nl: ['vermoedelijke inbreuk', 'nog niet vastgesteld'],
    fr: ['violation présumée', "pas encore établi qu'une violation s'est produite"],
    en: ['suspected personal data breach', 'not yet established that a breach has occurred'],
  } as const;

  test.each(languages)('says in its subject and body (%s) that the breach is suspected, not established', (language) => {
    const email = renderBreachNotice({ ...notice, suspected: true }, language);
    expect(email.subject).toContain(said[language][0]);
    expect(email.text).toContain(said[language][1]);
    expect(email.html).toContain(said[language][0]);
  });

  test.each(languages)('a breach found, not suspected, is notified as before (%s)', (language) => {
    const email = renderBreachNotice(notice, language);
    expect(email.subject).not.toContain(said[language][0]);
    expect(email.text).not.toContain(said[language][1]);
  });
});

describe('the reminder to acknowledge the notice of a suspected breach', () => {
  const said = {
    nl: 'Het gaat om een vermoedelijke inbreuk',
    fr: "Il s'agit d'une violation présumée",
    en: 'It is a suspected breach',
  } as const;

  test.each(languages)('says that the breach is still suspected (%s)', (language) => {
    expect(renderBreachReminder({ ...notice, suspected: true, reminderNumber: 1 }, language).text).toContain(said[language]);
    expect(renderBreachReminder({ ...notice, reminderNumber: 1 }, language).text).not.toContain(said[language]);
  });
});

describe('the update that assesses a suspected breach', () => {
  const said = {
    confirmed: { nl: 'bevestigd', fr: 'confirmée', en: 'confirmed' },
    'ruled-out': { nl: 'uitgesloten', fr: 'écartée', en: 'ruled out' },
  } as const;
  const noFinalReport = { nl: 'er volgt geen eindrapport', fr: 'aucun rapport final ne suivra', en: 'no final report will follow' };

  test.each(languages)('says in its subject and first that the breach is confirmed (%s)', (language) => {
    const email = renderBreachUpdate({ ...update, assessment: 'confirmed' }, language);
    expect(email.subject).toContain(said.confirmed[language]);
    expect(email.subject).not.toContain(said['ruled-out'][language]);
    expect(email.text.indexOf(said.confirmed[language])).toBeLessThan(email.text.indexOf('U-1'));
    expect(email.text).not.toContain(noFinalReport[language]);
  });

  test.each(languages)('says that the breach is ruled out, and that no final report follows (%s)', (language) => {
    const email = renderBreachUpdate({ ...update, assessment: 'ruled-out' }, language);
    expect(email.subject).toContain(said['ruled-out'][language]);
    expect(email.text).toContain(noFinalReport[language]);
  });

  test.each(languages)('an update that assesses nothing keeps its subject (%s)', (language) => {
    const plain = renderBreachUpdate(update, language);
    expect(plain.subject).not.toContain(said.confirmed[language]);
    expect(plain.subject).not.toContain(said['ruled-out'][language]);
  });
});
