import type { ProcessingDecision } from '../../../../domain/instruction';

/** What every customer email about one instruction shows; each email adds its own facts. */
export type InstructionCaseFacts = {
  customerName: string;
  instructionId: string;
  /** ISO UTC: when the instruction was flagged and suspended. */
  flaggedAt: string;
  contactEmail: string;
  timeZone: string;
};

export type InstructionNoticeFacts = InstructionCaseFacts & { instruction: string; reason: string };

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
  'instruction-flagged' | 'open-reminder' | 'notice-undeliverable' | 'no-customer-record' | 'resumed-under-guarantee';

export type InstructionAlertFacts = {
  kind: InstructionAlertKind;
  instructionId: string;
  customerId: string;
  detail: string;
  /** The decision in force, if any. */
  decision?: ProcessingDecision;
  flaggedAt?: string;
};
