/** What each email of the breach process is rendered from. */
export type BreachNoticeFacts = {
  customerName: string;
  incidentId: string;
  /** ISO UTC: when the processor became aware of the breach. */
  awareAt: string;
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
  /** The processor's privacy team: the contact point of Art. 33(3)(b). */
  contactEmail: string;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  /** ISO UTC: awareAt + the contract's notice hours, where the customer's contract sets them. */
  contractualDeadlineAt?: string;
  /** Where the product lets the customer acknowledge receipt with one click, if it offers that. */
  acknowledgeUrl?: string;
};

export type BreachReminderFacts = BreachNoticeFacts & { reminderNumber: number };

/** What every follow-up to the notice (an update, the final report) is rendered from, besides its news. */
export type BreachFollowUpFacts = {
  customerName: string;
  incidentId: string;
  /** The measures taken or proposed so far; an empty list is said in each follow-up's own words. */
  measures: string[];
  timeZone: string;
  contactEmail: string;
};

export type BreachUpdateFacts = BreachFollowUpFacts & {
  update: string;
  /** Absent: the update says nothing about containment. */
  contained?: boolean;
  sentAt: string;
};

export type BreachFinalReportFacts = BreachFollowUpFacts & { finalReport: string; closedAt: string };

export type PrivacyTeamAlertKind =
  | 'acknowledgement-overdue'
  | 'notice-undeliverable'
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
