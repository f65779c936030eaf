import type { ProcessingDecision } from '../../../../domain/instruction';
import type { CaseCopy } from '../common/copy';

/**
 * What every language of the unlawful-instruction process (policy 3.2–3.4; GDPR Art. 28(3), last
 * subparagraph) must say. A language file that lacks a passage does not compile.
 */
export type InstructionCopy = CaseCopy & {
  suspendedSince: string;
  theInstruction: string;
  why: string;
  whatWeAsk: string;
  options: [string, string];
  howToAnswer(email: string, instructionId: string): string;
  notice: NoticeCopy;
  decision: DecisionCopy;
  reminder: ReminderCopy;
  resumed: ResumedCopy;
};

/** 1. The notice: the instruction appears unlawful and is suspended (3.2; Art. 28(3) last subparagraph). */
export type NoticeCopy = {
  subject(instructionId: string): string;
  intro(customerName: string): string;
  suspension: string;
  suspensionText(at: string): string;
  reminders: string;
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
};
