import { en as common } from '../common/en';
import type { BreachCopy } from './copy';

export const en = {
  marker: '[Data breach]',
  confidential:
    'This email contains confidential information about a security incident. ' +
    'Please share it only with those who need it to handle the breach.',
  incident: 'Incident reference',
  notYetKnown: 'not yet known',
  approximately: (count) => `approximately ${count}`,
  notice: {
    subject: (id) => `Notification of a personal data breach – incident ${id}`,
    intro: (customer) =>
      `As processor for ${customer}, we are notifying you of a personal data breach affecting personal data that ` +
      'we process on your behalf. We do so without undue delay after becoming aware of it, as required by ' +
      'section 8 of our Data Processing Policy and Article 33(2) of the General Data Protection Regulation (GDPR).',
    suspected: {
      subject: (id) => `Notification of a suspected personal data breach – incident ${id}`,
      intro: (customer) =>
        `As processor for ${customer}, we are notifying you of a suspected personal data breach affecting personal ` +
        'data that we process on your behalf. Section 8.1 of our Data Processing Policy requires us to notify you ' +
        'without undue delay not only when we find a breach, but also when we reasonably suspect one.',
      status:
        'We have not yet established that a breach has occurred. We will tell you as soon as our investigation ' +
        'confirms it or rules it out. Until then, the information below concerns a suspected breach.',
    },
    awareAt: 'We became aware of the breach',
    sentAt: 'This notice was sent',
    contractualDeadline: 'Contractual deadline for this notice',
    nature: '1. Nature of the breach (Article 33(3)(a) GDPR)',
    dataCategories: 'Categories of personal data concerned',
    subjectCategories: 'Categories of data subjects concerned',
    subjectsApprox: 'Approximate number of data subjects concerned',
    recordsApprox: 'Approximate number of personal data records concerned',
    followsWhenKnown: 'We will send you any information that is not yet known as soon as our investigation allows.',
    contact: '2. Contact point (Article 33(3)(b) GDPR)',
    contactText: (email, id) =>
      `For more information about this breach, please contact ${common.contactPoint(email)}. ` +
      `Please quote incident ${id} in all correspondence.`,
    consequences: '3. Likely consequences (Article 33(3)(c) GDPR)',
    consequencesPending:
      'We are currently assessing the likely consequences of the breach for the data subjects. ' +
      'We will send you our assessment in a follow-up notice as soon as it is available.',
    measures: '4. Measures taken or proposed (Article 33(3)(d) GDPR)',
    measuresIntro:
      'To address the breach and mitigate its possible adverse effects on the data subjects, we have taken or ' +
      'propose the following measures:',
    measuresPending:
      'We are currently determining the measures needed to address the breach and mitigate its possible adverse ' +
      'effects on the data subjects. We will send them to you in a follow-up notice.',
    measuresOngoing:
      'We continue to take appropriate corrective measures, as quickly as reasonably possible, to end the breach ' +
      'and to prevent or limit any recurrence (section 8.2 of our Data Processing Policy). If you believe further ' +
      'measures are needed to protect the data subjects, please let us know.',
    clock: 'Your own 72-hour notification period (for guidance)',
    clockText: (start, end) =>
      'If this breach must be reported to the supervisory authority (in Belgium: the Data Protection Authority), ' +
      'your 72-hour period (Article 33(1) GDPR) started when you became aware of it, at the latest on receipt of ' +
      `this notice: ${start}. That period then ends on ${end}.`,
    clockGuidance:
      'This date is given for guidance only. As controller, it is for you to assess whether and when the breach ' +
      'must be reported, and whether the data subjects must be informed (Article 34 GDPR). We will assist you ' +
      'with this as far as we can (section 8.2 of our Data Processing Policy).',
    phases: 'Further information in phases',
    phasesText: (id) =>
      'Our investigation is continuing. As Article 33(4) GDPR allows, we will provide further information in ' +
      `phases, without undue further delay, as it becomes available. Each follow-up will quote incident ${id}, and ` +
      'you will receive a final report when the incident is closed.',
    acknowledge: 'Please acknowledge receipt',
    acknowledgeText: (email) =>
      `Please acknowledge receipt of this notice ${common.howToAnswer.byReply(email)}. ` +
      'Until we receive your acknowledgement, we will send you reminders.',
    acknowledgeLink: 'Acknowledge receipt',
    wrongRecipient:
      'If this notice is not intended for you, or if someone else in your organisation handles personal data ' +
      'breaches, please let us know immediately.',
  },
  reminder: {
    subject: (id, n) => `Reminder ${n}: please acknowledge our notice – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `On ${sentAt}, we notified ${customer} of a personal data breach (incident ${id}). ` +
      `We have not yet received an acknowledgement of receipt; this is reminder number ${n}.`,
    keyFacts: 'Key facts',
    awareAt: 'We became aware of the breach',
    nature: 'Nature of the breach',
    dataCategories: 'Categories of personal data concerned',
    subjectsApprox: 'Approximate number of data subjects concerned',
    measures: 'Measures taken or proposed:',
    clockText: (sentAt, end) =>
      'If this breach must be reported to the supervisory authority, your 72-hour period has been running since ' +
      `you became aware of it, at the latest since you received our notice on ${sentAt}. For guidance: that ` +
      `period then ends at the latest on ${end}.`,
    request: (email) =>
      `Please acknowledge receipt as soon as possible ${common.howToAnswer.byReply(email)}, ` +
      'so that we know the notice has reached the right people.',
    acknowledgeLink: 'Acknowledge receipt',
    notReceived:
      'If you did not receive our notice, or if someone else in your organisation handles personal data breaches, ' +
      'please let us know immediately and we will send you the full notice again.',
    suspected: 'It is a suspected breach: we have not yet confirmed it or ruled it out.',
  },
  update: {
    subject: (id) => `Further information – incident ${id}`,
    intro: (customer, id) =>
      `Further to our notice to ${customer} about incident ${id}, we are sending you new information about the ` +
      'personal data breach. We provide the information in phases, as it becomes available (Article 33(4) GDPR).',
    sentAt: 'This update was sent',
    status: 'Status',
    contained: 'The breach has been contained.',
    notContained: 'The breach has not yet been contained.',
    update: 'New information',
    measures: 'Measures taken or proposed',
    measuresIntro:
      'To address the breach and mitigate its possible adverse effects on the data subjects, we have so far taken ' +
      'or propose the following measures:',
    noNewMeasures: 'There are no new measures since our previous notice.',
    next: {
      contained: 'We continue to monitor the situation and will send you a final report once the incident is closed.',
      notContained: 'We are continuing our work to contain the breach and will keep you informed of any significant development.',
      unknown:
        'We will keep you informed of any significant development and will send you a final report once the ' + 'incident is closed.',
    },
    assessed: {
      confirmed: {
        subject: (id) => `Suspected breach confirmed – incident ${id}`,
        text:
          'Our investigation has confirmed the personal data breach that we notified to you as suspected. The ' +
          'information in our notice, as supplemented below, now concerns an established breach.',
      },
      'ruled-out': {
        subject: (id) => `Suspected breach ruled out – incident ${id}`,
        text:
          'Our investigation has ruled out the personal data breach that we notified to you as suspected: the ' +
          'security of the personal data that we process on your behalf has not been breached.',
      },
    },
    ruledOutNext:
      'This notice closes the incident; no final report will follow. We recommend that you keep it with your ' +
      'records of the suspected breach.',
    known: 'What we know at this stage',
    consequences: 'Likely consequences for the data subjects',
    notKnownYet: 'not known yet; we will tell you as soon as we know',
    use: (email, id) =>
      'If you have reported the breach to the supervisory authority, you can use this information to supplement ' +
      `your notification. For any questions, please contact ${common.contactPoint(email)}, quoting incident ${id}.`,
  },
  finalReport: {
    subject: (id) => `Final report – incident ${id} closed`,
    intro: (customer, id) =>
      `We have closed incident ${id}. Below is our final report on the personal data breach that we previously ` +
      `notified to ${customer}.`,
    closedAt: 'Closed on',
    report: 'Final report',
    measures: 'Measures taken',
    measuresIntro:
      'To remedy the breach, limit its consequences for the data subjects and prevent it from happening again, ' +
      'we have taken the following measures:',
    measuresInReport: 'The measures we have taken are described in the final report above.',
    keep:
      'We recommend that you keep this report with your documentation of personal data breaches (Article 33(5) ' +
      'GDPR). If you reported the breach to the supervisory authority, you can use this report to complete your ' +
      'notification.',
    questions: (email, id) =>
      'If you have any further questions about this incident or need further assistance, please contact ' +
      `${common.contactPoint(email)}, quoting incident ${id}.`,
  },
} satisfies BreachCopy;
