import { readConfig } from '../../config/config';
import { languages, type Language } from '../../domain/language';
import { renderAuthorityNotice } from '../../activities/email/templates/authority';
import { renderBreachNotice } from '../../activities/email/templates/breach';
import { renderCustomerEmail } from '../../activities/email/templates/common/customer-email';
import { renderDsrNotice, renderDsrSubjectConfirmation } from '../../activities/email/templates/dsr';
import { renderInstructionNotice } from '../../activities/email/templates/instruction';
import type { RenderedEmail } from '../../activities/email/templates/rendered-email';
import { renderSubprocessorChangeNotice } from '../../activities/email/templates/subprocessor-change';

/** Art. 33(3)(b): the name and contact details of the DPO or another contact point, in every customer email. */
const contact = { name: 'DPO <An Peeters>', email: 'dpo@processor.example', telephone: '+32 2 555 01 23' };
const customer = { customerName: 'Acme Retail', timeZone: 'Europe/Brussels', contact };

/** The first email of each process, as its customer receives it. */
const firstEmailOf: Record<string, (language: Language) => RenderedEmail> = {
  breach: (language) =>
    renderBreachNotice(
      {
        ...customer,
        incidentId: 'INC-1',
        awareAt: '2026-11-30T08:00:00Z',
        noticeSentAt: '2026-11-30T09:00:00Z',
        controllerDeadlineAt: '2026-12-03T08:00:00Z',
        summary: 'A misconfigured bucket.',
        dataCategories: ['contact data'],
        measures: [],
      },
      language,
    ),
  'subprocessor change': (language) =>
    renderSubprocessorChangeNotice(
      {
        ...customer,
        changeId: 'CHG-1',
        action: 'added',
        subprocessorName: 'CloudMail Inc.',
        country: 'US',
        purpose: 'sending transactional email',
        transferBasis: 'scc',
        effectiveAt: '2027-01-15T00:00:00Z',
        windowClosesAt: '2026-12-30T10:00:00Z',
      },
      language,
    ),
  'data subject request': (language) =>
    renderDsrNotice(
      {
        ...customer,
        requestId: 'DSR-1',
        requestType: 'erasure',
        receivedAt: '2026-11-30T08:00:00Z',
        deadlineAt: '2026-12-30T08:00:00Z',
        subjectWillBeConfirmed: false,
      },
      language,
    ),
  'authority request': (language) =>
    renderAuthorityNotice(
      { ...customer, requestId: 'AUTH-1', authority: 'A court', requestKind: 'subpoena', receivedAt: '2026-11-30T08:00:00Z' },
      language,
    ),
  instruction: (language) =>
    renderInstructionNotice(
      {
        ...customer,
        instructionId: 'INS-1',
        instruction: 'Export everything.',
        reason: 'No legal basis.',
        flaggedAt: '2026-11-30T08:00:00Z',
      },
      language,
    ),
};

describe('the contact point (Art. 33(3)(b)) in every customer email', () => {
  test.each(Object.keys(firstEmailOf).flatMap((process) => languages.map((language) => [process, language] as const)))(
    '%s, %s: its name, email and telephone, in the text and (escaped) in the HTML',
    (process, language) => {
      const email = firstEmailOf[process]!(language);
      for (const detail of [contact.name, contact.email, contact.telephone]) expect(email.text).toContain(detail);
      expect(email.html).toContain('DPO &lt;An Peeters&gt;');
      expect(email.html).not.toContain('<An Peeters>');
      expect(email.html).toContain(contact.telephone);
    },
  );

  test.each([
    ['nl', 'Ons contactpunt voor gegevensbescherming: Privacy team, privacy@processor.example.'],
    ['fr', 'Notre point de contact pour la protection des données : Privacy team, privacy@processor.example.'],
    ['en', 'Our contact point for data protection: Privacy team, privacy@processor.example.'],
  ] as const)('%s: without a telephone set, the line names the rest and no empty telephone', (language, line) => {
    const email = renderCustomerEmail(language, 'S', [], { contact: { name: 'Privacy team', email: 'privacy@processor.example' } });
    expect(email.text).toContain(line);
    expect(email.text).not.toMatch(/telef|télép/);
  });

  test("the data subject's confirmation (10.2) says that and nothing else: no contact point of ours", () => {
    const email = renderDsrSubjectConfirmation({ customerName: 'Acme Retail' } as Parameters<typeof renderDsrSubjectConfirmation>[0], 'en');
    expect(email.text).not.toContain('contact point');
  });
});

describe('the contact point settings', () => {
  test('by default: the privacy team at PRIVACY_TEAM_EMAIL, no telephone', () => {
    expect(readConfig({}).contactPoint).toEqual({ name: 'Privacy team', email: 'privacy@processor.example' });
    expect(readConfig({ PRIVACY_TEAM_EMAIL: 'team@p.example' }).contactPoint).toEqual({ name: 'Privacy team', email: 'team@p.example' });
  });

  test('CONTACT_POINT_NAME, _EMAIL and _TELEPHONE are read', () => {
    expect(
      readConfig({
        CONTACT_POINT_NAME: ' An Peeters, DPO ',
        CONTACT_POINT_EMAIL: 'dpo@p.example',
        CONTACT_POINT_TELEPHONE: '+32 (0)2 555-01.23',
      }).contactPoint,
    ).toEqual({ name: 'An Peeters, DPO', email: 'dpo@p.example', telephone: '+32 (0)2 555-01.23' });
  });

  test.each([
    [{ CONTACT_POINT_NAME: 'An\u0007Peeters' }, /CONTACT_POINT_NAME must be at most 200 characters/],
    [{ CONTACT_POINT_NAME: 'x'.repeat(201) }, /CONTACT_POINT_NAME/],
    [{ CONTACT_POINT_EMAIL: 'not an address' }, /CONTACT_POINT_EMAIL must be an email address/],
    [{ CONTACT_POINT_TELEPHONE: 'call us' }, /CONTACT_POINT_TELEPHONE must be a telephone number/],
    [{ CONTACT_POINT_TELEPHONE: '+32 2 555 01 23\nBcc: x@y.z' }, /CONTACT_POINT_TELEPHONE/],
  ])('refused at start-up: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
