import type { TransferBasis } from '../../../../domain/transfers';
import type { SubprocessorChangeEmailFacts, TerminationRightReason } from './facts';

/**
 * What every language of the subprocessor change process (policy 5.1-5.4, 6; GDPR Art. 28(2), 28(4))
 * must say. A language file that lacks a passage does not compile.
 */
export type SubprocessorChangeCopy = {
  /** Put before the subject of every email to the customer, so that it stands out in an inbox and can be filtered on. */
  marker: string;
  action: Record<SubprocessorChangeEmailFacts['action'], string>;
  basis: Record<TransferBasis, string>;
  labels: {
    change: string;
    action: string;
    subprocessor: string;
    replaces: string;
    country: string;
    purpose: string;
    basis: string;
    effective: string;
    objectBy: string;
  };
  noticeSubject(name: string): string;
  noticeIntro(customer: string): string;
  howToObject(contact: string, by: string): string;
  silence: string;
  /** 5.2: a change marked urgent takes effect before the window closes; the customer may still object. */
  urgent: {
    /** Put before the notice's subject. */
    subjectMark: string;
    notice(effective: string, by: string): string;
    reasonLabel: string;
  };
  reminderSubject(name: string): string;
  reminderIntro(by: string): string;
  rejectedSubject(name: string): string;
  rejectedIntro: string;
  reasonLabel: string;
  rejectedOutro: string;
  offerSubject(name: string): string;
  offerIntro: string;
  offerOutro(contact: string): string;
  offerReminderSubject(name: string): string;
  /** When the offer was made (formatted), and that no answer has come yet. */
  offerReminderIntro(offeredAt: string): string;
  offerStandsSubject(name: string): string;
  offerStandsIntro: string;
  offerStandsOutro(contact: string): string;
  terminationSubject(name: string): string;
  /** Why the customer may terminate: no judgment or no offer by the deadline, or the offer declined. */
  terminationIntro: Record<TerminationRightReason, (deadline: string | undefined) => string>;
  terminationServices(services: string): string;
  terminationOutro(contact: string): string;
};
