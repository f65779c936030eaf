import { instructionCase } from '../support/case-states';
import {
  renderCannotComplyAlert,
  renderInstructionNotice,
  renderInstructionResumed,
  renderInstructionRevisionRejected,
  renderInstructionSuspension,
  type InstructionNoticeFacts,
  type InstructionSuspensionFacts,
} from '../../activities/email/templates/instruction';
import {
  instructionCaseStatus,
  instructionSettings,
  pendingRevision,
  refuseProcessingDecision,
  refuseRevisionJudgement,
  refuseSuspension,
  responseDueAt,
} from '../../domain/instruction';
import { languages } from '../../domain/language';
import { expectNoSharedWording, testContact } from '../support/templates';

// Flagged on Tuesday 20 October 2026, 10:00 CEST; five working days later is Tuesday 27 October, 10:00 CET.
const flaggedFacts: InstructionNoticeFacts = {
  customerName: 'Acme Retail',
  instructionId: 'INS-42',
  instruction: 'Export every customer profile to the marketing partner',
  reason: 'No legal basis for the transfer; Art. 6 GDPR',
  flaggedAt: '2026-10-20T08:00:00Z',
  responseDueAt: '2026-10-27T09:00:00Z',
  contact: testContact,
  timeZone: 'Europe/Brussels',
};

const suspensionFacts = (cause: InstructionSuspensionFacts['cause'], suspensionReason?: string): InstructionSuspensionFacts => ({
  ...flaggedFacts,
  suspendedAt: '2026-10-27T09:00:00Z',
  cause,
  ...(suspensionReason !== undefined && { suspensionReason }),
});

describe('3.2: the notice asks for an answer by the end of the response period, and suspends nothing yet', () => {
  it.each([
    ['nl', 'Antwoord uiterlijk op: dinsdag 27 oktober 2026 om 10:00 CET', 'opgeschort', 'schorten wij de uitvoering ervan op'],
    ['fr', 'Réponse attendue au plus tard le\u00a0: mardi 27 octobre 2026 à 10:00 UTC+1', 'suspendue', "nous en suspendrons l'exécution"],
    ['en', 'Please answer by: Tuesday, 27 October 2026 at 10:00 CET', 'suspended', 'we will suspend its execution'],
  ] as const)('%s: the date to answer by, and what follows silence or a refusal', (language, dueRow, suspendedWord, willSuspend) => {
    const email = renderInstructionNotice(flaggedFacts, language);
    expect(email.text).toContain(dueRow);
    expect(email.text).toContain(willSuspend);
    // Neither the subject nor a "suspended since" row says the instruction is suspended already.
    expect(email.subject.toLowerCase()).not.toContain(suspendedWord);
    expect(email.text).not.toMatch(/Opgeschort sinds|Suspendue depuis|Suspended since/);
  });
});

