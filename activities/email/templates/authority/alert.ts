import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { AuthorityAlertKind } from './facts';

/** The privacy team's alerts of the authority-request process (English; identifiers only). */
export const alert = {
  kinds: {
    'disclosure-prohibited': {
      title: 'Authority request under a prohibition to tell the customers',
      action:
        'The law forbids telling the customers of this request (GDPR Art. 28(3)(a)), so no customer has been or ' +
        'will be emailed. If the request was reported without the legal basis of the prohibition, record it with the ' +
        'update recordProhibitionBasis within one working day. Lift the prohibition with liftProhibition as soon as ' +
        'it no longer applies: the customers are then told at once.',
    },
    'prohibition-basis-missing': {
      title: 'Legal basis of a prohibition to tell the customers not recorded',
      action:
        'This request was reported with a prohibition to tell the customers but without the legal provision or order ' +
        'that forbids it (GDPR Art. 28(3)(a)), and the working day to record it has passed. Record it now with the ' +
        'update recordProhibitionBasis; you are reminded each working day until you do. If no provision forbids ' +
        'telling the customers, lift the prohibition with liftProhibition so that they are told.',
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
    'notice-deadline-approaching': {
      title: 'Authority request notice deadline approaching: customers not yet told',
      action:
        'The customers listed have still not been told of this request, and the notice deadline (policy 8.1: within ' +
        'a reasonable time) is the time shown. Tell them by another channel before then, for example by telephone ' +
        'to their privacy contact, and record it with the update recordCustomerNotified.',
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
        'The period for the customers to give their view on the scope and manner of any disclosure has ended without ' +
        'a view from the customers listed. The disclosure (recordDisclosure), or an answer that discloses personal ' +
        'data (recordAnswer with disclosesPersonalData), may now be recorded; keep it to what the law strictly ' +
        'requires (policy 7.1).',
    },
    'customer-objects': {
      title: 'A customer objects to an intended disclosure',
      action:
        'Weigh the objection with counsel before disclosing: it may be possible to narrow the scope or to contest the ' +
        'order. When you record the disclosure, or an answer that discloses personal data, set objectionsConsidered ' +
        'to true.',
    },
  },
  webUi: { shows: 'the case and its history' },
} satisfies PrivacyTeamAlertCopy<AuthorityAlertKind>;
