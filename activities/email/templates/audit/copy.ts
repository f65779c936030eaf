import type { CaseCopy } from '../common/copy';

/**
 * What every language of the audit process (policy 12.1-12.4) must say. A language file that lacks a
 * passage does not compile.
 */
export type AuditCopy = CaseCopy & {
  /** The audit as a subject names it after the email's title: "audit AUD-7". */
  subjectReference(auditId: string): string;
  date: string;
  earliestDate: string;
  auditor: string;
  /** What the customer said the audit covers (its `scope`). */
  scope: string;
  /** An audit date as the reader says it: "Tuesday 14 April 2026". */
  formatDate(date: string): string;
  tooEarly: {
    subject: string;
    intro(customerName: string, proposedDate: string): string;
    rule(earliestDate: string): string;
    askAnother: string;
  };
  invitation: {
    subject: string;
    /** A date moved: the title says so. */
    movedSubject: string;
    intro(customerName: string, date: string): string;
    moved(previousDate: string, date: string): string;
    calendar: string;
    /** 12.1: the documents attached for the customer. */
    documents: string;
    /** 12.3: before the date. */
    confidentiality: string;
    /** 12.4: who bears the costs. */
    costs: string;
    /** 12.2: the audit may not delay the services. */
    noDelay: string;
  };
  cancellation: {
    subject: string;
    intro(date: string): string;
    calendar: string;
  };
  reminder: {
    subject: string;
    intro(date: string): string;
    confidentialityMissing: string;
  };
  confidentialityReminder: {
    subject: string;
    intro(customerName: string, date: string): string;
    howToConfirm: string;
  };
  outcome: {
    subject: string;
    intro(customerName: string, date: string): string;
    summary: string;
    seriousIncident: string;
    policyBreach: string;
    yes: string;
    no: string;
    costsHeading: string;
    /** 12.4: the share each party bears, as percentages. */
    costs(processorPercent: number, customerPercent: number): string;
    costsRule: string;
  };
  /** The calendar event's title and description (in the invitation's language). */
  event: {
    summary(auditId: string): string;
    description(customerName: string): string;
  };
};
