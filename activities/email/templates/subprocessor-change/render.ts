/**
 * Emails of the subprocessor change process (policy 5.1-5.4, 6; GDPR Art. 28(2), 28(4)): the notice of a
 * change with the customer's right to object, a reminder before the window closes, the answer to an
 * objection judged unreasonable, the processor's offer of a change, and the customer's right to
 * terminate the services affected (5.4); and, in English, the privacy team's alert when a customer
 * could not be told of a change.
 *
 * The structure of each email; its words are in nl.ts, fr.ts and en.ts. Pure functions: same facts,
 * same email.
 */
import { workflowIds } from '../../../../domain/ids';
import { defaultTimeZone, type Language } from '../../../../domain/language';
import { countryName, formatInstant } from '../../format';
import { factsTable, optionalRow, paragraph, paragraphs, section } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { SubprocessorChangeCopy } from './copy';
import { en } from './en';
import type { ObjectionWindowAlertFacts, SubprocessorChangeEmailFacts, TerminationRightReason } from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, SubprocessorChangeCopy>> = { nl, fr, en };

function factsBlock(facts: SubprocessorChangeEmailFacts, language: Language): EmailBlock {
  const c = copies[language];
  const at = (instant: string) => formatInstant(instant, language, facts.timeZone);
  return factsTable([
    { label: c.labels.change, value: facts.changeId },
    { label: c.labels.action, value: c.action[facts.action] },
    { label: c.labels.subprocessor, value: facts.subprocessorName },
    ...optionalRow(c.labels.replaces, facts.replacesName),
    { label: c.labels.country, value: countryName(facts.country, language) },
    { label: c.labels.purpose, value: facts.purpose },
    ...optionalRow(c.labels.basis, facts.transferBasis, (basis) => c.basis[basis]),
    { label: c.labels.effective, value: at(facts.effectiveAt) },
    { label: c.labels.objectBy, value: at(facts.windowClosesAt) },
  ]);
}

function email(language: Language, subject: string, facts: SubprocessorChangeEmailFacts, body: EmailBlock[]): RenderedEmail {
  const c = copies[language];
  return renderCustomerEmail(language, `${c.marker} ${subject} (${facts.changeId})`, body, { contact: facts.contact });
}

/** 5.2: what changes, which subprocessor, where, why, on which basis, from when, and how to object until when. */
export function renderSubprocessorChangeNotice(facts: SubprocessorChangeEmailFacts, language: Language): RenderedEmail {
  const c = copies[language];
  const by = formatInstant(facts.windowClosesAt, language, facts.timeZone);
  const subject = c.noticeSubject(facts.subprocessorName);
  // 5.2: a change marked urgent says so first, why, and that the window to object stays whole.
  const urgent =
    facts.urgentReason === undefined
      ? []
      : [
          paragraph(c.urgent.notice(formatInstant(facts.effectiveAt, language, facts.timeZone), by)),
          ...section(c.urgent.reasonLabel, facts.urgentReason),
        ];
  return email(language, facts.urgentReason === undefined ? subject : `${c.urgent.subjectMark} ${subject}`, facts, [
    paragraph(c.noticeIntro(facts.customerName)),
    ...urgent,
    factsBlock(facts, language),
    ...paragraphs(c.howToObject(facts.contact.email, by), c.silence),
  ]);
}

export function renderObjectionReminder(facts: SubprocessorChangeEmailFacts, language: Language): RenderedEmail {
  const c = copies[language];
  const by = formatInstant(facts.windowClosesAt, language, facts.timeZone);
  return email(language, c.reminderSubject(facts.subprocessorName), facts, [
    paragraph(c.reminderIntro(by)),
    factsBlock(facts, language),
    paragraph(c.howToObject(facts.contact.email, by)),
  ]);
}

export function renderObjectionRejected(facts: SubprocessorChangeEmailFacts & { reason: string }, language: Language): RenderedEmail {
  const c = copies[language];
  return email(language, c.rejectedSubject(facts.subprocessorName), facts, [
    paragraph(c.rejectedIntro),
    factsBlock(facts, language),
    ...section(c.reasonLabel, facts.reason, c.rejectedOutro),
  ]);
}

