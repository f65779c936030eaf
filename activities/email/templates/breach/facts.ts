import type { BreachAssessment } from '../../../../domain/breach';
import type { ContactPoint } from '../../../../domain/contact-point';
/** What each email of the breach process is rendered from. */
export type BreachNoticeFacts = {
  customerName: string;
  incidentId: string;
  /** ISO UTC: when the processor became aware of the breach. */
  awareAt: string;
  /** 8.1: reasonably suspected, not yet established; the notice says so. */
  suspected?: boolean;
  /** ISO UTC: when this notice is sent. */
  noticeSentAt: string;
  /** ISO UTC: noticeSentAt + 72 h, the controller's own Art. 33(1) clock, shown as guidance only. */
  controllerDeadlineAt: string;
  summary: string;
  /** Categories of personal data concerned (Art. 33(3)(a)). */
  dataCategories: string[];
  /** Approximate number of data subjects concerned; absent while unknown. */
  subjectsApprox?: number;
  /** Approximate number of personal data records concerned (Art. 33(3)(a)); absent while unknown. */
  recordsApprox?: number;
  /** Categories of data subjects concerned (Art. 33(3)(a)); absent while unknown. */
  subjectCategories?: string[];
  /** Likely consequences (Art. 33(3)(c)); absent while they are being assessed. */
  likelyConsequences?: string;
  /** Measures taken or proposed, including to mitigate adverse effects (Art. 33(3)(d)). */
  measures: string[];
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  /** ISO UTC: awareAt + the contract's notice hours, where the customer's contract sets them. */
  contractualDeadlineAt?: string;
  /** Where the product lets the customer acknowledge receipt with one click, if it offers that. */
  acknowledgeUrl?: string;
};

export type BreachReminderFacts = BreachNoticeFacts & { reminderNumber: number };

/** The facts of Art. 33(3)(a), (c) that may arrive in phases (Art. 33(4)), as known at one moment. */
export type BreachKnownFacts = Pick<
  BreachNoticeFacts,
  'dataCategories' | 'subjectCategories' | 'subjectsApprox' | 'recordsApprox' | 'likelyConsequences'
>;

/** What every follow-up to the notice (an update, the final report) is rendered from, besides its news. */
export type BreachFollowUpFacts = {
  customerName: string;
  incidentId: string;
  /** The measures taken or proposed so far; an empty list is said in each follow-up's own words. */
  measures: string[];
  timeZone: string;
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
};

export type BreachUpdateFacts = BreachFollowUpFacts & {
  update: string;
  /** Absent: the update says nothing about containment. */
  contained?: boolean;
  /** 8.1: the update confirms, or rules out, a breach notified as suspected. */
  assessment?: BreachAssessment;
  /** Art. 33(4): what is known of the breach with this update; what is absent is said to be not known yet. */
  known?: BreachKnownFacts;
  sentAt: string;
};

export type BreachFinalReportFacts = BreachFollowUpFacts & { finalReport: string; closedAt: string };

export type PrivacyTeamAlertKind =
  | 'acknowledgement-overdue'
  | 'notice-undeliverable'
  | 'contractual-deadline-halfway'
  | 'contractual-deadline-at-risk'
  | 'status-update-due'
  | 'no-customer-record'
  | 'final-report-undeliverable';

export type PrivacyTeamAlertFacts = {
  kind: PrivacyTeamAlertKind;
  incidentId: string;
  customerId?: string;
  detail: string;
  dueAt?: string;
};
