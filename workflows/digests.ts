import { log, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CustomerRemindersSummary, TeamDigestSummary } from '../activities/digests';
import { localDateOf } from '../domain/clocks';
import { isDigestDay, isoWeek, type CustomerRemindersInput, type TeamDigestInput } from '../domain/digests';
import { nowIso } from './wait';

/**
 * Reading every running case (a list, a description or a query each) and mailing: minutes for thousands
 * of cases, heartbeating after each batch. Retried for an hour at most, unlike a case's own activities:
 * the next run of the schedule starts afresh, and a digest late by more than that is news no more.
 */
const digestOptions: ActivityOptions = {
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 12 },
};

const { sendTeamDigest, sendCustomerReminders } = proxyActivities<Activities>(digestOptions);

export type TeamDigestResult = TeamDigestSummary | { skipped: 'not a working day' };

/**
 * `dpa-team-digest`'s runs: the privacy team's daily digest. The schedule fires Monday to Friday; a
 * Belgian public holiday is skipped here, where the calendar is (domain/clocks/holidays.ts).
 */
export async function teamDigest(input: TeamDigestInput): Promise<TeamDigestResult> {
  const at = nowIso();
  if (!input.ignoreHolidays && !isDigestDay(at, input.timeZone)) {
    log.info('team digest skipped: not a Belgian working day', { day: localDateOf(at, input.timeZone) });
    return { skipped: 'not a working day' };
  }
  const summary = await sendTeamDigest({
    at,
    webUiUrl: input.webUiUrl,
    timeZone: input.timeZone,
    horizonDays: input.horizonDays,
    stuckAfterMinutes: input.stuckAfterMinutes,
  });
  if (summary.sent) log.info('team digest sent', { ...summary });
  else if (summary.refused !== undefined) log.warn("team digest refused by the privacy team's address", { ...summary });
  else log.info('team digest: nothing to report, no email sent', { ...summary });
  return summary;
}

/** `dpa-customer-reminders`' runs: each customer with something waiting on it is reminded, once per ISO week. */
export async function customerReminders(input: CustomerRemindersInput): Promise<CustomerRemindersSummary & { week: string }> {
  const week = isoWeek(localDateOf(nowIso(), input.timeZone));
  const summary = await sendCustomerReminders({ week });
  log.info('customer reminders sent', { week, ...summary });
  return { week, ...summary };
}
