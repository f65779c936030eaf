import type { ProcessingDecision } from '../../../../domain/instruction';
import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { InstructionAlertKind } from './facts';

/** The privacy team's alerts of the unlawful-instruction process (English; identifiers only). */
export const alert = {
  kinds: {
    'instruction-flagged': {
      title: 'Customer instruction suspended as unlawful',
      action:
        'The customer has been told that the instruction is suspended (policy 3.2). Decide whether processing ' +
        'continues under the earlier instructions or stops, and record it with the update recordProcessingDecision: ' +
        'the customer is told of the decision at once.',
    },
    'open-reminder': {
      title: 'Suspended instruction still open',
      action:
        'The customer has neither revised the instruction nor guaranteed its lawfulness. Record a processing decision ' +
        'if none is in force (recordProcessingDecision), follow up with the customer, and record a revision or ' +
        'guarantee received by another channel with recordRevision or recordGuarantee.',
    },
    'notice-undeliverable': {
      title: 'Suspended-instruction notice could not be delivered',
      action:
        'No contact of the customer accepted the email. Check the customer record and tell the customer by another ' +
        'channel that the instruction is suspended and why (policy 3.2).',
    },
    'no-customer-record': {
      title: 'No customer record for a suspended instruction',
      action:
        'The instruction names a customer for which there is no customer record (language, contacts), so it could not ' +
        'be told. Create the record (customer.upserted) or tell the customer by another channel (policy 3.2).',
    },
    'resumed-under-guarantee': {
      title: "Suspended instruction resumed on the customer's guarantee",
      action:
        'The customer maintains the instruction and guarantees its lawfulness (policy 3.2–3.3), so it is carried out ' +
        'again. Keep the guarantee with the documented instructions; if the instruction remains manifestly unlawful, ' +
        'take legal advice before it is carried out further.',
    },
  },
  webUi: { shows: 'the case and its history' },
} satisfies PrivacyTeamAlertCopy<InstructionAlertKind>;

export const decisionLabel: Readonly<Record<ProcessingDecision, string>> = {
  'continue-under-earlier-instructions': 'continue under earlier instructions',
  'stop-processing': 'processing stopped',
};
