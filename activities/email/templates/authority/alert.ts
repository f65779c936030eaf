import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { AuthorityAlertKind } from './facts';

/** The privacy team's alerts of the authority-request process (English; identifiers only). */
export const alert = {
  kinds: {
    'disclosure-prohibited': {
      title: 'Authority request under a prohibition to tell the customers',
      action:
        'The law forbids telling the customers of this request (GDPR Art. 28(3)(a)), so no customer has been or ' +
        'will be emailed. Record the legal basis of the prohibition with the update recordProhibitionBasis, and lift ' +
        'it with liftProhibition as soon as it no longer applies: the customers are then told at once.',
    },
    'prohibition-review': {
      title: 'Review the prohibition to tell the customers',
      action:
        'Check with counsel whether the prohibition still applies. If it has ended, lift it with liftProhibition so ' +
        'that the customers are told; if its legal basis is not recorded yet, record it with recordProhibitionBasis.',
    },
    'notice-undeliverable': {
      title: 'Authority request notice could not be delivered',
      action:
        'The customers listed could not be emailed (no customer record, or every contact refused the email). Tell ' +
        'them by another channel before the notice deadline (policy 8.1) and record it with the update ' +
        'recordCustomerNotified.',
    },
    'notice-deadline-missed': {
      title: 'Authority request notice deadline missed',
      action:
        'The notice deadline passed while the customers listed had not been told of the request (policy 8.1). Tell ' +
        'them by another channel now, record it with recordCustomerNotified, and note the reason for the delay.',
    },
    'views-deadline-passed': {
      title: "Customers' views on an intended disclosure not received in time",
      action:
        'The period for the customers to give their view on the scope and manner of the disclosure has ended without ' +
        'a view from the customers listed. The disclosure may now be recorded with recordDisclosure; keep it to what ' +
        'the law strictly requires (policy 7.1).',
    },
    'customer-objects': {
      title: 'A customer objects to an intended disclosure',
      action:
        'Weigh the objection with counsel before disclosing: it may be possible to narrow the scope or to contest the ' +
        'order. When you record the disclosure, set objectionsConsidered to true.',
    },
  },
  webUi: { shows: 'the case and its history' },
} satisfies PrivacyTeamAlertCopy<AuthorityAlertKind>;
