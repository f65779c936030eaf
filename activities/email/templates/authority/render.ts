/**
 * Emails of the authority-request process (policy 8.1 and 7.1; GDPR Art. 28(3)(a)): the notice to
 * each customer concerned, reminders while its view on an intended disclosure is awaited, the outcome
 * (answered or disclosed), and internal alerts to the processor's privacy team.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Every function is pure: same
 * facts, same email.
 */
import type { Language } from '../../../../domain/language';
import { formatInstant, formatList } from '../../format';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import { renderCustomerEmail } from '../common/customer-email';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { AuthorityCopy } from './copy';
import { en } from './en';
import type { AuthorityAlertFacts, AuthorityNoticeFacts, AuthorityOutcomeFacts, AuthorityViewReminderFacts } from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, AuthorityCopy>> = { nl, fr, en };

function formatter(language: Language, timeZone: string) {
  return { copy: copies[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

/** The notice to one customer concerned (policy 8.1; GDPR Art. 28(3)(a)). */
export function renderAuthorityNotice(facts: AuthorityNoticeFacts, language: Language): RenderedEmail {
  const copy = copies[language].notice;
  const f = formatter(language, facts.timeZone);
  const isDisclosure = facts.requestKind === 'disclosure-intent';

  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text: isDisclosure
        ? copy.introDisclosure(facts.customerName, facts.authority)
        : copy.intro(facts.customerName, facts.authority, f.copy.kindPhrase[facts.requestKind]),
    },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.authority, value: facts.authority },
        { label: f.copy.kind, value: f.copy.kindLabel[facts.requestKind] },
        { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
        ...(facts.prohibitionLiftedAt === undefined ? [] : [{ label: copy.prohibitionLifted, value: f.at(facts.prohibitionLiftedAt) }]),
      ],
    },
    ...(facts.prohibitionLiftedAt === undefined
      ? []
      : [{ kind: 'paragraph', text: copy.heldBack(f.at(facts.prohibitionLiftedAt)) } as const]),
    { kind: 'heading', text: copy.confidentiality },
    { kind: 'paragraph', text: copy.confidentialityText },
    ...(facts.viewsDueAt !== undefined
      ? [
          { kind: 'heading', text: copy.views } as const,
          { kind: 'paragraph', text: copy.viewsText(f.at(facts.viewsDueAt), facts.contactEmail) } as const,
          { kind: 'paragraph', text: copy.viewsDefault } as const,
        ]
      : [{ kind: 'heading', text: copy.next } as const, { kind: 'paragraph', text: copy.nextText(facts.contactEmail) } as const]),
    { kind: 'paragraph', text: copy.keepInformed },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(f.copy.kindLabel[facts.requestKind], facts.requestId), blocks, f.copy.confidential);
}

export function renderAuthorityViewReminder(facts: AuthorityViewReminderFacts, language: Language): RenderedEmail {
  const copy = copies[language].viewReminder;
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.notifiedAt), facts.authority, facts.requestId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.authority, value: facts.authority },
        { label: copy.due, value: f.at(facts.viewsDueAt) },
      ],
    },
    { kind: 'paragraph', text: copy.request(f.at(facts.viewsDueAt), facts.contactEmail) },
    { kind: 'paragraph', text: copy.notReceived },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  return renderCustomerEmail(language, copy.subject(facts.requestId, facts.reminderNumber), blocks, f.copy.confidential);
}

export function renderAuthorityOutcome(facts: AuthorityOutcomeFacts, language: Language): RenderedEmail {
  const copy = copies[language].outcome;
  const f = formatter(language, facts.timeZone);
  const at = f.at(facts.at);
  const body: EmailBlock[] =
    facts.kind === 'answered'
      ? [
          {
            kind: 'paragraph',
            text: copy.answeredIntro(
              facts.customerName,
              f.at(facts.receivedAt),
              facts.authority,
              f.copy.kindPhrase[facts.requestKind],
              facts.requestId,
              at,
            ),
          },
          {
            kind: 'facts',
            rows: [
              { label: f.copy.reference, value: facts.requestId },
              { label: f.copy.authority, value: facts.authority },
              { label: copy.outcomeAt, value: at },
            ],
          },
          { kind: 'heading', text: copy.howAnswered },
          { kind: 'paragraph', text: facts.summary.trim() },
        ]
      : [
          { kind: 'paragraph', text: copy.disclosedIntro(facts.customerName, facts.authority, facts.requestId, at) },
          {
            kind: 'facts',
            rows: [
              { label: f.copy.reference, value: facts.requestId },
              { label: f.copy.authority, value: facts.authority },
              { label: copy.outcomeAt, value: at },
            ],
          },
          { kind: 'heading', text: copy.scope },
          { kind: 'paragraph', text: facts.scope.trim() },
          { kind: 'heading', text: copy.manner },
          { kind: 'paragraph', text: facts.manner.trim() },
        ];
  const blocks: EmailBlock[] = [
    ...body,
    { kind: 'paragraph', text: copy.closing },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
  ];
  const subject = facts.kind === 'answered' ? copy.answeredSubject(facts.requestId) : copy.disclosedSubject(facts.requestId);
  return renderCustomerEmail(language, subject, blocks, f.copy.confidential);
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
  return renderPrivacyTeamAlertEmail({
    copy: alert,
    kind: facts.kind,
    rows: [
      { label: 'Authority request', value: facts.requestId },
      { label: 'Type', value: facts.requestKind },
      ...(customerIds.length === 0 ? [] : [{ label: 'Customer ids', value: customerIdList(customerIds) }]),
      ...(facts.dueAt === undefined ? [] : [{ label: 'Due at', value: alertInstant(facts.dueAt) }]),
    ],
    workflowId: `authority-${facts.requestId}`,
    about: `authority request ${facts.requestId}`,
    detail: facts.detail,
  });
}
