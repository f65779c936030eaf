import type { ContactPoint } from '../../../../domain/contact-point';
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
import { formatCount, formatList } from '../../format';
import { factsTable, heading, list, optionalRow, paragraph, paragraphs, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised, type Localised } from '../common/localised';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { BreachCopy, Containment, FinalReportCopy, UpdateCopy } from './copy';
import { en } from './en';
import type {
  BreachFinalReportFacts,
  BreachFollowUpFacts,
  BreachKnownFacts,
  BreachNoticeFacts,
  BreachReminderFacts,
  BreachUpdateFacts,
  PrivacyTeamAlertFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, BreachCopy>> = { nl, fr, en };

/** One email's words and clock, and how it shows a count or a list that is not known yet. */
function formatter(language: Language, timeZone: string) {
  const local = localised(copies, language, timeZone);
  const { copy } = local;
  return {
    ...local,
    count: (count: number | undefined, unknown = copy.notYetKnown) =>
      isKnownCount(count) ? copy.approximately(formatCount(count, language)) : unknown,
    list: (items: readonly string[] | undefined, unknown = copy.notYetKnown) => {
      const present = cleanItems(items);
      return present.length > 0 ? formatList(present, language) : unknown;
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

/** An email to the customer about the incident: the marker before the subject; confidential throughout. */
function incidentEmail(
  { language, copy }: Localised<BreachCopy>,
  { contact }: { contact: ContactPoint },
  subject: string,
  body: EmailBlock[],
): RenderedEmail {
  return renderCustomerEmail(language, `${copy.marker} ${subject}`, body, { contact, confidential: copy.confidential });
}

/** The incident's reference, then what the email says of it. */
function incidentTable(facts: { incidentId: string }, copy: BreachCopy, ...rows: FactRow[]): EmailBlock {
  return factsTable([{ label: copy.incident, value: facts.incidentId }, ...rows]);
}

function acknowledgeAction(url: string | undefined, label: string): EmailBlock[] {
  return url === undefined || url.trim() === '' ? [] : [{ kind: 'action', label, url: url.trim() }];
}

/** The measures under their heading: the list after its intro, or what stands in for an empty one. */
function measuresSection(title: string, items: readonly string[], intro: string, none: string): EmailBlock[] {
  const measures = cleanItems(items);
  return [heading(title), ...(measures.length > 0 ? [paragraph(intro), list(measures)] : [paragraph(none)])];
}

/** The initial notice to one affected customer (policy 8.1–8.2; GDPR Art. 33(2), 33(3), 33(4)). */
export function renderBreachNotice(facts: BreachNoticeFacts, language: Language): RenderedEmail {
  const f = formatter(language, facts.timeZone);
  const notice = f.copy.notice;
  const subjectCategories = cleanItems(facts.subjectCategories);
  const consequences = facts.likelyConsequences?.trim() ?? '';
  const somethingUnknown =
    cleanItems(facts.dataCategories).length === 0 ||
    subjectCategories.length === 0 ||
    !isKnownCount(facts.subjectsApprox) ||
    !isKnownCount(facts.recordsApprox);

  // 8.1: a breach reasonably suspected is notified as such, and said to be not yet established.
  const suspected = facts.suspected === true;
  return incidentEmail(f, facts, (suspected ? notice.suspected : notice).subject(facts.incidentId), [
    paragraph((suspected ? notice.suspected : notice).intro(facts.customerName)),
    ...(suspected ? [paragraph(notice.suspected.status)] : []),
    incidentTable(
      facts,
      f.copy,
      { label: notice.awareAt, value: f.at(facts.awareAt) },
      { label: notice.sentAt, value: f.at(facts.noticeSentAt) },
      ...optionalRow(notice.contractualDeadline, facts.contractualDeadlineAt, f.at),
    ),

    ...section(notice.nature, facts.summary.trim()),
    factsTable([
      { label: notice.dataCategories, value: f.list(facts.dataCategories) },
      { label: notice.subjectCategories, value: f.list(subjectCategories) },
      { label: notice.subjectsApprox, value: f.count(facts.subjectsApprox) },
      { label: notice.recordsApprox, value: f.count(facts.recordsApprox) },
    ]),
    ...(somethingUnknown ? [paragraph(notice.followsWhenKnown)] : []),

    ...section(notice.contact, notice.contactText(facts.contact.email, facts.incidentId)),
    ...section(notice.consequences, consequences === '' ? notice.consequencesPending : consequences),
    ...measuresSection(notice.measures, facts.measures, notice.measuresIntro, notice.measuresPending),
    paragraph(notice.measuresOngoing),
    ...section(notice.clock, notice.clockText(f.at(facts.noticeSentAt), f.at(facts.controllerDeadlineAt)), notice.clockGuidance),
    ...section(notice.phases, notice.phasesText(facts.incidentId)),
    ...section(notice.acknowledge, notice.acknowledgeText(facts.contact.email)),
    ...acknowledgeAction(facts.acknowledgeUrl, notice.acknowledgeLink),
    paragraph(notice.wrongRecipient),
  ]);
}

/** A reminder that the notice has not been acknowledged yet; repeats its key facts briefly. */
export function renderBreachReminder(facts: BreachReminderFacts, language: Language): RenderedEmail {
  const f = formatter(language, facts.timeZone);
  const reminder = f.copy.reminder;
  const measures = cleanItems(facts.measures);
  const sentAt = f.at(facts.noticeSentAt);

  return incidentEmail(f, facts, reminder.subject(facts.incidentId, facts.reminderNumber), [
    paragraph(reminder.intro(facts.customerName, sentAt, facts.incidentId, facts.reminderNumber)),
    ...(facts.suspected === true ? [paragraph(reminder.suspected)] : []),
    ...acknowledgeAction(facts.acknowledgeUrl, reminder.acknowledgeLink),
    heading(reminder.keyFacts),
    incidentTable(
      facts,
      f.copy,
      { label: reminder.awareAt, value: f.at(facts.awareAt) },
      { label: reminder.nature, value: facts.summary.trim() },
      { label: reminder.dataCategories, value: f.list(facts.dataCategories) },
      { label: reminder.subjectsApprox, value: f.count(facts.subjectsApprox) },
    ),
    ...(measures.length > 0 ? [paragraph(reminder.measures), list(measures)] : []),
    ...paragraphs(
      reminder.clockText(sentAt, f.at(facts.controllerDeadlineAt)),
      reminder.request(facts.contact.email),
      reminder.notReceived,
    ),
  ]);
}

/** What an update and the final report each say, in the structure they share. */
type FollowUp = {
  /** After the incident's reference: when the follow-up was sent, or the incident closed, and the like. */
  rows: FactRow[];
  /** The news: the update or the report, under its heading. */
  news: EmailBlock[];
  /** What stands in for an empty list of measures. */
  noMeasures: string;
  closing: string[];
  /** In place of the passage's own subject (an update that assesses a suspected breach). */
  subject?: string;
};

/** A follow-up to the notice: the intro, the incident, the news, the measures so far, and the closing. */
function renderFollowUp(
  facts: BreachFollowUpFacts,
  local: Localised<BreachCopy>,
  passage: UpdateCopy | FinalReportCopy,
  followUp: FollowUp,
): RenderedEmail {
  return incidentEmail(local, facts, followUp.subject ?? passage.subject(facts.incidentId), [
    paragraph(passage.intro(facts.customerName, facts.incidentId)),
    incidentTable(facts, local.copy, ...followUp.rows),
    ...followUp.news,
    ...measuresSection(passage.measures, facts.measures, passage.measuresIntro, followUp.noMeasures),
    ...paragraphs(...followUp.closing),
  ]);
}

function containment(contained: boolean | undefined): Containment {
  return contained === true ? 'contained' : contained === false ? 'notContained' : 'unknown';
}

/**
 * Art. 33(3)(a), (c) and 33(4): what is known of the breach with this update, each fact given or said
 * plainly to be not known yet.
 */
function knownFacts(f: ReturnType<typeof formatter>, known: BreachKnownFacts): EmailBlock[] {
  const { notice, update } = f.copy;
  const consequences = known.likelyConsequences?.trim() ?? '';
  return [
    heading(update.known),
    factsTable([
      { label: notice.dataCategories, value: f.list(known.dataCategories, update.notKnownYet) },
      { label: notice.subjectCategories, value: f.list(known.subjectCategories, update.notKnownYet) },
      { label: notice.subjectsApprox, value: f.count(known.subjectsApprox, update.notKnownYet) },
      { label: notice.recordsApprox, value: f.count(known.recordsApprox, update.notKnownYet) },
      { label: update.consequences, value: consequences === '' ? update.notKnownYet : consequences },
    ]),
  ];
}

/** A follow-up with information that was not available at the time of the notice (GDPR Art. 33(4)). */
export function renderBreachUpdate(facts: BreachUpdateFacts, language: Language): RenderedEmail {
  const local = formatter(language, facts.timeZone);
  const update = local.copy.update;
  const assessed = facts.assessment && update.assessed[facts.assessment];
  return renderFollowUp(facts, local, update, {
    rows: [
      { label: update.sentAt, value: local.at(facts.sentAt) },
      ...optionalRow(update.status, facts.contained, (contained) => (contained ? update.contained : update.notContained)),
    ],
    // 8.1: an update that confirms or rules out a suspected breach says which, first and in its subject.
    ...(assessed && { subject: assessed.subject(facts.incidentId) }),
    news: [
      ...(assessed ? [paragraph(assessed.text)] : []),
      ...section(update.update, facts.update.trim()),
      // A breach ruled out has no facts left to come: the update closes the incident.
      ...(facts.known && facts.assessment !== 'ruled-out' ? knownFacts(local, facts.known) : []),
    ],
    noMeasures: update.noNewMeasures,
    closing: [
      facts.assessment === 'ruled-out' ? update.ruledOutNext : update.next[containment(facts.contained)],
      update.use(facts.contact.email, facts.incidentId),
    ],
  });
}

/** The final report sent to every affected customer when the incident is closed. */
export function renderBreachFinalReport(facts: BreachFinalReportFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const report = local.copy.finalReport;
  return renderFollowUp(facts, local, report, {
    rows: [{ label: report.closedAt, value: local.at(facts.closedAt) }],
    news: section(report.report, facts.finalReport.trim()),
    noMeasures: report.measuresInReport,
    closing: [report.keep, report.questions(facts.contact.email, facts.incidentId)],
  });
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderPrivacyTeamAlert(facts: PrivacyTeamAlertFacts): RenderedEmail {
  const { incidentId, customerId } = facts;
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Incident',
    noun: 'incident',
    id: incidentId,
    customerId,
    rows: optionalRow('Due at', facts.dueAt, alertInstant),
    workflowId: customerId === undefined ? workflowIds.breach(incidentId) : workflowIds.breachNotice(incidentId, customerId),
  });
}
