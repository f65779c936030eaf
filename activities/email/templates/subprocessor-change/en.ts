import type { SubprocessorChangeCopy } from './copy';

export const en = {
  marker: '[Subprocessors]',
  action: { added: 'new subprocessor', replaced: 'replacement of a subprocessor', removed: 'subprocessor removed' },
  basis: {
    eea: 'no transfer: the subprocessor is established in the European Economic Area',
    adequacy: 'adequacy decision of the European Commission (Art. 45 GDPR)',
    scc: 'standard contractual clauses (Decision (EU) 2021/914, Art. 46 GDPR)',
    bcr: 'binding corporate rules (Art. 47 GDPR)',
    certification: 'certification (Art. 46(2)(f) GDPR)',
  },
  labels: {
    change: 'Change reference',
    action: 'Change',
    subprocessor: 'Subprocessor',
    replaces: 'Replaces',
    country: 'Country of establishment',
    purpose: 'Purpose of the processing',
    basis: 'Transfer basis',
    effective: 'Effective from',
    objectBy: 'Objections possible until',
  },
  noticeSubject: (name) => `Change to our subprocessors: ${name}`,
  noticeIntro: (customer) =>
    `As our processing policy (section 5) provides, we are informing ${customer} of a change to the list of subprocessors ` +
    'we engage to process personal data on your behalf. The updated list marks the change.',
  howToObject: (contact, by) =>
    `You may object to this change, in writing and stating your reasons, until ${by}. ` +
    `Please send your objection to ${contact}. We consider every objection; if we find it reasonable, we will offer you a ` +
    'change in the services or in their use within 30 days.',
  silence: 'Without an objection within this period, we will consider the change accepted.',
  urgent: {
    subjectMark: 'Urgent:',
    notice: (effective, by) =>
      `This change is urgent: it takes effect on ${effective}, before the period in which you may object has ended. ` +
      `The reason is given below. You may nevertheless still object until ${by}, as for any change, and we will consider ` +
      'your objection in the same way.',
    reasonLabel: 'Why this change is urgent',
  },
  reminderSubject: (name) => `Reminder: you can still object to subprocessor ${name}`,
  reminderIntro: (by) => `This is a reminder that you may object to the change below until ${by}.`,
  rejectedSubject: (name) => `Your objection to subprocessor ${name}`,
  rejectedIntro: 'We have carefully considered your objection to the change below, but we do not find it reasonable.',
  reasonLabel: 'Our reasons',
  rejectedOutro: 'The change therefore goes ahead as announced. If you have any questions, please reply to this email.',
  offerSubject: (name) => `Our offer following your objection to subprocessor ${name}`,
  offerIntro: 'We find your objection reasonable. We offer you the following change in the services or in their use:',
  offerOutro: (contact) => `Please let us know in writing whether you accept this offer, at ${contact}.`,
  offerReminderSubject: (name) => `Reminder: our offer following your objection to subprocessor ${name}`,
  offerReminderIntro: (offeredAt) =>
    `On ${offeredAt} we offered you the following change in the services or in their use, following your objection. We have not received your answer yet:`,
  offerStandsSubject: (name) => `Our offer following your objection to subprocessor ${name} stands`,
  offerStandsIntro:
    'We have considered your refusal of our offer. We remain of the view that the change we offered spares you the processing ' +
    'by this subprocessor without burdening you unreasonably, so our offer stands, and section 5.3 of our processing policy ' +
    'gives no right to terminate the services.',
  offerStandsOutro: (contact) => `The offer remains open to you. Please tell us in writing if you accept it, at ${contact}.`,
  terminationSubject: (name) => `Your right to terminate the services affected (subprocessor ${name})`,
  terminationIntro: {
    'not-judged': (deadline) => `We did not answer your objection within 30 days (by ${deadline}).`,
    'no-offer': (deadline) => `We found your objection reasonable, but could not offer you a change within 30 days (by ${deadline}).`,
    'offer-declined': () => 'You did not accept our offer following your reasonable objection.',
  },
  terminationServices: (services) =>
    `Under section 5.4 of our processing policy you may therefore terminate the services for which this subprocessor is engaged: ${services}.`,
  terminationOutro: (contact) => `If you wish to exercise this right, please tell us in writing at ${contact}.`,
} satisfies SubprocessorChangeCopy;
