/**
 * Emails of the end-of-contract process (policy 11.1-11.3, 13; GDPR Art. 28(3)(g)): the notice of the
 * export window, reminders before it ends, an extension, the waiver of the rest of the window at the
 * customer's request, and internal alerts to the processor's privacy team.
 */
import type { Language } from '../../../../domain/language';
import { factsTable, heading, list, optionalRow, paragraph, paragraphs, section, type FactRow } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised, type Localised } from '../common/localised';
import { alertInstant, renderPrivacyTeamAlertEmail } from '../common/privacy-team-alert';
import type { EmailBlock, RenderedEmail } from '../rendered-email';
import { alert } from './alert';
import type { TerminationCopy } from './copy';
import type {
  ExportHow,
  TerminationCaseFacts,
  TerminationCertificateFacts,
  TerminationExtensionFacts,
  TerminationNoticeFacts,
  TerminationPrivacyTeamAlertFacts,
  TerminationReminderFacts,
  TerminationWaiverFacts,
} from './facts';
import { copies } from './copies';

function terminationEmail(
  facts: Pick<TerminationCaseFacts, 'customerId' | 'timeZone' | 'contact'>,
  language: Language,
  title: (copy: TerminationCopy, local: Localised<TerminationCopy>) => string,
  compose: (local: Localised<TerminationCopy>) => EmailBlock[],
): RenderedEmail {
  const local = localised(copies, language, facts.timeZone);
  const { copy } = local;
  return renderCustomerEmail(
    language,
    `${copy.marker} ${title(copy, local)} – ${copy.subjectReference(facts.customerId)}`,
    [...compose(local), paragraph(copy.questions(facts.contact.email, facts.customerId))],
    { contact: facts.contact, confidential: copy.confidential },
  );
}

function caseRows(facts: TerminationCaseFacts, { copy, at }: Localised<TerminationCopy>): FactRow[] {
  return [
    { label: copy.reference, value: facts.customerId },
    { label: copy.terminatedAt, value: at(facts.terminatedAt) },
    { label: copy.windowEnds, value: at(facts.closesAt) },
  ];
}

function exportHow(how: ExportHow, copy: TerminationCopy): EmailBlock[] {
  return [...section(copy.exportHeading, how.instructions), factsTable([{ label: copy.exportTool, value: how.url }])];
}

/** 11.2: the notice of the export window, with its exact end and how to export. */
export function renderTerminationNotice(facts: TerminationNoticeFacts, language: Language): RenderedEmail {
  return terminationEmail(
    facts,
    language,
    (copy) => copy.notice.subject,
    (local) => [
      paragraph(local.copy.notice.intro(facts.customerName, local.at(facts.terminatedAt))),
      factsTable(caseRows(facts, local)),
      paragraph(local.copy.notice.windowText(local.copy.days(facts.windowDays), local.at(facts.closesAt))),
      ...exportHow(facts.exportHow, local.copy),
      ...paragraphs(local.copy.notice.afterwards, local.copy.notice.reminders),
    ],
  );
}

export function renderTerminationReminder(facts: TerminationReminderFacts, language: Language): RenderedEmail {
  return terminationEmail(
    facts,
    language,
    (copy, local) => copy.reminder.subject(local.at(facts.closesAt)),
    (local) => [
      paragraph(local.copy.reminder.intro(facts.customerName, local.at(facts.closesAt))),
      factsTable(caseRows(facts, local)),
      ...exportHow(facts.exportHow, local.copy),
      paragraph(local.copy.reminder.afterwards),
    ],
  );
}

export function renderTerminationExtension(facts: TerminationExtensionFacts, language: Language): RenderedEmail {
  const reason = facts.reason?.trim() ?? '';
  return terminationEmail(
    facts,
    language,
    (copy) => copy.extension.subject,
    (local) => [
      paragraph(local.copy.extension.intro(local.copy.days(facts.extraDays))),
      factsTable([
        { label: local.copy.reference, value: facts.customerId },
        { label: local.copy.extension.previousEnd, value: local.at(facts.previousClosesAt) },
        { label: local.copy.extension.newEnd, value: local.at(facts.closesAt) },
        ...(reason === '' ? [] : [{ label: local.copy.extension.reason, value: reason }]),
      ]),
      paragraph(local.copy.extension.reminders),
    ],
  );
}

/** The controller's written choice (deleteNow): the rest of its window waived at its request. */
export function renderTerminationWaiver(facts: TerminationWaiverFacts, language: Language): RenderedEmail {
  return terminationEmail(
    facts,
    language,
    (copy) => copy.waiver.subject,
    (local) => [
      paragraph(local.copy.waiver.intro(facts.customerName, local.at(facts.exportCompletedAt))),
      paragraph(local.copy.waiver.waived(local.at(facts.closesAt))),
      factsTable(caseRows(facts, local)),
      paragraph(local.copy.waiver.deletion),
    ],
  );
}

/**
 * 11.3: the certificate of deletion, attached as a PDF; the email lists every store too, so that the
 * customer reads what was done without opening the attachment.
 */
export function renderTerminationCertificate(facts: TerminationCertificateFacts, language: Language): RenderedEmail {
  const email = terminationEmail(
    facts,
    language,
    (copy) => copy.certificate.subject,
    ({ copy, at }) => [
      paragraph(copy.certificate.intro(facts.customerName, at(facts.deletedAt))),
      factsTable([
        { label: copy.reference, value: facts.customerId },
        { label: copy.terminatedAt, value: at(facts.terminatedAt) },
        { label: copy.certificate.pdf.deletedAt, value: at(facts.deletedAt) },
      ]),
      heading(copy.certificate.storesHeading),
      list(
        facts.stores.map((store) =>
          copy.certificate.storeLine(
            store.store,
            copy.certificate.methods[store.method],
            at(store.completedAt),
            store.reference,
            store.lastCopyExpiresAt === undefined ? undefined : at(store.lastCopyExpiresAt),
          ),
        ),
      ),
      ...paragraphs(copy.certificate.attached(facts.certificate.filename), copy.certificate.ownRecords),
    ],
  );
  return {
    ...email,
    attachments: [{ filename: facts.certificate.filename, contentType: 'application/pdf', content: facts.certificate.pdf }],
  };
}

/** An internal alert; English only, because the privacy team is internal. */
export function renderTerminationPrivacyTeamAlert(facts: TerminationPrivacyTeamAlertFacts): RenderedEmail {
  return renderPrivacyTeamAlertEmail(alert, facts, {
    label: 'Customer',
    noun: 'end of contract',
    id: facts.customerId,
    rows: [...optionalRow('Store', facts.store), ...optionalRow('Due', facts.dueAt, alertInstant)],
    workflowId: `termination-${facts.customerId}`,
  });
}
