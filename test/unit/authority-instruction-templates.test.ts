import { authorityCase, instructionCase } from '../support/case-states';
import {
  renderAuthorityAlert,
  renderAuthorityNotice,
  renderAuthorityOutcome,
  renderAuthorityViewReminder,
  type AuthorityAlertKind,
  type AuthorityNoticeFacts,
} from '../../activities/email/templates/authority';
import {
  renderInstructionAlert,
  renderInstructionDecision,
  renderInstructionNotice,
  renderInstructionReminder,
  renderInstructionResumed,
  type InstructionNoticeFacts,
} from '../../activities/email/templates/instruction';
import { alert as authorityAlert } from '../../activities/email/templates/authority/alert';
import { alert as instructionAlert } from '../../activities/email/templates/instruction/alert';
import { escapeHtml, type RenderedEmail } from '../../activities/email/templates/rendered-email';
import {
  refuseAnswer,
  authorityCaseStatus,
  authoritySettings,
  refuseDisclosure,
  refuseViewsDeadlineExtension,
  refuseProhibitionLifting,
  nextViewReminder,
  viewReminderSchedule,
  workingDaysLater,
  type AuthorityState,
} from '../../domain/authority';
import {
  refuseGuarantee,
  instructionCaseStatus,
  instructionSettings,
  nextInstructionReminder,
  refuseProcessingDecision,
  type InstructionState,
} from '../../domain/instruction';
import { languages } from '../../domain/language';
import { expectNoSharedWording, renderEveryAlert, wordingLines, testContact } from '../support/templates';

function expectNoLeaks(email: RenderedEmail): void {
  for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/undefined|NaN|\[object Object\]|\$\{/);
}

