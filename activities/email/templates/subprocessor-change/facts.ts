import type { ContactPoint } from '../../../../domain/contact-point';
import type { ObjectionWindowAlertKind } from '../../../../domain/subprocessor-change';
import type { TransferBasis } from '../../../../domain/transfers';

/** What each email of the subprocessor change process is rendered from. */
export type SubprocessorChangeEmailFacts = {
  customerName: string;
  changeId: string;
  action: 'added' | 'replaced' | 'removed';
  subprocessorName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  purpose: string;
  /** Absent for a removal. */
  transferBasis?: TransferBasis;
  /** The name (or id, when the register does not know it) of the subprocessor replaced. */
  replacesName?: string;
  effectiveAt: string;
  /** Why the change takes effect before the windows close (5.2), when the product marked it urgent. */
  urgentReason?: string;
  windowClosesAt: string;
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
  timeZone: string;
};

export type TerminationRightReason = 'not-judged' | 'no-offer' | 'offer-declined';

export type ObjectionWindowAlertFacts = {
  kind: ObjectionWindowAlertKind;
  changeId: string;
  /** Absent for an alert about the whole change ('urgent-change'). */
  customerId?: string;
  action: SubprocessorChangeEmailFacts['action'];
  subprocessorId: string;
  subprocessorName: string;
  /** 'urgent-change': when the change takes effect. */
  effectiveAt?: string;
  /** What went wrong: the workflow's words and the SMTP answers, never an address. */
  detail: string;
  /** When the customer objected, if it did before the notice could be sent: its window then goes on. */
  objectionReceivedAt?: string;
};
