import type { ContactPoint } from '../../../../domain/contact-point';
import type { CertifiedStore } from '../../../../domain/termination';

/** What every customer email about the end of its contract shows. */
export type TerminationCaseFacts = {
  customerName: string;
  customerId: string;
  /** ISO UTC: when the contract ended. */
  terminatedAt: string;
  /** ISO UTC: the last instant of the export window, every extension included. */
  closesAt: string;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  contact: ContactPoint;
};

/** How to export (the EXPORT_TOOL_URL and the instructions in the customer's language). */
export type ExportHow = { url: string; instructions: string };

export type TerminationNoticeFacts = TerminationCaseFacts & { windowDays: number; exportHow: ExportHow };

export type TerminationReminderFacts = TerminationCaseFacts & { exportHow: ExportHow };

export type TerminationExtensionFacts = TerminationCaseFacts & {
  extraDays: number;
  /** The end before this extension. */
  previousClosesAt: string;
  reason?: string;
};

export type TerminationWaiverFacts = TerminationCaseFacts & { exportCompletedAt: string; waivedAt: string };

export type TerminationPrivacyTeamAlertKind =
  'no-customer-record' | 'notice-undeliverable' | 'product-webhook-not-configured' | 'deletion-unconfirmed' | 'certificate-undeliverable';

export type TerminationPrivacyTeamAlertFacts = {
  kind: TerminationPrivacyTeamAlertKind;
  customerId: string;
  detail: string;
  store?: string;
  dueAt?: string;
};

/** 11.3: the email that carries the certificate of deletion (attached as a PDF) and lists its stores. */
export type TerminationCertificateFacts = Omit<TerminationCaseFacts, 'closesAt'> & {
  deletedAt: string;
  stores: readonly CertifiedStore[];
  certificate: { filename: string; pdf: Buffer };
};
