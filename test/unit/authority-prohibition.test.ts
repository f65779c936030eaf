import {
  authorityCaseStatus,
  authorityNextDeadline,
  authorityRequestInput,
  authoritySettings,
  nextProhibitionBasisReminderAt,
  openingAuthorityStatus,
  type AuthorityState,
} from '../../domain/authority';
import { parseWebhookEvent } from '../../domain/events';

const timestamp = '2027-06-18T14:00:00Z';
const delivery = { webhookTimestamp: new Date(timestamp) };
const requested = (data: Record<string, unknown>) => ({
  type: 'authority.requested',
  timestamp,
  data: {
    requestId: 'auth-9',
    customerIds: ['cust-1'],
    authority: 'Onderzoeksrechter Gent',
    requestKind: 'subpoena',
    receivedAt: '2027-06-18T13:00:00Z',
    ...data,
  },
});

describe('authority.requested: a prohibition to tell the customers with its legal basis (Art. 28(3)(a))', () => {
  it('accepts prohibitionBasis with disclosureProhibited, and the case opens with it', () => {
    const parsed = parseWebhookEvent(requested({ disclosureProhibited: true, prohibitionBasis: ' Art. 46quater §2 Sv. ' }), delivery);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.event.type !== 'authority.requested') throw new Error('expected an authority request');
    const input = authorityRequestInput(parsed.event.data, timestamp);
    expect(input).toMatchObject({ disclosureProhibited: true, prohibitionBasis: 'Art. 46quater §2 Sv.' });
    expect(openingAuthorityStatus(input)).toBe('prohibited');
    expect(openingAuthorityStatus({ ...input, prohibitionBasis: undefined })).toBe('prohibition-basis-missing');
  });

  it.each([{}, { disclosureProhibited: false }])('refuses a basis without a prohibition (%o) with its path', (prohibited) => {
    expect(parseWebhookEvent(requested({ ...prohibited, prohibitionBasis: 'Art. 46quater §2 Sv.' }), delivery)).toEqual({
      ok: false,
      problems: [{ path: 'data.prohibitionBasis', message: expect.stringMatching(/only with disclosureProhibited: true/) }],
    });
  });

  it('refuses an empty or overlong basis', () => {
    for (const prohibitionBasis of ['  ', 'x'.repeat(2001)]) {
      const parsed = parseWebhookEvent(requested({ disclosureProhibited: true, prohibitionBasis }), delivery);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.map((problem) => problem.path)).toEqual(['data.prohibitionBasis']);
    }
  });
});

describe('a prohibition without its basis: one working day, then a reminder each working day', () => {
  // Reported on Friday 18 June 2027 at 16:00 CEST: the basis is due on Monday 21 June at 16:00.
  const state = (prohibition: AuthorityState['prohibition']): AuthorityState => ({
    requestId: 'auth-9',
    authority: 'Onderzoeksrechter Gent',
    requestKind: 'subpoena',
    receivedAt: '2027-06-18T13:00:00.000Z',
    status: 'prohibition-basis-missing',
    settings: authoritySettings(),
    prohibition,
    viewsDeadlinePassed: false,
    viewRemindersSent: 0,
    customers: { 'cust-1': { customerId: 'cust-1', notice: { status: 'withheld' } } },
    ignoredResponses: 0,
    undeliveredAlerts: [],
    closed: false,
  });
  const missing = {
    since: '2027-06-18T14:00:00.000Z',
    basisDueAt: '2027-06-21T14:00:00.000Z',
    basisReminders: 0,
    reviewsSent: 0,
    nextReviewAt: '2027-07-18T14:00:00.000Z',
  };

  it('is shown as the status and the next deadline until the basis is recorded', () => {
    expect(authorityCaseStatus(state(missing), '2027-06-19T00:00:00.000Z')).toBe('prohibition-basis-missing');
    expect(authorityNextDeadline(state(missing))).toBe('2027-06-21T14:00:00.000Z');
    const recorded = state({ ...missing, basis: 'Art. 46quater §2 Sv.', basisRecordedAt: '2027-06-21T09:00:00.000Z' });
    expect(authorityCaseStatus(recorded, '2027-06-21T09:00:00.000Z')).toBe('prohibited');
    expect(authorityNextDeadline(recorded)).toBe('2027-07-18T14:00:00.000Z');
    expect(nextProhibitionBasisReminderAt(recorded)).toBeUndefined();
  });

  it('reminds on working days: Friday’s reminder is followed by Monday’s, and a lifted prohibition by none', () => {
    // The fourth reminder after Monday 21 June: Tuesday, Wednesday, Thursday, Friday 25, then Monday 28 June.
    expect(nextProhibitionBasisReminderAt(state({ ...missing, basisReminders: 1 }))).toBe('2027-06-22T14:00:00.000Z');
    expect(nextProhibitionBasisReminderAt(state({ ...missing, basisReminders: 4 }))).toBe('2027-06-25T14:00:00.000Z');
    expect(nextProhibitionBasisReminderAt(state({ ...missing, basisReminders: 5 }))).toBe('2027-06-28T14:00:00.000Z');
    expect(nextProhibitionBasisReminderAt(state({ ...missing, liftedAt: '2027-06-22T10:00:00.000Z' }))).toBeUndefined();
  });
});