// Received on the Thursday before Easter 2027, an hour before summer time starts that Sunday.
const notice: AuthorityNoticeFacts = {
  customerName: 'Acme Retail',
  requestId: 'AUTH-2027-7',
  authority: 'Federal Judicial Police Brussels',
  requestKind: 'disclosure-intent',
  receivedAt: '2027-03-25T08:00:00Z',
  viewsDueAt: '2027-04-02T07:00:00Z',
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

describe('authority request notice (8.1; Art. 28(3)(a))', () => {
  it.each([
    ['nl', '[Overheidsverzoek]', 'vrijdag 2 april 2027 om 09:00 CEST (UTC+2)', 'donderdag 25 maart 2027 om 09:00 CET (UTC+1)'],
    ['fr', "[Demande d'une autorité]", 'vendredi 2 avril 2027 à 09:00 UTC+2', 'jeudi 25 mars 2027 à 09:00 UTC+1'],
    ['en', '[Authority request]', 'Friday, 2 April 2027 at 09:00 CEST (UTC+2)', 'Thursday, 25 March 2027 at 09:00 CET (UTC+1)'],
  ] as const)('%s: marker, reference, authority, and the views deadline in the customer’s zone', (language, marker, due, received) => {
    const email = renderAuthorityNotice(notice, language);
    expect(email.subject.startsWith(marker)).toBe(true);
    expect(email.subject).toContain('AUTH-2027-7');
    expect(email.text).toContain('Federal Judicial Police Brussels');
    expect(email.text).toContain('Acme Retail');
    expect(email.text).toContain(received);
    // 7.1: the customer is asked for its view, with the date, and told what happens without one.
    const viewsParagraph = email.text.split('\n\n').find((paragraph) => paragraph.includes(due));
    expect(viewsParagraph).toBeDefined();
    expect(viewsParagraph).toContain('privacy@processor.example');
    expectNoLeaks(email);
  });

  it.each(languages)('%s: a request that is not a disclosure asks for no view but promises discussion first', (language) => {
    const facts: AuthorityNoticeFacts = { ...notice, requestKind: 'subpoena' };
    delete facts.viewsDueAt;
    const email = renderAuthorityNotice(facts, language);
    const disclosure = renderAuthorityNotice(notice, language);
    expect(email.text).not.toContain('2 april');
    expect(email.text).not.toContain('2 avril');
    expect(email.text).not.toContain('2 April');
    expect(email.subject).not.toBe(disclosure.subject);
    // The intro differs: received a subpoena, not an intent to disclose.
    expect(wordingLines(email).filter((line) => !wordingLines(disclosure).includes(line)).length).toBeGreaterThanOrEqual(2);
  });

  it('names each kind of request in its own words', () => {
    for (const language of languages) {
      const subjects = (['information', 'subpoena', 'inspection', 'disclosure-intent'] as const).map(
        (requestKind) => renderAuthorityNotice({ ...notice, requestKind }, language).subject,
      );
      expect(new Set(subjects).size).toBe(4);
    }
    expect(renderAuthorityNotice({ ...notice, requestKind: 'subpoena' }, 'nl').subject).toContain('Dagvaarding');
    expect(renderAuthorityNotice({ ...notice, requestKind: 'information' }, 'fr').subject).toContain("Demande d'informations");
    expect(renderAuthorityNotice({ ...notice, requestKind: 'inspection' }, 'en').subject).toContain('inspection or audit');
  });

  it.each([
    ['nl', /wettelijk verbod|de wet verbood/i, 'woensdag 7 april 2027 om 11:00 CEST'],
    ['fr', /interdiction/, 'mercredi 7 avril 2027 à 11:00 UTC+2'],
    ['en', /prohibit/, 'Wednesday, 7 April 2027 at 11:00 CEST'],
  ] as const)('%s: explains a late notice when a legal prohibition was lifted, and only then', (language, wording, liftedAt) => {
    expect(renderAuthorityNotice(notice, language).text).not.toMatch(wording);
    const email = renderAuthorityNotice({ ...notice, prohibitionLiftedAt: '2027-04-07T09:00:00Z' }, language);
    expect(email.text).toMatch(wording);
    expect(email.text).toContain(liftedAt);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) => renderAuthorityNotice(notice, language));
    expectNoSharedWording((language) => renderAuthorityNotice({ ...notice, requestKind: 'information', viewsDueAt: undefined }, language));
    for (const language of ['nl', 'fr'] as const) {
      const { subject, text } = renderAuthorityNotice(notice, language);
      for (const english of ['Dear', 'Kind regards', 'Please', 'authority', 'disclosure'])
        expect(`${subject}\n${text}`).not.toContain(english);
    }
  });

  it('escapes the authority and the customer name in the html', () => {
    const email = renderAuthorityNotice({ ...notice, authority: '<b>Police</b>', customerName: 'A & B <Co>' }, 'en');
    expect(email.html).not.toContain('<b>Police');
    expect(email.html).toContain('&lt;b&gt;Police&lt;/b&gt;');
    expect(email.html).toContain('A &amp; B &lt;Co&gt;');
    expect(email.text).toContain('<b>Police</b>');
  });

  it('puts a non-breaking space before a colon in the French text part', () => {
    expect(renderAuthorityNotice(notice, 'fr').text).toContain('Référence\u00a0: AUTH-2027-7');
  });
});

