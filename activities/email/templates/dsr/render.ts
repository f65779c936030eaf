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
import { formatInstant } from '../../format';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import { renderCustomerEmail } from '../common/customer-email';
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

/** Formatting bound to one email's language and the customer's time zone. */
function formatter(language: Language, timeZone: string) {
  return { copy: copies[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

function caseRows(facts: DsrCaseFacts, language: Language): Array<{ label: string; value: string }> {
  const f = formatter(language, facts.timeZone);
  return [
    { label: f.copy.reference, value: facts.requestId },
    { label: f.copy.requestType, value: f.copy.requestTypes[facts.requestType] },
    { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
    { label: f.copy.deadline, value: f.at(facts.deadlineAt) },
  ];
}

function instructionList(language: Language): EmailBlock {
  return { kind: 'list', items: instructionOrder.map((instruction) => copies[language].instructions[instruction]) };
}

/** The notice to every contact of the customer, sent as soon as the request is reported (10.2). */
export function renderDsrNotice(facts: DsrNoticeFacts, language: Language): RenderedEmail {
  const copy = copies[language].notice;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    { kind: 'facts', rows: caseRows(facts, language) },
    { kind: 'heading', text: copy.toldSubject },
    { kind: 'paragraph', text: facts.subjectWillBeConfirmed ? copy.subjectConfirmed(facts.customerName) : copy.subjectNoAddress },
    { kind: 'heading', text: copy.instructionHeading },
    { kind: 'paragraph', text: copy.instructionIntro },
    instructionList(language),
    { kind: 'paragraph', text: copy.instructionOther(facts.contactEmail) },
    { kind: 'heading', text: copy.deadlineHeading },
    { kind: 'paragraph', text: copy.deadlineText(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: copy.extensionText },
    { kind: 'paragraph', text: copy.reminders },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.requestId), blocks, f.copy.confidential);
}

export function renderDsrReminder(facts: DsrCaseFacts, language: Language): RenderedEmail {
  const copy = copies[language].reminder;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.receivedAt)) },
    { kind: 'facts', rows: caseRows(facts, language) },
    { kind: 'paragraph', text: copy.deadlineText(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: copy.choose },
    instructionList(language),
    { kind: 'paragraph', text: copy.alreadyHandled },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.requestId), blocks, f.copy.confidential);
}

export function renderDsrExtension(facts: DsrExtensionFacts, language: Language): RenderedEmail {
  const copy = copies[language].extension;
  const f = formatter(language, facts.timeZone);
  const reason = facts.reason?.trim() ?? '';
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(f.copy.months(facts.extraMonths), f.copy.months(facts.extensionMonths)) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.requestType, value: f.copy.requestTypes[facts.requestType] },
        { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
        { label: copy.originalDeadline, value: f.at(facts.originalDeadlineAt) },
        { label: copy.newDeadline, value: f.at(facts.deadlineAt) },
        ...(reason === '' ? [] : [{ label: copy.reason, value: reason }]),
      ],
    },
    { kind: 'paragraph', text: copy.tellSubject },
    { kind: 'paragraph', text: copy.stillAwaited },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.requestId), blocks, f.copy.confidential);
}

export function renderDsrClosure(facts: DsrClosureFacts, language: Language): RenderedEmail {
  const copy = copies[language].closure;
  const f = formatter(language, facts.timeZone);
  const outcome = facts.outcome;
  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text: outcome.kind === 'carried-out' ? copy.carriedOut[outcome.action](f.at(outcome.completedAt)) : copy.handledByCustomer,
    },
    { kind: 'facts', rows: [...caseRows(facts, language), { label: copy.closedAt, value: f.at(facts.closedAt) }] },
    { kind: 'paragraph', text: copy.yours(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.requestId), blocks, f.copy.confidential);
}

export function renderDsrSubjectConfirmation(facts: DsrSubjectConfirmationFacts, language: Language): RenderedEmail {
  const copy = copies[language].subjectConfirmation;
  // 10.2: the confirmation and nothing else, so no reference, no note.
  return renderCustomerEmail(language, copy.subject(facts.customerName), [{ kind: 'paragraph', text: copy.body(facts.customerName) }]);
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderDsrPrivacyTeamAlert(facts: DsrPrivacyTeamAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail({
    copy: alert,
    kind: facts.kind,
    rows: [
      { label: 'Request', value: facts.requestId },
      { label: 'Customer id', value: facts.customerId },
      ...(facts.dueAt === undefined ? [] : [{ label: 'Deadline', value: alertInstant(facts.dueAt) }]),
    ],
    workflowId: `dsr-${facts.requestId}`,
    about: `data subject request ${facts.requestId}, customer ${facts.customerId}`,
    detail: facts.detail,
  });
}
