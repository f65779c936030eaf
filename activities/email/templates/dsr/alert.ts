import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { DsrPrivacyTeamAlertKind } from './facts';

/** The privacy team's alerts of the data subject request process (English; identifiers only). */
export const alert = {
  kinds: {
    'no-customer-record': {
      title: 'No customer record for a data subject request',
      action:
        'A data subject request names a customer for which there is no customer record (language, contacts), so the ' +
        'customer could not be told and the data subject has received no confirmation. Create the record ' +
        '(customer.upserted) or tell the customer by another channel at once (policy 10.2), and record its written ' +
        'instruction in the workflow (update dsrInstructed) when it comes.',
    },
    'notice-undeliverable': {
      title: 'Data subject request notice could not be delivered',
      action:
        "No contact of the customer accepted the email about the request, and the data subject's confirmation was " +
        'held back. Check the contacts on the customer record and tell the customer by another channel at once ' +
        '(policy 10.2).',
    },
    'deadline-passed': {
      title: "Controller's deadline passed without an instruction",
      action:
        "The controller's deadline (GDPR Art. 12(3)) has passed and the customer has given no written instruction. " +
        'Contact the customer: it may have answered the data subject itself (record the instruction ' +
        '"handled-by-customer"), or the data subject is still waiting. Do not act on the request without a written ' +
        'instruction (policy 10.2).',
    },
    'product-webhook-not-configured': {
      title: 'The product cannot be asked to act',
      action:
        'PRODUCT_WEBHOOK_URL and PRODUCT_WEBHOOK_SECRET are not set, so the product could not be asked to carry out the ' +
        "customer's instruction. Configure them and restart the worker (the request is sent again at the next " +
        'follow-up), or have the action carried out by hand and record it with the update dsrActionCompleted.',
    },
    'product-request-failed': {
      title: 'The request to the product failed',
      action:
        "The product could not be asked to carry out the customer's instruction. Check the detail below; the request " +
        'is sent again at the next follow-up. If the action is carried out by another route, record it with the ' +
        'update dsrActionCompleted.',
    },
    'action-unconfirmed': {
      title: 'The product has not confirmed the action',
      action:
        "The product was asked to carry out the customer's instruction but has not confirmed it (dsr.action-completed). " +
        'The request has been sent again under the same webhook id. Check with the product team; if the action was ' +
        'confirmed by another channel, record it with the update dsrActionCompleted.',
    },
    'action-overdue': {
      title: "Controller's deadline passed before the action was confirmed",
      action:
        "The controller's deadline (GDPR Art. 12(3)) has passed while the action it instructed is still unconfirmed. " +
        'Make sure the action is carried out now and tell the customer, so that it can answer the data subject.',
    },
  },
  webUi: { query: 'dsrStatus', shows: 'the case and its timeline' },
} satisfies PrivacyTeamAlertCopy<DsrPrivacyTeamAlertKind>;
