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
import { formatInstant } from '../../format';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import { renderCustomerEmail } from '../common/customer-email';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert, decisionLabel } from './alert';
import type { InstructionCopy } from './copy';
import { en } from './en';
import type {
  InstructionAlertFacts,
  InstructionDecisionFacts,
  InstructionNoticeFacts,
  InstructionReminderFacts,
  InstructionResumedFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, InstructionCopy>> = { nl, fr, en };

function formatter(language: Language, timeZone: string) {
  return { copy: copies[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

function askBlocks(copy: InstructionCopy, email: string, instructionId: string): EmailBlock[] {
  return [
    { kind: 'heading', text: copy.whatWeAsk },
    { kind: 'list', items: copy.options },
    { kind: 'paragraph', text: copy.howToAnswer(email, instructionId) },
  ];
}

export function renderInstructionNotice(facts: InstructionNoticeFacts, language: Language): RenderedEmail {
  const copy = copies[language].notice;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
      ],
    },
    { kind: 'heading', text: f.copy.theInstruction },
    { kind: 'paragraph', text: facts.instruction.trim() },
    { kind: 'heading', text: f.copy.why },
    { kind: 'paragraph', text: facts.reason.trim() },
    { kind: 'heading', text: copy.suspension },
    { kind: 'paragraph', text: copy.suspensionText(f.at(facts.flaggedAt)) },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
    { kind: 'paragraph', text: copy.reminders },
  ];
  return renderCustomerEmail(language, copy.subject(facts.instructionId), blocks, f.copy.confidential);
}

export function renderInstructionDecision(facts: InstructionDecisionFacts, language: Language): RenderedEmail {
  const copy = copies[language].decision;
  const f = formatter(language, facts.timeZone);
  const note = facts.note?.trim() ?? '';
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.flaggedAt), facts.instructionId, f.at(facts.decidedAt)) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.decidedAt, value: f.at(facts.decidedAt) },
      ],
    },
    { kind: 'heading', text: copy.heading[facts.decision] },
    { kind: 'paragraph', text: copy.text[facts.decision] },
    ...(note === '' ? [] : [{ kind: 'heading', text: copy.note } as const, { kind: 'paragraph', text: note } as const]),
    { kind: 'paragraph', text: copy.validity },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
  ];
  return renderCustomerEmail(language, copy.subject(facts.instructionId), blocks, f.copy.confidential);
}

export function renderInstructionReminder(facts: InstructionReminderFacts, language: Language): RenderedEmail {
  const copy = copies[language].reminder;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.flaggedAt), facts.instructionId, facts.reminderNumber) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.meanwhile, value: copy.decision[facts.decision ?? 'none'] },
      ],
    },
    { kind: 'heading', text: f.copy.theInstruction },
    { kind: 'paragraph', text: facts.instruction.trim() },
    { kind: 'heading', text: f.copy.why },
    { kind: 'paragraph', text: facts.reason.trim() },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
  ];
  return renderCustomerEmail(language, copy.subject(facts.instructionId, facts.reminderNumber), blocks, f.copy.confidential);
}

export function renderInstructionResumed(facts: InstructionResumedFacts, language: Language): RenderedEmail {
  const copy = copies[language].resumed;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro[facts.resolution](facts.customerName, f.at(facts.resumedAt), facts.instructionId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.resumedAt, value: f.at(facts.resumedAt) },
      ],
    },
    { kind: 'heading', text: copy.textHeading[facts.resolution] },
    { kind: 'paragraph', text: facts.text.trim() },
    { kind: 'paragraph', text: copy.after[facts.resolution] },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.instructionId) },
  ];
  return renderCustomerEmail(language, copy.subject[facts.resolution](facts.instructionId), blocks, f.copy.confidential);
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderInstructionAlert(facts: InstructionAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail({
    copy: alert,
    kind: facts.kind,
    rows: [
      { label: 'Instruction', value: facts.instructionId },
      { label: 'Customer id', value: facts.customerId },
      ...(facts.flaggedAt === undefined ? [] : [{ label: 'Suspended since', value: alertInstant(facts.flaggedAt) }]),
      { label: 'Decision in force', value: facts.decision === undefined ? 'none recorded' : decisionLabel[facts.decision] },
    ],
    workflowId: `instruction-${facts.instructionId}`,
    about: `instruction ${facts.instructionId}, customer ${facts.customerId}`,
    detail: facts.detail,
  });
}
