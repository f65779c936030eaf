import type { ContactPoint } from '../../../../domain/contact-point';
import type { DsrAction, DsrRequestType } from '../../../../domain/dsr';

/** What every customer email of one request shows. */
export type DsrCaseFacts = {
  customerName: string;
  requestId: string;
  requestType: DsrRequestType;
  /** ISO UTC: when the request reached the processor. */
  receivedAt: string;
  /** ISO UTC: the controller's current deadline (Art. 12(3)), extensions included. */
  deadlineAt: string;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
};

export type DsrNoticeFacts = DsrCaseFacts & {
  /** Whether the product gave the subject's address, so that the subject gets the 10.2 confirmation. */
  subjectWillBeConfirmed: boolean;
};

export type DsrExtensionFacts = DsrCaseFacts & {
  /** This extension. */
  extraMonths: number;
  /** All extensions so far, this one included (two at most). */
  extensionMonths: number;
  originalDeadlineAt: string;
  reason?: string;
};

export type DsrClosureFacts = DsrCaseFacts & {
  closedAt: string;
  outcome: { kind: 'carried-out'; action: DsrAction; completedAt: string } | { kind: 'handled-by-customer' };
};

export type DsrSubjectConfirmationFacts = { customerName: string };

export type DsrPrivacyTeamAlertKind =
  | 'no-customer-record'
  | 'notice-undeliverable'
  | 'deadline-passed'
  | 'product-webhook-not-configured'
  | 'product-request-failed'
  | 'action-unconfirmed'
  | 'action-overdue';

export type DsrPrivacyTeamAlertFacts = {
  kind: DsrPrivacyTeamAlertKind;
  requestId: string;
  customerId: string;
  detail: string;
  dueAt?: string;
};
