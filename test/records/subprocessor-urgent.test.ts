import type { Database, Records } from '../../records';
import { freshDatabase } from '../support/records';

/**
 * What the 5.2 rule at the door reads and writes: the time zones of the customers a change concerns, in
 * one query for any number of ids, and an urgent change's reason kept with it (migration 015).
 */
describe.each(['pglite', 'postgres'] as const)('an urgent change in the records, on %s', (kind) => {
  let database: Database;
  let records: Records;

  beforeAll(async () => {
    ({ database, records } = await freshDatabase(kind));
    const describe = (customerId: string, timeZone: string) =>
      records.customers.upsert(
        {
          customerId,
          name: `Customer ${customerId}`,
          language: 'en',
          contacts: [{ email: `dpo@${customerId}.test` }],
          timeZone,
          contract: {},
        },
        '2026-01-01T00:00:00.000Z',
      );
    await describe('tz-brussels', 'Europe/Brussels');
    await describe('tz-brussels-2', 'Europe/Brussels');
    await describe('tz-tokyo', 'Asia/Tokyo');
    await describe('tz-la', 'America/Los_Angeles');
  });

  afterAll(async () => {
    await database?.close();
  });

  const sorted = (zones: readonly string[]) => [...zones].sort();

  it('gives the distinct zones of the customers named, and whether one is not described yet', async () => {
    const named = await records.customers.timeZonesOf(['tz-brussels', 'tz-brussels-2', 'tz-tokyo']);
    expect(sorted(named.timeZones)).toEqual(['Asia/Tokyo', 'Europe/Brussels']);
    expect(named.undescribed).toBe(false);
    // A repeated id is one customer, not a missing one.
    expect((await records.customers.timeZonesOf(['tz-tokyo', 'tz-tokyo'])).undescribed).toBe(false);
    expect(await records.customers.timeZonesOf(['tz-tokyo', 'not-yet'])).toEqual({ timeZones: ['Asia/Tokyo'], undescribed: true });
    expect(await records.customers.timeZonesOf(['not-yet'])).toEqual({ timeZones: [], undescribed: true });
  });

  it('without ids: every customer on record, all described', async () => {
    const every = await records.customers.timeZonesOf(undefined);
    expect(sorted(every.timeZones)).toEqual(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/Brussels']);
    expect(every.undescribed).toBe(false);
  });

  it('100,000 ids in one statement (more than PostgreSQL takes as separate parameters)', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `bulk-${i}`);
    ids[54_321] = 'tz-la';
    const started = Date.now();
    expect(await records.customers.timeZonesOf(ids)).toEqual({ timeZones: ['America/Los_Angeles'], undescribed: true });
    const described = ['tz-la', 'tz-tokyo', ...Array.from({ length: 99_998 }, () => 'tz-brussels')];
    expect(sorted((await records.customers.timeZonesOf(described)).timeZones)).toEqual([
      'America/Los_Angeles',
      'Asia/Tokyo',
      'Europe/Brussels',
    ]);
    expect((await records.customers.timeZonesOf(described)).undescribed).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('keeps an urgent change’s reason with it; the notice read back carries it, and a change not urgent has none', async () => {
    const reason = 'The current host ends its service on Friday.';
    const urgent = await records.subprocessors.recordChange({
      changeId: 'urgent-1',
      action: 'added',
      subprocessor: { id: 'host-new', name: 'New Host SA', country: 'BE', purpose: 'hosting' },
      announcedAt: '2026-01-05T09:00:00.000Z',
      effectiveAt: '2026-01-08T00:00:00.000Z',
      customerIds: ['tz-tokyo'],
      urgent: { reason },
    });
    expect(urgent).toMatchObject({ changeId: 'urgent-1', urgentReason: reason, recipients: 1 });
    expect((await records.objectionWindows.changeNotice('urgent-1'))?.urgent).toEqual({ reason });
    const plain = await records.subprocessors.recordChange({
      changeId: 'plain-1',
      action: 'added',
      subprocessor: { id: 'host-plain', name: 'Plain Host SA', country: 'BE', purpose: 'hosting' },
      announcedAt: '2026-01-05T09:00:00.000Z',
      effectiveAt: '2026-03-08T00:00:00.000Z',
      customerIds: ['tz-tokyo'],
    });
    expect(plain.urgentReason).toBeNull();
    expect(await records.objectionWindows.changeNotice('plain-1')).not.toHaveProperty('urgent');
    expect((await records.subprocessors.changesSince('2026-01-01T00:00:00Z')).map((c) => [c.changeId, c.urgentReason])).toEqual([
      ['urgent-1', reason],
      ['plain-1', null],
    ]);
  });
});
