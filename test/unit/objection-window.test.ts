import { objectionReminderAt, objectionWindowClosesAt, refuseObjection, type ObjectionWindow } from '../../domain/subprocessor-change';

describe("the objection window ends with its 30th day, whole, on the customer's calendar (5.2)", () => {
  test('a notice at 10:00 in New York on 20 February closes at the end of 22 March, across the change to summer time', () => {
    // 10:00 EST is 15:00Z; 22 March is in EDT (UTC-4), so its last instant is 03:59:59.999Z the next day.
    expect(objectionWindowClosesAt('2029-02-20T15:00:00.000Z', 'America/New_York', 30)).toBe('2029-03-23T03:59:59.999Z');
  });

  test('in Brussels across the change to winter time, a notice late in the evening counts from its own day', () => {
    // 23:30 on 10 October 2026 in Brussels (CEST) is 21:30Z; day 30 is 9 November (CET, UTC+1).
    expect(objectionWindowClosesAt('2026-10-10T21:30:00.000Z', 'Europe/Brussels', 30)).toBe('2026-11-09T22:59:59.999Z');
  });

  test("the day is the customer's: the same instant is another day in Tokyo", () => {
    // 20:00Z on 1 March is 2 March 05:00 in Tokyo: day 30 is 1 April there.
    expect(objectionWindowClosesAt('2027-03-01T20:00:00.000Z', 'Asia/Tokyo', 30)).toBe('2027-04-01T14:59:59.999Z');
    expect(objectionWindowClosesAt('2027-03-01T20:00:00.000Z', 'Europe/Brussels', 30)).toBe('2027-03-31T21:59:59.999Z');
  });

  test('the reminder comes 7 days of 24 hours before the close', () => {
    expect(objectionReminderAt('2029-03-23T03:59:59.999Z', 7)).toBe('2029-03-16T03:59:59.999Z');
  });
});

describe('refuseObjection, against the window in the records', () => {
  const window = (over: Partial<ObjectionWindow> = {}): ObjectionWindow => ({
    changeId: 'CHG-1',
    customerId: 'acme',
    state: 'open',
    noticeAcceptedAt: '2029-02-20T15:00:00.000Z',
    closesAt: '2029-03-23T03:59:59.999Z',
    reminderAt: '2029-03-16T03:59:59.999Z',
    remindedAt: null,
    objection: null,
    problem: null,
    outcome: null,
    ...over,
  });
  const now = Date.parse('2029-03-23T04:30:00.000Z');

  test('takes one received by the close, refuses one received after it', () => {
    expect(refuseObjection(window(), { reasons: 'No.', receivedAt: '2029-03-23T03:00:00Z' }, now)).toBeUndefined();
    expect(refuseObjection(window(), { reasons: 'No.', receivedAt: '2029-03-23T04:30:00Z' }, now)).toContain('too late');
  });

  test('an accepted window takes one received in time for 7 days after the close, then is closed', () => {
    const accepted = window({ state: 'accepted' });
    const inTime = { reasons: 'No.', receivedAt: '2029-03-22T12:00:00Z' };
    expect(refuseObjection(accepted, inTime, Date.parse('2029-03-30T03:59:59.999Z'))).toBeUndefined();
    expect(refuseObjection(accepted, inTime, Date.parse('2029-03-30T04:00:00.000Z'))).toBe(
      'the objection window for change CHG-1 is closed (accepted)',
    );
  });

  test('refuses a second objection, one without reasons, one to a window nobody could be told of, one from the future', () => {
    const objection = { reasons: 'No.', receivedAt: '2029-03-01T10:00:00Z' };
    expect(refuseObjection(window({ objection: { receivedAt: '2029-03-01T09:00:00.000Z', webhookId: 'm' } }), objection, now)).toContain(
      'already objected',
    );
    expect(refuseObjection(window(), { ...objection, reasons: ' ' }, now)).toContain('reasons is empty');
    expect(refuseObjection(window({ state: 'undeliverable', closesAt: null }), objection, now)).toBe(
      'the objection window for change CHG-1 is closed (undeliverable)',
    );
    expect(refuseObjection(window(), { reasons: 'No.', receivedAt: '2029-03-20T10:00:00Z' }, Date.parse('2029-03-01T00:00:00Z'))).toContain(
      'in the future',
    );
  });
});
