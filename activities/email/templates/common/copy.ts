import type { ContactPoint } from '../../../../domain/contact-point';

/**
 * The wording every customer email shares, whatever the process: how it opens and closes, who the
 * customer can turn to, and how it can answer. A process's own copy builds its sentences around these,
 * so that the privacy team is named, and the way to answer given, the same way in every email.
 */
export type CommonCopy = {
  greeting: string;
  signOff: string;
  /** The contact point (GDPR Art. 33(3)(b) and every "any questions" line): "our privacy team at X". */
  contactPoint(email: string): string;
  /** The line that closes every customer email: our contact point's name, email and telephone (Art. 33(3)(b)). */
  contactDetails(contact: ContactPoint): string;
  howToAnswer: {
    /** For a view, an instruction or a revision: "through our platform or by writing to X". */
    inWriting(email: string): string;
    /** For an acknowledgement of receipt: "through our platform or by replying to X". */
    byReply(email: string): string;
  };
};

/**
 * What a process whose customer emails are each about one case (a request, an instruction) says around
 * the emails' own passages.
 */
export type CaseCopy = {
  /** Put before the subject of every email to the customer, so that it stands out in an inbox and can be filtered on. */
  marker: string;
  /** The note that closes every email: it is confidential, and why. */
  confidential: string;
  /** The label of the case's reference in the facts table. */
  reference: string;
  /** "If you have any questions…": our contact point, and the reference to quote. */
  questions(email: string, caseId: string): string;
};
