import type { RegisterPageCopy } from './copy';

export const en = {
  title: 'Register of subprocessors',
  intro:
    'These are the subprocessors we engage to process personal data on your behalf (Annex III to our data ' +
    'processing policy; Art. 28(2) GDPR). Each of them is bound by at least the same obligations as we are under ' +
    'that policy. Where a subprocessor is established outside the European Economic Area (EEA), the table shows the ' +
    'safeguard that makes the transfer lawful.',
  objections:
    'We inform you of every change to this list. You may object to a change in writing, stating your reasons, within ' +
    'thirty days of our notice (section 5.2 of the policy).',
  asOf: 'List as it stood on',
  lastUpdated: (date) => (date ? `Last updated on ${date}` : 'Not updated yet'),
  columns: {
    name: 'Subprocessor',
    country: 'Country of establishment',
    eea: 'EEA',
    purpose: 'Purpose',
    safeguard: 'Safeguard for transfers',
    onList: 'On the list',
  },
  inside: 'Inside the EEA',
  outside: 'Outside the EEA',
  basis: {
    eea: 'None needed: no transfer outside the EEA',
    adequacy: 'Adequacy decision of the European Commission (Art. 45 GDPR)',
    scc: 'Standard contractual clauses (Commission Implementing Decision (EU) 2021/914; Art. 46 GDPR)',
    bcr: 'Binding corporate rules (Art. 47 GDPR)',
    certification: 'Approved certification mechanism (Art. 42 and Art. 46(2)(f) GDPR)',
  },
  since: (date) => `since ${date}`,
  until: (date) => `until ${date}`,
  newMark: 'new',
  emptyList: 'We engaged no subprocessors on this date.',
  changesSince: (date) => `Changes since ${date}`,
  noChanges: 'No changes in this period.',
  changeColumns: { announced: 'Announced on', change: 'Change', subprocessor: 'Subprocessor', effective: 'Effective on' },
  action: { added: 'Added', replaced: 'Replacement', removed: 'Removed' },
  replaces: (name) => `replaces ${name}`,
  upcoming: 'not yet in effect',
  urgentMark: 'urgent',
  urgentReason: (reason) => `Effective before the thirty days to object have passed, because: ${reason}`,
  at: 'at',
  timeNote: 'All dates and times in Belgian time (Europe/Brussels).',
} satisfies RegisterPageCopy;
