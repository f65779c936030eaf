/**
 * The privacy team's daily digest (issue 13): English, like every internal alert, identifiers only. A
 * table per section in HTML, the same rows as lines in the text part.
 */
import { defaultTimeZone } from '../../../../domain/language';
import { formatInstant } from '../../format';
import { escapeHtml, type RenderedEmail } from '../rendered-email';
import type { DigestCaseRow, StuckActivityRow, TeamDigestFacts } from './facts';

type Column<Row> = { title: string; value: (row: Row) => string; link?: (row: Row) => string };

const when = (instant: string | undefined, timeZone: string) =>
  instant === undefined ? '-' : `${formatInstant(instant, 'en', timeZone)} (${instant})`;

function caseColumns(timeZone: string): Column<DigestCaseRow>[] {
  return [
    { title: 'Deadline', value: (row) => when(row.deadline, timeZone) },
    { title: 'Process', value: (row) => row.process },
    { title: 'Customer', value: (row) => (row.customerIds.length === 0 ? '-' : row.customerIds.join(', ')) },
    { title: 'State', value: (row) => row.status },
    { title: 'Case', value: (row) => row.workflowId, link: (row) => row.link },
  ];
}

const stuckColumns: Column<StuckActivityRow>[] = [
  { title: 'Failing for', value: (row) => `${row.failingForMinutes} min` },
  { title: 'Activity', value: (row) => row.activityType },
  { title: 'Attempt', value: (row) => String(row.attempt) },
  { title: 'Process', value: (row) => row.process },
  { title: 'Last error', value: (row) => row.lastFailure },
  { title: 'Case', value: (row) => row.workflowId, link: (row) => row.link },
];

type Section = { title: string; empty: string; html: string; text: string; count: number };

function section<Row>(title: string, empty: string, rows: readonly Row[], columns: readonly Column<Row>[]): Section {
  const cell = 'border:1px solid #d9e2ec;padding:6px 8px;text-align:left;vertical-align:top;';
  const html =
    rows.length === 0
      ? `<p style="margin:0 0 12px;">${escapeHtml(empty)}</p>`
      : [
          '<table style="border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px;">',
          `<thead><tr>${columns.map((column) => `<th style="${cell}background-color:#f0f4f8;">${escapeHtml(column.title)}</th>`).join('')}</tr></thead>`,
          '<tbody>',
          ...rows.map(
            (row) =>
              `<tr>${columns
                .map((column) => {
                  const value = escapeHtml(column.value(row));
                  const href = column.link?.(row);
                  const shown = href && /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}">${value}</a>` : value;
                  return `<td style="${cell}">${shown}</td>`;
                })
                .join('')}</tr>`,
          ),
          '</tbody>',
          '</table>',
        ].join('\n');
  const text =
    rows.length === 0
      ? empty
      : rows
          .map((row) =>
            columns.map((column) => `${column.title}: ${column.value(row)}${column.link ? ` <${column.link(row)}>` : ''}`).join(' | '),
          )
          .map((line) => `- ${line}`)
          .join('\n');
  return { title: `${title} (${rows.length})`, empty, html, text, count: rows.length };
}

/** Nothing to report: no email is sent (the workflow logs it). */
export function teamDigestIsEmpty(facts: TeamDigestFacts): boolean {
  return facts.dueSoon.length + facts.overdue.length + facts.undeliverable.length + facts.stuck.length === 0;
}

export function renderTeamDigest(facts: TeamDigestFacts): RenderedEmail {
  const zone = facts.timeZone || defaultTimeZone;
  const columns = caseColumns(zone);
  const sections = [
    section('Overdue', 'Nothing is overdue.', facts.overdue, columns),
    section(`Deadlines in the next ${facts.horizonDays} days`, 'No deadline falls in this period.', facts.dueSoon, columns),
    section('Undeliverable notices and alerts', 'Every notice and alert was delivered.', facts.undeliverable, columns),
    section('Stuck activities (mail or product webhooks failing)', 'No activity is stuck.', facts.stuck, stuckColumns),
  ];
  const day = formatInstant(facts.at, 'en', zone);
  const subject = `[Privacy team] Daily digest – ${facts.overdue.length} overdue, ${facts.dueSoon.length} due within ${facts.horizonDays} days, ${facts.undeliverable.length} undeliverable, ${facts.stuck.length} stuck`;
  const intro = `What needs the privacy team on ${day}: every open case whose next deadline has passed or falls in the next ${facts.horizonDays} days (soonest first), every notice or alert nobody accepted, and every email or product webhook that has been failing for a while.`;
  const foot =
    'Sent automatically by the DPA orchestrator from the running cases themselves (Temporal visibility). It carries identifiers only; open a case in the Temporal Web UI for its details.';
  const text = [intro, ...sections.flatMap((s) => [`${s.title}\n${'-'.repeat(s.title.length)}`, s.text]), foot].join('\n\n') + '\n';
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#f4f5f7;">',
    '<div style="max-width:960px;margin:0 auto;padding:24px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">',
    `<p style="margin:0 0 12px;">${escapeHtml(intro)}</p>`,
    ...sections.flatMap((s) => [`<h2 style="font-size:17px;margin:24px 0 8px;color:#102a43;">${escapeHtml(s.title)}</h2>`, s.html]),
    `<p style="margin:20px 0 0;font-size:13px;color:#52606d;">${escapeHtml(foot)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
