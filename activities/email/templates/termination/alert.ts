import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { TerminationPrivacyTeamAlertKind } from './facts';

/** The privacy team's alerts of the end-of-contract process (English; identifiers only). */
export const alert = {
  kinds: {
    'no-customer-record': {
      title: 'No customer record for an ended contract',
      action:
        'The product reported that this customer’s contract ended but has not described the customer (no ' +
        'customer.upserted), so it has not been told of its export window (policy 11.2). Create the record, or tell ' +
        'the customer another way and record it with the update recordExportNotice: the window starts then.',
    },
    'notice-undeliverable': {
      title: 'End-of-contract notice could not be delivered',
      action:
        'No contact of the customer accepted the notice of its export window (policy 11.2), so the window has not ' +
        'started and nothing will be deleted. Tell the customer another way and record it with the update ' +
        'recordExportNotice: the window starts then.',
    },
    'product-webhook-not-configured': {
      title: 'The product cannot be asked to delete',
      action:
        'PRODUCT_WEBHOOK_URL and PRODUCT_WEBHOOK_SECRET are not set, so no store could be asked to delete the ' +
        'customer’s personal data (policy 11.3). Configure them and restart the worker (the stores are asked again ' +
        'every day), or have the deletion done by hand and record each store with the update deletionConfirmed.',
    },
    'deletion-unconfirmed': {
      title: 'A store has not confirmed the deletion',
      action:
        'A store of the product was asked to delete or anonymise the customer’s personal data (policy 11.3) and ' +
        'has not confirmed it (deletion.confirmed) for days; it is asked again every day under the same webhook id. ' +
        'Check with the product team; a deletion confirmed another way is recorded with the update deletionConfirmed.',
    },
    'certificate-undeliverable': {
      title: 'The certificate of deletion could not be emailed',
      action:
        'Every store confirmed the deletion of the customer’s personal data (policy 11.3), but no contact of the ' +
        'customer accepted the email carrying the certificate of deletion (or the customer has no record). The PDF is ' +
        'kept in the records (termination_certificates, with its SHA-256): send it to the customer another way.',
    },
  },
  webUi: { query: 'terminationStatus', shows: 'the export window, the stores and the timeline' },
} satisfies PrivacyTeamAlertCopy<TerminationPrivacyTeamAlertKind>;
