import { en as common } from '../common/en';
import type { AuthorityCopy } from './copy';

export const en = {
  marker: '[Authority request]',
  confidential:
    'This email contains confidential information about a request from a public authority. ' +
    'Please share it only with those who need it to handle the request.',
  reference: 'Reference',
  subjectReference: (id) => `reference ${id}`,
  authority: 'Authority',
  kind: 'Type of request',
  receivedAt: 'Received by us',
  kindPhrase: {
    information: 'a request for information',
    subpoena: 'a subpoena',
    inspection: 'a request for an inspection or audit',
    'disclosure-intent': 'a request that obliges us to disclose personal data',
  },
  kindLabel: {
    information: 'Request for information',
    subpoena: 'Subpoena',
    inspection: 'Request for an inspection or audit',
    'disclosure-intent': 'Intended disclosure of personal data',
  },
  questions: (email, id) =>
    `If you have any questions about this request, please contact ${common.contactPoint(email)}, quoting reference ${id}.`,
  notice: {
    intro: (customer, authority, kind) =>
      `As processor for ${customer}, we are informing you that we have received ${kind} from a public authority, ${authority}, ` +
      'concerning personal data that we process on your behalf. We do so as required by section 8.1 of our Data ' +
      'Processing Policy and Article 28(3)(a) of the General Data Protection Regulation (GDPR).',
    introDisclosure: (customer, authority) =>
      `As processor for ${customer}, we are informing you that we intend to disclose personal data that we ` +
      `process on your behalf to a public authority, ${authority}, because the law or a judicial or other official decision obliges ` +
      'us to. We are telling you before any disclosure, as required by sections 7.1 and 8.1 of our Data ' +
      'Processing Policy and Article 28(3)(a) of the General Data Protection Regulation (GDPR).',
    prohibitionLifted: 'Legal prohibition on telling you lifted',
    heldBack: (at) =>
      'We were not allowed to tell you earlier: the law prohibited it on important grounds of public interest ' +
      `(Article 28(3)(a) GDPR). That prohibition was lifted on ${at}, which is why you receive this message only now.`,
    confidentiality: 'Confidentiality (section 7.1 of our Data Processing Policy)',
    confidentialityText:
      'We treat the personal data that we process on your behalf as confidential. We disclose it only as far as ' +
      'the law or a judicial or other official decision requires, and we discuss the scope and manner of any ' +
      'disclosure with you beforehand.',
    views: 'Your view on the scope and manner of the disclosure',
    viewsText: (due, email) =>
      `Please let us have your view by ${due} on the scope and manner of the intended disclosure: which data, ` +
      'about which data subjects, in what form and by what means, and whether you object to the disclosure ' +
      `itself. You can answer ${common.howToAnswer.inWriting(email)}.`,
    viewsDefault:
      'If you object, we will weigh your objection before disclosing anything. If we have no view from you by ' +
      'that date, we will disclose no more than the law strictly requires, in the manner the authority imposes.',
    next: 'What we are doing now',
    nextText: (email) =>
      'We are examining the request and will act on it no further than the law requires. Should we have to ' +
      'communicate personal data in doing so, we will discuss the scope and manner of that communication with you ' +
      'beforehand. If you have remarks or objections, for example because you wish to handle or contest the ' +
      `request yourself, please let us know as soon as possible at ${email}.`,
    nextTextViews: (due, email) =>
      'We are examining the request and will act on it no further than the law requires. If answering it means ' +
      'communicating personal data that we process on your behalf, we will do so only once we have your view on the ' +
      `scope and manner of that communication or, without a view from you, not before ${due}. Please let us know which ` +
      'data, about which data subjects, in what form and by what means you consider acceptable, and whether you object ' +
      'to any communication, for example because you wish to handle or contest the request yourself. You can answer ' +
      `${common.howToAnswer.inWriting(email)}.`,
    nextViewsDefault:
      'If you object, we will weigh your objection before communicating anything. If we have no view from you by that ' +
      'date, we will communicate no more than the law strictly requires, in the manner the authority imposes. If our ' +
      'answer contains no personal data at all, we will say so expressly when we tell you how the request was dealt with.',
    keepInformed: 'We will let you know how the request was dealt with.',
  },
  viewReminder: {
    subject: (n) => `Reminder ${n}: your view on the intended disclosure`,
    intro: (customer, sentAt, authority, id) =>
      `On ${sentAt} we informed ${customer} that we intend to disclose personal data that we process on your ` +
      `behalf to a public authority, ${authority} (reference ${id}). We have not yet received your view on the scope and manner of ` +
      'that disclosure.',
    due: 'Your view is expected by',
    request: (due, email) =>
      `Please let us have it by ${due}, ${common.howToAnswer.inWriting(email)}, and tell us whether you ` +
      'object to the disclosure. Without your view, we will then disclose no more than the law strictly requires, ' +
      'in the manner the authority imposes (section 7.1 of our Data Processing Policy).',
    notReceived:
      'If you did not receive our first message, or if someone else in your organisation handles such requests, ' +
      'please let us know immediately.',
  },
  outcome: {
    answeredSubject: 'The request has been dealt with',
    disclosedSubject: 'Disclosure of personal data made',
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `On ${received} we received ${kind} from a public authority, ${authority}, concerning personal data that we process on behalf of ` +
      `${customer} (reference ${id}). We are letting you know that we dealt with that request on ${at}.`,
    disclosedIntro: (customer, authority, id, at) =>
      `We are letting you know that on ${at} we disclosed personal data that we process on behalf of ${customer} ` +
      `to a public authority, ${authority} (reference ${id}), because the law or a judicial or other official decision obliged us to ` +
      '(section 7.1 of our Data Processing Policy).',
    outcomeAt: 'Dealt with on',
    howAnswered: 'How we dealt with the request',
    answerDisclosedNothing: 'Our answer disclosed no personal data that we process on your behalf.',
    answerDisclosed:
      'Our answer disclosed personal data that we process on your behalf, no more than the law required (section 7.1 ' +
      'of our Data Processing Policy). Its scope and manner were as follows.',
    scope: 'Scope of the disclosure',
    manner: 'Manner of the disclosure',
    closing:
      'We keep the documents of this request as evidence of what was communicated, to whom and when. The request ' +
      'is now closed on our side.',
  },
} satisfies AuthorityCopy;
