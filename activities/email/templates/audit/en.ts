import type { AuditCopy } from './copy';
import { formatAuditDate } from './date';

export const en = {
  marker: '[Audit]',
  confidential:
    'This email concerns an audit under section 12 of our Data Processing Policy. Please share it only with those ' +
    'who prepare or carry out the audit.',
  reference: 'Audit reference',
  subjectReference: (id) => `audit ${id}`,
  date: 'Date of the audit',
  earliestDate: 'Earliest possible date',
  auditor: 'Auditor',
  scope: 'Scope',
  formatDate: (date) => formatAuditDate(date, 'en'),
  questions: (email, id) => `If you have any questions, please contact our privacy team at ${email}, quoting reference ${id}.`,
  tooEarly: {
    subject: 'Please propose another date',
    intro: (customer, proposed) => `Thank you for the audit request of ${customer}. You proposed to hold it on ${proposed}.`,
    rule: (earliest) =>
      'Section 12.2 of our Data Processing Policy asks for at least thirty (30) working days notice of an audit ' +
      `(Belgian working days, counted from the day we received your request). The earliest possible date is ${earliest}.`,
    askAnother: 'Please propose a date on or after that day through our platform; we will then send the invitation.',
  },
  invitation: {
    subject: 'Invitation',
    movedSubject: 'New date',
    intro: (customer, date) => `The audit requested by ${customer} will take place on ${date}.`,
    moved: (previous, date) => `The audit planned for ${previous} has been moved to ${date}.`,
    calendar: 'The calendar invitation is attached; accepting it adds the audit to your calendar.',
    documents:
      'To prepare the audit (section 12.1) we attach the list of our subprocessors as of today, the entries of our breach ' +
      'register that concern you, and our technical and organisational measures (annex II).',
    confidentiality:
      'Section 12.3: to protect the confidentiality of our other customers, the auditors (internal or external) must be ' +
      'bound by adequate confidentiality obligations. Please confirm this to us through our platform before the audit.',
    costs:
      'Section 12.4: the costs of the audit are borne by the customer, unless (and insofar as) a serious security ' +
      'incident or personal data breach at or under the responsibility of the processor, or a breach of the Data ' +
      'Processing Policy, is found during the audit.',
    noDelay: 'Section 12.2: the audit may not delay the delivery of our services.',
  },
  cancellation: {
    subject: 'Cancelled',
    intro: (date) => `The audit planned for ${date} has been cancelled.`,
    calendar: 'The attached cancellation removes it from your calendar.',
  },
  reminder: {
    subject: 'Reminder',
    intro: (date) => `This is a reminder that the audit will take place on ${date}.`,
    confidentialityMissing:
      'We have not yet received confirmation that the auditors are bound by confidentiality obligations (section 12.3).',
  },
  confidentialityReminder: {
    subject: 'Confidentiality of the auditors',
    intro: (customer, date) =>
      `The audit requested by ${customer} will take place on ${date}. We have not yet received confirmation that ` +
      'its auditors are bound by adequate confidentiality obligations, as section 12.3 of our Data Processing Policy requires.',
    howToConfirm: 'Please confirm it through our platform, if possible with a reference to the agreement, before the audit.',
  },
  outcome: {
    subject: 'Findings and costs',
    intro: (customer, date) => `Here are the findings of the audit held for ${customer} on ${date}.`,
    summary: 'Findings',
    seriousIncident: 'Serious security incident or personal data breach found',
    policyBreach: 'Breach of the Data Processing Policy found',
    yes: 'yes',
    no: 'no',
    costsHeading: 'Costs of the audit',
    costs: (processor, customer) => `The processor bears ${processor}% of the costs of the audit and the customer ${customer}%.`,
    costsRule:
      'Section 12.4: the costs are borne by the customer unless, and insofar as, a serious incident or a breach of the ' +
      'Data Processing Policy is found.',
  },
  event: {
    summary: (id) => `Audit ${id} (Data Processing Policy, section 12)`,
    description: (customer) => `Audit requested by ${customer} under section 12 of the Data Processing Policy.`,
  },
} satisfies AuditCopy;
