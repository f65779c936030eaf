import type { Language } from '../../../../domain/language';
import { renderEmail, type EmailBlock, type RenderedEmail } from '../rendered-email';
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
    blocks: [
      { kind: 'paragraph', text: common.greeting },
      ...body,
      { kind: 'paragraph', text: common.signOff },
      ...(confidential === undefined ? [] : [{ kind: 'note', text: confidential } as const]),
    ],
  });
}
