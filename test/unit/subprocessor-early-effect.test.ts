import fc from 'fast-check';
import {
  defaultObjectionWindowSettings,
  latestObjectionWindowClose,
  objectionWindowClosesAt,
  refuseEarlyEffect,
  type ConcernedCustomers,
} from '../../domain/subprocessor-change';

/**
 * 5.2, Art. 28(2) GDPR: a new subprocessor may not take effect before its customers' 30 days to object
 * can have run out, unless the change is marked urgent with a reason (refuseEarlyEffect).
 */
const change = (effectiveAt: string, extra: { action?: 'added' | 'replaced' | 'removed'; urgent?: { reason: string } } = {}) => ({
  changeId: 'CHG-U',
  action: extra.action ?? ('added' as const),
  effectiveAt,
  ...(extra.urgent !== undefined && { urgent: extra.urgent }),
});
const brussels: ConcernedCustomers = { timeZones: ['Europe/Brussels'], undescribed: false };
const ms = (iso: string) => Date.parse(iso);
const plus = (iso: string, millis: number) => new Date(ms(iso) + millis).toISOString();

describe('the latest close of a change’s objection windows', () => {
  test('Brussels, received on 1 March 2026 (winter): the end of 31 March in Brussels, summer time by then', () => {
    // 31 March is after the change to summer time (29 March): UTC+2, so 23:59:59.999 there is 21:59:59.999Z.
    expect(latestObjectionWindowClose('2026-03-01T10:00:00.000Z', brussels)).toBe('2026-03-31T21:59:59.999Z');
  });

  test('the latest of the zones of the customers described', () => {
    const zones: ConcernedCustomers = { timeZones: ['Europe/Brussels', 'America/Los_Angeles', 'Asia/Tokyo'], undescribed: false };
    // Received 10:00Z on 1 March: a Saturday in every one of them; Los Angeles (UTC-7 on 31 March) closes last.
    expect(latestObjectionWindowClose('2026-03-01T10:00:00.000Z', zones)).toBe('2026-04-01T06:59:59.999Z');
  });

  test('nobody concerned: no window, nothing to wait for', () => {
    expect(latestObjectionWindowClose('2026-03-01T10:00:00.000Z', { timeZones: [], undescribed: false })).toBeUndefined();
    expect(refuseEarlyEffect(change('2026-03-01T10:00:00.000Z'), '2026-03-01T10:00:00.000Z', { timeZones: [], undescribed: false })).toBe(
      undefined,
    );
  });

  test('an undescribed customer may be in any zone and told up to the grace later: not only the extreme zones', () => {
    // Received at 18:00Z: it is already 00:05 the next day at UTC+6 once the grace has passed. That zone's
    // day began last, so its window closes last: six hours after either extreme zone's.
    const received = '2026-11-30T17:55:00.000Z';
    const latest = latestObjectionWindowClose(received, { timeZones: [], undescribed: true })!;
    expect(latest).toBe('2026-12-31T17:59:59.999Z');
    const told = plus(received, defaultObjectionWindowSettings.unknownCustomerGraceMinutes * 60_000);
    for (const extreme of ['Etc/GMT+12', 'Pacific/Kiritimati', 'Europe/Brussels']) {
      expect(ms(objectionWindowClosesAt(told, extreme, 30))).toBeLessThan(ms(latest));
    }
  });

  test('an undescribed customer counts the grace: received 5 minutes before midnight in Brussels, its close is a day later', () => {
    const received = '2026-01-14T22:57:00.000Z'; // 23:57 in Brussels
    const described = latestObjectionWindowClose(received, brussels)!;
    expect(described).toBe('2026-02-13T22:59:59.999Z');
    const withUnknown = latestObjectionWindowClose(received, { timeZones: ['Europe/Brussels'], undescribed: true })!;
    expect(ms(withUnknown)).toBeGreaterThanOrEqual(ms(objectionWindowClosesAt(plus(received, 5 * 60_000), 'Europe/Brussels', 30)));
    expect(ms(withUnknown)).toBeGreaterThan(ms(described) + 86_400_000 - 1);
  });
});

