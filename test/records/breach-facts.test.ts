import { Migrator, sql } from 'kysely';
import { createRecords } from '../../records';
import { migrateToLatest } from '../../records/database';
import type { BreachIncidentFacts, BreachRegisterUpdate } from '../../records/breach-register';
import { migrationProvider } from '../../records/migrations';
import { registerEntry } from '../support/breach-register';
import { databaseKinds, freshDatabase, useFreshDatabase } from '../support/records';

/**
 * The breach register (Art. 33(5)) keeps a suspected breach and what became of it (policy 8.1), and the
 * facts that arrive in phases (Art. 33(3)-(4)), each with the instant it became known.
 */
describe.each(databaseKinds)('the breach register on %s', (kind) => {
  const h = useFreshDatabase(kind);

  test('a breach reported as suspected keeps since when; its confirmation keeps when, and the entry stays open', async () => {
    await h.records.breaches.recordIncident({ ...incident('sus-1'), suspected: true });
    expect(await h.records.breaches.get('sus-1')).toMatchObject({ suspectedSince: '2026-01-05T08:00:00.000Z', confirmedAt: null });
    await h.records.breaches.recordUpdate(
      'sus-1',
      'k-confirm',
      update({ assessment: 'confirmed', recordedAt: '2026-01-06T09:00:00.000Z' }),
    );
    const entry = await h.records.breaches.get('sus-1');
    expect(entry).toMatchObject({
      suspectedSince: '2026-01-05T08:00:00.000Z',
      confirmedAt: '2026-01-06T09:00:00.000Z',
      ruledOutAt: null,
      status: 'open',
    });
    expect(entry!.updates[0]!.assessment).toBe('confirmed');
  });

  test('a suspected breach ruled out closes the entry at that instant, without a final report', async () => {
    await h.records.breaches.recordIncident({ ...incident('sus-2'), suspected: true });
    const ruledOut = update({ assessment: 'ruled-out', recordedAt: '2026-01-06T10:00:00.000Z' });
    await h.records.breaches.recordUpdate('sus-2', 'k-out', ruledOut);
    await h.records.breaches.recordUpdate('sus-2', 'k-out', ruledOut);
    expect(await h.records.breaches.get('sus-2')).toMatchObject({
      suspectedSince: '2026-01-05T08:00:00.000Z',
      confirmedAt: null,
      ruledOutAt: '2026-01-06T10:00:00.000Z',
      status: 'closed',
      closedAt: '2026-01-06T10:00:00.000Z',
      finalReport: null,
      updates: [ruledOut],
    });
  });

  test('a breach reported as found has no suspicion to keep', async () => {
    await h.records.breaches.recordIncident(incident('found-1'));
    expect(await h.records.breaches.get('found-1')).toEqual(registerEntry(incident('found-1')));
    expect(await h.records.breaches.get('found-1')).toMatchObject({ suspectedSince: null, confirmedAt: null, ruledOutAt: null });
  });

  test('every fact keeps the instant it became known: at the report, then from the update that brought it', async () => {
    await h.records.breaches.recordIncident({ ...incident('facts-1'), likelyConsequences: 'Phishing.' });
    expect((await h.records.breaches.get('facts-1'))!.factsKnownAt).toEqual({
      dataCategories: '2026-01-05T08:05:00.000Z',
      subjectsApprox: '2026-01-05T08:05:00.000Z',
      likelyConsequences: '2026-01-05T08:05:00.000Z',
    });

    const first = update({ facts: { subjectCategories: ['customers'], recordsApprox: 1200 }, recordedAt: '2026-01-06T08:00:00.000Z' });
    const second = update({ facts: { recordsApprox: 1800, dataCategories: ['invoices'] }, recordedAt: '2026-01-07T08:00:00.000Z' });
    await h.records.breaches.recordUpdate('facts-1', 'k-1', first);
    await h.records.breaches.recordUpdate('facts-1', 'k-2', second);
    await h.records.breaches.recordUpdate('facts-1', 'k-1', first);

    const entry = (await h.records.breaches.get('facts-1'))!;
    expect(entry).toMatchObject({
      dataCategories: ['invoices'],
      subjectCategories: ['customers'],
      subjectsApprox: 250,
      recordsApprox: 1800,
      likelyConsequences: 'Phishing.',
    });
    expect(entry.factsKnownAt).toEqual({
      dataCategories: '2026-01-07T08:00:00.000Z',
      subjectCategories: '2026-01-06T08:00:00.000Z',
      subjectsApprox: '2026-01-05T08:05:00.000Z',
      recordsApprox: '2026-01-07T08:00:00.000Z',
      likelyConsequences: '2026-01-05T08:05:00.000Z',
    });
    // The earlier value and its instant stay in the update that brought it.
    expect(entry.updates).toEqual([first, second]);
  });

  test('facts not known are absent, and an update without facts keeps none', async () => {
    const { subjectsApprox: _left, ...facts } = incident('facts-2');
    await h.records.breaches.recordIncident(facts);
    await h.records.breaches.recordUpdate('facts-2', 'k-none', update({}));
    const entry = (await h.records.breaches.get('facts-2'))!;
    for (const fact of ['subjectsApprox', 'subjectCategories', 'recordsApprox', 'likelyConsequences'])
      expect(Object.keys(entry)).not.toContain(fact);
    expect(entry.factsKnownAt).toEqual({ dataCategories: '2026-01-05T08:05:00.000Z' });
    expect(Object.keys(entry.updates[0]!)).not.toContain('facts');
  });

  test('an entry recorded before migration 011 knew its categories and count at its report', async () => {
    const { database } = await freshDatabase(kind);
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProvider });
      const { error } = await migrator.migrateTo('010-breach-final-reports');
      expect(error).toBeUndefined();
      await sql`insert into breach_incidents (incident_id, aware_at, detected_at, summary, data_categories, subjects_approx, measures, contained, status, updated_at)
        values ('old-1', '2025-06-01T08:00:00Z', '2025-06-01T09:00:00Z', 'Old.', '["names"]', 40, '[]', false, 'open', now()),
               ('old-2', '2025-06-02T08:00:00Z', '2025-06-02T09:00:00Z', 'Old.', '["names"]', null, '[]', false, 'open', now())`.execute(
        database.db,
      );
      await migrateToLatest(database.db);
      const records = createRecords(database.db);
      expect(await records.breaches.get('old-1')).toMatchObject({
        suspectedSince: null,
        factsKnownAt: { dataCategories: '2025-06-01T09:00:00.000Z', subjectsApprox: '2025-06-01T09:00:00.000Z' },
      });
      expect((await records.breaches.get('old-2'))!.factsKnownAt).toEqual({ dataCategories: '2025-06-02T09:00:00.000Z' });
    } finally {
      await database.close();
    }
  });
});

function incident(incidentId: string): BreachIncidentFacts {
  return {
    incidentId,
    awareAt: '2026-01-05T08:00:00.000Z',
    detectedAt: '2026-01-05T08:05:00.000Z',
    summary: 'A backup bucket was publicly readable.',
    dataCategories: ['contact details'],
    subjectsApprox: 250,
    measures: [],
  };
}

function update(changes: Partial<BreachRegisterUpdate>): BreachRegisterUpdate {
  return { kind: 'update', text: 'More is known.', measures: [], recordedAt: '2026-01-06T08:00:00.000Z', ...changes };
}
