import type { DsrAction, DsrInstruction, DsrRequestType } from '../../../../domain/dsr';
import type { CaseCopy } from '../common/copy';

/**
 * What every language of the data subject request process (policy 8.1, 10.1–10.2; GDPR Art. 12(3),
 * 28(3)(e)) must say. A language file that lacks a passage does not compile.
 */
export type DsrCopy = CaseCopy & {
  /** The request as a subject names it after the email's title: "request DSR-7". */
  subjectReference(requestId: string): string;
  requestType: string;
  receivedAt: string;
  deadline: string;
  requestTypes: Record<DsrRequestType, string>;
  /** What each instruction means, as the customer chooses among them. */
  instructions: Record<DsrInstruction, string>;
  months(count: number): string;
  notice: NoticeCopy;
  reminder: ReminderCopy;
  extension: ExtensionCopy;
  closure: ClosureCopy;
  subjectConfirmation: SubjectConfirmationCopy;
};

/** 1. The notice to the customer (policy 10.2: "onmiddellijk"; GDPR Art. 28(3)(e)). */
export type NoticeCopy = {
  /** The title; the marker and the reference go around it. */
  subject: string;
  intro(customerName: string): string;
  toldSubject: string;
  subjectConfirmed(customerName: string): string;
  subjectNoAddress: string;
  instructionHeading: string;
  instructionIntro: string;
  instructionOther(email: string): string;
  deadlineHeading: string;
  deadlineText(deadline: string): string;
  extensionText: string;
  reminders: string;
};

/** 2. Reminder: the instruction is still awaited. */
export type ReminderCopy = {
  /** The title; the marker and the reference go around it. */
  subject: string;
  intro(customerName: string, receivedAt: string): string;
  deadlineText(deadline: string): string;
  choose: string;
  alreadyHandled: string;
};

/** 3. An extension recorded (Art. 12(3): two further months at most). */
export type ExtensionCopy = {
  /** The title; the marker and the reference go around it. */
  subject: string;
  intro(extra: string, total: string): string;
  originalDeadline: string;
  newDeadline: string;
  reason: string;
  tellSubject: string;
  stillAwaited: string;
};

/** 4. The closure: the instruction carried out, or the customer handles the request itself. */
export type ClosureCopy = {
  /** The title; the marker and the reference go around it. */
  subject: string;
  carriedOut: Record<DsrAction, (completedAt: string) => string>;
  handledByCustomer: string;
  closedAt: string;
  yours(deadline: string): string;
};

/**
 * 5. The data subject's confirmation (10.2: "behalve om te bevestigen dat het verzoek betrekking heeft
 * op de Klant"). Deliberately nothing else: no reference, no request type, no date, no deadline.
 */
export type SubjectConfirmationCopy = { subject(customerName: string): string; body(customerName: string): string };