export function renderRemedyOffer(facts: SubprocessorChangeEmailFacts & { offer: string }, language: Language): RenderedEmail {
  const c = copies[language];
  return email(language, c.offerSubject(facts.subprocessorName), facts, [
    ...paragraphs(c.offerIntro, facts.offer),
    factsBlock(facts, language),
    paragraph(c.offerOutro(facts.contact.email)),
  ]);
}

/** An offer the customer has not answered, brought to it again. */
export function renderOfferReminder(
  facts: SubprocessorChangeEmailFacts & { offer: string; offeredAt: string },
  language: Language,
): RenderedEmail {
  const c = copies[language];
  return email(language, c.offerReminderSubject(facts.subprocessorName), facts, [
    ...paragraphs(c.offerReminderIntro(formatInstant(facts.offeredAt, language, facts.timeZone)), facts.offer),
    factsBlock(facts, language),
    paragraph(c.offerOutro(facts.contact.email)),
  ]);
}

/** After a declined offer, the privacy team decided that it stands: no right to terminate arises. */
export function renderOfferStands(facts: SubprocessorChangeEmailFacts & { reason: string }, language: Language): RenderedEmail {
  const c = copies[language];
  return email(language, c.offerStandsSubject(facts.subprocessorName), facts, [
    paragraph(c.offerStandsIntro),
    factsBlock(facts, language),
    ...section(c.reasonLabel, facts.reason, c.offerStandsOutro(facts.contact.email)),
  ]);
}

/** 5.3-5.4: no judgment or no offer in time, or the team's decision after a declined offer: the customer may terminate the services affected. */
export function renderTerminationRight(
  facts: SubprocessorChangeEmailFacts & { why: TerminationRightReason; remedyDeadlineAt?: string },
  language: Language,
): RenderedEmail {
  const c = copies[language];
  const deadline = facts.remedyDeadlineAt ? formatInstant(facts.remedyDeadlineAt, language, facts.timeZone) : undefined;
  return email(language, c.terminationSubject(facts.subprocessorName), facts, [
    ...paragraphs(c.terminationIntro[facts.why](deadline), c.terminationServices(facts.purpose)),
    factsBlock(facts, language),
    paragraph(c.terminationOutro(facts.contact.email)),
  ]);
}

/** 5.2: a customer that cannot be told cannot object; a person has to reach it. */
export function renderObjectionWindowAlert(facts: ObjectionWindowAlertFacts): RenderedEmail {
  const subprocessorRow = {
    label: 'Subprocessor',
    value: `${facts.subprocessorName} (${facts.subprocessorId}), ${copies.en.action[facts.action]}`,
  };
  if (facts.kind === 'urgent-change' || facts.customerId === undefined) {
    // About the change as a whole, not one customer's window.
    return renderPrivacyTeamAlertEmail(alert, facts, {
      label: 'Change',
      noun: 'change',
      id: facts.changeId,
      rows: [subprocessorRow, ...optionalRow('Effective', facts.effectiveAt, alertInstant)],
      workflowId: workflowIds.subprocessorChange(facts.changeId),
    });
  }
  // The windows are the change's; what follows an objection is the objection's own workflow.
  const ofWindow = facts.kind === 'no-customer-record' || facts.kind === 'notice-undeliverable' || facts.kind === 'reminder-undeliverable';
  const workflowId = ofWindow ? workflowIds.subprocessorChange(facts.changeId) : workflowIds.objection(facts.changeId, facts.customerId);
  const window = `GET /subprocessor-changes/${facts.changeId}/windows/${facts.customerId}`;
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Change',
    noun: 'change',
    id: facts.changeId,
    customerId: facts.customerId,
    rows: [subprocessorRow],
    workflowId,
    // Where the window stands after an undelivered notice: that depends on whether the customer objected.
    afterwards:
      facts.objectionReceivedAt === undefined
        ? `The customer's objection window (${window}) has ended as undeliverable and cannot record an objection: keep any ` +
          'objection the customer sends with the change, and judge it as policy 5.3 provides.'
        : 'The customer objected before the notice could be sent (received ' +
          `${formatInstant(facts.objectionReceivedAt, 'en', defaultTimeZone)}), so its objection ` +
          `${workflowIds.objection(facts.changeId, facts.customerId)} goes on and awaits your judgment (update judgeObjection). ` +
          'Its later emails are likely to fail as well.',
  });
}
