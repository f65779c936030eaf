import type { WaitingKind } from '../../../../domain/digests';

/** One case in the team digest: ids, states and instants only. */
export interface DigestCaseRow {
  workflowId: string;
  process: string;
  customerIds: string[];
  status: string;
  deadline?: string;
  /** The case in the Temporal Web UI. */
  link: string;
}

/** An activity retried for long: a mail server or the product refusing us (workflow id, activity, attempts, the last error without addresses). */
export interface StuckActivityRow {
  workflowId: string;
  process: string;
  activityType: string;
  attempt: number;
  failingForMinutes: number;
  lastFailure: string;
  link: string;
}

export interface TeamDigestFacts {
  /** When the digest was made. */
  at: string;
  timeZone: string;
  horizonDays: number;
  dueSoon: DigestCaseRow[];
  overdue: DigestCaseRow[];
  undeliverable: DigestCaseRow[];
  stuck: StuckActivityRow[];
}

export interface ReminderItem {
  kind: WaitingKind;
  caseId: string;
  deadline?: string;
}

export interface CustomerReminderFacts {
  customerId: string;
  customerName: string;
  timeZone: string;
  week: string;
  items: ReminderItem[];
}
