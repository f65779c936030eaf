import type { AuthorityRequestKind } from '../../../../domain/authority';
import type { CaseCopy } from '../common/copy';

/**
 * What every language of the authority-request process (policy 8.1 and 7.1; GDPR Art. 28(3)(a)) must
 * say. A language file that lacks a passage does not compile.
 */
export type AuthorityCopy = CaseCopy & {
  /** The request as a subject names it after the email's title: "reference AUTH-7". */
  subjectReference(requestId: string): string;
  authority: string;
  kind: string;
  receivedAt: string;
  /** The kind as a noun phrase inside a sentence ("een dagvaarding"). */
  kindPhrase: Record<AuthorityRequestKind, string>;
  /** The kind as a label in the facts table, and as the notice's title. */
  kindLabel: Record<AuthorityRequestKind, string>;
  notice: NoticeCopy;
  viewReminder: ViewReminderCopy;
  outcome: OutcomeCopy;
};

/** 1. The notice (policy 8.1; GDPR Art. 28(3)(a); policy 7.1 for an intended disclosure). */
export type NoticeCopy = {
  intro(customerName: string, authority: string, kindPhrase: string): string;
  introDisclosure(customerName: string, authority: string): string;
  prohibitionLifted: string;
  heldBack(liftedAt: string): string;
  confidentiality: string;
  confidentialityText: string;
  views: string;
  viewsText(due: string, email: string): string;
  viewsDefault: string;
  next: string;
  nextText(email: string): string;
  /**
   * 7.1, an information request, subpoena or inspection: no personal data goes out in the answer before
   * the customer's view, or before `due`.
   */
  nextTextViews(due: string, email: string): string;
  nextViewsDefault: string;
  keepInformed: string;
};

/** 2. Reminder: the customer's view on an intended disclosure is still awaited (7.1). */
export type ViewReminderCopy = {
  /** The title; the marker and the reference go around it. */
  subject(reminderNumber: number): string;
  intro(customerName: string, sentAt: string, authority: string, requestId: string): string;
  due: string;
  request(due: string, email: string): string;
  notReceived: string;
};

/** 3. The outcome: the request was answered, or the disclosure was made. */
export type OutcomeCopy = {
  /** The titles; the marker and the reference go around them. */
  answeredSubject: string;
  disclosedSubject: string;
  answeredIntro(customerName: string, receivedAt: string, authority: string, kindPhrase: string, requestId: string, at: string): string;
  disclosedIntro(customerName: string, authority: string, requestId: string, at: string): string;
  outcomeAt: string;
  howAnswered: string;
  /** 7.1: an answer says whether it disclosed personal data. */
  answerDisclosedNothing: string;
  answerDisclosed: string;
  scope: string;
  manner: string;
  closing: string;
};
