import { en as common } from '../common/en';
import type { TerminationCopy } from './copy';

export const en = {
  marker: '[End of contract]',
  confidential:
    'This email concerns the personal data we process on your behalf. Please share it only with those who handle the end of the contract.',
  reference: 'Customer reference',
  subjectReference: (id) => `customer ${id}`,
  questions: (email, id) => `If you have any questions, please contact ${common.contactPoint(email)}, quoting reference ${id}.`,
  terminatedAt: 'Contract ended',
  windowEnds: 'Export window ends',
  exportHeading: 'How to export your data',
  exportTool: 'Export tool',
  days: (count) => (count === 1 ? '1 day' : `${count} days`),
  notice: {
    subject: 'Export your data before it is deleted',
    intro: (customer, terminated) =>
      `The contract between ${customer} and us ended on ${terminated}. As section 11.2 of our Data Processing Policy ` +
      'and Article 28(3)(g) GDPR provide, you may first export the personal data we process on your behalf.',
    windowText: (days, end) => `Your export window is ${days} from this notice and ends on ${end}.`,
    afterwards:
      'When the window ends, we delete or anonymise your personal data in every one of our systems (section 11.3), ' +
      'and confirm it to you. If you need more time, ask us before the window ends.',
    reminders: 'We will remind you 7 days and 1 day before the window ends.',
  },
  reminder: {
    subject: (end) => `Reminder: your export window ends on ${end}`,
    intro: (customer, end) =>
      `The export window for the personal data we process on behalf of ${customer} ends on ${end}. After that we ` +
      'delete or anonymise it (section 11.3 of our Data Processing Policy).',
    afterwards: 'If you have already exported your data, you can ignore this reminder.',
  },
  extension: {
    subject: 'Your export window has been extended',
    intro: (extra) => `We have extended your export window by ${extra}.`,
    previousEnd: 'Previous end',
    newEnd: 'New end',
    reason: 'Reason given',
    reminders: 'Our reminders follow the new end.',
  },
  waiver: {
    subject: 'Deletion of your data starts now, at your request',
    intro: (customer, completed) => `We have recorded that ${customer} completed the export of its data on ${completed}.`,
    waived: (end) => `At your written request, the rest of your export window, which would have ended on ${end}, has been waived.`,
    deletion: 'We now delete or anonymise your personal data in every one of our systems (section 11.3) and will confirm it to you.',
  },
  certificate: {
    subject: 'Certificate of deletion of your personal data',
    intro: (customer, deleted) =>
      `Every one of our systems has confirmed that the personal data we processed on behalf of ${customer} has been ` +
      `deleted or anonymised (section 11.3 of our Data Processing Policy, Article 28(3)(g) GDPR). The last confirmation came on ${deleted}.`,
    storesHeading: 'Systems and what each did',
    storeLine: (store, method, completed, reference, lastCopy) =>
      `${store}: ${method} on ${completed}, reference ${reference}` + (lastCopy ? `; the last backup copy expires on ${lastCopy}` : ''),
    attached: (filename) => `The certificate of deletion is attached as a PDF (${filename}). Please keep it with your records.`,
    ownRecords:
      'We keep only the evidence that each of our duties was done (the emails we sent and our registers), without ' +
      'personal data of your data subjects.',
    methods: { delete: 'deleted', anonymise: 'anonymised' },
    pdf: {
      title: 'Certificate of deletion',
      customer: 'Customer',
      deletedAt: 'Deletion confirmed',
      statement: (customer, id) =>
        `We certify that the personal data we processed on behalf of ${customer} (customer reference ${id}) under our ` +
        'Data Processing Policy has been permanently deleted or anonymised in each of the systems below, after the export ' +
        'window that followed the end of the contract (section 11.3; Article 28(3)(g) GDPR).',
      store: 'System',
      method: 'Method',
      completedAt: 'Completed',
      reference: 'Reference',
      lastCopyExpiresAt: 'Last backup copy expires',
      ownRecords:
        'We keep only the evidence that each of our duties was done (the emails we sent, our registers and this ' +
        'certificate), without personal data of your data subjects.',
      issuedBy: (processor, issued) => `Issued by ${processor} on ${issued}.`,
      contactPoint: 'Contact point for data protection',
      processorFallback: 'the processor',
      page: (number, count) => `Page ${number} of ${count}`,
    },
  },
} satisfies TerminationCopy;