describe('refuseEarlyEffect (5.2)', () => {
  const received = '2026-03-01T10:00:00.000Z';
  const close = '2026-03-31T21:59:59.999Z';

  test('refused one millisecond before the close, with the instant and how to proceed', () => {
    const reason = refuseEarlyEffect(change(plus(close, -1)), received, brussels);
    expect(reason).toContain(`the last closes at ${close}`);
    expect(reason).toContain(`effectiveAt at or after ${close}`);
    expect(reason).toContain('urgent');
    expect(reason).toContain('policy 5.2');
  });

  test('taken exactly at the close, and after it', () => {
    expect(refuseEarlyEffect(change(close), received, brussels)).toBeUndefined();
    expect(refuseEarlyEffect(change(plus(close, 86_400_000)), received, brussels)).toBeUndefined();
  });

  test('a replacement is refused like an addition; a removal takes nobody new on and is exempt', () => {
    expect(refuseEarlyEffect(change(received, { action: 'replaced' }), received, brussels)).toBeDefined();
    expect(refuseEarlyEffect(change(received, { action: 'removed' }), received, brussels)).toBeUndefined();
  });

  test('marked urgent with a reason: taken', () => {
    expect(refuseEarlyEffect(change(received, { urgent: { reason: 'the current host shuts down on 5 March' } }), received, brussels)).toBe(
      undefined,
    );
  });

  test('the objection window days come from the settings', () => {
    const settings = { objectionWindowDays: 10, unknownCustomerGraceMinutes: 5 };
    expect(latestObjectionWindowClose(received, brussels, settings)).toBe('2026-03-11T22:59:59.999Z');
    expect(refuseEarlyEffect(change('2026-03-11T22:59:59.999Z'), received, brussels, settings)).toBeUndefined();
    expect(refuseEarlyEffect(change('2026-03-11T22:59:59.998Z'), received, brussels, settings)).toBeDefined();
  });
});

describe('refuseEarlyEffect, for every received instant, zone and effectiveAt', () => {
  const zones = ['Europe/Brussels', 'America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Australia/Lord_Howe'];
  const instant = (from: number, to: number) => fc.integer({ min: from, max: to }).map((value) => new Date(value).toISOString());
  const received = instant(Date.UTC(2020, 0, 1), Date.UTC(2040, 0, 1));

  test('refuses exactly when effectiveAt lies before the latest close in the customers’ zones', () => {
    fc.assert(
      fc.property(
        received,
        fc.subarray(zones, { minLength: 1 }),
        fc.integer({ min: -2 * 86_400_000, max: 40 * 86_400_000 }),
        fc.constantFrom<'added' | 'replaced'>('added', 'replaced'),
        (receivedAt, timeZones, offset, action) => {
          const latest = Math.max(...timeZones.map((zone) => ms(objectionWindowClosesAt(receivedAt, zone, 30))));
          // Half the cases land within a second of the close, where a mistake would show.
          const effectiveMs = Math.abs(offset) < 20 * 86_400_000 ? latest + Math.trunc(offset / 86_400) - 500 : ms(receivedAt) + offset;
          const effectiveAt = new Date(effectiveMs).toISOString();
          const reason = refuseEarlyEffect({ changeId: 'P', action, effectiveAt }, receivedAt, { timeZones, undescribed: false });
          expect(reason !== undefined).toBe(effectiveMs < latest);
          if (reason !== undefined) expect(reason).toContain(new Date(latest).toISOString());
        },
      ),
    );
  });

  test('with a customer not described yet, the latest close is at least that of every zone it could have, told after the grace', () => {
    fc.assert(
      fc.property(received, fc.constantFrom(...zones), (receivedAt, zone) => {
        const latest = ms(latestObjectionWindowClose(receivedAt, { timeZones: [], undescribed: true })!);
        const told = plus(receivedAt, defaultObjectionWindowSettings.unknownCustomerGraceMinutes * 60_000);
        expect(latest).toBeGreaterThanOrEqual(ms(objectionWindowClosesAt(told, zone, 30)));
        // And refused exactly below it.
        const concerned = { timeZones: [], undescribed: true };
        expect(refuseEarlyEffect(change(new Date(latest - 1).toISOString()), receivedAt, concerned)).toBeDefined();
        expect(refuseEarlyEffect(change(new Date(latest).toISOString()), receivedAt, concerned)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  test('a removal and an urgent change are never refused', () => {
    fc.assert(
      fc.property(
        received,
        fc.constantFrom(...zones),
        instant(Date.UTC(2019, 0, 1), Date.UTC(2041, 0, 1)),
        (receivedAt, zone, effectiveAt) => {
          const concerned = { timeZones: [zone], undescribed: false };
          expect(refuseEarlyEffect(change(effectiveAt, { action: 'removed' }), receivedAt, concerned)).toBeUndefined();
          expect(refuseEarlyEffect(change(effectiveAt, { urgent: { reason: 'r' } }), receivedAt, concerned)).toBeUndefined();
        },
      ),
    );
  });
});
