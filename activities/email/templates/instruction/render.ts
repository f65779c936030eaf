/**
 * Emails of the unlawful-instruction process (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph): the
 * notice that an instruction is suspended and why, the processor's decision to continue under earlier
 * instructions or to stop, reminders while the instruction stays suspended, the confirmation that it is
 * resumed, and internal alerts to the processor's privacy team.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure: same
 * facts, same email.
 */
import type { Language } from '../../../../domain/language';
import { factsTable, heading, list, optionalRow, paragraph, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised, type Localised } from '../common/localised';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert, decisionLabel } from './alert';
import type { InstructionCopy } from './copy';
import { en } from './en';
import type {
  InstructionAlertFacts,
  InstructionCaseFacts,
  InstructionDecisionFacts,
  InstructionNoticeFacts,
  InstructionReminderFacts,
  InstructionResumedFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, InstructionCopy>> = { nl, fr, en };

/** An email to the customer about its instruction: the marker before the subject; confidential throughout. */
function instructionEmail({ language, copy }: Localised<InstructionCopy>, subject: string, body: EmailBlock[]): RenderedEmail {
  return renderCustomerEmail(language, `${copy.marker} ${subject}`, body, copy.confidential);
}

/** The instruction's reference and since when it is suspended, then the email's own fact. */
function suspensionTable(facts: InstructionCaseFacts, { copy, at }: Localised<InstructionCopy>, ...rows: FactRow[]): EmailBlock {
  return factsTable([
    { label: copy.reference, value: facts.instructionId },
    { label: copy.suspendedSince, value: at(facts.flaggedAt) },
    ...rows,
  ]);
}

/** The customer's instruction and why we believe it infringes the law, in the words given. */
function instructionAndReason(facts: InstructionNoticeFacts, copy: InstructionCopy): EmailBlock[] {
  return [...section(copy.theInstruction, facts.instruction.trim()), ...section(copy.why, facts.reason.trim())];
}

/** 3.2: what we ask of the customer (revise, or guarantee lawfulness), and how to answer. */
function askBlocks(facts: InstructionCaseFacts, copy: InstructionCopy): EmailBlock[] {
  return [heading(copy.whatWeAsk), list(copy.options), paragraph(copy.howToAnswer(facts.contactEmail, facts.instructionId))];
}

export function renderInstructionNotice(facts: InstructionNoticeFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const notice = local.copy.notice;
  return instructionEmail(local, notice.subject(facts.instructionId), [
    paragraph(notice.intro(facts.customerName)),
    suspensionTable(facts, local),
    ...instructionAndReason(facts, local.copy),
    ...section(notice.suspension, notice.suspensionText(local.at(facts.flaggedAt))),
    ...askBlocks(facts, local.copy),
    paragraph(notice.reminders),
  ]);
}

export function renderInstructionDecision(facts: InstructionDecisionFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const decision = local.copy.decision;
  const note = facts.note?.trim() ?? '';
  return instructionEmail(local, decision.subject(facts.instructionId), [
    paragraph(decision.intro(facts.customerName, local.at(facts.flaggedAt), facts.instructionId, local.at(facts.decidedAt))),
    suspensionTable(facts, local, { label: decision.decidedAt, value: local.at(facts.decidedAt) }),
    ...section(decision.heading[facts.decision], decision.text[facts.decision]),
    ...(note === '' ? [] : section(decision.note, note)),
    paragraph(decision.validity),
    ...askBlocks(facts, local.copy),
  ]);
}

export function renderInstructionReminder(facts: InstructionReminderFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const reminder = local.copy.reminder;
  return instructionEmail(local, reminder.subject(facts.instructionId, facts.reminderNumber), [
    paragraph(reminder.intro(facts.customerName, local.at(facts.flaggedAt), facts.instructionId, facts.reminderNumber)),
    suspensionTable(facts, local, { label: reminder.meanwhile, value: reminder.decision[facts.decision ?? 'none'] }),
    ...instructionAndReason(facts, local.copy),
    ...askBlocks(facts, local.copy),
  ]);
}

export function renderInstructionResumed(facts: InstructionResumedFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const resumed = local.copy.resumed;
  return instructionEmail(local, resumed.subject[facts.resolution](facts.instructionId), [
    paragraph(resumed.intro[facts.resolution](facts.customerName, local.at(facts.resumedAt), facts.instructionId)),
    suspensionTable(facts, local, { label: resumed.resumedAt, value: local.at(facts.resumedAt) }),
    ...section(resumed.textHeading[facts.resolution], facts.text.trim(), resumed.after[facts.resolution]),
    paragraph(local.copy.questions(facts.contactEmail, facts.instructionId)),
  ]);
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderInstructionAlert(facts: InstructionAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Instruction',
    noun: 'instruction',
    id: facts.instructionId,
    customerId: facts.customerId,
    rows: [
      ...optionalRow('Suspended since', facts.flaggedAt, alertInstant),
      { label: 'Decision in force', value: facts.decision === undefined ? 'none recorded' : decisionLabel[facts.decision] },
    ],
    workflowId: `instruction-${facts.instructionId}`,
  });
}
