import type { AuthorityRequestKind } from '../../../../domain/authority';

/** What each email of the authority-request process is rendered from. */
export type AuthorityNoticeFacts = {
  customerName: string;
  requestId: string;
  /** The authority's name, as the product reported it. */
  authority: string;
  requestKind: AuthorityRequestKind;
  /** ISO UTC: when the processor received the request. */
  receivedAt: string;
  /** ISO UTC: when a legal prohibition to tell the customer was lifted, if there was one. */
  prohibitionLiftedAt?: string;
  /** ISO UTC, intended disclosures only: until when the customer's view on scope and manner is awaited. */
  viewsDueAt?: string;
  contactEmail: string;
  timeZone: string;
};

export type AuthorityViewReminderFacts = {
  customerName: string;
  requestId: string;
  authority: string;
  /** ISO UTC: when this customer was told of the intended disclosure. */
  notifiedAt: string;
  viewsDueAt: string;
  reminderNumber: number;
  contactEmail: string;
  timeZone: string;
};

export type AuthorityOutcomeFacts = {
  customerName: string;
  requestId: string;
  authority: string;
  requestKind: AuthorityRequestKind;
  receivedAt: string;
  contactEmail: string;
  timeZone: string;
} & ({ kind: 'answered'; at: string; summary: string } | { kind: 'disclosed'; at: string; scope: string; manner: string });

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
