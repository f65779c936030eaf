import { sql } from 'kysely';
import type { Database } from '../../records';
import { customerRepository } from '../../records/customers';
import { migrateToLatest } from '../../records/database';
import {
  SubprocessorChangeRefused,
  subprocessorRepository,
  type SubprocessorChangeFacts,
  type SubprocessorRepository,
} from '../../records/subprocessors';
import { objectionWindowRepository, type ObjectionWindowRepository } from '../../records/objection-windows';
import { freshDatabase } from '../support/records';

/** The register's tables come with the registered migrations; running them again changes nothing. */
async function migrateWithSubprocessors(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_name like 'subprocessor%'`.execute(database.db);
  expect(tables.rows.map((row) => row.name).sort()).toEqual([
    'subprocessor_change_recipients',
    'subprocessor_changes',
    'subprocessor_objections',
    'subprocessors',
  ]);
}

function added(id: string, effectiveAt: string, overrides: Partial<SubprocessorChangeFacts['subprocessor']> = {}): SubprocessorChangeFacts {
  return {
    changeId: `add-${id}`,
    action: 'added',
    subprocessor: { id, name: `Subprocessor ${id}`, country: 'BE', purpose: 'e-mail delivery', ...overrides },
    announcedAt: '2026-01-01T09:00:00.000Z',
    effectiveAt,
  };
}

describe.each(['pglite', 'postgres'] as const)('subprocessor register on %s', (kind) => {
  let database: Database;
  let register: SubprocessorRepository;

  beforeAll(async () => {
    ({ database } = await freshDatabase(kind));
    await migrateWithSubprocessors(database);
    register = subprocessorRepository(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('runs on the database of the kind asked for, and migrating again is harmless', async () => {
    expect(database.kind).toBe(kind);
    await migrateWithSubprocessors(database);
  });

  describe('recordChange', () => {
    it('adds a subprocessor with its transfer basis and returns the stored change', async () => {
      const change = await register.recordChange({
        ...added('mailer-us', '2026-02-01T00:00:00.000Z', { country: 'US', safeguard: 'scc', name: 'Mailer Inc.' }),
        announcedAt: '2026-01-01T09:00:00+01:00',
      });
      expect(change).toEqual({
        changeId: 'add-mailer-us',
        action: 'added',
        subprocessorId: 'mailer-us',
        replaces: null,
        announcedAt: '2026-01-01T08:00:00.000Z',
        effectiveAt: '2026-02-01T00:00:00.000Z',
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        urgentReason: null,
        // No customer on record yet, and none named.
        recipients: 0,
      });
      expect(await register.get('mailer-us')).toEqual({
        id: 'mailer-us',
        name: 'Mailer Inc.',
        country: 'US',
        purpose: 'e-mail delivery',
        safeguard: 'scc',
        transferBasis: 'scc',
        status: 'active',
        addedAt: '2026-02-01T00:00:00.000Z',
        removedAt: null,
      });
    });

    it('records a subprocessor in a country with an adequacy decision without a declared safeguard', async () => {
      await register.recordChange(added('hosting-ch', '2026-02-01T00:00:00.000Z', { country: 'CH' }));
      expect(await register.get('hosting-ch')).toMatchObject({ safeguard: null, transferBasis: 'adequacy' });
    });

    it('is idempotent on the change id: a second call changes nothing and returns the stored change', async () => {
      const first = await register.recordChange(added('idem', '2026-03-01T00:00:00.000Z', { name: 'First' }));
      const again = await register.recordChange({
        ...added('idem', '2026-04-01T00:00:00.000Z', { name: 'Second', country: 'IN' }),
        announcedAt: '2026-03-15T00:00:00.000Z',
      });
      expect(again).toEqual(first);
      expect(await register.get('idem')).toMatchObject({ name: 'First', country: 'BE', addedAt: '2026-03-01T00:00:00.000Z' });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from subprocessor_changes where change_id = 'add-idem'`.execute(
        database.db,
      );
      expect(rows[0]?.n).toBe(1);
    });

    it('answers concurrent deliveries of one change once', async () => {
      const change = added('concurrent', '2026-03-01T00:00:00.000Z');
      const answers = await Promise.all([register.recordChange(change), register.recordChange(change), register.recordChange(change)]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('refuses a transfer policy 6 forbids, and stores nothing of it', async () => {
      const refused = register.recordChange(added('analytics-in', '2026-03-01T00:00:00.000Z', { country: 'IN' }));
      await expect(refused).rejects.toBeInstanceOf(SubprocessorChangeRefused);
      await expect(refused).rejects.toThrow(/analytics-in: IN is outside the EEA without an adequacy decision/);
      expect(await register.get('analytics-in')).toBeUndefined();
      // Refused and not claimed: the same change id, once corrected, is taken.
      await register.recordChange(added('analytics-in', '2026-03-01T00:00:00.000Z', { country: 'IN', safeguard: 'bcr' }));
      expect(await register.get('analytics-in')).toMatchObject({ transferBasis: 'bcr' });
    });

    it('refuses adequacy claimed for a country without a decision', async () => {
      await expect(
        register.recordChange(added('claims-adequacy', '2026-03-01T00:00:00.000Z', { country: 'BR', safeguard: 'adequacy' })),
      ).rejects.toThrow(/BR has no adequacy decision/);
    });

    it('refuses an id already on the register under another change id', async () => {
      await register.recordChange(added('twice', '2026-03-01T00:00:00.000Z'));
      await expect(register.recordChange({ ...added('twice', '2026-05-01T00:00:00.000Z'), changeId: 'add-twice-again' })).rejects.toThrow(
        /twice is already on the subprocessor register/,
      );
    });

    it('refuses to remove what is not on the list, or to remove it before it joined', async () => {
      const removal = (id: string, effectiveAt: string): SubprocessorChangeFacts => ({
        ...added(id, effectiveAt),
        changeId: `remove-${id}-${effectiveAt}`,
        action: 'removed',
      });
      await expect(register.recordChange(removal('nobody', '2026-03-01T00:00:00.000Z'))).rejects.toThrow(
        /nobody is not on the subprocessor list/,
      );
      await register.recordChange(added('early-leaver', '2026-03-01T00:00:00.000Z'));
      await expect(register.recordChange(removal('early-leaver', '2026-03-01T00:00:00.000Z'))).rejects.toThrow(/not after it joined/);
      await register.recordChange(removal('early-leaver', '2026-03-02T00:00:00.000Z'));
      await expect(register.recordChange(removal('early-leaver', '2026-03-03T00:00:00.000Z'))).rejects.toThrow(/already removed/);
    });

    it('refuses a replacement without the one it replaces, and replaces on a plain addition', async () => {
      await expect(register.recordChange({ ...added('lost', '2026-03-01T00:00:00.000Z'), action: 'replaced' })).rejects.toThrow(
        /must name the subprocessor it replaces/,
      );
      await expect(register.recordChange({ ...added('stray', '2026-03-01T00:00:00.000Z'), replaces: 'idem' })).rejects.toThrow(
        /only a replacement names/,
      );
    });
  });

  describe('whom a change concerns (5.2)', () => {
    const customer = (customerId: string) =>
      customerRepository(database.db).upsert(
        {
          customerId,
          name: `Customer ${customerId}`,
          language: 'en',
          contacts: [{ email: `dpo@${customerId}.test` }],
          timeZone: 'Europe/Brussels',
          contract: {},
        },
        '2026-01-01T00:00:00Z',
      );

    it('keeps the customers named, once each and in their order, and pages through them by position', async () => {
      const change = await register.recordChange({
        ...added('named', '2026-03-01T00:00:00.000Z'),
        customerIds: ['c-3', 'c-1', 'c-3', 'c-2'],
      });
      expect(change.recipients).toBe(3);
      expect(await register.recipients('add-named', 0, 10)).toEqual(['c-3', 'c-1', 'c-2']);
      expect(await register.recipients('add-named', 1, 2)).toEqual(['c-1']);
      expect(await register.recipients('add-named', 3, 10)).toEqual([]);
    });

    it('without names, fixes every customer on record at the first report; a repeat changes nothing', async () => {
      await customer('all-b');
      await customer('all-a');
      const first = await register.recordChange(added('everyone', '2026-03-01T00:00:00.000Z'));
      const onRecord = (await customerRepository(database.db).listIds()).length;
      expect(first.recipients).toBe(onRecord);
      const everyone = await register.recipients('add-everyone', 0, onRecord);
      expect(everyone).toEqual([...everyone].sort());
      expect(everyone).toEqual(expect.arrayContaining(['all-a', 'all-b']));

      await customer('all-later');
      const again = await register.recordChange({ ...added('everyone', '2026-03-01T00:00:00.000Z'), customerIds: ['someone-else'] });
      expect(again).toEqual(first);
      expect(await register.recipients('add-everyone', 0, onRecord + 10)).toEqual(everyone);
    });

    it('takes thousands of customers in one change', async () => {
      const many = Array.from({ length: 12_345 }, (_, index) => `bulk-${index}`);
      const change = await register.recordChange({ ...added('bulk', '2026-03-01T00:00:00.000Z'), customerIds: many });
      expect(change.recipients).toBe(12_345);
      expect(await register.recipients('add-bulk', 9_998, 10_002)).toEqual(['bulk-9998', 'bulk-9999', 'bulk-10000', 'bulk-10001']);
      expect(await register.recipients('add-bulk', 12_344, 20_000)).toEqual(['bulk-12344']);
    });

    it('a refused change keeps no recipients', async () => {
      await expect(
        register.recordChange({ ...added('refused-far', '2026-03-01T00:00:00.000Z', { country: 'IN' }), customerIds: ['c-1'] }),
      ).rejects.toThrow(SubprocessorChangeRefused);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from subprocessor_change_recipients where change_id = 'add-refused-far'`.execute(database.db);
      expect(rows[0]?.n).toBe(0);
    });
  });

  describe("every customer's objection window (5.2)", () => {
    let windows: ObjectionWindowRepository;
    beforeAll(() => {
      windows = objectionWindowRepository(database.db);
    });
    const open = (customerId: string, closesAt: string, reminderAt: string) =>
      windows.open('add-windows', customerId, { noticeAcceptedAt: '2026-03-01T09:00:00.000Z', closesAt, reminderAt });

    it('starts every window notifying, then opens, reminds, closes and counts them by their instants', async () => {
      await register.recordChange({ ...added('windows', '2026-04-01T00:00:00.000Z'), customerIds: ['w-a', 'w-b', 'w-c', 'w-d'] });
      expect((await windows.list('add-windows'))!.map((w) => [w.customerId, w.state])).toEqual([
        ['w-a', 'notifying'],
        ['w-b', 'notifying'],
        ['w-c', 'notifying'],
        ['w-d', 'notifying'],
      ]);
      expect(await windows.list('no-such-change')).toBeUndefined();
      await open('w-a', '2026-03-31T21:59:59.999Z', '2026-03-24T21:59:59.999Z');
      await open('w-b', '2026-04-01T21:59:59.999Z', '2026-03-25T21:59:59.999Z');
      await windows.undeliverable('add-windows', 'w-c', 'no contact accepted the email (1 refused: 550 no such user)');
      // A window no longer notifying is not opened again (a retried batch).
      await windows.open('add-windows', 'w-c', {
        noticeAcceptedAt: '2026-03-02T09:00:00.000Z',
        closesAt: '2026-04-02T00:00:00.000Z',
        reminderAt: '2026-03-26T00:00:00.000Z',
      });
      expect(await windows.notifying('add-windows', 10)).toEqual(['w-d']);
      expect(await windows.counts('add-windows')).toEqual({
        total: 4,
        notifying: 1,
        notified: 2,
        open: 2,
        objected: 0,
        accepted: 0,
        undeliverable: 1,
      });
      expect(await windows.nextDue('add-windows')).toEqual({ nextAt: '2026-03-24T21:59:59.999Z', lastCloseAt: '2026-04-01T21:59:59.999Z' });

      expect(await windows.remindersDue('add-windows', '2026-03-25T00:00:00.000Z', 10)).toEqual([
        { customerId: 'w-a', closesAt: '2026-03-31T21:59:59.999Z' },
      ]);
      await windows.reminded('add-windows', 'w-a', '2026-03-25T00:00:01.000Z');
      expect(await windows.remindersDue('add-windows', '2026-03-25T00:00:00.000Z', 10)).toEqual([]);
      expect(await windows.nextDue('add-windows')).toMatchObject({ nextAt: '2026-03-25T21:59:59.999Z' });

      expect(await windows.closeDue('add-windows', '2026-03-31T21:59:59.998Z')).toBe(0);
      expect(await windows.closeDue('add-windows', '2026-03-31T21:59:59.999Z')).toBe(1);
      expect(await windows.get('add-windows', 'w-a')).toMatchObject({ state: 'accepted', remindedAt: '2026-03-25T00:00:01.000Z' });
      expect(await windows.get('add-windows', 'w-c')).toMatchObject({
        state: 'undeliverable',
        noticeAcceptedAt: null,
        problem: expect.stringContaining('550'),
      });
    });

    it('takes an objection only into a window still in the state it was judged in, once', async () => {
      expect(await windows.object('add-windows', 'w-b', 'accepted', { receivedAt: '2026-03-30T10:00:00.000Z', webhookId: 'msg-1' })).toBe(
        false,
      );
      expect(await windows.object('add-windows', 'w-b', 'open', { receivedAt: '2026-03-30T10:00:00.000Z', webhookId: 'msg-1' })).toBe(true);
      expect(await windows.object('add-windows', 'w-b', 'objected', { receivedAt: '2026-03-30T11:00:00.000Z', webhookId: 'msg-2' })).toBe(
        false,
      );
      expect(await windows.get('add-windows', 'w-b')).toMatchObject({
        state: 'objected',
        objection: { receivedAt: '2026-03-30T10:00:00.000Z', webhookId: 'msg-1' },
      });
      // An objected window is due for nothing more.
      expect(await windows.nextDue('add-windows')).toEqual({ nextAt: undefined, lastCloseAt: '2026-04-01T21:59:59.999Z' });
      expect(await windows.counts('add-windows')).toMatchObject({ open: 0, objected: 1, accepted: 1 });
    });

    it("gives the change's notice back from the register", async () => {
      expect(await windows.changeNotice('add-windows')).toEqual({
        changeId: 'add-windows',
        action: 'added',
        subprocessor: { id: 'windows', name: 'Subprocessor windows', country: 'BE', purpose: 'e-mail delivery' },
        transferBasis: 'eea',
        effectiveAt: '2026-04-01T00:00:00.000Z',
        announcedAt: '2026-01-01T09:00:00.000Z',
      });
      expect(await windows.changeNotice('no-such-change')).toBeUndefined();
    });
  });

  describe('objections delivered', () => {
    it('keeps each delivery once with its answer, refusals with their reason, by change', async () => {
      const delivery = {
        webhookId: 'msg_obj_1',
        changeId: 'chg-obj',
        customerId: 'c-1',
        reasons: 'Our data must stay in the EEA.',
        receivedAt: '2026-03-02T09:00:00.000Z',
        answer: 202 as const,
        refusal: null,
        deliveredAt: '2026-03-02T09:00:01.000Z',
      };
      await register.recordObjection(delivery);
      await register.recordObjection({ ...delivery, answer: 409, refusal: 'the same delivery again is not a second objection' });
      await register.recordObjection({
        ...delivery,
        webhookId: 'msg_obj_2',
        answer: 409,
        refusal: 'too late',
        deliveredAt: '2026-04-02T09:00:00.000Z',
      });
      await register.recordObjection({ ...delivery, webhookId: 'msg_obj_3', changeId: 'chg-other' });
      expect(await register.objections({ changeId: 'chg-obj' })).toEqual([
        delivery,
        { ...delivery, webhookId: 'msg_obj_2', answer: 409, refusal: 'too late', deliveredAt: '2026-04-02T09:00:00.000Z' },
      ]);
      expect((await register.objections()).map((o) => o.webhookId)).toEqual(
        expect.arrayContaining(['msg_obj_1', 'msg_obj_2', 'msg_obj_3']),
      );
      // A refusal without its reason, or a taken objection with one, cannot be stored.
      await expect(register.recordObjection({ ...delivery, webhookId: 'msg_obj_4', answer: 409 })).rejects.toThrow();
    });
  });

  describe('the dated list', () => {
    let ownDatabase: Database;
    let view: SubprocessorRepository;

    beforeAll(async () => {
      // A register of its own, so that the other tests' subprocessors do not show in these lists.
      const { database: own } = await freshDatabase(kind);
      await migrateWithSubprocessors(own);
      view = subprocessorRepository(own.db);
      ownDatabase = own;
      await view.recordChange({ ...added('crm', '2026-01-01T00:00:00.000Z'), announcedAt: '2025-12-01T00:00:00.000Z' });
      await view.recordChange({ ...added('mail-old', '2026-01-01T00:00:00.000Z'), announcedAt: '2025-12-01T00:00:00.000Z' });
      await view.recordChange({
        ...added('backup', '2026-03-01T00:00:00.000Z', { country: 'GB' }),
        announcedAt: '2026-01-30T00:00:00.000Z',
      });
      await view.recordChange({
        changeId: 'replace-mail',
        action: 'replaced',
        subprocessor: { id: 'mail-new', name: 'New mailer', country: 'US', purpose: 'e-mail delivery', safeguard: 'adequacy' },
        replaces: 'mail-old',
        announcedAt: '2026-02-01T00:00:00.000Z',
        effectiveAt: '2026-03-03T00:00:00.000Z',
      });
      await view.recordChange({
        changeId: 'remove-crm',
        action: 'removed',
        subprocessor: { id: 'crm', name: 'Subprocessor crm', country: 'BE', purpose: 'e-mail delivery' },
        announcedAt: '2026-02-01T00:00:00.000Z',
        effectiveAt: '2026-04-01T00:00:00.000Z',
      });
    });

    afterAll(async () => {
      await ownDatabase?.close();
    });

    const idsAsOf = async (instant: string) => (await view.listAsOf(instant)).map((s) => s.id);

    it('is empty before the first addition takes effect', async () => {
      expect(await idsAsOf('2025-12-31T23:59:59.999Z')).toEqual([]);
    });

    it('holds an addition from its effective instant on, not before', async () => {
      expect(await idsAsOf('2026-01-01T00:00:00.000Z')).toEqual(['crm', 'mail-old']);
      expect(await idsAsOf('2026-02-28T23:59:59.999Z')).toEqual(['crm', 'mail-old']);
      expect(await idsAsOf('2026-03-01T00:00:00.000Z')).toEqual(['crm', 'mail-old', 'backup']);
    });

    it('swaps a replaced subprocessor for its successor at the same instant', async () => {
      expect(await idsAsOf('2026-03-02T23:59:59.999Z')).toEqual(['crm', 'mail-old', 'backup']);
      expect(await idsAsOf('2026-03-03T00:00:00.000Z')).toEqual(['crm', 'backup', 'mail-new']);
      expect(await view.get('mail-old')).toMatchObject({ status: 'removed', removedAt: '2026-03-03T00:00:00.000Z' });
      expect(await view.get('mail-new')).toMatchObject({
        status: 'active',
        addedAt: '2026-03-03T00:00:00.000Z',
        transferBasis: 'adequacy',
      });
    });

    it('keeps a removed subprocessor until its removal takes effect', async () => {
      expect(await view.get('crm')).toMatchObject({ status: 'removed', removedAt: '2026-04-01T00:00:00.000Z' });
      expect(await idsAsOf('2026-03-31T23:59:59.999Z')).toEqual(['crm', 'backup', 'mail-new']);
      expect(await idsAsOf('2026-04-01T00:00:00.000Z')).toEqual(['backup', 'mail-new']);
    });

    it('accepts the instant as a Date or with an offset', async () => {
      expect((await view.listAsOf(new Date('2026-03-03T00:00:00.000Z'))).map((s) => s.id)).toEqual(['crm', 'backup', 'mail-new']);
      expect(await idsAsOf('2026-03-03T00:59:59.999+01:00')).toEqual(['crm', 'mail-old', 'backup']);
    });

    it('lists the changes announced at or after an instant, oldest first', async () => {
      const since = await view.changesSince('2026-01-30T00:00:00.000Z');
      expect(since.map((c) => c.changeId)).toEqual(['add-backup', 'replace-mail', 'remove-crm']);
      expect(since[1]).toMatchObject({
        action: 'replaced',
        subprocessorId: 'mail-new',
        replaces: 'mail-old',
        announcedAt: '2026-02-01T00:00:00.000Z',
        effectiveAt: '2026-03-03T00:00:00.000Z',
      });
      expect((await view.changesSince('2026-01-30T00:00:00.001Z')).map((c) => c.changeId)).toEqual(['replace-mail', 'remove-crm']);
      expect(await view.changesSince('2026-02-01T00:00:00.001Z')).toEqual([]);
      expect((await view.changesSince('2000-01-01T00:00:00.000Z')).map((c) => c.changeId)).toEqual([
        'add-crm',
        'add-mail-old',
        'add-backup',
        'replace-mail',
        'remove-crm',
      ]);
    });

    it('answers undefined for an id never on the register', async () => {
      expect(await view.get('never')).toBeUndefined();
    });
  });
});
