import type { ProcessingDecision, SuspensionCause } from '../../../../domain/instruction';
import type { CaseCopy } from '../common/copy';

/**
 * What every language of the unlawful-instruction process (policy 3.2–3.4; GDPR Art. 28(3), last
 * subparagraph) must say. A language file that lacks a passage does not compile.
 */
export type InstructionCopy = CaseCopy & {
  flaggedOn: string;
  answerBy: string;
  suspendedSince: string;
  theInstruction: string;
  why: string;
  whatWeAsk: string;
  options: [string, string];
  howToAnswer(email: string, instructionId: string): string;
  notice: NoticeCopy;
  suspension: SuspensionCopy;
  revisionRejected: RevisionRejectedCopy;
  decision: DecisionCopy;
  reminder: ReminderCopy;
  resumed: ResumedCopy;
};

/**
 * 1. The notice: the instruction appears unlawful; the customer may revise or guarantee it by a date,
 * after which it is suspended (3.2; Art. 28(3) last subparagraph).
 */
export type NoticeCopy = {
  subject(instructionId: string): string;
  intro(customerName: string): string;
  answer: string;
  answerText(dueAt: string): string;
};

/** 1b. The instruction is suspended (3.2 (i)): why, and what follows under (ii). */
export type SuspensionCopy = {
  subject(instructionId: string): string;
  intro: Record<SuspensionCause, (customerName: string, flaggedAt: string, instructionId: string, dueAt: string) => string>;
  /** The heading of the operator's reason (`operator`) or of the customer's own (`refused`). */
  reasonHeading: Record<Exclude<SuspensionCause, 'no-answer'>, string>;
  meanwhile: string;
  meanwhileText: string;
  reminders: string;
};

/**
 * 1c. A revision that still infringes the law (3.2 "zodat deze niet langer in strijd is"): the reason, and
 * whether the customer may still answer within its response period or the instruction is suspended.
 */
export type RevisionRejectedCopy = {
  subject(instructionId: string): string;
  intro(customerName: string, receivedAt: string, instructionId: string): string;
  revisionHeading: string;
  whyHeading: string;
  next: { flagged: (dueAt: string) => string; suspended: string };
};

/** 2. The processor's decision while the instruction is suspended (3.2 (ii)). */
export type DecisionCopy = {
  subject(instructionId: string): string;
  intro(customerName: string, flaggedAt: string, instructionId: string, decidedAt: string): string;
  decidedAt: string;
  heading: Record<ProcessingDecision, string>;
  text: Record<ProcessingDecision, string>;
  note: string;
  validity: string;
};

/** 3. Reminder: the instruction is still suspended. */
export type ReminderCopy = {
  subject(instructionId: string, reminderNumber: number): string;
  intro(customerName: string, flaggedAt: string, instructionId: string, reminderNumber: number): string;
  meanwhile: string;
  decision: Record<ProcessingDecision | 'none', string>;
};

/** 4. Confirmation: the instruction is resumed (revised, or its lawfulness guaranteed). */
export type ResumedCopy = {
  subject: Record<'revised' | 'confirmed', (instructionId: string) => string>;
  intro: Record<'revised' | 'confirmed', (customerName: string, at: string, instructionId: string) => string>;
  resumedAt: string;
  textHeading: Record<'revised' | 'confirmed', string>;
  after: Record<'revised' | 'confirmed', string>;
  /** The same, when the revision or guarantee came before any suspension (3.2): carried out, not resumed. */
  carriedOut: {
    subject: Record<'revised' | 'confirmed', (instructionId: string) => string>;
    intro: Record<'revised' | 'confirmed', (customerName: string, at: string, instructionId: string) => string>;
    at: string;
  };
};
