import { databaseKinds, useFreshDatabase } from '../support/records';

/**
 * An instruction's numbered history (3.2): the revisions the customer sent and how each was judged, and
 * the processing decisions. A workflow may record an entry again after a retry or a restart; the entry
 * stands once, as first recorded.
 */
describe.each(databaseKinds)('an instruction’s history on %s', (kind) => {
  const h = useFreshDatabase(kind);
  const flagged = (instructionId: string) =>
    h.records.instructions.recordFlagged({
      instructionId,
      customerId: 'c-1',
      instruction: 'Export every profile.',
      reason: 'No legal basis.',
      flaggedAt: '2026-10-20T08:00:00.000Z',
      responseDueAt: '2026-10-27T09:00:00.000Z',
    });

  test('a revision recorded twice under its number stands once, as first recorded; its first judgement is kept', async () => {
    await flagged('I-rev');
    const revision = { sequence: 1, text: 'Export active profiles only.', via: 'webhook' as const, receivedAt: '2026-10-22T08:00:00.000Z' };
    await h.records.instructions.recordRevision('I-rev', revision);
    await h.records.instructions.recordRevision('I-rev', { ...revision, text: 'A later text under the same number.' });
    await h.records.instructions.recordRevision('I-rev', { ...revision, sequence: 2, via: 'operator', note: 'By letter.' });
    await h.records.instructions.recordRevisionJudgement('I-rev', 1, {
      accepted: false,
      reason: 'Still unlawful.',
      judgedAt: '2026-10-23T08:00:00.000Z',
    });
    await h.records.instructions.recordRevisionJudgement('I-rev', 1, { accepted: true, judgedAt: '2026-10-24T08:00:00.000Z' });

    const { revisions } = (await h.records.instructions.get('I-rev'))!;
    expect(revisions).toEqual([
      {
        sequence: 1,
        text: 'Export active profiles only.',
        via: 'webhook',
        note: null,
        receivedAt: '2026-10-22T08:00:00.000Z',
        accepted: false,
        judgementReason: 'Still unlawful.',
        judgedAt: '2026-10-23T08:00:00.000Z',
      },
      {
        sequence: 2,
        text: 'Export active profiles only.',
        via: 'operator',
        note: 'By letter.',
        receivedAt: '2026-10-22T08:00:00.000Z',
        accepted: null,
        judgementReason: null,
        judgedAt: null,
      },
    ]);
  });

  test('a processing decision recorded twice under its number stands once; the next number adds the next', async () => {
    await flagged('I-dec');
    await h.records.instructions.recordDecision('I-dec', {
      sequence: 1,
      decision: 'stop-processing',
      decidedAt: '2026-10-28T08:00:00.000Z',
    });
    await h.records.instructions.recordDecision('I-dec', {
      sequence: 1,
      decision: 'continue-under-earlier-instructions',
      decidedAt: '2026-10-28T09:00:00.000Z',
    });
    await h.records.instructions.recordDecision('I-dec', {
      sequence: 2,
      decision: 'continue-under-earlier-instructions',
      note: 'Earlier instructions suffice.',
      decidedAt: '2026-11-02T08:00:00.000Z',
    });
    expect((await h.records.instructions.get('I-dec'))!.decisions).toEqual([
      { sequence: 1, decision: 'stop-processing', note: null, decidedAt: '2026-10-28T08:00:00.000Z' },
      {
        sequence: 2,
        decision: 'continue-under-earlier-instructions',
        note: 'Earlier instructions suffice.',
        decidedAt: '2026-11-02T08:00:00.000Z',
      },
    ]);
  });
});
