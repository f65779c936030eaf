import type { ContactPoint } from '../../../../domain/contact-point';
import type { AuthorityRequestKind } from '../../../../domain/authority';

/** What every customer email about one authority request shows; each email adds its own facts. */
export type AuthorityCaseFacts = {
  customerName: string;
  requestId: string;
  /** The authority's name, as the product reported it. */
  authority: string;
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
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
  /** ISO UTC: until when the customer's view on the scope and manner of any disclosure is awaited (7.1). */
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
  (
    | { kind: 'answered'; at: string; summary: string; disclosesPersonalData: false }
    | { kind: 'answered'; at: string; summary: string; disclosesPersonalData: true; scope: string; manner: string }
    | { kind: 'disclosed'; at: string; scope: string; manner: string }
  );

export type AuthorityAlertKind =
  | 'disclosure-prohibited'
  | 'prohibition-basis-missing'
  | 'prohibition-review'
  | 'notice-undeliverable'
  | 'notice-deadline-approaching'
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
