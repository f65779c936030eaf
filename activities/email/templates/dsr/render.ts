/**
 * Emails of the data subject request process (policy 8.1, 10.1–10.2; GDPR Art. 12(3), 28(3)(e)): the
 * immediate notice to the customer (the controller), reminders while its written instruction is
 * awaited, the confirmation of an extension and of the closure, the one confirmation the data subject
 * may receive (10.2), and internal alerts to the processor's privacy team.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure: same
 * facts, same email. The subject's email address is never part of any email's content.
 */
import type { DsrInstruction } from '../../../../domain/dsr';
import type { Language } from '../../../../domain/language';
import { factsTable, list, optionalRow, paragraph, paragraphs, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised, type Localised } from '../common/localised';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { DsrCopy } from './copy';
import { en } from './en';
import type {
  DsrCaseFacts,
  DsrClosureFacts,
  DsrExtensionFacts,
  DsrNoticeFacts,
  DsrPrivacyTeamAlertFacts,
  DsrSubjectConfirmationFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, DsrCopy>> = { nl, fr, en };

const instructionOrder: readonly DsrInstruction[] = ['respond', 'rectify', 'erase', 'restrict', 'handled-by-customer'];

/** The emails to the customer about its request, by their passage in the copy. */
type RequestEmail = 'notice' | 'reminder' | 'extension' | 'closure';

/**
 * An email to the customer about the request: its title between the marker and the reference, the body
 * that `compose` writes from the email's own passage, then where to ask questions, and the note that
 * the email concerns a data subject.
 */
function requestEmail<Email extends RequestEmail>(
  facts: DsrCaseFacts,
  language: Language,
  email: Email,
  compose: (passage: DsrCopy[Email], local: Localised<DsrCopy>) => EmailBlock[],
): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const { copy } = local;
  return renderCustomerEmail(
    language,
    `${copy.marker} ${copy[email].subject} – ${copy.subjectReference(facts.requestId)}`,
    [...compose(copy[email], local), paragraph(copy.questions(facts.contact.email, facts.requestId))],
    { contact: facts.contact, confidential: copy.confidential },
  );
}

/** The request itself: its reference, its type and when it reached us. */
function requestRows(facts: DsrCaseFacts, { copy, at }: Localised<DsrCopy>): FactRow[] {
  return [
    { label: copy.reference, value: facts.requestId },
    { label: copy.requestType, value: copy.requestTypes[facts.requestType] },
    { label: copy.receivedAt, value: at(facts.receivedAt) },
  ];
}

/** The request and the customer's deadline as it stands. */
function caseRows(facts: DsrCaseFacts, local: Localised<DsrCopy>): FactRow[] {
  return [...requestRows(facts, local), { label: local.copy.deadline, value: local.at(facts.deadlineAt) }];
}

function instructionList(copy: DsrCopy): EmailBlock {
  return list(instructionOrder.map((instruction) => copy.instructions[instruction]));
}

/** The notice to every contact of the customer, sent as soon as the request is reported (10.2). */
export function renderDsrNotice(facts: DsrNoticeFacts, language: Language): RenderedEmail {
  return requestEmail(facts, language, 'notice', (notice, local) => [
    paragraph(notice.intro(facts.customerName)),
    factsTable(caseRows(facts, local)),
    ...section(notice.toldSubject, facts.subjectWillBeConfirmed ? notice.subjectConfirmed(facts.customerName) : notice.subjectNoAddress),
    ...section(notice.instructionHeading, notice.instructionIntro),
    instructionList(local.copy),
    paragraph(notice.instructionOther(facts.contact.email)),
    ...section(notice.deadlineHeading, notice.deadlineText(local.at(facts.deadlineAt)), notice.extensionText, notice.reminders),
  ]);
}

export function renderDsrReminder(facts: DsrCaseFacts, language: Language): RenderedEmail {
  return requestEmail(facts, language, 'reminder', (reminder, local) => [
    paragraph(reminder.intro(facts.customerName, local.at(facts.receivedAt))),
    factsTable(caseRows(facts, local)),
    ...paragraphs(reminder.deadlineText(local.at(facts.deadlineAt)), reminder.choose),
    instructionList(local.copy),
    paragraph(reminder.alreadyHandled),
  ]);
}

export function renderDsrExtension(facts: DsrExtensionFacts, language: Language): RenderedEmail {
  const reason = facts.reason?.trim() ?? '';
  return requestEmail(facts, language, 'extension', (extension, local) => [
    paragraph(extension.intro(local.copy.months(facts.extraMonths), local.copy.months(facts.extensionMonths))),
    factsTable([
      ...requestRows(facts, local),
      { label: extension.originalDeadline, value: local.at(facts.originalDeadlineAt) },
      { label: extension.newDeadline, value: local.at(facts.deadlineAt) },
      ...(reason === '' ? [] : [{ label: extension.reason, value: reason }]),
    ]),
    ...paragraphs(extension.tellSubject, extension.stillAwaited),
  ]);
}

export function renderDsrClosure(facts: DsrClosureFacts, language: Language): RenderedEmail {
  const { outcome } = facts;
  return requestEmail(facts, language, 'closure', (closure, local) => [
    paragraph(
      outcome.kind === 'carried-out' ? closure.carriedOut[outcome.action](local.at(outcome.completedAt)) : closure.handledByCustomer,
    ),
    factsTable([...caseRows(facts, local), { label: closure.closedAt, value: local.at(facts.closedAt) }]),
    paragraph(closure.yours(local.at(facts.deadlineAt))),
  ]);
}

export function renderDsrSubjectConfirmation(facts: DsrSubjectConfirmationFacts, language: Language): RenderedEmail {
  const copy = copies[language].subjectConfirmation;
  // 10.2: the confirmation and nothing else, so no marker, no reference, no note.
  return renderCustomerEmail(language, copy.subject(facts.customerName), [paragraph(copy.body(facts.customerName))], {
    contact: undefined,
  });
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderDsrPrivacyTeamAlert(facts: DsrPrivacyTeamAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Request',
    noun: 'data subject request',
    id: facts.requestId,
    customerId: facts.customerId,
    rows: optionalRow('Deadline', facts.dueAt, alertInstant),
    workflowId: `dsr-${facts.requestId}`,
  });
}