describe('authority view reminder and outcome', () => {
  const reminder = {
    customerName: 'Acme Retail',
    requestId: 'AUTH-2027-7',
    authority: 'Federal Judicial Police Brussels',
    notifiedAt: '2027-03-25T08:00:05Z',
    viewsDueAt: '2027-04-02T07:00:00Z',
    reminderNumber: 2,
    contact: testContact,
    timeZone: 'Europe/Brussels',
  };

  it.each([
    ['nl', 'Herinnering 2', 'vrijdag 2 april 2027 om 09:00'],
    ['fr', 'Rappel n°\u00a02', 'vendredi 2 avril 2027 à 09:00'],
    ['en', 'Reminder 2', 'Friday, 2 April 2027 at 09:00'],
  ] as const)('%s: numbers the reminder and repeats the deadline', (language, number, due) => {
    const email = renderAuthorityViewReminder(reminder, language);
    expect(email.subject).toContain(number);
    expect(email.subject).toContain('AUTH-2027-7');
    expect(email.text).toContain(due);
    expect(email.text).toContain('Federal Judicial Police Brussels');
    expectNoLeaks(email);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) => renderAuthorityViewReminder(reminder, language));
  });

  const base = {
    customerName: 'Acme Retail',
    requestId: 'AUTH-2027-7',
    authority: 'Federal Judicial Police Brussels',
    requestKind: 'information' as const,
    receivedAt: '2027-03-25T08:00:00Z',
    contact: testContact,
    timeZone: 'Europe/Brussels',
  };

  it.each(languages)('%s: the answer and the disclosure each carry their own facts', (language) => {
    const answered = renderAuthorityOutcome(
      { ...base, kind: 'answered', at: '2027-04-06T10:00:00Z', summary: 'SUMMARY-1', disclosesPersonalData: false },
      language,
    );
    const disclosed = renderAuthorityOutcome(
      { ...base, requestKind: 'disclosure-intent', kind: 'disclosed', at: '2027-04-06T10:00:00Z', scope: 'SCOPE-1', manner: 'MANNER-1' },
      language,
    );
    expect(answered.text).toContain('SUMMARY-1');
    expect(disclosed.text).toContain('SCOPE-1');
    expect(disclosed.text).toContain('MANNER-1');
    expect(answered.subject).not.toBe(disclosed.subject);
    expect(answered.subject).toContain('AUTH-2027-7');
    expectNoLeaks(answered);
    expectNoLeaks(disclosed);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) =>
      renderAuthorityOutcome({ ...base, kind: 'disclosed', at: '2027-04-06T10:00:00Z', scope: 'SCOPE-1', manner: 'MANNER-1' }, language),
    );
  });
});

describe('authority alerts to the privacy team', () => {
  it('has its own title and action per kind, ids and the workflow id, in English', () => {
    const emails = renderEveryAlert(authorityAlert, (kind) =>
      renderAuthorityAlert({
        kind,
        requestId: 'AUTH-9',
        requestKind: 'subpoena',
        customerIds: ['c-1', 'c-2'],
        detail: 'D <1>',
        dueAt: '2027-03-30T07:00:00Z',
      }),
    );
    for (const email of emails) {
      expect(email.subject).toContain('AUTH-9');
      expect(email.text).toContain('authority-AUTH-9');
      expect(email.text).toContain('c-1 and c-2');
      expect(email.text).toContain('Tuesday, 30 March 2027 at 09:00 CEST (UTC+2)');
      expect(email.html).toContain('D &lt;1&gt;');
      expect(email.html).toContain('<html lang="en">');
    }
  });

  it('names the update an operator must send', () => {
    const action = (kind: AuthorityAlertKind) =>
      renderAuthorityAlert({ kind, requestId: 'A', requestKind: 'information', detail: 'd' }).text;
    expect(action('disclosure-prohibited')).toContain('recordProhibitionBasis');
    expect(action('disclosure-prohibited')).toContain('liftProhibition');
    expect(action('notice-deadline-missed')).toContain('recordCustomerNotified');
    expect(action('views-deadline-passed')).toContain('recordDisclosure');
    expect(action('customer-objects')).toContain('objectionsConsidered');
  });
});

