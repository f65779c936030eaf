import { en as common } from '../common/en';
import type { CustomerReminderCopy } from './copy';

export const en = {
  marker: '[Weekly reminder]',
  confidential: 'This email concerns the personal data we process on your behalf. Please share it only with those who handle it.',
  reference: 'Customer reference',
  questions: (email, id) => `If you have any questions, please contact ${common.contactPoint(email)}, quoting reference ${id}.`,
  subject: (count) => (count === 1 ? 'One matter awaits your answer' : `${count} matters await your answer`),
  intro: (customer) =>
    `The following matters concerning the personal data we process on behalf of ${customer} await an answer or an action from you. Each has its own email with the details; this is a reminder only.`,
  kinds: {
    'breach-acknowledgement': 'Acknowledge receipt of our notice of a personal data breach (section 8 of our Data Processing Policy)',
    'dsr-instruction': 'Give us your written instruction on a data subject request (section 10)',
    'authority-views': 'Give us your view on the scope and manner of a communication to an authority (section 7.1)',
    'audit-confidentiality': 'Confirm that your auditors are bound to confidentiality before the audit (section 12.3)',
    'export-window': 'Export your data before your export window ends (section 11.2)',
  },
  item: 'What we need',
  caseReference: 'Reference',
  deadline: 'By',
  noDeadline: 'as soon as possible',
  afterwards: 'If you have already answered, you can ignore this reminder: answers may cross.',
} satisfies CustomerReminderCopy;
