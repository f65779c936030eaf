import {
  countryName,
  renderObjectionRejected,
  renderObjectionReminder,
  renderObjectionWindowAlert,
  renderOfferReminder,
  renderOfferStands,
  renderRemedyOffer,
  renderSubprocessorChangeNotice,
  renderTerminationRight,
  type SubprocessorChangeEmailFacts,
} from '../../activities/email/templates/subprocessor-change';
import { alert as alertCopy } from '../../activities/email/templates/subprocessor-change/alert';
import { languages } from '../../domain/language';
import type { ObjectionWindowAlertKind } from '../../domain/subprocessor-change';
import { alertKinds, renderEveryAlert, testContact } from '../support/templates';

const facts: SubprocessorChangeEmailFacts = {
  customerName: 'Acme <BV>',
  changeId: 'CHG-7',
  action: 'replaced',
  subprocessorName: 'CloudMail Inc.',
  country: 'US',
  purpose: 'sending transactional email',
  transferBasis: 'scc',
  replacesName: 'OldMail GmbH',
  effectiveAt: '2026-04-01T00:00:00Z',
  windowClosesAt: '2026-03-31T10:00:00Z',
  contact: { ...testContact, email: 'privacy@processor.test' },
  timeZone: 'Europe/Brussels',
};

describe('the subprocessor change notice (5.2)', () => {
  test.each([
    [
      'nl',
      /^\[Subverwerkers\] .*CloudMail Inc\..*\(CHG-7\)$/,
      'Verenigde Staten (US)',
      'standaardcontractbepalingen',
      'dinsdag 31 maart 2026 om 12:00',
      'schriftelijk en met opgave van redenen',
    ],
    [
      'fr',
      /^\[Sous-traitants ultérieurs\] .*CloudMail Inc\..*\(CHG-7\)$/,
      'États-Unis (US)',
      'clauses contractuelles types',
      'mardi 31 mars 2026 à 12:00',
      'par écrit et en indiquant vos motifs',
    ],
    [
      'en',
      /^\[Subprocessors\] .*CloudMail Inc\..*\(CHG-7\)$/,
      'United States (US)',
      'standard contractual clauses',
      'Tuesday, 31 March 2026 at 12:00',
      'in writing and stating your reasons',
    ],
  ] as const)(
    'in %s it says what changes, where, on which basis, from when and how to object until when',
    (language, subject, country, basis, deadline, how) => {
      const email = renderSubprocessorChangeNotice(facts, language);
      expect(email.subject).toMatch(subject);
      for (const part of [
        country,
        basis,
        deadline,
        how,
        'sending transactional email',
        'OldMail GmbH',
        'privacy@processor.test',
        'CHG-7',
      ]) {
        expect(email.text).toContain(part);
      }
      expect(email.html).toContain('Acme &lt;BV&gt;');
      expect(email.html).toContain(`lang="${language}"`);
    },
  );

  test('a removal shows no transfer basis; a change inside the EEA says there is no transfer', () => {
    const removal = renderSubprocessorChangeNotice(
      { ...facts, action: 'removed', transferBasis: undefined } as SubprocessorChangeEmailFacts,
      'en',
    );
    expect(removal.text).not.toContain('Transfer basis');
    const eea = renderSubprocessorChangeNotice({ ...facts, country: 'BE', transferBasis: 'eea' }, 'nl');
    expect(eea.text).toContain('geen doorgifte');
    expect(eea.text).toContain('België (BE)');
  });
});

