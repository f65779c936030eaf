import { defineQuery } from '@temporalio/workflow';
import { isWorkingDay, localDateOf, type Instant, type LocalDate } from './clocks';
import { dayOfWeek, parseLocalDate } from './clocks/local-date';

/**
 * The scheduled reminders (issue 13): a daily digest to the privacy team of what needs a person, and a
 * weekly reminder to each customer of what waits on it. Both read the cases from the workflows
 * themselves (visibility over the search attributes, and each case's `caseView` query), never from a
 * copy of them that could drift.
 */

/** What a case waits for from its customer; ids, kinds and instants only, never personal data. */
export type WaitingKind = 'breach-acknowledgement' | 'dsr-instruction' | 'authority-views' | 'audit-confidentiality' | 'export-window';

export interface WaitingOnCustomer {
  kind: WaitingKind;
  customerId: string;
  /** The case's own id in the contract (incidentId, requestId, auditId, customerId). */
  caseId: string;
  /** By when the customer should act, when the case has such an instant. */
  deadline?: Instant;
}

/** The one item a case waits on its customer for, while it does: none otherwise. */
export function waitingWhile(
  waiting: boolean,
  item: { kind: WaitingKind; customerId: string; caseId: string; deadline?: Instant | undefined },
): WaitingOnCustomer[] {
  if (!waiting) return [];
  const { deadline, ...rest } = item;
  return [{ ...rest, ...(deadline && { deadline }) }];
}

/** What a case shows operators, and what the digests read of it: the last view it showed. */
export interface ShownCase {
  status: string;
  nextDeadline: string | undefined;
  details: string;
  waitingOnCustomer?: WaitingOnCustomer[];
}

/** Read-only: the view the case last showed in the Web UI (status, next deadline, what waits on its customer). */
export const caseViewQuery = defineQuery<ShownCase | null>('caseView');

/** The digest to the privacy team, as its schedule starts it. */
export interface TeamDigestInput {
  /** Base of the links to the cases: the Temporal Web UI (WEB_UI_URL). */
  webUiUrl: string;
  /** The zone of the schedule: the day whose holidays are skipped, and the one the digest shows instants in. */
  timeZone: string;
  /** How far ahead a deadline is listed. */
  horizonDays: number;
  /** An activity failing for longer than this is stuck. */
  stuckAfterMinutes: number;
  /** Send even on a Belgian public holiday (tests of the schedule itself). */
  ignoreHolidays?: boolean;
}

export interface CustomerRemindersInput {
  timeZone: string;
}

/** The retention job's settings, days per kind of record (README: "What this product keeps, and for how long"). */
export interface RetentionSettings {
  /** A data subject's address and the notes of its request, after the request closed. */
  dsrSubjectDays: number;
  /** The evidence log of every email (recipient, subject, SMTP answer). */
  emailEvidenceDays: number;
  /** A closed breach's register entry (Art. 33(5) documentation), after it closed. */
  breachRegisterDays: number;
  /** The remembered answers to webhook deliveries (the contract keeps them 7 days at least). */
  webhookDeliveryDays: number;
  /** An audit's auditor (name, address) after the audit closed or was cancelled. */
  auditorDays: number;
}

export const defaultRetention: RetentionSettings = {
  // Art. 5(1)(e): a month for a late question on how the request was handled, then nothing personal.
  dsrSubjectDays: 30,
  // Five years: the limitation period of a contractual claim the evidence may have to answer.
  emailEvidenceDays: 5 * 365,
  breachRegisterDays: 5 * 365,
  // The contract promises 7 days; a month covers a product retrying for days.
  webhookDeliveryDays: 30,
  auditorDays: 365,
};

export interface RetentionInput {
  settings: RetentionSettings;
}

/** What one run of the retention job did, by kind: counts only, never content. */
export interface RetentionCounts {
  dsrRequestsAnonymised: number;
  emailsDeleted: number;
  breachesDeleted: number;
  webhookDeliveriesDeleted: number;
  auditorsAnonymised: number;
}

