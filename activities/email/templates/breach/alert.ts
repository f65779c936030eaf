import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { PrivacyTeamAlertKind } from './facts';

/** The privacy team's alerts of the breach process (English; identifiers only). */
export const alert = {
  kinds: {
    'acknowledgement-overdue': {
      title: 'Breach notice not acknowledged',
      action:
        'The customer has not acknowledged the breach notice despite reminders. Reach its privacy contact by ' +
        'another channel (telephone, account manager), confirm that the notice arrived, and record the outcome.',
    },
    'notice-undeliverable': {
      title: 'Breach notice could not be delivered',
      action:
        'The notice email could not be delivered. Check the contact details on the customer record, tell the ' +
        'customer by another channel without undue delay (policy 8.2; GDPR Art. 33(2)), and record how and when ' +
        'it was told.',
    },
    'contractual-deadline-halfway': {
      title: 'Half the contractual notice time gone, notice not delivered',
      action:
        "Half of the hours the customer's contract allows for a breach notice (policy 8.1) have passed, and the " +
        "customer's mail server has not accepted the notice yet; it is still being retried. Tell the customer by " +
        'another channel (telephone, account manager) before the deadline, and record how and when it was told.',
    },
    'contractual-deadline-at-risk': {
      title: 'Contractual notice deadline at risk',
      action:
        "The customer's contract sets a deadline for notifying it of a breach, and that deadline is close or has " +
        'passed without a delivered notice. Make sure the customer is told before the deadline, and record it.',
    },
    'status-update-due': {
      title: 'Breach status update due',
      action:
        'Affected customers are owed further information in phases (GDPR Art. 33(4)). Send an update ' +
        '(breach.updated) or close the incident with a final report (breach.closed).',
    },
    'final-report-undeliverable': {
      title: 'Final breach report could not be delivered',
      action:
        'No contact of the customer accepted the final report of the incident (policy 8.2). Check the contact ' +
        'details on the customer record, send the report by another channel, and record how and when it was sent.',
    },
    'no-customer-record': {
      title: 'No customer record for an affected customer',
      action:
        'A breach names a customer for which there is no customer record (language, contacts), so no notice could ' +
        'be sent. Create the record (customer.upserted) or tell the customer by another channel without undue ' +
        'delay, and record how and when it was told.',
    },
  },
  webUi: { shows: 'the case and its history' },
} satisfies PrivacyTeamAlertCopy<PrivacyTeamAlertKind>;