describe('the later emails', () => {
  test.each(languages)(
    'in %s: reminder, rejection with its reason, offer and the right to terminate with the services affected',
    (language) => {
      expect(renderObjectionReminder(facts, language).text).toContain('CHG-7');
      expect(renderObjectionRejected({ ...facts, reason: 'The new provider keeps data in Frankfurt.' }, language).text).toContain(
        'The new provider keeps data in Frankfurt.',
      );
      expect(renderRemedyOffer({ ...facts, offer: 'Email stays with OldMail for you.' }, language).text).toContain(
        'Email stays with OldMail for you.',
      );
      const noOffer = renderTerminationRight({ ...facts, why: 'no-offer', remedyDeadlineAt: '2026-05-01T08:00:00Z' }, language);
      expect(noOffer.text).toContain('sending transactional email');
      expect(noOffer.text).toContain('5.4');
      expect(noOffer.text).toContain('2026');
      const declined = renderTerminationRight({ ...facts, why: 'offer-declined' }, language);
      expect(declined.text).not.toEqual(noOffer.text);
    },
  );

  test.each([
    ['nl', 'Herinnering', 'maandag 20 april 2026', 'blijft gelden', 'niet binnen 30 dagen'],
    ['fr', 'Rappel', 'lundi 20 avril 2026', 'est maintenue', 'pas répondu'],
    ['en', 'Reminder', 'Monday, 20 April 2026', 'stands', 'did not answer your objection'],
  ] as const)(
    'in %s: an unanswered offer brought again with its date, a declined offer that stands with its reason, and the right after an objection nobody judged',
    (language, reminderWord, offeredOn, stands, notJudged) => {
      const reminder = renderOfferReminder(
        { ...facts, offer: 'Email stays with OldMail for you.', offeredAt: '2026-04-20T08:00:00Z' },
        language,
      );
      expect(reminder.subject).toContain(reminderWord);
      for (const part of ['Email stays with OldMail for you.', offeredOn, 'privacy@processor.test', 'CHG-7'])
        expect(reminder.text).toContain(part);
      const standing = renderOfferStands({ ...facts, reason: 'The offered relay keeps all mail in Belgium.' }, language);
      expect(standing.subject).toContain(stands);
      expect(standing.text).toContain('The offered relay keeps all mail in Belgium.');
      expect(standing.text).toContain('5.3');
      const unjudged = renderTerminationRight({ ...facts, why: 'not-judged', remedyDeadlineAt: '2026-05-01T08:00:00Z' }, language);
      expect(unjudged.text).toContain(notJudged);
      expect(unjudged.text).toContain('sending transactional email');
    },
  );

  test('an unknown region code is shown as it is', () => {
    expect(countryName('US', 'fr')).toBe('États-Unis (US)');
    expect(countryName('ZZ', 'en')).toBe('ZZ');
  });
});

describe("the privacy team's alert (5.2-5.4)", () => {
  const kinds = alertKinds(alertCopy);
  const alert = (kind: ObjectionWindowAlertKind, objectionReceivedAt?: string) =>
    renderObjectionWindowAlert({
      kind,
      changeId: 'CHG-7',
      customerId: 'cust-9',
      action: 'added',
      subprocessorId: 'sp-1',
      subprocessorName: 'CloudMail Inc.',
      detail: '550 5.1.1 <address>: mailbox unavailable',
      ...(objectionReceivedAt !== undefined && { objectionReceivedAt }),
    });

  test('each kind has its own title and instructions, with the ids, the detail and the workflow', () => {
    const emails = renderEveryAlert(alertCopy, (kind) => alert(kind));
    for (const [index, email] of emails.entries()) {
      // About the whole change, not one customer: test/unit/subprocessor-urgent-templates.test.ts.
      if (kinds[index] === 'urgent-change') continue;
      expect(email.subject).toMatch(/^\[Privacy team\] .* – change CHG-7, customer cust-9$/);
      // A window's alert names the change's workflow, which owns the windows; the later ones the objection's.
      const windowKinds = ['no-customer-record', 'notice-undeliverable', 'reminder-undeliverable'];
      const workflowId = windowKinds.includes(kinds[index]!) ? 'subprocessor-change-CHG-7' : 'objection-CHG-7~cust-9';
      // An email nobody took asks the team to reach the customer otherwise; news of the objection asks for a decision.
      const undelivered = kinds[index]!.endsWith('-undeliverable') || kinds[index] === 'no-customer-record';
      for (const part of [kinds[index]!, workflowId, '550 5.1.1 <address>', undelivered ? 'another channel' : 'objection']) {
        expect(email.text).toContain(part);
      }
    }
  });

  test('says where the window stands: ended for an unsent notice, going on after an objection or a later email', () => {
    expect(alert('notice-undeliverable').text).toContain('has ended as undeliverable');
    expect(alert('notice-undeliverable', '2026-03-02T09:00:00Z').text).toContain('awaits your judgment');
    expect(alert('reminder-undeliverable').text).toContain('stays open');
    expect(alert('offer-undeliverable').text).toContain('recordRemedyAnswer');
    expect(alert('termination-right-undeliverable').text).toContain('notice of termination is awaited');
  });

  test('news of an objection names what the team must do next, and where the objection stands', () => {
    expect(alert('objection-received').text).toContain('judgeObjection');
    expect(alert('objection-unjudged').text).toContain('awaits your judgment');
    expect(alert('remedy-deadline-near').text).toContain('recordRemedyOffer');
    expect(alert('termination-right-granted').text).toContain('subprocessor.services-terminated');
    expect(alert('offer-declined').text).toContain('decideOnDeclinedOffer');
    expect(alert('offer-declined').text).toContain('does not by itself give the customer the right');
    expect(alert('offer-unanswered').text).toContain('recordRemedyAnswer');
    expect(alert('services-terminated').text).toContain('ended as services-terminated');
    expect(alert('no-customer-record').text).toContain('GET /subprocessor-changes/CHG-7/windows/cust-9');
  });
});
