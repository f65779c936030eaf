/**
 * Emails of the audit process (policy 12.1-12.4): the request for another date when the proposed one is
 * too early (12.2), the invitation with its calendar event, a new date, a cancellation, the reminders
 * before the date, the customer's reminder that its auditors must be bound to confidentiality (12.3),
 * the findings and the cost allocation (12.4), and the privacy team's alerts.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure.
 */
import type { ContactPoint } from '../../../../domain/contact-point';
import type { Language } from '../../../../domain/language';
import { factsTable, optionalRow, paragraph, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { CalendarPart, EmailBlock, RenderedEmail } from '../rendered-email';
import { alert, type AuditPrivacyTeamAlertKind } from './alert';
import type { AuditCopy } from './copy';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export const auditCopies: Readonly<Record<Language, AuditCopy>> = { nl, fr, en };

/** What every email about one audit shows. */
export type AuditCaseFacts = {
  customerName: string;
  auditId: string;
  /** Our contact point for data protection: named, with its email and telephone. */
  contact: ContactPoint;
};

type AuditEmail = 'tooEarly' | 'invitation' | 'cancellation' | 'reminder' | 'confidentialityReminder' | 'outcome';

function auditEmail(
  facts: AuditCaseFacts,
  language: Language,
  email: AuditEmail,
  compose: (copy: AuditCopy) => EmailBlock[],
  options: { subject?: (copy: AuditCopy) => string; calendar?: CalendarPart } = {},
): RenderedEmail {
  const copy = auditCopies[language];
  const title = options.subject?.(copy) ?? copy[email].subject;
  const rendered = renderCustomerEmail(
    language,
    `${copy.marker} ${title} – ${copy.subjectReference(facts.auditId)}`,
    [...compose(copy), paragraph(copy.questions(facts.contact.email, facts.auditId))],
    { contact: facts.contact, confidential: copy.confidential },
  );
  return options.calendar ? { ...rendered, calendar: options.calendar } : rendered;
}

function auditRows(copy: AuditCopy, auditId: string, date: string | undefined, auditor?: string, scope?: string): FactRow[] {
  return [
    { label: copy.reference, value: auditId },
    ...optionalRow(copy.date, date, copy.formatDate),
    ...optionalRow(copy.auditor, auditor),
    ...optionalRow(copy.scope, scope),
  ];
}

/** 12.2: the proposed date is too early; the earliest date, and a request for another. */
export function renderAuditTooEarly(facts: AuditCaseFacts & { proposedDate: string; earliestDate: string }, language: Language) {
  return auditEmail(facts, language, 'tooEarly', (copy) => [
    paragraph(copy.tooEarly.intro(facts.customerName, copy.formatDate(facts.proposedDate))),
    paragraph(copy.tooEarly.rule(copy.formatDate(facts.earliestDate))),
    factsTable([...auditRows(copy, facts.auditId, undefined), { label: copy.earliestDate, value: copy.formatDate(facts.earliestDate) }]),
    paragraph(copy.tooEarly.askAnother),
  ]);
}

/** The invitation, or a new date: with the calendar event (METHOD:REQUEST). */
export function renderAuditInvitation(
  facts: AuditCaseFacts & {
    date: string;
    previousDate?: string;
    auditor?: string;
    scope?: string;
    calendar: CalendarPart;
    withDocuments?: boolean;
  },
  language: Language,
) {
  return auditEmail(
    facts,
    language,
    'invitation',
    (copy) => [
      paragraph(
        facts.previousDate === undefined
          ? copy.invitation.intro(facts.customerName, copy.formatDate(facts.date))
          : copy.invitation.moved(copy.formatDate(facts.previousDate), copy.formatDate(facts.date)),
      ),
      factsTable(auditRows(copy, facts.auditId, facts.date, facts.auditor, facts.scope)),
      paragraph(copy.invitation.calendar),
      ...(facts.withDocuments ? [paragraph(copy.invitation.documents)] : []),
      paragraph(copy.invitation.confidentiality),
      paragraph(copy.invitation.noDelay),
      paragraph(copy.invitation.costs),
    ],
    {
      subject: (copy) => (facts.previousDate === undefined ? copy.invitation.subject : copy.invitation.movedSubject),
      calendar: facts.calendar,
    },
  );
}

/** The audit called off: the calendar event withdrawn (METHOD:CANCEL). */
export function renderAuditCancellation(facts: AuditCaseFacts & { date: string; calendar: CalendarPart }, language: Language) {
  return auditEmail(
    facts,
    language,
    'cancellation',
    (copy) => [
      paragraph(copy.cancellation.intro(copy.formatDate(facts.date))),
      factsTable(auditRows(copy, facts.auditId, facts.date)),
      paragraph(copy.cancellation.calendar),
    ],
    { calendar: facts.calendar },
  );
}

/** Everyone invited, before the date. */
export function renderAuditReminder(
  facts: AuditCaseFacts & { date: string; confidentialityMissing: boolean; scope?: string },
  language: Language,
) {
  return auditEmail(facts, language, 'reminder', (copy) => [
    paragraph(copy.reminder.intro(copy.formatDate(facts.date))),
    factsTable(auditRows(copy, facts.auditId, facts.date, undefined, facts.scope)),
    ...(facts.confidentialityMissing ? [paragraph(copy.reminder.confidentialityMissing)] : []),
  ]);
}

/** 12.3: the customer, while its auditors are not confirmed bound. */
export function renderAuditConfidentialityReminder(facts: AuditCaseFacts & { date: string }, language: Language) {
  return auditEmail(facts, language, 'confidentialityReminder', (copy) => [
    paragraph(copy.confidentialityReminder.intro(facts.customerName, copy.formatDate(facts.date))),
    factsTable(auditRows(copy, facts.auditId, facts.date)),
    paragraph(copy.confidentialityReminder.howToConfirm),
  ]);
}

/** 12.4: the findings and who bears the costs. */
export function renderAuditOutcome(
  facts: AuditCaseFacts & {
    date: string;
    summary: string;
    seriousIncidentFound: boolean;
    policyBreachFound: boolean;
    processorCostShare: number;
  },
  language: Language,
) {
  const processorPercent = Math.round(facts.processorCostShare * 1000) / 10;
  return auditEmail(facts, language, 'outcome', (copy) => [
    paragraph(copy.outcome.intro(facts.customerName, copy.formatDate(facts.date))),
    factsTable([
      ...auditRows(copy, facts.auditId, facts.date),
      { label: copy.outcome.seriousIncident, value: facts.seriousIncidentFound ? copy.outcome.yes : copy.outcome.no },
      { label: copy.outcome.policyBreach, value: facts.policyBreachFound ? copy.outcome.yes : copy.outcome.no },
    ]),
    ...section(copy.outcome.summary, facts.summary),
    ...section(
      copy.outcome.costsHeading,
      copy.outcome.costs(processorPercent, Math.round((100 - processorPercent) * 10) / 10),
      copy.outcome.costsRule,
    ),
  ]);
}

export type AuditPrivacyTeamAlertFacts = {
  kind: AuditPrivacyTeamAlertKind;
  auditId: string;
  customerId: string;
  detail: string;
  /** The audit date, when one is fixed. */
  date?: string;
};

export function renderAuditPrivacyTeamAlert(facts: AuditPrivacyTeamAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Audit',
    noun: 'audit',
    id: facts.auditId,
    customerId: facts.customerId,
    rows: optionalRow('Audit date', facts.date),
    workflowId: `audit-${facts.auditId}`,
  });
}