/** The schedules' fixed ids: created or updated at start-up, never duplicated. */
export const scheduleIds = {
  teamDigest: 'dpa-team-digest',
  customerReminders: 'dpa-customer-reminders',
  retention: 'dpa-retention',
} as const;

/** The workflow id customer reminders are sent under, so that one per customer per ISO week is ever sent. */
export const customerRemindersMailId = 'customer-reminders';

/** ISO 8601 week of a local date: "2026-W49". */
export function isoWeek(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  const utc = new Date(Date.UTC(year, month - 1, day));
  // The Thursday of the week decides its year.
  const weekday = dayOfWeek(date) === 0 ? 7 : dayOfWeek(date);
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const weekYear = utc.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((utc.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The schedule fires Monday to Friday; the digest itself skips Belgium's public holidays. */
export function isDigestDay(now: Instant, timeZone: string): boolean {
  return isWorkingDay(localDateOf(now, timeZone));
}

/** An HH:MM setting of a schedule: `off`, or the hour and minute it fires at. */
export function parseScheduleTime(value: string): { hour: number; minute: number } | 'off' | undefined {
  if (value === 'off') return 'off';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The retry policy of a pending activity, in milliseconds. */
export interface RetryTiming {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
}

/** The email activities' policy (workflows/activity-options.ts), for a server that does not report one. */
export const emailRetryTiming: RetryTiming = { initialIntervalMs: 2_000, backoffCoefficient: 2, maximumIntervalMs: 120_000 };

/**
 * How long an activity on attempt `attempt` has been failing at least: the sum of the waits between its
 * attempts so far (the attempts' own run times come on top). Temporal reports the attempt, not when the
 * first one started.
 */
export function minimumFailingMs(attempt: number, timing: RetryTiming = emailRetryTiming): number {
  let total = 0;
  let wait = timing.initialIntervalMs;
  for (let k = 1; k < attempt; k += 1) {
    total += Math.min(wait, timing.maximumIntervalMs);
    wait *= timing.backoffCoefficient;
    if (wait >= timing.maximumIntervalMs) {
      total += (attempt - 1 - k) * timing.maximumIntervalMs;
      break;
    }
  }
  return total;
}

export type DayOfWeekName = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export type ScheduleTime = { hour: number; minute: number };

/** The schedules' settings (README: "Scheduled reminders"); `off` turns one off (its schedule is paused). */
export interface ScheduleSettings {
  /** Monday to Friday at this time; Belgian public holidays are skipped by the digest itself. */
  teamDigest: { at: ScheduleTime | 'off'; timeZone: string };
  customerReminders: { at: (ScheduleTime & { day: DayOfWeekName }) | 'off'; timeZone: string };
  retention: {
    at: ScheduleTime | 'off';
    timeZone: string;
    settings: RetentionSettings;
    /** How long the embedded dev server's namespace keeps closed workflows. */
    closedWorkflowDays: number;
  };
  /** The Temporal Web UI, for the digest's links to the cases. */
  webUiUrl: string;
}

const dayNames: Readonly<Record<string, DayOfWeekName>> = {
  mon: 'MONDAY',
  tue: 'TUESDAY',
  wed: 'WEDNESDAY',
  thu: 'THURSDAY',
  fri: 'FRIDAY',
  sat: 'SATURDAY',
  sun: 'SUNDAY',
};

/** A weekly setting: `off`, or a day and a time, `mon 09:00`. */
export function parseWeeklyScheduleTime(value: string): (ScheduleTime & { day: DayOfWeekName }) | 'off' | undefined {
  if (value === 'off') return 'off';
  const match = /^([a-z]{3})\s+(\S+)$/i.exec(value.trim());
  const day = match && dayNames[match[1]!.toLowerCase()];
  const time = match && parseScheduleTime(match[2]!);
  if (!day || !time || time === 'off') return undefined;
  return { day, ...time };
}
