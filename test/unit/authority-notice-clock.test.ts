import { authoritySettings, noticeWarningAt, workingDaysLater } from '../../domain/authority';

describe('8.1: customers not told are named to the privacy team before the 2-working-day notice deadline', () => {
  const settings = authoritySettings();

  it('warns one working day in, across a weekend and Easter Monday, a working day before the deadline', () => {
    // Friday 2 July 2027, 16:00 CEST: Monday 5 July, then the deadline on Tuesday 6 July.
    expect(noticeWarningAt('2027-07-02T14:00:00.000Z', settings)).toBe('2027-07-05T14:00:00.000Z');
    expect(workingDaysLater('2027-07-02T14:00:00.000Z', settings.noticeDeadlineWorkingDays, settings)).toBe('2027-07-06T14:00:00.000Z');
    // Thursday 25 March 2027, 09:00 CET: Friday 26 March; the deadline skips Easter Monday to Tuesday 30 March.
    expect(noticeWarningAt('2027-03-25T08:00:00.000Z', settings)).toBe('2027-03-26T08:00:00.000Z');
    // Reported on a Saturday: Monday.
    expect(noticeWarningAt('2027-03-20T10:00:00.000Z', settings)).toBe('2027-03-22T10:00:00.000Z');
  });

  it('gives no warning that would not come before the deadline', () => {
    expect(noticeWarningAt('2027-07-02T14:00:00.000Z', authoritySettings({ noticeWarningWorkingDays: 2 }))).toBeUndefined();
    expect(noticeWarningAt('2027-07-02T14:00:00.000Z', authoritySettings({ noticeWarningWorkingDays: 0 }))).toBeUndefined();
    expect(
      noticeWarningAt('2027-07-02T14:00:00.000Z', authoritySettings({ noticeDeadlineWorkingDays: 4, noticeWarningWorkingDays: 2 })),
    ).toBe('2027-07-06T14:00:00.000Z');
  });
});
