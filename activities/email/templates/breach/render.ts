/**
 * Emails of the breach process ("Datalek", policy 8.1–8.2; GDPR Art. 33(2)–(5)): the notice to each
 * affected customer (the controller), reminders until it acknowledges receipt, follow-ups in phases,
 * the final report, and internal alerts to the processor's privacy team.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure: same
 * facts, same email.
 */
import { workflowIds } from '../../../../domain/ids';
import type { Language } from '../../../../domain/language';
import { formatCount, formatInstant, formatList } from '../../format';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import { renderCustomerEmail } from '../common/customer-email';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { BreachCopy } from './copy';
import { en } from './en';
import type { BreachFinalReportFacts, BreachNoticeFacts, BreachReminderFacts, BreachUpdateFacts, PrivacyTeamAlertFacts } from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, BreachCopy>> = { nl, fr, en };

/** Formatting bound to one email's language and the customer's time zone. */
function formatter(language: Language, timeZone: string) {
  const copy = copies[language];
  return {
    copy,
    at: (instantIso: string) => formatInstant(instantIso, language, timeZone),
    count: (count: number | undefined) => (isKnownCount(count) ? copy.approximately(formatCount(count, language)) : copy.notYetKnown),
    list: (items: readonly string[] | undefined) => {
      const present = cleanItems(items);
      return present.length > 0 ? formatList(present, language) : copy.notYetKnown;
    },
  };
}

function isKnownCount(count: number | undefined): count is number {
  return count !== undefined && Number.isFinite(count) && count >= 0;
}

/** Drops empty entries, so that a stray "" never renders as an empty bullet. */
function cleanItems(items: readonly string[] | undefined): string[] {
  return (items ?? []).map((item) => item.trim()).filter((item) => item !== '');
}

/** The initial notice to one affected customer (policy 8.1–8.2; GDPR Art. 33(2), 33(3), 33(4)). */
export function renderBreachNotice(facts: BreachNoticeFacts, language: Language): RenderedEmail {
  const copy = copies[language].notice;
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);
  const subjectCategories = cleanItems(facts.subjectCategories);
  const consequences = facts.likelyConsequences?.trim() ?? '';
  const somethingUnknown =
    cleanItems(facts.dataCategories).length === 0 ||
    subjectCategories.length === 0 ||
    !isKnownCount(facts.subjectsApprox) ||
    !isKnownCount(facts.recordsApprox);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.awareAt, value: f.at(facts.awareAt) },
        { label: copy.sentAt, value: f.at(facts.noticeSentAt) },
        ...(facts.contractualDeadlineAt === undefined
          ? []
          : [{ label: copy.contractualDeadline, value: f.at(facts.contractualDeadlineAt) }]),
      ],
    },

    { kind: 'heading', text: copy.nature },
    { kind: 'paragraph', text: facts.summary.trim() },
    {
      kind: 'facts',
      rows: [
        { label: copy.dataCategories, value: f.list(facts.dataCategories) },
        { label: copy.subjectCategories, value: f.list(subjectCategories) },
        { label: copy.subjectsApprox, value: f.count(facts.subjectsApprox) },
        { label: copy.recordsApprox, value: f.count(facts.recordsApprox) },
      ],
    },
    ...(somethingUnknown ? [{ kind: 'paragraph', text: copy.followsWhenKnown } as const] : []),

    { kind: 'heading', text: copy.contact },
    { kind: 'paragraph', text: copy.contactText(facts.contactEmail, facts.incidentId) },

    { kind: 'heading', text: copy.consequences },
    { kind: 'paragraph', text: consequences === '' ? copy.consequencesPending : consequences },

    { kind: 'heading', text: copy.measures },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: copy.measuresIntro } as const, { kind: 'list', items: measures } as const]
      : [{ kind: 'paragraph', text: copy.measuresPending } as const]),
    { kind: 'paragraph', text: copy.measuresOngoing },

    { kind: 'heading', text: copy.clock },
    { kind: 'paragraph', text: copy.clockText(f.at(facts.noticeSentAt), f.at(facts.controllerDeadlineAt)) },
    { kind: 'paragraph', text: copy.clockGuidance },

    { kind: 'heading', text: copy.phases },
    { kind: 'paragraph', text: copy.phasesText(facts.incidentId) },

    { kind: 'heading', text: copy.acknowledge },
    { kind: 'paragraph', text: copy.acknowledgeText(facts.contactEmail) },
    ...acknowledgeAction(facts.acknowledgeUrl, copy.acknowledgeLink),
    { kind: 'paragraph', text: copy.wrongRecipient },
  ];
  return renderCustomerEmail(language, copy.subject(facts.incidentId), blocks, f.copy.confidential);
}

