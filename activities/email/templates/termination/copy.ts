import type { DeletionMethod } from '../../../../domain/termination';
import type { CaseCopy } from '../common/copy';

/**
 * What every language of the end-of-contract process (policy 11.1-11.3, 13; GDPR Art. 28(3)(g)) must
 * say. A language file that lacks a passage does not compile.
 */
export type TerminationCopy = CaseCopy & {
  /** The case as a subject names it after the email's title: "customer acme". */
  subjectReference(customerId: string): string;
  terminatedAt: string;
  windowEnds: string;
  exportHeading: string;
  exportTool: string;
  days(count: number): string;
  notice: {
    subject: string;
    intro(customerName: string, terminated: string): string;
    windowText(days: string, end: string): string;
    afterwards: string;
    reminders: string;
  };
  reminder: { subject(end: string): string; intro(customerName: string, end: string): string; afterwards: string };
  extension: { subject: string; intro(extra: string): string; previousEnd: string; newEnd: string; reason: string; reminders: string };
  waiver: { subject: string; intro(customerName: string, completed: string): string; waived(end: string): string; deletion: string };
} & {
  /** 11.3: the email that carries the certificate of deletion, and the certificate (PDF) itself. */
  certificate: {
    subject: string;
    intro(customerName: string, deleted: string): string;
    storesHeading: string;
    /** One store, as the email lists it. */
    storeLine(store: string, method: string, completed: string, reference: string, lastCopy: string | undefined): string;
    attached(filename: string): string;
    ownRecords: string;
    methods: Record<DeletionMethod, string>;
    pdf: {
      title: string;
      customer: string;
      deletedAt: string;
      statement(customerName: string, customerId: string): string;
      store: string;
      method: string;
      completedAt: string;
      reference: string;
      lastCopyExpiresAt: string;
      ownRecords: string;
      issuedBy(processor: string, issued: string): string;
      contactPoint: string;
      /** Who signs when the deployment names no processor (TerminationConfig.processorName). */
      processorFallback: string;
      page(number: number, count: number): string;
    };
  };
};
