import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Records } from '../records';
import type { EmailAttachment } from './email/templates/rendered-email';

/**
 * The annex II measures, as the privacy team keeps them in the project (documents/annex-ii-toms.md):
 * read at each invitation, so that an edit reaches the next one without a release of the workflows.
 */
export const annexIiPath = path.resolve(__dirname, '..', 'documents', 'annex-ii-toms.md');

/**
 * 12.1: what the customer needs to verify compliance, sent with its invitation: the subprocessors
 * listed on the day of the invitation (policy 5), the breach register entries that concern it (policy
 * 8), and the technical and organisational measures of annex II.
 */
export async function auditAttachments(records: Records, customerId: string, asOf: string): Promise<EmailAttachment[]> {
  const day = asOf.slice(0, 10);
  const subprocessors = await records.subprocessors.listAsOf(asOf);
  const subprocessorCsv = stringify(
    subprocessors.map((s) => [s.id, s.name, s.country, s.purpose, s.safeguard ?? '', s.transferBasis, s.addedAt]),
    { header: true, columns: ['id', 'name', 'country', 'purpose', 'safeguard', 'transfer_basis', 'added_at'] },
  );
  const breaches = (await records.breaches.list()).flatMap((entry) =>
    entry.notifications
      .filter((notification) => notification.customerId === customerId)
      .map((notification) => [
        entry.incidentId,
        entry.awareAt,
        entry.summary,
        entry.dataCategories.join('; '),
        entry.status,
        notification.status,
        notification.notifiedAt ?? '',
        notification.acknowledgedAt ?? '',
        entry.closedAt ?? '',
      ]),
  );
  const breachCsv = stringify(breaches, {
    header: true,
    columns: [
      'incident_id',
      'aware_at',
      'summary',
      'data_categories',
      'incident_status',
      'notice_status',
      'notified_at',
      'acknowledged_at',
      'closed_at',
    ],
  });
  const measures = await readFile(annexIiPath, 'utf8');
  return [
    { filename: `subprocessors-${day}.csv`, contentType: 'text/csv; charset=utf-8', content: subprocessorCsv },
    { filename: `breach-register-${customerId}-${day}.csv`, contentType: 'text/csv; charset=utf-8', content: breachCsv },
    { filename: 'annex-ii-technical-and-organisational-measures.md', contentType: 'text/markdown; charset=utf-8', content: measures },
  ];
}
