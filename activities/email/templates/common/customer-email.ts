import type { Language } from '../../../../domain/language';
import { renderEmail, type EmailBlock, type RenderedEmail } from '../rendered-email';
import { note, paragraph } from './blocks';
import { commonCopy } from '.';

/**
 * A customer email of any process: the salutation, the process's own body, the sign-off, and its
 * confidentiality note where it has one. Every customer email opens and closes this way.
 */
export function renderCustomerEmail(
  language: Language,
  subject: string,
  body: readonly EmailBlock[],
  confidential?: string,
): RenderedEmail {
  const common = commonCopy[language];
  return renderEmail({
    language,
    subject,
    blocks: [paragraph(common.greeting), ...body, paragraph(common.signOff), ...(confidential === undefined ? [] : [note(confidential)])],
  });
}