describe('3.2 (i): the suspension email says why, in the words of its cause', () => {
  it.each(languages)('%s: silence, a refusal and an operator read differently; a reason appears only where there is one', (language) => {
    const silence = renderInstructionSuspension(suspensionFacts('no-answer'), language);
    const refused = renderInstructionSuspension(suspensionFacts('refused', 'REFUSAL-REASON'), language);
    const refusedWithoutReason = renderInstructionSuspension(suspensionFacts('refused'), language);
    const operator = renderInstructionSuspension(suspensionFacts('operator', 'OPERATOR-REASON'), language);
    expect(
      new Set([silence, refused, operator].map((email) => email.text.split('\n').find((line) => line.includes('INS-42')))),
    ).toHaveProperty('size', 3);
    expect(refused.text).toContain('REFUSAL-REASON');
    expect(operator.text).toContain('OPERATOR-REASON');
    const onlyWithReason = refused.text.split('\n').filter((line) => !refusedWithoutReason.text.split('\n').includes(line));
    // The heading (its underline may match another's) and the reason itself, nothing else.
    expect(onlyWithReason).toContain('REFUSAL-REASON');
    expect(onlyWithReason.length).toBeLessThanOrEqual(3);
    for (const email of [silence, refused, operator]) {
      expect(email.subject).toContain('INS-42');
      expect(email.text).toContain(flaggedFacts.instruction);
      expect(email.text).toMatch(/3\.2, ii|3\.2\(ii\)/);
      expect(email.text).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it.each([
    ['nl', 'uiterlijk op dinsdag 27 oktober 2026 om 10:00 CET', 'Opgeschort sinds: dinsdag 27 oktober 2026 om 10:00 CET'],
    ['fr', 'au plus tard le mardi 27 octobre 2026 à 10:00 UTC+1', 'Suspendue depuis le\u00a0: mardi 27 octobre 2026 à 10:00 UTC+1'],
    ['en', 'by Tuesday, 27 October 2026 at 10:00 CET', 'Suspended since: Tuesday, 27 October 2026 at 10:00 CET'],
  ] as const)(
    '%s: silence past the period names the date that passed, and since when the instruction is suspended',
    (language, due, since) => {
      const email = renderInstructionSuspension(suspensionFacts('no-answer'), language);
      expect(email.text).toContain(due);
      expect(email.text).toContain(since);
    },
  );

  it('is written in each language', () => {
    const short = { ...suspensionFacts('operator', 'R-2'), customerName: 'Acme', instruction: 'I-1', reason: 'R-1' };
    expectNoSharedWording((language) => [
      renderInstructionSuspension(short, language),
      renderInstructionSuspension({ ...short, cause: 'refused' }, language),
      renderInstructionSuspension({ ...short, cause: 'no-answer' }, language),
    ]);
    expectNoSharedWording((language) =>
      renderInstructionNotice({ ...flaggedFacts, customerName: 'Acme', instruction: 'I-1', reason: 'R-1' }, language),
    );
  });
});

describe('3.2: an answer before any suspension carries the instruction out; after one, resumes it', () => {
  it.each(languages)('%s: "carried out" and "resumed" are told apart', (language) => {
    const base = { ...flaggedFacts, resumedAt: '2026-10-22T09:30:00Z', text: 'GUARANTEE-1' };
    const carriedOut = renderInstructionResumed({ ...base, resolution: 'confirmed' }, language);
    const resumed = renderInstructionResumed({ ...base, resolution: 'confirmed', suspendedAt: '2026-10-21T08:00:00Z' }, language);
    expect(carriedOut.subject).not.toBe(resumed.subject);
    expect(carriedOut.text).toContain('GUARANTEE-1');
    expect(carriedOut.text).not.toMatch(/Opgeschort sinds|Suspendue depuis|Suspended since/);
    expect(resumed.text).toMatch(/Opgeschort sinds|Suspendue depuis|Suspended since/);
    expectNoSharedWording((other) => renderInstructionResumed({ ...base, resolution: 'revised', customerName: 'Acme', text: 'R' }, other));
  });
});

describe('3.2: a revision that still infringes the law is answered with the reason', () => {
  const rejection = {
    ...flaggedFacts,
    revision: 'REVISION-1',
    receivedAt: '2026-10-22T09:30:00Z',
    rejectionReason: 'REJECTION-REASON',
  };

  it.each([
    [
      'nl',
      'kan niet worden uitgevoerd',
      'tot dinsdag 27 oktober 2026 om 10:00 CET',
      'De uitvoering van de instructie is daarom opgeschort',
    ],
    ['fr', 'ne peut pas être exécutée', "jusqu'au mardi 27 octobre 2026 à 10:00 UTC+1", "L'exécution de l'instruction est donc suspendue"],
    [
      'en',
      'cannot be carried out',
      'until Tuesday, 27 October 2026 at 10:00 CET',
      'The execution of the instruction is therefore suspended',
    ],
  ] as const)(
    '%s: the revision, the reason, and what follows: still time to answer, or suspended',
    (language, subject, until, suspended) => {
      const early = renderInstructionRevisionRejected({ ...rejection, answerStillDueBy: '2026-10-27T09:00:00Z' }, language);
      const late = renderInstructionRevisionRejected({ ...rejection, suspendedAt: '2026-10-27T09:00:00Z' }, language);
      for (const email of [early, late]) {
        expect(email.subject).toContain(subject);
        expect(email.subject).toContain('INS-42');
        expect(email.text).toContain('REVISION-1');
        expect(email.text).toContain('REJECTION-REASON');
        // The two ways out are still open: revise again, or guarantee.
        expect(email.text.match(/^- /gm)).toHaveLength(2);
        expect(email.text).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
      expect(early.text).toContain(until);
      expect(early.text).not.toContain(suspended);
      expect(late.text).toContain(suspended);
    },
  );

  it('is written in each language', () => {
    const short = { ...rejection, customerName: 'Acme' };
    expectNoSharedWording(
      (language) => [
        renderInstructionRevisionRejected({ ...short, answerStillDueBy: '2026-10-27T09:00:00Z' }, language),
        renderInstructionRevisionRejected(short, language),
      ],
      'REVISION-1',
      'REJECTION-REASON',
    );
  });
});

describe('the response period (3.2 "vervolgens")', () => {
  const settings = instructionSettings();

  it('is five Belgian working days by default, at the wall-clock time it started', () => {
    expect(settings.responseWorkingDays).toBe(5);
    // Tuesday 10:00 CEST to the next Tuesday 10:00 CET, across the end of summer time.
    expect(responseDueAt('2026-10-20T08:00:00.000Z', settings)).toBe('2026-10-27T09:00:00.000Z');
    // Friday 16:00: the weekend is not counted.
    expect(responseDueAt('2027-03-05T15:00:00.000Z', settings)).toBe('2027-03-12T15:00:00.000Z');
    // Thursday 25 March 2027: Easter Monday (29 March) is a public holiday, so Friday 2 April.
    expect(responseDueAt('2027-03-25T09:00:00.000Z', settings)).toBe('2027-04-02T08:00:00.000Z');
    // A setting: ten working days.
    expect(responseDueAt('2026-10-20T08:00:00.000Z', instructionSettings({ responseWorkingDays: 10 }))).toBe('2026-11-03T09:00:00.000Z');
  });
});

describe('what an operator may do while the customer may still answer', () => {
  const state = instructionCase;

  it('shows the instruction flagged, not suspended, until it is', () => {
    expect(instructionCaseStatus(state({ notice: { status: 'pending' } }))).toBe('notifying');
    expect(instructionCaseStatus(state())).toBe('flagged');
    expect(instructionCaseStatus(state({ suspension: { at: '2026-10-27T09:00:00.000Z', cause: 'no-answer' } }))).toBe('suspended');
    const guarantee = { kind: 'confirmed', text: 'g', at: '2026-10-22T00:00:00.000Z', via: 'webhook' } as const;
    expect(instructionCaseStatus(state({ resolution: guarantee }))).toBe('carried-out');
    expect(instructionCaseStatus(state({ resolution: guarantee, suspension: { at: '2026-10-21T00:00:00.000Z', cause: 'refused' } }))).toBe(
      'resumed',
    );
  });

  it('refuses a processing decision (3.2 (ii)) before the instruction is suspended', () => {
    expect(refuseProcessingDecision(state(), { decision: 'stop-processing' })).toBe(
      'instruction I-1 is not suspended: the customer may revise or guarantee it until 2026-10-27T09:00:00.000Z; ' +
        'suspend it first (suspendInstruction) if it is plainly unlawful',
    );
    expect(
      refuseProcessingDecision(state({ suspension: { at: '2026-10-21T00:00:00.000Z', cause: 'operator', reason: 'x' } }), {
        decision: 'stop-processing',
      }),
    ).toBeUndefined();
  });

  it('judges only the latest revision awaiting judgement, and a rejection only with a reason', () => {
    const revision = { sequence: 1, text: 'r1', receivedAt: '2026-10-21T00:00:00.000Z', via: 'webhook' } as const;
    expect(refuseRevisionJudgement(state(), { accepted: true })).toBe('no revision of instruction I-1 awaits judgement');
    const waiting = state({ revisions: [{ ...revision }] });
    expect(pendingRevision(waiting)).toMatchObject({ sequence: 1 });
    expect(refuseRevisionJudgement(waiting, { accepted: true })).toBeUndefined();
    expect(refuseRevisionJudgement(waiting, { accepted: false })).toBe('a rejected revision needs a reason: the customer is told it');
    expect(refuseRevisionJudgement(waiting, { accepted: false, reason: ' ' })).toBe('reason must be a non-empty text');
    expect(refuseRevisionJudgement(waiting, { accepted: 'yes' as never })).toBe('accepted must be true or false');
    expect(refuseRevisionJudgement(waiting, { accepted: false, reason: 'Still excessive.' })).toBeUndefined();
    const judged = state({
      revisions: [{ ...revision, judgement: { accepted: false, reason: 'x', judgedAt: '2026-10-22T00:00:00.000Z' } }],
    });
    expect(pendingRevision(judged)).toBeUndefined();
    const replaced = state({
      revisions: [
        { ...revision, superseded: true },
        { ...revision, sequence: 2, text: 'r2' },
      ],
    });
    expect(pendingRevision(replaced)).toMatchObject({ sequence: 2 });
  });

  it('suspends at once only with a reason, once, and not after the instruction was carried out', () => {
    expect(refuseSuspension(state(), { reason: 'Plainly unlawful: Art. 9 data without a basis.' })).toBeUndefined();
    expect(refuseSuspension(state(), { reason: '  ' })).toBe('reason must be a non-empty text');
    expect(refuseSuspension(state({ suspension: { at: '2026-10-21T00:00:00.000Z', cause: 'refused' } }), { reason: 'x' })).toBe(
      'instruction I-1 is already suspended since 2026-10-21T00:00:00.000Z',
    );
    expect(
      refuseSuspension(state({ resolution: { kind: 'confirmed', text: 'g', at: '2026-10-22T00:00:00.000Z', via: 'webhook' } }), {
        reason: 'x',
      }),
    ).toBe('instruction I-1 was already carried out at 2026-10-22T00:00:00.000Z (lawfulness guaranteed)');
  });
});

describe('3.4: the alert of a customer that cannot meet its obligations', () => {
  it('names the notice, the customer and where its words are, and what to do', () => {
    const email = renderCannotComplyAlert({
      kind: 'customer-cannot-comply',
      noticeId: 'N-7',
      customerId: 'cust-9',
      receivedAt: '2026-10-20T08:00:00.000Z',
      detail: 'D-1',
    });
    expect(email.subject).toContain('N-7');
    expect(email.subject).toContain('cust-9');
    expect(email.text).toContain('cannot-comply-N-7');
    expect(email.text).toContain('cannot_comply_notices');
    expect(email.text).toContain('policy 3.4');
    expect(email.text).toContain('Tuesday, 20 October 2026');
  });
});
