import type { ContactPoint } from '../../../../domain/contact-point';
import type { Language } from '../../../../domain/language';
import { renderEmail, type EmailBlock, type RenderedEmail } from '../rendered-email';
import { note, paragraph } from './blocks';
import { commonCopy } from '.';

/**
 * A customer email of any process: the salutation, the process's own body, the sign-off, our contact
 * point's details, and its confidentiality note where it has one. Every customer email opens and closes
 * this way. Only the data subject's confirmation (10.2), which says nothing but that, goes without a
 * contact point.
 */
export function renderCustomerEmail(
  language: Language,
  subject: string,
  body: readonly EmailBlock[],
  close: { contact: ContactPoint | undefined; confidential?: string },
): RenderedEmail {
  const common = commonCopy[language];
  return renderEmail({
    language,
    subject,
    blocks: [
      paragraph(common.greeting),
      ...body,
      paragraph(common.signOff),
      ...(close.contact === undefined ? [] : [note(common.contactDetails(close.contact))]),
      ...(close.confidential === undefined ? [] : [note(close.confidential)]),
    ],
  });
}
