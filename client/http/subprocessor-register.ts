/**
 * The subprocessor register over HTTP (policy 5.2 and Bijlage III; GDPR Art. 28(2)): the dated list as
 * it stood at any instant, the changes since any instant, and a page a privacy operator can send to a
 * customer. Bijlage III asks for each subprocessor's name, country, whether it is inside the EEA and,
 * outside it, the safeguard; 5.2 asks that changes be clearly marked, with the date the list was updated
 * and the date each change took or takes effect.
 *
 * Public, unlike the operator routes: the register holds no personal data and is meant for customers.
 * Nothing here writes; changes reach the register only through `subprocessor.changed` webhooks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addCalendarMonths,
  addLocalDays,
  formatInstant,
  isLocalDate,
  localDateOf,
  parseInstant,
  startOfLocalDate,
} from '../../domain/clocks';
import { defaultTimeZone, isLanguage, languages, type Language } from '../../domain/language';
import { isEeaMemberState, isoCountryCodes, type TransferBasis, type TransferSafeguard } from '../../domain/transfers';
import type { Records } from '../../records';
import type { Subprocessor, SubprocessorChange, SubprocessorChangeAction } from '../../records/subprocessors';

/** The register's dates are read and shown on the policy's home calendar, whoever asks. */
const registerTimeZone = defaultTimeZone;

/** The start of the Unix epoch: `since` left out means every change ever recorded. */
const beginning = '1970-01-01T00:00:00.000Z';

/** How far back the HTML page shows changes when no `since` is given. */
const defaultChangeMonths = 12;

// ---------------------------------------------------------------------------------------------------
// Reading the query string

/** A query parameter the route cannot read: answered 400 with this message, nothing else done. */
class BadQuery extends Error {}

type Query = Record<string, string | string[] | undefined>;

/** One value, or undefined when left out. Empty counts as left out: an HTML form sends empty fields. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new BadQuery(`${name} must be given once, got ${value.length} values`);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * `asOf` and `since`: an instant with its zone ("2026-03-01T09:00:00Z", "2026-03-01T10:00:00+01:00"), or a
 * calendar date ("2026-03-01") read on the Brussels calendar (PRODUCT.md "Dates and times"):
 * - as `asOf` ('end'), a date means the last millisecond of that day in Brussels: the list as it stood
 *   that day, once every change effective that day had taken effect;
 * - as `since` ('start'), a date means the first instant of that day in Brussels, so that the changes
 *   announced that day are included.
 * Returns the instant in the stored form (UTC, 'Z').
 */
export function readRegisterInstant(name: string, raw: string, dayMeans: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    if (!isLocalDate(raw)) throw new BadQuery(`${name}: ${JSON.stringify(raw)} is not a calendar date`);
    try {
      if (dayMeans === 'start') return startOfLocalDate(raw, registerTimeZone);
      return formatInstant(parseInstant(startOfLocalDate(addLocalDays(raw, 1), registerTimeZone)) - 1);
    } catch {
      throw new BadQuery(`${name}: ${JSON.stringify(raw)} is outside the years 0001 to 9999`);
    }
  }
  // An unencoded '+' in a query string arrives as a space: "...T10:00:00 01:00" meant "+01:00".
  const spelled = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(spelled)) {
    throw new BadQuery(`${name}: ${JSON.stringify(raw)} has no time zone: add Z or an offset such as +01:00`);
  }
  try {
    return formatInstant(parseInstant(spelled));
  } catch {
    throw new BadQuery(
      `${name} must be a date (YYYY-MM-DD) or a date and time with its zone (such as 2026-03-01T09:00:00Z), got ${JSON.stringify(raw)}`,
    );
  }
}

