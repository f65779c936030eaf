import { stringify } from 'csv-stringify/sync';
import type { BreachRegisterEntry } from '../../records/breach-register';

/**
 * The breach register (Art. 33(5)) as CSV for a spreadsheet or an authority: one line per incident
 * and affected customer, so that each notice, acknowledgement and deadline has its own cells.
 */
const columns = [
  'incident_id',
  'aware_at',
  'detected_at',
  'incident_status',
  'contained',
  'summary',
  'data_categories',
  'subjects_approx',
  'measures',
  'customer_id',
  'notice_status',
  'notified_at',
  'acknowledged_at',
  'controller_deadline_at',
  'contractual_deadline_at',
  'notice_problem',
  'closed_at',
  'final_report',
  // Added after the first export, at the end so that a spreadsheet's columns stay where they were:
  // 8.1, a breach reported as suspected and what became of it; Art. 33(3)-(4), the facts that may
  // arrive in phases, and when the current value of each became known.
  'suspected_since',
  'confirmed_at',
  'ruled_out_at',
  'subject_categories',
  'records_approx',
  'likely_consequences',
  'data_categories_known_at',
  'subject_categories_known_at',
  'subjects_approx_known_at',
  'records_approx_known_at',
  'likely_consequences_known_at',
] as const;

export function breachRegisterCsv(entries: BreachRegisterEntry[]): string {
  const rows: Array<Record<(typeof columns)[number], string | number | boolean | null | undefined>> = [];
  for (const entry of entries) {
    const notifications = entry.notifications.length > 0 ? entry.notifications : [undefined];
    for (const notification of notifications) {
      rows.push({
        incident_id: entry.incidentId,
        aware_at: entry.awareAt,
        detected_at: entry.detectedAt,
        incident_status: entry.status,
        contained: entry.contained,
        summary: entry.summary,
        data_categories: entry.dataCategories.join('; '),
        subjects_approx: entry.subjectsApprox,
        measures: entry.measures.join('; '),
        customer_id: notification?.customerId,
        notice_status: notification?.status,
        notified_at: notification?.notifiedAt,
        acknowledged_at: notification?.acknowledgedAt,
        controller_deadline_at: notification?.controllerDeadlineAt,
        contractual_deadline_at: notification?.contractualDeadlineAt,
        notice_problem: notification?.problem,
        closed_at: entry.closedAt,
        final_report: entry.finalReport,
        suspected_since: entry.suspectedSince,
        confirmed_at: entry.confirmedAt,
        ruled_out_at: entry.ruledOutAt,
        subject_categories: entry.subjectCategories?.join('; '),
        records_approx: entry.recordsApprox,
        likely_consequences: entry.likelyConsequences,
        data_categories_known_at: entry.factsKnownAt.dataCategories,
        subject_categories_known_at: entry.factsKnownAt.subjectCategories,
        subjects_approx_known_at: entry.factsKnownAt.subjectsApprox,
        records_approx_known_at: entry.factsKnownAt.recordsApprox,
        likely_consequences_known_at: entry.factsKnownAt.likelyConsequences,
      });
    }
  }
  return stringify(rows, {
    columns: [...columns],
    header: true,
    // Excel reads a file without a byte-order mark in the local code page, and the French and Dutch
    // summaries lose their accents.
    bom: true,
    // RFC 4180 line ends. With its own record delimiter csv-stringify no longer quotes a lone \n or \r
    // in a cell unless told to, and a multi-line summary would split its row.
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    // OWASP, CSV injection: a cell starting with =, +, -, @, tab or carriage return (and their
    // full-width forms) gets a leading ' so that a spreadsheet never runs a summary written by the
    // product's users as a formula. Numbers keep their minus sign.
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
}
