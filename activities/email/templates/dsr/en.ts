import { en as common } from '../common/en';
import type { DsrCopy } from './copy';

export const en = {
  marker: '[Data subject request]',
  confidential:
    'This email concerns a request from a data subject. Please handle it under your own data protection ' +
    'procedures and share it only with those who deal with the request.',
  reference: 'Request reference',
  subjectReference: (id) => `request ${id}`,
  requestType: 'Type of request',
  receivedAt: 'Received by us',
  deadline: 'Your deadline to respond (Article 12(3) GDPR)',
  requestTypes: {
    access: 'Right of access (Article 15 GDPR)',
    rectification: 'Right to rectification (Article 16 GDPR)',
    erasure: 'Right to erasure (Article 17 GDPR)',
    restriction: 'Right to restriction of processing (Article 18 GDPR)',
    portability: 'Right to data portability (Article 20 GDPR)',
    objection: 'Right to object (Article 21 GDPR)',
  },
  instructions: {
    respond:
      'respond: we gather the personal data of the data subject and make it available to you in our platform, ' +
      'so that you can answer the data subject;',
    rectify: 'rectify: we correct or complete the personal data as you specify;',
    erase: 'erase: we delete the personal data of the data subject;',
    restrict: 'restrict: we restrict the processing of the personal data of the data subject;',
    'handled-by-customer': 'handle it yourself: you deal with the request and we close it without further action.',
  },
  months: (count) => (count === 1 ? '1 month' : `${count} months`),
  questions: (email, id) => `If you have any questions, please contact ${common.contactPoint(email)}, quoting reference ${id}.`,
  notice: {
    subject: 'A data subject has contacted us',
    intro: (customer) =>
      `As processor for ${customer}, we are informing you immediately that a data subject has contacted us to ` +
      'exercise their rights under the General Data Protection Regulation (GDPR) with regard to personal data that ' +
      'we process on your behalf, as section 10.2 of our Data Processing Policy and Article 28(3)(e) GDPR require.',
    toldSubject: 'What we have told the data subject',
    subjectConfirmed: (customer) =>
      `We have only confirmed to the data subject that the request concerns ${customer} and that we have passed it ` +
      'on to you. We have not answered the request and have told the data subject nothing else.',
    subjectNoAddress:
      'The data subject left us no email address, so we have not replied to them. We have not acted on the request ' + 'itself.',
    instructionHeading: 'Nothing happens without your written instruction',
    instructionIntro:
      'Under section 10.2 of our Data Processing Policy we do not act on a request from a data subject without your ' +
      'prior written consent. Please send us your instruction through our platform, quoting the reference above. ' +
      'You can instruct us to:',
    instructionOther: (email) => `If you cannot use the platform, please send your written instruction to ${email}.`,
    deadlineHeading: 'Your deadline',
    deadlineText: (deadline) =>
      'As controller, you must inform the data subject of the action taken on the request without undue delay and ' +
      `in any event within one month of its receipt (Article 12(3) GDPR). For this request, that is ${deadline}.`,
    extensionText:
      'Where necessary, taking into account the complexity and number of requests, this period may be extended by ' +
      'two further months. You must then inform the data subject of the extension, together with the reasons for ' +
      'the delay, within one month of receipt of the request. If you extend the deadline, please let us know through ' +
      'the platform so that our reminders follow the new date.',
    reminders: 'Until we have your instruction, we will remind you before the deadline.',
  },
  reminder: {
    subject: 'Reminder: we are awaiting your instruction',
    intro: (customer, received) =>
      `On ${received}, a data subject contacted us with a request about personal data that we process on behalf ` +
      `of ${customer}. We informed you straight away, but we have not yet received your written instruction.`,
    deadlineText: (deadline) =>
      `Your deadline to answer the data subject (Article 12(3) GDPR) is ${deadline}. Under section 10.2 of our ` +
      'Data Processing Policy, we will take no action until you give us a written instruction.',
    choose: 'Please send us your instruction through our platform. You can instruct us to:',
    alreadyHandled:
      'If you have meanwhile dealt with the request yourself, please let us know (instruction: handle it yourself) ' +
      'so that we can close it and stop sending you reminders.',
  },
  extension: {
    subject: 'Extension of your deadline recorded',
    intro: (extra, total) =>
      `We have recorded that you are extending the time to answer this request by ${extra}. The period is now ` +
      `extended by ${total} in total; Article 12(3) GDPR allows two months at most.`,
    originalDeadline: 'Original deadline',
    newDeadline: 'New deadline',
    reason: 'Reason given',
    tellSubject:
      'Please remember that you must inform the data subject of the extension, together with the reasons for the ' +
      'delay, within one month of receipt of the request (Article 12(3) GDPR).',
    stillAwaited: 'Our reminders now follow the new deadline. We will still take no action without your written instruction.',
  },
  closure: {
    subject: 'Request closed',
    carriedOut: {
      respond: (at) =>
        "As you instructed, the data subject's personal data was gathered and made available to you in our platform " +
        `on ${at}, so that you can answer the data subject.`,
      rectify: (at) => `As you instructed, the data subject's personal data was rectified on ${at}.`,
      erase: (at) => `As you instructed, the data subject's personal data was erased on ${at}.`,
      restrict: (at) => `As you instructed, the processing of the data subject's personal data was restricted on ${at}.`,
    },
    handledByCustomer:
      'We have recorded your instruction that you are handling this request yourself. We have taken no action on it ' +
      'and have closed it on our side.',
    closedAt: 'Closed',
    yours: (deadline) =>
      'Answering the data subject remains your responsibility as controller (Article 12 GDPR); we will not contact ' +
      `the data subject about this request. Where needed, please inform the data subject before your deadline: ${deadline}.`,
  },
  subjectConfirmation: {
    subject: (customer) => `Your request concerning ${customer}`,
    body: (customer) =>
      `We confirm that your request concerns ${customer}. We have passed it on to ${customer}, which is responsible ` +
      'for dealing with it.',
  },
} satisfies DsrCopy;
