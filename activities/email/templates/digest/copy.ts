import type { WaitingKind } from '../../../../domain/digests';
import type { CaseCopy } from '../common/copy';

/** What every language of the weekly customer reminder (issue 13) must say. A language file that lacks a passage does not compile. */
export type CustomerReminderCopy = CaseCopy & {
  subject(count: number): string;
  intro(customerName: string): string;
  /** What the customer is asked to do for each kind of item. */
  kinds: Readonly<Record<WaitingKind, string>>;
  item: string;
  caseReference: string;
  deadline: string;
  noDeadline: string;
  afterwards: string;
};