const instruction: InstructionNoticeFacts = {
  customerName: 'Acme Retail',
  instructionId: 'INS-42',
  instruction: 'Export every customer profile to <the marketing partner>',
  reason: 'No legal basis for the transfer; Art. 6 GDPR',
  flaggedAt: '2026-10-20T08:00:00Z',
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

/** The customer's own words are the same in every language; only our wording must differ. */
const shortFacts: InstructionNoticeFacts = { ...instruction, customerName: 'Acme', instruction: 'I-1', reason: 'R-1' };

describe('suspended instruction notice (3.2; Art. 28(3) last subparagraph)', () => {
  it.each([
    ['nl', '[Verwerkingsinstructie]', 'dinsdag 20 oktober 2026 om 10:00 CEST', /artikel 3\.2/],
    ['fr', '[Instruction de traitement]', 'mardi 20 octobre 2026 à 10:00 UTC+2', /article 3\.2/],
    ['en', '[Processing instruction]', 'Tuesday, 20 October 2026 at 10:00 CEST', /section 3\.2/],
  ] as const)('%s: quotes the instruction and the reason, and says since when it is suspended', (language, marker, since, clause) => {
    const email = renderInstructionNotice(instruction, language);
    expect(email.subject.startsWith(marker)).toBe(true);
    expect(email.subject).toContain('INS-42');
    expect(email.text).toContain(instruction.instruction);
    expect(email.text).toContain(instruction.reason);
    expect(email.text).toContain(since);
    expect(email.text).toMatch(clause);
    expect(email.html).toContain('&lt;the marketing partner&gt;');
    expect(email.html).not.toContain('<the marketing partner>');
    // The two ways out: revise, or guarantee lawfulness.
    expect(email.text.match(/^- /gm)).toHaveLength(2);
    expectNoLeaks(email);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) => renderInstructionNotice(shortFacts, language));
    for (const language of ['nl', 'fr'] as const) {
      const { subject, text } = renderInstructionNotice(instruction, language);
      for (const english of ['Dear', 'Kind regards', 'Please', 'instruction below', 'suspended'])
        expect(`${subject}\n${text}`).not.toContain(english);
    }
  });
});

describe('processing decision, reminder and resumption', () => {
  const decision = { ...instruction, decidedAt: '2026-10-21T12:00:00Z' };

  it.each(languages)('%s: the two decisions read differently, and a note appears only when given', (language) => {
    const carryOn = renderInstructionDecision({ ...decision, decision: 'continue-under-earlier-instructions' }, language);
    const stop = renderInstructionDecision({ ...decision, decision: 'stop-processing', note: 'NOTE-1' }, language);
    expect(carryOn.subject).toContain('INS-42');
    const onlyInStop = wordingLines(stop).filter((line) => !wordingLines(carryOn).includes(line));
    expect(onlyInStop.length).toBeGreaterThanOrEqual(2);
    expect(stop.text).toContain('NOTE-1');
    expect(carryOn.text).not.toContain('NOTE-1');
    expectNoLeaks(carryOn);
  });

  it.each([
    ['nl', 'Herinnering 3', 'stopgezet', 'nog niet beslist'],
    ['fr', 'Rappel n°\u00a03', 'arrêté', 'pas encore décidé'],
    ['en', 'Reminder 3', 'stopped', 'not yet decided'],
  ] as const)('%s: a reminder says what happens to the processing meanwhile', (language, number, stopped, undecided) => {
    const withDecision = renderInstructionReminder({ ...instruction, reminderNumber: 3, decision: 'stop-processing' }, language);
    const without = renderInstructionReminder({ ...instruction, reminderNumber: 3 }, language);
    expect(withDecision.subject).toContain(number);
    expect(withDecision.text).toContain(stopped);
    expect(without.text).toContain(undecided);
    expect(withDecision.text).toContain(instruction.reason);
  });

  it.each(languages)('%s: a revision and a guarantee are confirmed in their own words', (language) => {
    const facts = { ...instruction, resumedAt: '2026-11-03T09:30:00Z' };
    const revised = renderInstructionResumed({ ...facts, resolution: 'revised', text: 'REVISION-1' }, language);
    const confirmed = renderInstructionResumed({ ...facts, resolution: 'confirmed', text: 'GUARANTEE-1' }, language);
    expect(revised.text).toContain('REVISION-1');
    expect(confirmed.text).toContain('GUARANTEE-1');
    expect(revised.subject).not.toBe(confirmed.subject);
    expect(confirmed.text).toMatch(/3\.3/);
    expectNoLeaks(revised);
  });

  it('is written in each language', () => {
    expectNoSharedWording((language) =>
      renderInstructionDecision({ ...shortFacts, decidedAt: decision.decidedAt, decision: 'stop-processing' }, language),
    );
    expectNoSharedWording((language) => renderInstructionReminder({ ...shortFacts, reminderNumber: 1 }, language));
    expectNoSharedWording((language) =>
      renderInstructionResumed({ ...shortFacts, resumedAt: '2026-11-03T09:30:00Z', resolution: 'confirmed', text: 'G' }, language),
    );
  });

  it('alerts the privacy team with ids only, one wording per kind', () => {
    const emails = renderEveryAlert(instructionAlert, (kind) =>
      renderInstructionAlert({ kind, instructionId: 'INS-42', customerId: 'cust-9', detail: 'D-1', decision: 'stop-processing' }),
    );
    for (const email of emails) {
      expect(email.subject).toContain('INS-42');
      expect(email.subject).toContain('cust-9');
      expect(email.text).toContain('instruction-INS-42');
      expect(email.text).toContain('processing stopped');
    }
    expect(renderInstructionAlert({ kind: 'instruction-flagged', instructionId: 'I', customerId: 'c', detail: 'd' }).text).toContain(
      'suspendInstruction',
    );
    expect(renderInstructionAlert({ kind: 'instruction-suspended', instructionId: 'I', customerId: 'c', detail: 'd' }).text).toContain(
      'recordProcessingDecision',
    );
  });
});

