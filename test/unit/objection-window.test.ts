import {
  objectionReminderAt,
  objectionWindowClosesAt,
  refuseDeclinedOfferDecision,
  refuseJudgment,
  refuseObjection,
  refuseRemedyAnswer,
  refuseRemedyOffer,
  refuseServicesTerminated,
  type ObjectionState,
  type ObjectionWindow,
} from '../../domain/subprocessor-change';

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

describe('after the objection: what each state of the objection takes (5.3)', () => {
  const now = Date.parse('2029-04-10T09:00:00.000Z');
  const objection = (over: Partial<ObjectionState> = {}): ObjectionState => ({
    changeId: 'CHG-1',
    customerId: 'acme',
    status: 'objected',
    objection: { reasons: 'US hosting.', receivedAt: '2029-04-01T09:00:00.000Z', recordedAt: '2029-04-01T09:00:01.000Z' },
    remedyDeadlineAt: '2029-05-01T09:00:00.000Z',
    privacyTeamAlerts: [],
    undeliveredAlerts: [],
    timeline: [],
    ...over,
  });
  const judged = { judgment: { reasonable: true, reason: 'Fair.', judgedAt: '2029-04-02T09:00:00.000Z' } };
  const offer = { offer: { offer: 'A Belgian relay.', offeredAt: '2029-04-03T09:00:00.000Z' } };
  const declined = {
    ...judged,
    ...offer,
    status: 'offer-declined' as const,
    remedyAnswer: { accepted: false, answeredAt: '2029-04-05T09:00:00.000Z' },
  };

  test('a judgment is refused once the right to terminate was granted for want of one', () => {
    expect(refuseJudgment(objection(), { reasonable: true, reason: 'Fair.' })).toBeUndefined();
    expect(
      refuseJudgment(
        objection({
          status: 'termination-right',
          terminationRight: { why: 'not-judged', grantedAt: '2029-05-01T09:00:00.000Z', noticeAwaitedUntil: '2029-05-31T09:00:00.000Z' },
        }),
        { reasonable: false, reason: 'Late.' },
      ),
    ).toContain('may terminate');
  });

  test('another offer follows a declined one within the 30 days only; none while one awaits its answer', () => {
    expect(refuseRemedyOffer(objection({ ...declined }), { offer: 'Another.' }, now)).toBeUndefined();
    expect(refuseRemedyOffer(objection({ ...declined }), { offer: 'Another.' }, Date.parse('2029-05-02T00:00:00.000Z'))).toContain(
      'decideOnDeclinedOffer',
    );
    expect(refuseRemedyOffer(objection({ ...judged, ...offer, status: 'offer-made' }), { offer: 'Another.' }, now)).toContain(
      "awaits the customer's answer",
    );
  });

  test('the decision after a declined offer: only then, one of the two, with a reason', () => {
    expect(
      refuseDeclinedOfferDecision(objection({ ...declined }), { decision: 'offer-stands', reason: 'It avoids the subprocessor.' }),
    ).toBeUndefined();
    expect(refuseDeclinedOfferDecision(objection({ ...declined }), { decision: 'maybe' as never, reason: 'x' })).toContain('must be');
    expect(refuseDeclinedOfferDecision(objection({ ...declined }), { decision: 'termination-right', reason: ' ' })).toContain('reason');
    expect(
      refuseDeclinedOfferDecision(objection({ ...judged, status: 'remedy-pending' }), { decision: 'offer-stands', reason: 'x' }),
    ).toContain('no declined offer');
  });

  test('an answer from the future, or with an empty reason, is refused', () => {
    const made = objection({ ...judged, ...offer, status: 'offer-made' });
    expect(refuseRemedyAnswer(made, { accepted: false, reason: 'Too costly.', receivedAt: '2029-04-10T08:00:00Z' }, now)).toBeUndefined();
    expect(refuseRemedyAnswer(made, { accepted: false, receivedAt: '2029-04-11T08:00:00Z' }, now)).toContain('future');
    expect(refuseRemedyAnswer(made, { accepted: false, reason: '' }, now)).toContain('reason');
  });

  test('an answer to an objection that ended before any offer says how it ended, not that no offer was made', () => {
    const answer = { accepted: true };
    expect(refuseRemedyAnswer(objection({ status: 'objected' }), answer, now)).toBe('no offer has been made to answer');
    const terminated = objection({
      status: 'services-terminated',
      servicesTerminated: { services: ['x'], receivedAt: '2029-04-09T00:00:00.000Z', recordedAt: '2029-04-09T00:00:00.000Z' },
    });
    expect(refuseRemedyAnswer(terminated, answer, now)).toBe(
      'the customer terminated the services affected (notice received 2029-04-09T00:00:00.000Z)',
    );
    expect(refuseRemedyAnswer(objection({ ...judged, status: 'objection-rejected' }), answer, now)).toContain('judged unreasonable');
  });

  test('a notice of termination is taken in every open state, refused once the objection ended, and bounded', () => {
    const notice = { services: ['transactional email'], receivedAt: '2029-04-10T08:00:00Z' };
    for (const status of ['objected', 'remedy-pending', 'offer-made', 'offer-declined', 'termination-right'] as const) {
      expect(refuseServicesTerminated(objection({ status }), notice, now)).toBeUndefined();
    }
    for (const status of ['objection-rejected', 'remedied', 'offer-stands'] as const) {
      expect(refuseServicesTerminated(objection({ status }), notice, now)).toBeDefined();
    }
    expect(refuseServicesTerminated(objection(), { ...notice, services: [] }, now)).toContain('name the services');
    expect(refuseServicesTerminated(objection(), { ...notice, services: Array.from({ length: 101 }, () => 'x') }, now)).toContain(
      'at most 100',
    );
    expect(refuseServicesTerminated(objection(), { ...notice, receivedAt: '2029-04-11T00:00:00Z' }, now)).toContain('future');
    const recorded = objection({
      servicesTerminated: { services: ['x'], receivedAt: '2029-04-09T00:00:00.000Z', recordedAt: '2029-04-09T00:00:00.000Z' },
    });
    expect(refuseServicesTerminated(recorded, notice, now)).toContain('already recorded');
  });
});
