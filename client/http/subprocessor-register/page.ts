/**
 * The register as a page for customers: Bijlage III as a self-contained, printable HTML document in the
 * customer's language, with the changes of the period marked as policy 5.2 asks. The words are in
 * nl.ts, fr.ts and en.ts; every value from the register is escaped.
 */
import { countryName, locales } from '../../../activities/email/format';
import { escapeHtml } from '../../../activities/email/templates/rendered-email';
import type { Language } from '../../../domain/language';
import type { RegisterPageCopy } from './copy';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { registerTimeZone } from './query';
import type { RegisterPage } from './view';

const copies: Readonly<Record<Language, RegisterPageCopy>> = { nl, fr, en };

/** "2 juni 2025", "1er octobre 2025", "2 June 2025": the day in Brussels. */
function registerDate(instant: string, language: Language): string {
  const text = new Intl.DateTimeFormat(locales[language], {
    timeZone: registerTimeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
  // French writes the first of a month as an ordinal; Intl does not.
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

function registerDateTime(instant: string, language: Language): string {
  const time = new Intl.DateTimeFormat(locales[language], {
    timeZone: registerTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${registerDate(instant, language)} ${copies[language].at} ${time}`;
}

const style = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
  h1 { font-size: 1.6em; margin-bottom: .3em; }
  h2 { font-size: 1.2em; margin-top: 2em; }
  .dates { color: #444; }
  table { border-collapse: collapse; width: 100%; margin-top: .8em; }
  th, td { border: 1px solid #bbb; padding: .35em .5em; text-align: left; vertical-align: top; }
  th { background: #eef1f4; }
  tr { break-inside: avoid; }
  .mark { display: inline-block; border: 1px solid #1a5fb4; color: #1a5fb4; border-radius: 3px; padding: 0 .3em; font-size: .85em; }
  .note { color: #555; font-size: .9em; }
  .mark.urgent { border-color: #a51d2d; color: #a51d2d; }
  @media print { body { margin: 0; max-width: none; font-size: 10pt; } th { background: none; } @page { margin: 1.5cm; } }
`;

/**
 * Bijlage III as a self-contained, printable HTML document (inline CSS, no scripts, no links out), with
 * the changes of the period marked as 5.2 asks. Every value from the register is escaped.
 */
export function renderSubprocessorRegisterHtml(page: RegisterPage): string {
  const { language } = page;
  const c = copies[language];
  const date = (instant: string) => escapeHtml(registerDate(instant, language));
  // 5.2 "de wijzigingen in de lijst duidelijk aangeven": a subprocessor that arrived in the period is marked.
  const arrivedInPeriod = new Set(page.changes.filter((change) => change.action !== 'removed').map((change) => change.subprocessor.id));

  const rows = page.subprocessors.map((s) => {
    const onList = [c.since(registerDate(s.addedAt, language)), ...(s.removedAt ? [c.until(registerDate(s.removedAt, language))] : [])]
      .map(escapeHtml)
      .join('<br>');
    const mark = arrivedInPeriod.has(s.id) ? ` <span class="mark">${escapeHtml(c.newMark)}</span>` : '';
    return (
      `<tr data-id="${escapeHtml(s.id)}"><td>${escapeHtml(s.name)}${mark}</td><td>${escapeHtml(countryName(s.country, language))}</td>` +
      `<td>${escapeHtml(s.insideEea ? c.inside : c.outside)}</td><td>${escapeHtml(s.purpose)}</td>` +
      `<td>${escapeHtml(c.basis[s.transferBasis])}</td><td>${onList}</td></tr>`
    );
  });
  const list =
    rows.length === 0
      ? `<p>${escapeHtml(c.emptyList)}</p>`
      : `<table><thead><tr><th>${[
          c.columns.name,
          c.columns.country,
          c.columns.eea,
          c.columns.purpose,
          c.columns.safeguard,
          c.columns.onList,
        ]
          .map(escapeHtml)
          .join('</th><th>')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;

  const changeRows = page.changes.map((change) => {
    const upcoming = Date.parse(change.effectiveAt) > Date.parse(page.asOf) ? ` <span class="note">(${escapeHtml(c.upcoming)})</span>` : '';
    const replaces = change.replaces ? `<br><span class="note">${escapeHtml(c.replaces(change.replaces.name))}</span>` : '';
    // 5.2: a change that took effect before its windows to object closed is marked, with its reason.
    const urgent = change.urgent
      ? ` <span class="mark urgent">${escapeHtml(c.urgentMark)}</span><br><span class="note">${escapeHtml(c.urgentReason(change.urgent.reason))}</span>`
      : '';
    return (
      `<tr data-change="${escapeHtml(change.changeId)}" data-action="${change.action}"${change.urgent ? ' data-urgent="true"' : ''}>` +
      `<td>${date(change.announcedAt)}</td>` +
      `<td>${escapeHtml(c.action[change.action])}${urgent}</td>` +
      `<td>${escapeHtml(change.subprocessor.name)} (${escapeHtml(countryName(change.subprocessor.country, language))})${replaces}</td>` +
      `<td>${date(change.effectiveAt)}${upcoming}</td></tr>`
    );
  });
  const changes =
    changeRows.length === 0
      ? `<p>${escapeHtml(c.noChanges)}</p>`
      : `<table><thead><tr><th>${[
          c.changeColumns.announced,
          c.changeColumns.change,
          c.changeColumns.subprocessor,
          c.changeColumns.effective,
        ]
          .map(escapeHtml)
          .join('</th><th>')}</th></tr></thead><tbody>${changeRows.join('')}</tbody></table>`;

  const lastUpdated = escapeHtml(c.lastUpdated(page.lastUpdatedAt && registerDate(page.lastUpdatedAt, language)));
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(c.title)}</h1>
<p class="dates">${escapeHtml(c.asOf)} <time datetime="${page.asOf}">${escapeHtml(registerDateTime(page.asOf, language))}</time> · ${lastUpdated}</p>
<p>${escapeHtml(c.intro)}</p>
<p>${escapeHtml(c.objections)}</p>
<section id="register">
${list}
</section>
<section id="changes">
<h2>${escapeHtml(c.changesSince(registerDate(page.since, language)))}</h2>
${changes}
</section>
<p class="note">${escapeHtml(c.timeNote)}</p>
</body>
</html>
`;
}