function acknowledgeAction(url: string | undefined, label: string): EmailBlock[] {
  return url === undefined || url.trim() === '' ? [] : [{ kind: 'action', label, url: url.trim() }];
}

/** A reminder that the notice has not been acknowledged yet; repeats its key facts briefly. */
export function renderBreachReminder(facts: BreachReminderFacts, language: Language): RenderedEmail {
  const copy = copies[language].reminder;
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);
  const sentAt = f.at(facts.noticeSentAt);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, sentAt, facts.incidentId, facts.reminderNumber) },
    ...acknowledgeAction(facts.acknowledgeUrl, copy.acknowledgeLink),
    { kind: 'heading', text: copy.keyFacts },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.awareAt, value: f.at(facts.awareAt) },
        { label: copy.nature, value: facts.summary.trim() },
        { label: copy.dataCategories, value: f.list(facts.dataCategories) },
        { label: copy.subjectsApprox, value: f.count(facts.subjectsApprox) },
      ],
    },
    ...(measures.length > 0 ? [{ kind: 'paragraph', text: copy.measures } as const, { kind: 'list', items: measures } as const] : []),
    { kind: 'paragraph', text: copy.clockText(sentAt, f.at(facts.controllerDeadlineAt)) },
    { kind: 'paragraph', text: copy.request(facts.contactEmail) },
    { kind: 'paragraph', text: copy.notReceived },
  ];
  return renderCustomerEmail(language, copy.subject(facts.incidentId, facts.reminderNumber), blocks, f.copy.confidential);
}

/** The measures under their heading: the list after its intro, or what stands in for an empty one. */
function measuresSection(heading: string, items: readonly string[], intro: string, none: string): EmailBlock[] {
  const measures = cleanItems(items);
  return [
    { kind: 'heading', text: heading },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: intro } as const, { kind: 'list', items: measures } as const]
      : [{ kind: 'paragraph', text: none } as const]),
  ];
}

/** A follow-up with information that was not available at the time of the notice (GDPR Art. 33(4)). */
export function renderBreachUpdate(facts: BreachUpdateFacts, language: Language): RenderedEmail {
  const copy = copies[language].update;
  const f = formatter(language, facts.timeZone);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, facts.incidentId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.sentAt, value: f.at(facts.sentAt) },
        ...(facts.contained === undefined ? [] : [{ label: copy.status, value: facts.contained ? copy.contained : copy.notContained }]),
      ],
    },
    { kind: 'heading', text: copy.update },
    { kind: 'paragraph', text: facts.update.trim() },
    ...measuresSection(copy.measures, facts.measures, copy.measuresIntro, copy.noNewMeasures),
    { kind: 'paragraph', text: copy.next(facts.contained) },
    { kind: 'paragraph', text: copy.use(facts.contactEmail, facts.incidentId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.incidentId), blocks, f.copy.confidential);
}

/** The final report sent to every affected customer when the incident is closed. */
export function renderBreachFinalReport(facts: BreachFinalReportFacts, language: Language): RenderedEmail {
  const copy = copies[language].finalReport;
  const f = formatter(language, facts.timeZone);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, facts.incidentId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.closedAt, value: f.at(facts.closedAt) },
      ],
    },
    { kind: 'heading', text: copy.report },
    { kind: 'paragraph', text: facts.finalReport.trim() },
    ...measuresSection(copy.measures, facts.measures, copy.measuresIntro, copy.measuresInReport),
    { kind: 'paragraph', text: copy.keep },
    { kind: 'paragraph', text: copy.questions(facts.contactEmail, facts.incidentId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.incidentId), blocks, f.copy.confidential);
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderPrivacyTeamAlert(facts: PrivacyTeamAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail({
    copy: alert,
    kind: facts.kind,
    rows: [
      { label: 'Incident', value: facts.incidentId },
      ...(facts.customerId === undefined ? [] : [{ label: 'Customer id', value: facts.customerId }]),
      ...(facts.dueAt === undefined ? [] : [{ label: 'Due at', value: alertInstant(facts.dueAt) }]),
    ],
    workflowId:
      facts.customerId === undefined ? workflowIds.breach(facts.incidentId) : workflowIds.breachNotice(facts.incidentId, facts.customerId),
    about: `incident ${facts.incidentId}${facts.customerId === undefined ? '' : `, customer ${facts.customerId}`}`,
    detail: facts.detail,
  });
}
