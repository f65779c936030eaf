import type { AuthorityRequestKind } from '../../../../domain/authority';

/** What every customer email about one authority request shows; each email adds its own facts. */
export type AuthorityCaseFacts = {
  customerName: string;
  requestId: string;
  /** The authority's name, as the product reported it. */
  authority: string;
  contactEmail: string;
  timeZone: string;
};

/** The request as every customer concerned is told of it; the customer's own facts are added per email. */
export type AuthorityRequestFacts = {
  requestId: string;
  authority: string;
  requestKind: AuthorityRequestKind;
  /** ISO UTC: when the processor received the request. */
  receivedAt: string;
  /** ISO UTC: when a legal prohibition to tell the customer was lifted, if there was one. */
  prohibitionLiftedAt?: string;
  /** ISO UTC, intended disclosures only: until when the customer's view on scope and manner is awaited. */
  viewsDueAt?: string;
};

export type AuthorityNoticeFacts = AuthorityCaseFacts & AuthorityRequestFacts;

export type AuthorityViewReminderFacts = AuthorityCaseFacts & {
  /** ISO UTC: when this customer was told of the intended disclosure. */
  notifiedAt: string;
  viewsDueAt: string;
  reminderNumber: number;
};

export type AuthorityOutcomeFacts = AuthorityCaseFacts &
  Pick<AuthorityRequestFacts, 'requestKind' | 'receivedAt'> &
  ({ kind: 'answered'; at: string; summary: string } | { kind: 'disclosed'; at: string; scope: string; manner: string });

export type AuthorityAlertKind =
  | 'disclosure-prohibited'
  | 'prohibition-review'
  | 'notice-undeliverable'
  | 'notice-deadline-missed'
  | 'views-deadline-passed'
  | 'customer-objects';

export type AuthorityAlertFacts = {
  kind: AuthorityAlertKind;
  requestId: string;
  requestKind: AuthorityRequestKind;
  /** Ids only: the customers the alert is about. */
  customerIds?: string[];
  detail: string;
  dueAt?: string;
};
