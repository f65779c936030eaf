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
] as const;

export function breachRegisterCsv(entries: BreachRegisterEntry[]): string {
  const lines = [columns.join(',')];
  for (const entry of entries) {
    const notifications = entry.notifications.length > 0 ? entry.notifications : [undefined];
    for (const notification of notifications) {
      const row: Record<(typeof columns)[number], string | number | boolean | null | undefined> = {
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
      };
      lines.push(columns.map((column) => csvCell(row[column])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so that a spreadsheet never runs it as a formula. */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
