import type { ContactPoint } from '../../../../domain/contact-point';
import type { ProcessingDecision, SuspensionCause } from '../../../../domain/instruction';

/** What every customer email about one instruction shows; each email adds its own facts. */
export type InstructionCaseFacts = {
  customerName: string;
  instructionId: string;
  /** ISO UTC: when the instruction was flagged. */
  flaggedAt: string;
  /** ISO UTC: the end of the customer's response period (3.2). */
  responseDueAt?: string;
  /** ISO UTC: when the instruction was suspended (3.2 (i)), once it is. */
  suspendedAt?: string;
  /** Our contact point for data protection (Art. 33(3)(b)): named, with its email and telephone. */
  contact: ContactPoint;
  timeZone: string;
};

export type InstructionNoticeFacts = InstructionCaseFacts & { instruction: string; reason: string };

export type InstructionSuspensionFacts = InstructionNoticeFacts & {
  suspendedAt: string;
  cause: SuspensionCause;
  /** The operator's reason (`operator`), or the customer's own for refusing (`refused`), if it gave one. */
  suspensionReason?: string;
};

export type InstructionRevisionRejectedFacts = InstructionCaseFacts & {
  /** The revised instruction as the customer sent it, and when it arrived. */
  revision: string;
  receivedAt: string;
  /** Why it still infringes the law, as the operator judged it. */
  rejectionReason: string;
  /** The end of the response period, when the customer may still answer; absent once the instruction is suspended. */
  answerStillDueBy?: string;
};

export type InstructionDecisionFacts = InstructionCaseFacts & { decision: ProcessingDecision; note?: string; decidedAt: string };

export type InstructionReminderFacts = InstructionNoticeFacts & {
  reminderNumber: number;
  /** The decision in force, if one was made. */
  decision?: ProcessingDecision;
};

export type InstructionResumedFacts = InstructionCaseFacts & {
  resolution: 'revised' | 'confirmed';
  /** The revised instruction, or the customer's guarantee. */
  text: string;
  resumedAt: string;
};

export type InstructionAlertKind =
  | 'instruction-flagged'
  | 'instruction-suspended'
  | 'revision-to-judge'
  | 'open-reminder'
  | 'notice-undeliverable'
  | 'no-customer-record'
  | 'resumed-under-guarantee';

/** 3.4: the customer's notice that it cannot meet its obligations; its words stay in the records. */
export type CannotComplyAlertKind = 'customer-cannot-comply';

export type CannotComplyAlertFacts = {
  kind: CannotComplyAlertKind;
  noticeId: string;
  customerId: string;
  receivedAt: string;
  detail: string;
};

export type InstructionAlertFacts = {
  kind: InstructionAlertKind;
  instructionId: string;
  customerId: string;
  detail: string;
  /** The decision in force, if any. */
  decision?: ProcessingDecision;
  flaggedAt?: string;
  suspendedAt?: string;
};