function readLanguage(query: Query): Language {
  const raw = single(query, 'lang');
  if (raw === undefined) return 'en';
  if (!isLanguage(raw)) throw new BadQuery(`lang must be one of ${languages.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw;
}

// ---------------------------------------------------------------------------------------------------
// What the routes answer

/** One line of Bijlage III. `status` is left out: it turns 'removed' when a removal is announced, not when it takes effect. */
export interface RegisterEntry {
  id: string;
  name: string;
  country: string;
  insideEea: boolean;
  purpose: string;
  /** The safeguard declared at the change, if any. */
  safeguard: TransferSafeguard | null;
  /** What made the transfer lawful (policy 6.3): 'eea' when there is no transfer. */
  transferBasis: TransferBasis;
  /** The instant its arrival took effect. */
  addedAt: string;
  /** The instant its departure took or takes effect, once announced. */
  removedAt: string | null;
}

export interface RegisterChange {
  changeId: string;
  action: SubprocessorChangeAction;
  /** 5.2: when the list was updated and the customers told; their 30 days run from it. */
  announcedAt: string;
  /** 5.2: when the change took or takes effect. */
  effectiveAt: string;
  /** The one added, the one that replaces another, or the one removed. */
  subprocessor: { id: string; name: string; country: string; purpose: string };
  replaces: { id: string; name: string } | null;
}

export function registerEntry(subprocessor: Subprocessor): RegisterEntry {
  return {
    id: subprocessor.id,
    name: subprocessor.name,
    country: subprocessor.country,
    insideEea: isEeaMemberState(subprocessor.country),
    purpose: subprocessor.purpose,
    safeguard: subprocessor.safeguard,
    transferBasis: subprocessor.transferBasis,
    addedAt: subprocessor.addedAt,
    removedAt: subprocessor.removedAt,
  };
}

/** Each change with the names it concerns; a subprocessor named by several changes is read once. */
async function describeChanges(records: Records, changes: SubprocessorChange[]): Promise<RegisterChange[]> {
  const read = new Map<string, Promise<Subprocessor>>();
  const subprocessor = (id: string): Promise<Subprocessor> => {
    let found = read.get(id);
    if (!found) {
      // A change and its subprocessor are written in one transaction: a missing one is a broken register.
      found = records.subprocessors.get(id).then((s) => {
        if (!s) throw new Error(`subprocessor ${id} of a recorded change is not on the register`);
        return s;
      });
      read.set(id, found);
    }
    return found;
  };
  return Promise.all(
    changes.map(async (change) => {
      const { id, name, country, purpose } = await subprocessor(change.subprocessorId);
      const replaced = change.replaces === null ? null : await subprocessor(change.replaces);
      return {
        changeId: change.changeId,
        action: change.action,
        announcedAt: change.announcedAt,
        effectiveAt: change.effectiveAt,
        subprocessor: { id, name, country, purpose },
        replaces: replaced && { id: replaced.id, name: replaced.name },
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// The page for customers

type Copy = {
  title: string;
  intro: string;
  objections: string;
  asOf: string;
  lastUpdated(date: string | null): string;
  columns: { name: string; country: string; eea: string; purpose: string; safeguard: string; onList: string };
  inside: string;
  outside: string;
  basis: Record<TransferBasis, string>;
  since(date: string): string;
  until(date: string): string;
  newMark: string;
  emptyList: string;
  changesSince(date: string): string;
  noChanges: string;
  changeColumns: { announced: string; change: string; subprocessor: string; effective: string };
  action: Record<SubprocessorChangeAction, string>;
  replaces(name: string): string;
  upcoming: string;
  at: string;
  timeNote: string;
};

/** Written for each language (no machine translation); the policy's own words where it has them. */
const copy: Record<Language, Copy> = {
  nl: {
    title: 'Overzicht van de subverwerkers',
    intro:
      'Dit zijn de subverwerkers op wie wij een beroep doen om persoonsgegevens voor uw rekening te verwerken ' +
      '(bijlage III bij onze dataverwerkingspolicy; art. 28, lid 2 AVG). Elke subverwerker is minstens gebonden door ' +
      'dezelfde verplichtingen als wij op grond van die policy. Is een subverwerker buiten de Europese Economische ' +
      'Ruimte (EER) gevestigd, dan vermeldt de tabel de waarborg die de doorgifte rechtmatig maakt.',
    objections:
      'Wij brengen u op de hoogte van elke wijziging in deze lijst. U kunt binnen dertig dagen na onze kennisgeving ' +
      'schriftelijk en gemotiveerd bezwaar maken tegen een wijziging (artikel 5.2 van de policy).',
    asOf: 'Stand van de lijst op',
    lastUpdated: (date) => (date ? `Laatst bijgewerkt op ${date}` : 'Nog niet bijgewerkt'),
    columns: { name: 'Subverwerker', country: 'Land van vestiging', eea: 'EER', purpose: 'Doel', safeguard: 'Waarborg bij doorgifte', onList: 'Op de lijst' },
    inside: 'Binnen de EER',
    outside: 'Buiten de EER',
    basis: {
      eea: 'Niet nodig: geen doorgifte buiten de EER',
      adequacy: 'Adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)',
      scc: 'Modelcontractbepalingen (Uitvoeringsbesluit (EU) 2021/914 van de Commissie; art. 46 AVG)',
      bcr: 'Bindende bedrijfsvoorschriften (art. 47 AVG)',
      certification: 'Goedgekeurd certificeringsmechanisme (art. 42 en art. 46, lid 2, f) AVG)',
    },
    since: (date) => `sinds ${date}`,
    until: (date) => `tot ${date}`,
    newMark: 'nieuw',
    emptyList: 'Op deze datum deden wij geen beroep op subverwerkers.',
    changesSince: (date) => `Wijzigingen sinds ${date}`,
    noChanges: 'Geen wijzigingen in deze periode.',
    changeColumns: { announced: 'Aangekondigd op', change: 'Wijziging', subprocessor: 'Subverwerker', effective: 'Van kracht op' },
    action: { added: 'Toevoeging', replaced: 'Vervanging', removed: 'Verwijdering' },
    replaces: (name) => `vervangt ${name}`,
    upcoming: 'nog niet van kracht',
    at: 'om',
    timeNote: 'Alle data en tijden in Belgische tijd (Europe/Brussels).',
  },
  fr: {
    title: 'Liste des sous-traitants ultérieurs',
    intro:
      'Voici les sous-traitants ultérieurs auxquels nous faisons appel pour traiter des données à caractère personnel ' +
      'pour votre compte (annexe III de notre politique de traitement des données ; art. 28, § 2 RGPD). Chacun d’eux ' +
      'est tenu à des obligations au moins équivalentes à celles qui nous incombent en vertu de cette politique. ' +
      'Lorsqu’un sous-traitant ultérieur est établi hors de l’Espace économique européen (EEE), le tableau indique la ' +
      'garantie qui rend le transfert licite.',
    objections:
      'Nous vous informons de toute modification de cette liste. Vous pouvez vous opposer à une modification, par écrit ' +
      'et de manière motivée, dans les trente jours suivant notre notification (article 5.2 de la politique).',
    asOf: 'Liste en vigueur le',
    lastUpdated: (date) => (date ? `Dernière mise à jour le ${date}` : 'Pas encore mise à jour'),
    columns: {
      name: 'Sous-traitant ultérieur',
      country: 'Pays d’établissement',
      eea: 'EEE',
      purpose: 'Finalité',
      safeguard: 'Garantie en cas de transfert',
      onList: 'Sur la liste',
    },
    inside: 'Dans l’EEE',
    outside: 'Hors EEE',
    basis: {
      eea: 'Aucune : pas de transfert hors de l’EEE',
      adequacy: 'Décision d’adéquation de la Commission européenne (art. 45 RGPD)',
      scc: 'Clauses contractuelles types (décision d’exécution (UE) 2021/914 de la Commission ; art. 46 RGPD)',
      bcr: 'Règles d’entreprise contraignantes (art. 47 RGPD)',
      certification: 'Mécanisme de certification approuvé (art. 42 et art. 46, § 2, f) RGPD)',
    },
    since: (date) => `depuis le ${date}`,
    until: (date) => `jusqu’au ${date}`,
    newMark: 'nouveau',
    emptyList: 'À cette date, nous ne faisions appel à aucun sous-traitant ultérieur.',
    changesSince: (date) => `Modifications depuis le ${date}`,
    noChanges: 'Aucune modification au cours de cette période.',
    changeColumns: { announced: 'Annoncée le', change: 'Modification', subprocessor: 'Sous-traitant ultérieur', effective: 'Prise d’effet le' },
    action: { added: 'Ajout', replaced: 'Remplacement', removed: 'Retrait' },
    replaces: (name) => `remplace ${name}`,
    upcoming: 'pas encore en vigueur',
    at: 'à',
    timeNote: 'Dates et heures à l’heure belge (Europe/Brussels).',
  },
  en: {
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
    columns: { name: 'Subprocessor', country: 'Country of establishment', eea: 'EEA', purpose: 'Purpose', safeguard: 'Safeguard for transfers', onList: 'On the list' },
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
    at: 'at',
    timeNote: 'All dates and times in Belgian time (Europe/Brussels).',
  },
};

/** Belgian Dutch and French (the policy's home); British English for day-month-year order. */
const locales: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** "2 juni 2025", "1er octobre 2025", "2 June 2025": the day in Brussels. */
function registerDate(instant: string, language: Language): string {
  const text = new Intl.DateTimeFormat(locales[language], { timeZone: registerTimeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(instant),
  );
  // French writes the first of a month as an ordinal; Intl does not.
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

function registerDateTime(instant: string, language: Language): string {
  const time = new Intl.DateTimeFormat(locales[language], { timeZone: registerTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
  return `${registerDate(instant, language)} ${copy[language].at} ${time}`;
}

/** "Verenigde Staten (US)", "États-Unis (US)", "United States (US)"; the code alone where there is no name. */
function countryName(country: string, language: Language): string {
  if (!isoCountryCodes.has(country)) return country;
  const name = new Intl.DisplayNames([locales[language]], { type: 'region', fallback: 'none' }).of(country);
  return name ? `${name} (${country})` : country;
}

export interface RegisterPage {
  language: Language;
  asOf: string;
  /** The first instant of the changes shown; changes are shown up to `asOf`. */
  since: string;
  /** 5.2: the last time the list was updated (the latest change announced by `asOf`), if ever. */
  lastUpdatedAt: string | null;
  subprocessors: RegisterEntry[];
  changes: RegisterChange[];
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
  @media print { body { margin: 0; max-width: none; font-size: 10pt; } th { background: none; } @page { margin: 1.5cm; } }
`;

/**
 * Bijlage III as a self-contained, printable HTML document (inline CSS, no scripts, no links out), with
 * the changes of the period marked as 5.2 asks. Every value from the register is escaped.
 */
export function renderSubprocessorRegisterHtml(page: RegisterPage): string {
  const { language } = page;
  const c = copy[language];
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
      : `<table><thead><tr><th>${[c.columns.name, c.columns.country, c.columns.eea, c.columns.purpose, c.columns.safeguard, c.columns.onList]
          .map(escapeHtml)
          .join('</th><th>')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;

  const changeRows = page.changes.map((change) => {
    const upcoming = Date.parse(change.effectiveAt) > Date.parse(page.asOf) ? ` <span class="note">(${escapeHtml(c.upcoming)})</span>` : '';
    const replaces = change.replaces ? `<br><span class="note">${escapeHtml(c.replaces(change.replaces.name))}</span>` : '';
    return (
      `<tr data-change="${escapeHtml(change.changeId)}" data-action="${change.action}"><td>${date(change.announcedAt)}</td>` +
      `<td>${escapeHtml(c.action[change.action])}</td>` +
      `<td>${escapeHtml(change.subprocessor.name)} (${escapeHtml(countryName(change.subprocessor.country, language))})${replaces}</td>` +
      `<td>${date(change.effectiveAt)}${upcoming}</td></tr>`
    );
  });
  const changes =
    changeRows.length === 0
      ? `<p>${escapeHtml(c.noChanges)}</p>`
      : `<table><thead><tr><th>${[c.changeColumns.announced, c.changeColumns.change, c.changeColumns.subprocessor, c.changeColumns.effective]
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

// ---------------------------------------------------------------------------------------------------
// Routes

/** Runs a handler; a query it cannot read is answered 400 with the reason, before anything is read. */
function answering(handler: (query: Query, reply: FastifyReply) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(request.query as Query, reply);
    } catch (error) {
      if (error instanceof BadQuery) return reply.code(400).send({ error: error.message });
      throw error;
    }
  };
}

export function registerSubprocessorRegisterRoutes(app: FastifyInstance, deps: { records: Records }): void {
  const register = deps.records.subprocessors;
  const asOfFrom = (query: Query) => {
    const raw = single(query, 'asOf');
    return raw === undefined ? new Date().toISOString() : readRegisterInstant('asOf', raw, 'end');
  };

  app.get(
    '/subprocessors',
    answering(async (query) => {
      const asOf = asOfFrom(query);
      return { asOf, subprocessors: (await register.listAsOf(asOf)).map(registerEntry) };
    }),
  );

  app.get(
    '/subprocessors/changes',
    answering(async (query) => {
      const raw = single(query, 'since');
      const since = raw === undefined ? beginning : readRegisterInstant('since', raw, 'start');
      return { since, changes: await describeChanges(deps.records, await register.changesSince(since)) };
    }),
  );

  app.get(
    '/subprocessors.html',
    answering(async (query, reply) => {
      const language = readLanguage(query);
      const asOf = asOfFrom(query);
      const rawSince = single(query, 'since');
      // Without `since`, the twelve months before asOf, from the start of that day in Brussels: a page
      // that stays short for a long-lived register and still shows every change a customer was told of
      // in the past year.
      const since =
        rawSince === undefined
          ? addCalendarMonths(startOfLocalDate(localDateOf(asOf, registerTimeZone), registerTimeZone), -defaultChangeMonths, registerTimeZone)
          : readRegisterInstant('since', rawSince, 'start');
      if (Date.parse(since) > Date.parse(asOf)) throw new BadQuery(`since (${since}) is after asOf (${asOf})`);

      // The page is the register as it stood at asOf: changes announced later are not on it yet.
      const announcedByAsOf = (await register.changesSince(beginning)).filter((change) => Date.parse(change.announcedAt) <= Date.parse(asOf));
      const inPeriod = announcedByAsOf.filter((change) => Date.parse(change.announcedAt) >= Date.parse(since));
      const html = renderSubprocessorRegisterHtml({
        language,
        asOf,
        since,
        lastUpdatedAt: announcedByAsOf.at(-1)?.announcedAt ?? null,
        subprocessors: (await register.listAsOf(asOf)).map(registerEntry),
        changes: await describeChanges(deps.records, inPeriod),
      });
      return reply
        .type('text/html; charset=utf-8')
        // Defence in depth behind the escaping: the page needs its inline style and nothing else.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(html);
    }),
  );
}