describe('the clocks behind these emails', () => {
  const settings = authoritySettings();

  it('counts five Belgian working days over Easter Monday 2027 and the change to summer time', () => {
    expect(workingDaysLater('2027-03-25T08:00:00.000Z', 5, settings)).toBe('2027-04-02T07:00:00.000Z');
    expect(workingDaysLater('2027-03-25T08:00:00.000Z', 2, settings)).toBe('2027-03-30T07:00:00.000Z');
    // A request on a Saturday: Monday is the first working day.
    expect(workingDaysLater('2027-03-20T10:00:00.000Z', 1, settings)).toBe('2027-03-22T10:00:00.000Z');
  });

  it('counts extra closing days as non-working days', () => {
    const closing = authoritySettings({ extraNonWorkingDays: ['2027-03-26'] });
    expect(workingDaysLater('2027-03-25T08:00:00.000Z', 5, closing)).toBe('2027-04-05T07:00:00.000Z');
  });

  it('reminds on working days before the views deadline, and each extension gets its own reminders', () => {
    const schedule = viewReminderSchedule('2027-04-02T07:00:00.000Z', settings);
    expect(schedule.map((reminder) => reminder.at)).toEqual(['2027-03-31T07:00:00.000Z', '2027-04-01T07:00:00.000Z']);
    expect(nextViewReminder('2027-04-02T07:00:00.000Z', settings, [schedule[0]!.key], '2027-03-30T00:00:00.000Z')).toEqual(schedule[1]);
    expect(nextViewReminder('2027-04-02T07:00:00.000Z', settings, [], '2027-04-01T08:00:00.000Z')).toBeUndefined();
    const extended = viewReminderSchedule('2027-04-09T07:00:00.000Z', settings);
    expect(extended.map((reminder) => reminder.key)).not.toContain(schedule[0]!.key);
  });

  it('reminds of a suspended instruction every 7 calendar days at the same wall-clock time, skipping what a downtime missed', () => {
    const tz = instructionSettings().timeZone;
    // Flagged at 10:00 CEST; summer time ends on 25 October, the reminder stays at 10:00 (CET).
    expect(nextInstructionReminder('2026-10-20T08:00:00.000Z', 7, 0, '2026-10-20T08:00:01.000Z', tz)).toEqual({
      number: 1,
      at: '2026-10-27T09:00:00.000Z',
    });
    expect(nextInstructionReminder('2026-10-20T08:00:00.000Z', 7, 1, '2026-10-27T09:00:01.000Z', tz)).toEqual({
      number: 2,
      at: '2026-11-03T09:00:00.000Z',
    });
    // Down from 21 October to 12 November: one reminder for the latest slot (10 November), not three.
    expect(nextInstructionReminder('2026-10-20T08:00:00.000Z', 7, 0, '2026-11-12T00:00:00.000Z', tz)).toEqual({
      number: 3,
      at: '2026-11-10T09:00:00.000Z',
    });
  });
});

