import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';

export type AuditPrivacyTeamAlertKind = 'auditors-not-bound' | 'findings-awaited' | 'customer-unreached';

/** The privacy team's alerts of the audit process (English; identifiers only). */
export const alert = {
  kinds: {
    'auditors-not-bound': {
      title: 'Auditors not bound to confidentiality',
      action:
        'The audit is two working days away and the customer has not confirmed that its auditors are bound by adequate ' +
        'confidentiality obligations (policy 12.3). Contact the customer; once it confirms, record it with the update ' +
        'auditConfidentialityConfirmed. Without it, consider postponing the audit (auditDateProposed) or refusing the ' +
        'auditors access to other customers’ information.',
    },
    'findings-awaited': {
      title: 'Audit findings not recorded',
      action:
        'The audit was held but its findings and the cost allocation (policy 12.4) are not recorded. Record them with ' +
        'the update auditFindingsRecorded; the customer then receives them. You are reminded every five working days.',
    },
    'customer-unreached': {
      title: 'The customer could not be emailed about its audit',
      action:
        'No contact of the customer accepted the email about its audit. Check the contacts on the customer record and ' +
        'tell the customer by another channel.',
    },
  },
  webUi: { query: 'auditStatus', shows: 'the audit and its timeline' },
} satisfies PrivacyTeamAlertCopy<AuditPrivacyTeamAlertKind>;
