import type { ContactPoint } from '../../../../domain/contact-point';
/**
 * Emails of the unlawful-instruction process (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph): the
 * notice that an instruction appears unlawful and by when the customer may revise or guarantee it, the
 * suspension and why, the processor's decision to continue under earlier instructions or to stop,
 * reminders while the instruction stays suspended, the confirmation that it is carried out (or resumed),
 * and internal alerts to the processor's privacy team.
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
import { alert, cannotComplyAlert, decisionLabel } from './alert';
import type { InstructionCopy } from './copy';
import { en } from './en';
import type {
  CannotComplyAlertFacts,
  InstructionAlertFacts,
  InstructionCaseFacts,
  InstructionDecisionFacts,
  InstructionNoticeFacts,
  InstructionReminderFacts,
  InstructionResumedFacts,
  InstructionRevisionRejectedFacts,
  InstructionSuspensionFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, InstructionCopy>> = { nl, fr, en };

/** An email to the customer about its instruction: the marker before the subject; confidential throughout. */
function instructionEmail(
  { language, copy }: Localised<InstructionCopy>,
  { contact }: { contact: ContactPoint },
  subject: string,
  body: EmailBlock[],
): RenderedEmail {
  return renderCustomerEmail(language, `${copy.marker} ${subject}`, body, { contact, confidential: copy.confidential });
}

/** The instruction's reference, when it was flagged and since when it is suspended (once it is), then the email's own fact. */
function suspensionTable(facts: InstructionCaseFacts, { copy, at }: Localised<InstructionCopy>, ...rows: FactRow[]): EmailBlock {
  return factsTable([
    { label: copy.reference, value: facts.instructionId },
    { label: copy.flaggedOn, value: at(facts.flaggedAt) },
    ...optionalRow(copy.suspendedSince, facts.suspendedAt, at),
    ...rows,
  ]);
}

/** The customer's instruction and why we believe it infringes the law, in the words given. */
function instructionAndReason(facts: InstructionNoticeFacts, copy: InstructionCopy): EmailBlock[] {
  return [...section(copy.theInstruction, facts.instruction.trim()), ...section(copy.why, facts.reason.trim())];
}

/** 3.2: what we ask of the customer (revise, or guarantee lawfulness), and how to answer. */
function askBlocks(facts: InstructionCaseFacts, copy: InstructionCopy): EmailBlock[] {
  return [heading(copy.whatWeAsk), list(copy.options), paragraph(copy.howToAnswer(facts.contact.email, facts.instructionId))];
}

/**
 * 3.2: the instruction appears unlawful; the customer may revise or guarantee it by the end of its
 * response period (the case always gives it; without it, the email names no date).
 */
export function renderInstructionNotice(facts: InstructionNoticeFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const notice = local.copy.notice;
  const due = facts.responseDueAt === undefined ? undefined : local.at(facts.responseDueAt);
  return instructionEmail(local, facts, notice.subject(facts.instructionId), [
    paragraph(notice.intro(facts.customerName)),
    suspensionTable(facts, local, ...optionalRow(local.copy.answerBy, due)),
    ...instructionAndReason(facts, local.copy),
    ...askBlocks(facts, local.copy),
    ...(due === undefined ? [] : section(notice.answer, notice.answerText(due))),
  ]);
}

/** 3.2 (i): the instruction is suspended, why, and what follows under (ii). */
export function renderInstructionSuspension(facts: InstructionSuspensionFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const suspension = local.copy.suspension;
  const due = facts.responseDueAt === undefined ? '' : local.at(facts.responseDueAt);
  const reason = facts.suspensionReason?.trim() ?? '';
  return instructionEmail(local, facts, suspension.subject(facts.instructionId), [
    paragraph(suspension.intro[facts.cause](facts.customerName, local.at(facts.flaggedAt), facts.instructionId, due)),
    suspensionTable(facts, local),
    ...instructionAndReason(facts, local.copy),
    ...(facts.cause === 'no-answer' || reason === '' ? [] : section(suspension.reasonHeading[facts.cause], reason)),
    ...section(suspension.meanwhile, suspension.meanwhileText),
    ...askBlocks(facts, local.copy),
    paragraph(suspension.reminders),
  ]);
}

export function renderInstructionDecision(facts: InstructionDecisionFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const decision = local.copy.decision;
  const note = facts.note?.trim() ?? '';
  return instructionEmail(local, facts, decision.subject(facts.instructionId), [
    paragraph(
      decision.intro(facts.customerName, local.at(facts.suspendedAt ?? facts.flaggedAt), facts.instructionId, local.at(facts.decidedAt)),
    ),
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
  return instructionEmail(local, facts, reminder.subject(facts.instructionId, facts.reminderNumber), [
    paragraph(
      reminder.intro(facts.customerName, local.at(facts.suspendedAt ?? facts.flaggedAt), facts.instructionId, facts.reminderNumber),
    ),
    suspensionTable(facts, local, { label: reminder.meanwhile, value: reminder.decision[facts.decision ?? 'none'] }),
    ...instructionAndReason(facts, local.copy),
    ...askBlocks(facts, local.copy),
  ]);
}

/** 3.2: a revision that still infringes the law is answered with the reason; the instruction is not carried out. */
export function renderInstructionRevisionRejected(facts: InstructionRevisionRejectedFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const rejected = local.copy.revisionRejected;
  return instructionEmail(local, facts, rejected.subject(facts.instructionId), [
    paragraph(rejected.intro(facts.customerName, local.at(facts.receivedAt), facts.instructionId)),
    suspensionTable(facts, local),
    ...section(rejected.revisionHeading, facts.revision.trim()),
    ...section(rejected.whyHeading, facts.rejectionReason.trim()),
    paragraph(facts.answerStillDueBy === undefined ? rejected.next.suspended : rejected.next.flagged(local.at(facts.answerStillDueBy))),
    ...askBlocks(facts, local.copy),
  ]);
}

/** Resumed after a suspension, or carried out when the answer came before any (3.2). */
export function renderInstructionResumed(facts: InstructionResumedFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const resumed = local.copy.resumed;
  const words =
    facts.suspendedAt === undefined ? resumed.carriedOut : { subject: resumed.subject, intro: resumed.intro, at: resumed.resumedAt };
  return instructionEmail(local, facts, words.subject[facts.resolution](facts.instructionId), [
    paragraph(words.intro[facts.resolution](facts.customerName, local.at(facts.resumedAt), facts.instructionId)),
    suspensionTable(facts, local, { label: words.at, value: local.at(facts.resumedAt) }),
    ...section(resumed.textHeading[facts.resolution], facts.text.trim(), resumed.after[facts.resolution]),
    paragraph(local.copy.questions(facts.contact.email, facts.instructionId)),
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
      ...optionalRow('Flagged on', facts.flaggedAt, alertInstant),
      ...optionalRow('Suspended since', facts.suspendedAt, alertInstant),
      { label: 'Decision in force', value: facts.decision === undefined ? 'none recorded' : decisionLabel[facts.decision] },
    ],
    workflowId: `instruction-${facts.instructionId}`,
  });
}

/** 3.4: the customer cannot meet its obligations; English and ids only, its words stay in the records. */
export function renderCannotComplyAlert(facts: CannotComplyAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail(cannotComplyAlert, facts, {
    label: 'Notice',
    noun: 'notice',
    id: facts.noticeId,
    customerId: facts.customerId,
    rows: [{ label: 'Received', value: alertInstant(facts.receivedAt) }],
    workflowId: `cannot-comply-${facts.noticeId}`,
  });
}
