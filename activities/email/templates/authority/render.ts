/**
 * Emails of the authority-request process (policy 8.1 and 7.1; GDPR Art. 28(3)(a)): the notice to
 * each customer concerned, reminders while its view on an intended disclosure is awaited, the outcome
 * (answered or disclosed), and internal alerts to the processor's privacy team.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure: same
 * facts, same email.
 */
import type { Language } from '../../../../domain/language';
import { formatList } from '../../format';
import { factsTable, optionalRow, paragraph, paragraphs, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised, type Localised } from '../common/localised';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { AuthorityCopy } from './copy';
import { en } from './en';
import type {
  AuthorityAlertFacts,
  AuthorityCaseFacts,
  AuthorityNoticeFacts,
  AuthorityOutcomeFacts,
  AuthorityViewReminderFacts,
} from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, AuthorityCopy>> = { nl, fr, en };

/**
 * An email to one customer about the request: its title between the marker and the reference; the
 * intro; the request's reference and authority, then the email's own facts; the body; and where to ask
 * questions about the request. Confidential throughout.
 */
function requestEmail(
  facts: AuthorityCaseFacts,
  { language, copy }: Localised<AuthorityCopy>,
  email: { subject: string; intro: string; rows: readonly FactRow[]; body: readonly EmailBlock[] },
): RenderedEmail {
  return renderCustomerEmail(
    language,
    `${copy.marker} ${email.subject} – ${copy.subjectReference(facts.requestId)}`,
    [
      paragraph(email.intro),
      factsTable([{ label: copy.reference, value: facts.requestId }, { label: copy.authority, value: facts.authority }, ...email.rows]),
      ...email.body,
      paragraph(copy.questions(facts.contact.email, facts.requestId)),
    ],
    { contact: facts.contact, confidential: copy.confidential },
  );
}

/** The notice to one customer concerned (policy 8.1; GDPR Art. 28(3)(a)). */
export function renderAuthorityNotice(facts: AuthorityNoticeFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const { copy, at } = local;
  const notice = copy.notice;
  const liftedAt = facts.prohibitionLiftedAt === undefined ? undefined : at(facts.prohibitionLiftedAt);
  return requestEmail(facts, local, {
    subject: copy.kindLabel[facts.requestKind],
    intro:
      facts.requestKind === 'disclosure-intent'
        ? notice.introDisclosure(facts.customerName, facts.authority)
        : notice.intro(facts.customerName, facts.authority, copy.kindPhrase[facts.requestKind]),
    rows: [
      { label: copy.kind, value: copy.kindLabel[facts.requestKind] },
      { label: copy.receivedAt, value: at(facts.receivedAt) },
      ...optionalRow(notice.prohibitionLifted, liftedAt),
    ],
    body: [
      ...(liftedAt === undefined ? [] : [paragraph(notice.heldBack(liftedAt))]),
      ...section(notice.confidentiality, notice.confidentialityText),
      ...(facts.viewsDueAt === undefined
        ? section(notice.next, notice.nextText(facts.contact.email))
        : facts.requestKind === 'disclosure-intent'
          ? section(notice.views, notice.viewsText(at(facts.viewsDueAt), facts.contact.email), notice.viewsDefault)
          : section(notice.next, notice.nextTextViews(at(facts.viewsDueAt), facts.contact.email), notice.nextViewsDefault)),
      paragraph(notice.keepInformed),
    ],
  });
}

export function renderAuthorityViewReminder(facts: AuthorityViewReminderFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const reminder = local.copy.viewReminder;
  const due = local.at(facts.viewsDueAt);
  return requestEmail(facts, local, {
    subject: reminder.subject(facts.reminderNumber),
    intro: reminder.intro(facts.customerName, local.at(facts.notifiedAt), facts.authority, facts.requestId),
    rows: [{ label: reminder.due, value: due }],
    body: paragraphs(reminder.request(due, facts.contact.email), reminder.notReceived),
  });
}

export function renderAuthorityOutcome(facts: AuthorityOutcomeFacts, language: Language): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const outcome = local.copy.outcome;
  const at = local.at(facts.at);
  const { subject, intro, details } =
    facts.kind === 'answered'
      ? {
          subject: outcome.answeredSubject,
          intro: outcome.answeredIntro(
            facts.customerName,
            local.at(facts.receivedAt),
            facts.authority,
            local.copy.kindPhrase[facts.requestKind],
            facts.requestId,
            at,
          ),
          details: [
            ...section(outcome.howAnswered, facts.summary.trim()),
            // 7.1: the customer learns whether its personal data went out, and if so what and how.
            ...(facts.disclosesPersonalData
              ? [
                  paragraph(outcome.answerDisclosed),
                  ...section(outcome.scope, facts.scope.trim()),
                  ...section(outcome.manner, facts.manner.trim()),
                ]
              : [paragraph(outcome.answerDisclosedNothing)]),
          ],
        }
      : {
          subject: outcome.disclosedSubject,
          intro: outcome.disclosedIntro(facts.customerName, facts.authority, facts.requestId, at),
          details: [...section(outcome.scope, facts.scope.trim()), ...section(outcome.manner, facts.manner.trim())],
        };
  return requestEmail(facts, local, {
    subject,
    intro,
    rows: [{ label: outcome.outcomeAt, value: at }],
    body: [...details, paragraph(outcome.closing)],
  });
}

/** The customers an alert is about: every id up to twenty, then a count of the rest. */
function customerIdList(customerIds: readonly string[]): string {
  return customerIds.length <= 20
    ? formatList(customerIds, 'en')
    : `${customerIds.slice(0, 20).join(', ')} and ${customerIds.length - 20} more`;
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderAuthorityAlert(facts: AuthorityAlertFacts): RenderedEmail {
  const customerIds = facts.customerIds ?? [];
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Authority request',
    noun: 'authority request',
    id: facts.requestId,
    rows: [
      { label: 'Type', value: facts.requestKind },
      ...(customerIds.length === 0 ? [] : [{ label: 'Customer ids', value: customerIdList(customerIds) }]),
      ...optionalRow('Due at', facts.dueAt, alertInstant),
    ],
    workflowId: `authority-${facts.requestId}`,
  });
}