describe('what an operator may record, and why not', () => {
  const authorityState = (overrides: Partial<AuthorityState> = {}): AuthorityState =>
    authorityCase({ requestId: 'R-1', authority: 'Police', requestKind: 'disclosure-intent', status: 'awaiting-views', ...overrides });
  const disclosure = { scope: 'Names of 3 account holders', manner: 'Encrypted USB handed to the investigating officer' };
  const view = (objectsToDisclosure = false) => ({
    firstReceivedAt: '2027-03-26T08:00:00.000Z',
    lastReceivedAt: '2027-03-26T08:00:00.000Z',
    objectsToDisclosure,
    responses: 1,
  });

  it('refuses a disclosure while views are pending and the deadline has not passed', () => {
    const state = authorityState();
    state.customers.a!.view = view();
    expect(refuseDisclosure(state, disclosure, '2027-04-02T06:59:59.000Z')).toMatch(/7\.1.*1 customer\(s\).*\bb\b/);
    expect(authorityCaseStatus(state, '2027-04-02T06:59:59.000Z')).toBe('awaiting-views');
    // At the deadline itself it is allowed: a deadline at now has passed, as a timer for it has fired.
    expect(refuseDisclosure(state, disclosure, '2027-04-02T07:00:00.000Z')).toBeUndefined();
    state.customers.b!.view = view();
    expect(refuseDisclosure(state, disclosure, '2027-03-27T00:00:00.000Z')).toBeUndefined();
    expect(authorityCaseStatus(state, '2027-03-27T00:00:00.000Z')).toBe('ready-to-disclose');
  });

  it('asks for objections to be weighed, refuses the wrong update for the kind, and checks the texts and times', () => {
    const state = authorityState();
    state.customers.a!.view = view(true);
    state.customers.b!.view = view();
    expect(refuseDisclosure(state, disclosure, '2027-03-27T00:00:00.000Z')).toMatch(/objectionsConsidered/);
    expect(refuseDisclosure(state, { ...disclosure, objectionsConsidered: true }, '2027-03-27T00:00:00.000Z')).toBeUndefined();
    expect(refuseDisclosure(state, { ...disclosure, scope: '  ', objectionsConsidered: true }, '2027-03-27T00:00:00.000Z')).toMatch(
      /scope/,
    );
    expect(
      refuseDisclosure(
        state,
        { ...disclosure, objectionsConsidered: true, disclosedAt: '2027-03-20T00:00:00Z' },
        '2027-03-27T00:00:00.000Z',
      ),
    ).toMatch(/before the request was received/);
    expect(
      refuseDisclosure(state, { ...disclosure, objectionsConsidered: true, disclosedAt: 'tomorrow' }, '2027-03-27T00:00:00.000Z'),
    ).toMatch(/ISO 8601/);
    expect(refuseAnswer(state, { summary: 'x', disclosesPersonalData: false }, '2027-03-27T00:00:00.000Z')).toMatch(/recordDisclosure/);
    expect(refuseDisclosure(authorityState({ requestKind: 'subpoena' }), disclosure, '2027-03-27T00:00:00.000Z')).toMatch(/recordAnswer/);
  });

  it('allows a disclosure without views while the law forbids telling the customers, and refuses lifting twice', () => {
    const prohibited = authorityState({ prohibition: { since: '2027-03-25T08:00:00.000Z', reviewsSent: 0 } });
    delete prohibited.viewsDueAt;
    delete prohibited.noticeDueAt;
    for (const customer of Object.values(prohibited.customers)) customer.notice = { status: 'withheld' };
    expect(refuseDisclosure(prohibited, disclosure, '2027-03-26T00:00:00.000Z')).toBeUndefined();
    expect(refuseProhibitionLifting(prohibited, { reason: ' ' })).toMatch(/reason/);
    expect(refuseProhibitionLifting(prohibited, { reason: 'Order lifted by the investigating judge' })).toBeUndefined();
    prohibited.prohibition!.liftedAt = '2027-04-01T00:00:00.000Z';
    expect(refuseProhibitionLifting(prohibited, { reason: 'again' })).toMatch(/already lifted/);
    expect(refuseProhibitionLifting(authorityState(), { reason: 'x' })).toMatch(/no prohibition/);
  });

  it('extends the views deadline only forward and only while views are awaited', () => {
    const state = authorityState();
    expect(refuseViewsDeadlineExtension(state, { until: '2027-04-01T07:00:00Z', reason: 'r' })).toMatch(/later/);
    expect(refuseViewsDeadlineExtension(state, { until: '2027-04-09T07:00:00Z', reason: 'asked for by customer a' })).toBeUndefined();
    expect(refuseViewsDeadlineExtension({ ...state, viewsDeadlinePassed: true }, { until: '2027-04-09T07:00:00Z', reason: 'r' })).toMatch(
      /passed/,
    );
  });

  /** Suspended for want of an answer a week after the flag (a case from before the response period had none). */
  const instructionState = (overrides: Partial<InstructionState> = {}): InstructionState => {
    const state = instructionCase({
      status: 'suspended',
      suspension: { at: '2026-10-27T08:00:00.000Z', cause: 'no-answer' },
      ...overrides,
    });
    if (!('responseDueAt' in overrides)) delete state.responseDueAt;
    return state;
  };

  it('records a processing decision once per change, and nothing after the instruction is resumed', () => {
    const state = instructionState();
    expect(refuseProcessingDecision(state, { decision: 'stop-processing' })).toBeUndefined();
    expect(refuseProcessingDecision(state, { decision: 'halt' as never })).toMatch(/one of/);
    state.decisions.push({ sequence: 1, decision: 'stop-processing', decidedAt: '2026-10-21T00:00:00.000Z' });
    expect(instructionCaseStatus(state)).toBe('stopped');
    expect(refuseProcessingDecision(state, { decision: 'stop-processing' })).toMatch(/already stop-processing/);
    expect(refuseProcessingDecision(state, { decision: 'continue-under-earlier-instructions' })).toBeUndefined();
    state.resolution = { kind: 'confirmed', text: 'g', at: '2026-10-22T00:00:00.000Z', via: 'webhook' };
    expect(instructionCaseStatus(state)).toBe('resumed');
    expect(refuseProcessingDecision(state, { decision: 'continue-under-earlier-instructions' })).toMatch(/already resumed/);
    expect(refuseGuarantee(state, { guarantee: 'g' })).toMatch(/already resumed/);
    expect(refuseGuarantee(instructionState(), { guarantee: '' })).toMatch(/guarantee/);
  });
});

describe('html of every new email', () => {
  it.each(languages)('%s: a document in the email’s language with its subject as title', (language) => {
    for (const email of [renderAuthorityNotice(notice, language), renderInstructionNotice(instruction, language)]) {
      expect(email.html).toMatch(/^<!DOCTYPE html>/);
      expect(email.html).toContain(`<html lang="${language}">`);
      expect(email.html).toContain(`<title>${escapeHtml(email.subject)}</title>`);
    }
  });
});
