import type { ProcessingDecision } from '../../../../domain/instruction';

/** What each email of the unlawful-instruction process is rendered from. */
type InstructionFactsBase = {
  customerName: string;
  instructionId: string;
  /** ISO UTC: when the instruction was flagged and suspended. */
  flaggedAt: string;
  contactEmail: string;
  timeZone: string;
};

export type InstructionNoticeFacts = InstructionFactsBase & { instruction: string; reason: string };

export type InstructionDecisionFacts = InstructionFactsBase & { decision: ProcessingDecision; note?: string; decidedAt: string };

export type InstructionReminderFacts = InstructionNoticeFacts & {
  reminderNumber: number;
  /** The decision in force, if one was made. */
  decision?: ProcessingDecision;
};

export type InstructionResumedFacts = InstructionFactsBase & {
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
