/** The weekly reminder to a customer of every matter that waits on it (issue 13), in its language. */
import type { Language } from '../../../../domain/language';
import type { ContactPoint } from '../../../../domain/contact-point';
import { factsTable, paragraph } from '../common/blocks';
import { renderCustomerEmail } from '../common/customer-email';
import { localised } from '../common/localised';
import type { RenderedEmail } from '../rendered-email';
import type { CustomerReminderCopy } from './copy';
import { en } from './en';
import type { CustomerReminderFacts } from './facts';
import { fr } from './fr';
import { nl } from './nl';

const copies: Readonly<Record<Language, CustomerReminderCopy>> = { nl, fr, en };

export function renderCustomerReminder(facts: CustomerReminderFacts & { contact: ContactPoint }, language: Language): RenderedEmail {
  const { copy, at } = localised(copies, language, facts.timeZone);
  const items = [...facts.items].sort((a, b) => (a.deadline ?? '\uffff').localeCompare(b.deadline ?? '\uffff'));
  return renderCustomerEmail(
    language,
    `${copy.marker} ${copy.subject(items.length)} – ${facts.customerId}`,
    [
      paragraph(copy.intro(facts.customerName)),
      ...items.map((item) =>
        factsTable([
          { label: copy.item, value: copy.kinds[item.kind] },
          { label: copy.caseReference, value: item.caseId },
          { label: copy.deadline, value: item.deadline === undefined ? copy.noDeadline : at(item.deadline) },
        ]),
      ),
      paragraph(copy.afterwards),
      paragraph(copy.questions(facts.contact.email, facts.customerId)),
    ],
    { contact: facts.contact, confidential: copy.confidential },
  );
}
