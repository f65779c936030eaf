import Fastify, { type FastifyInstance } from 'fastify';
import { registerSubprocessorRegisterRoutes } from '../../client/http/subprocessor-register';
import type { Database, Records } from '../../records';
import type { SubprocessorChangeFacts } from '../../records/subprocessors';
import { freshDatabase } from '../support/records';

/**
 * The register as a customer reads it (policy 5.2, Bijlage III): real SQL on both kinds of database, the
 * routes alone on a bare Fastify app. Brussels is UTC+1 in winter and UTC+2 in summer, so a change
 * effective at 22:30 UTC on 1 June 2025 is effective on 2 June on the Brussels calendar.
 */
const scriptedName = 'Helpdesk <script>alert("x")</script> & Co';

const timeline: SubprocessorChangeFacts[] = [
  {
    changeId: 'add-crm',
    action: 'added',
    subprocessor: { id: 'crm', name: 'Acme CRM', country: 'BE', purpose: 'customer relationship management' },
    announcedAt: '2025-01-10T09:00:00.000Z',
    effectiveAt: '2025-02-01T00:00:00.000Z',
  },
  {
    changeId: 'add-mail-old',
    action: 'added',
    subprocessor: { id: 'mail-old', name: 'Old Mail Ltd', country: 'GB', purpose: 'e-mail delivery' },
    announcedAt: '2025-01-10T09:00:00.000Z',
    effectiveAt: '2025-02-01T00:00:00.000Z',
  },
  {
    changeId: 'add-support',
    action: 'added',
    subprocessor: { id: 'support-in', name: scriptedName, country: 'IN', purpose: 'support desk', safeguard: 'bcr' },
    announcedAt: '2025-03-01T10:00:00.000Z',
    effectiveAt: '2025-04-01T00:00:00.000Z',
  },
  {
    changeId: 'replace-mail',
    action: 'replaced',
    subprocessor: { id: 'mail-new', name: 'New Mail Inc.', country: 'US', purpose: 'e-mail delivery', safeguard: 'adequacy' },
    replaces: 'mail-old',
    announcedAt: '2025-05-02T08:00:00.000Z',
    effectiveAt: '2025-06-01T22:30:00.000Z',
  },
  {
    changeId: 'remove-crm',
    action: 'removed',
    subprocessor: { id: 'crm', name: 'Acme CRM', country: 'BE', purpose: 'customer relationship management' },
    announcedAt: '2025-09-01T08:00:00.000Z',
    effectiveAt: '2025-10-01T00:00:00.000Z',
  },
  {
    // Announced, but effective only long after any day these tests run.
    changeId: 'add-analytics',
    action: 'added',
    subprocessor: { id: 'analytics-ch', name: 'Zürich Analytics AG', country: 'CH', purpose: 'product analytics' },
    announcedAt: '2026-11-01T09:00:00.000Z',
    effectiveAt: '2099-01-01T00:00:00.000Z',
  },
];

describe.each(['pglite', 'postgres'] as const)('the subprocessor register over HTTP, on %s', (kind) => {
  let database: Database;
  let records: Records;
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    ({ database, records } = await freshDatabase(kind));
    for (const change of timeline) await records.subprocessors.recordChange(change);
    app = Fastify();
    registerSubprocessorRegisterRoutes(app, { records });
    // A real socket, as the other end-to-end tests use: light-my-request (app.inject) loads the ESM-only
    // `cookie` package, which this jest setup cannot require.
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = async (url: string) => {
    const response = await fetch(`${baseUrl}${url}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const getJson = async (url: string) => {
    const { status, text } = await get(url);
    return { status, body: JSON.parse(text) };
  };
  const idsAsOf = async (asOf: string) => {
    const { status, body } = await getJson(`/subprocessors?asOf=${encodeURIComponent(asOf)}`);
    expect(status).toBe(200);
    return (body.subprocessors as Array<{ id: string }>).map((s) => s.id);
  };
  const html = async (query: string) => {
    const response = await get(`/subprocessors.html?${query}`);
    expect(response.status).toBe(200);
    return { headers: response.headers, body: response.text };
  };
  /** The rows of one section of the page, as their data attribute lists them. */
  const rowsOf = (page: string, section: 'register' | 'changes') => {
    const part = new RegExp(`<section id="${section}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';
    return [...part.matchAll(section === 'register' ? /<tr data-id="([^"]+)"/g : /<tr data-change="([^"]+)"/g)].map((m) => m[1]);
  };
  const rowHtml = (page: string, attribute: string) => new RegExp(`<tr ${attribute}[^>]*>([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '';

  describe('GET /subprocessors', () => {
    it('is empty before the first addition takes effect, and a date means the end of that day in Brussels', async () => {
      // Effective 2025-02-01T00:00Z is 01:00 on 1 February in Brussels: after 31 January ended there.
      expect(await idsAsOf('2025-01-31')).toEqual([]);
      expect(await idsAsOf('2025-01-31T23:59:59.999Z')).toEqual([]);
      expect(await idsAsOf('2025-02-01')).toEqual(['crm', 'mail-old']);
    });

    it('lists each subprocessor with its country, EEA position, safeguard and dates', async () => {
      const { status, body } = await getJson('/subprocessors?asOf=2025-05-01');
      expect(status).toBe(200);
      expect(body).toEqual({
        asOf: '2025-05-01T21:59:59.999Z',
        subprocessors: [
          {
            id: 'crm',
            name: 'Acme CRM',
            country: 'BE',
            insideEea: true,
            purpose: 'customer relationship management',
            safeguard: null,
            transferBasis: 'eea',
            addedAt: '2025-02-01T00:00:00.000Z',
            removedAt: '2025-10-01T00:00:00.000Z',
          },
          {
            id: 'mail-old',
            name: 'Old Mail Ltd',
            country: 'GB',
            insideEea: false,
            purpose: 'e-mail delivery',
            safeguard: null,
            transferBasis: 'adequacy',
            addedAt: '2025-02-01T00:00:00.000Z',
            removedAt: '2025-06-01T22:30:00.000Z',
          },
          {
            id: 'support-in',
            name: scriptedName,
            country: 'IN',
            insideEea: false,
            purpose: 'support desk',
            safeguard: 'bcr',
            transferBasis: 'bcr',
            addedAt: '2025-04-01T00:00:00.000Z',
            removedAt: null,
          },
        ],
      });
    });

    it('swaps a replaced subprocessor for its successor on the Brussels day the replacement takes effect', async () => {
      expect(await idsAsOf('2025-06-01')).toEqual(['crm', 'mail-old', 'support-in']);
      expect(await idsAsOf('2025-06-01T22:29:59.999Z')).toEqual(['crm', 'mail-old', 'support-in']);
      expect(await idsAsOf('2025-06-02')).toEqual(['crm', 'support-in', 'mail-new']);
      const { body } = await getJson('/subprocessors?asOf=2025-06-02');
      expect(body.subprocessors[2]).toEqual({
        id: 'mail-new',
        name: 'New Mail Inc.',
        country: 'US',
        insideEea: false,
        purpose: 'e-mail delivery',
        safeguard: 'adequacy',
        transferBasis: 'adequacy',
        addedAt: '2025-06-01T22:30:00.000Z',
        removedAt: null,
      });
    });

    it('keeps a removed subprocessor until its removal takes effect', async () => {
      expect(await idsAsOf('2025-09-30')).toEqual(['crm', 'support-in', 'mail-new']);
      expect(await idsAsOf('2025-10-01')).toEqual(['support-in', 'mail-new']);
    });

    it('reads an offset, also when its + arrived unencoded as a space', async () => {
      // 00:29:59+02:00 on 2 June is 22:29:59Z on 1 June: a second before the replacement.
      expect(await idsAsOf('2025-06-02T00:29:59+02:00')).toEqual(['crm', 'mail-old', 'support-in']);
      const { status, body } = await getJson('/subprocessors?asOf=2025-06-02T00:30:00+02:00');
      expect(status).toBe(200);
      expect(body.asOf).toBe('2025-06-01T22:30:00.000Z');
      expect(body.subprocessors.map((s: { id: string }) => s.id)).toEqual(['crm', 'support-in', 'mail-new']);
    });

    it('defaults to now: an addition effective in 2099 is not on the list yet', async () => {
      const before = Date.now();
      const { status, body } = await getJson('/subprocessors');
      expect(status).toBe(200);
      expect(Date.parse(body.asOf)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
      expect(body.subprocessors.map((s: { id: string }) => s.id)).toEqual(['support-in', 'mail-new']);
      expect(await idsAsOf('2099-01-01')).toEqual(['support-in', 'mail-new', 'analytics-ch']);
    });
  });

  describe('GET /subprocessors/changes', () => {
    it('lists every change, oldest first, when since is left out', async () => {
      const { status, body } = await getJson('/subprocessors/changes');
      expect(status).toBe(200);
      expect(body.since).toBe('1970-01-01T00:00:00.000Z');
      expect(body.changes.map((c: { changeId: string }) => c.changeId)).toEqual(timeline.map((c) => c.changeId));
    });

    it('lists the changes announced since the start of a Brussels day, with the subprocessors they concern', async () => {
      const { status, body } = await getJson('/subprocessors/changes?since=2025-05-02');
      expect(status).toBe(200);
      expect(body).toEqual({
        since: '2025-05-01T22:00:00.000Z',
        changes: [
          {
            changeId: 'replace-mail',
            action: 'replaced',
            announcedAt: '2025-05-02T08:00:00.000Z',
            effectiveAt: '2025-06-01T22:30:00.000Z',
            subprocessor: { id: 'mail-new', name: 'New Mail Inc.', country: 'US', purpose: 'e-mail delivery' },
            replaces: { id: 'mail-old', name: 'Old Mail Ltd' },
            urgent: null,
          },
          {
            changeId: 'remove-crm',
            action: 'removed',
            announcedAt: '2025-09-01T08:00:00.000Z',
            effectiveAt: '2025-10-01T00:00:00.000Z',
            subprocessor: { id: 'crm', name: 'Acme CRM', country: 'BE', purpose: 'customer relationship management' },
            replaces: null,
            urgent: null,
          },
          {
            changeId: 'add-analytics',
            action: 'added',
            announcedAt: '2026-11-01T09:00:00.000Z',
            effectiveAt: '2099-01-01T00:00:00.000Z',
            subprocessor: { id: 'analytics-ch', name: 'Zürich Analytics AG', country: 'CH', purpose: 'product analytics' },
            replaces: null,
            urgent: null,
          },
        ],
      });
    });

    it('counts since as an instant: a change announced exactly then is in, a millisecond later it is out', async () => {
      const at = await getJson(`/subprocessors/changes?since=${encodeURIComponent('2025-05-02T08:00:00Z')}`);
      expect(at.body.changes.map((c: { changeId: string }) => c.changeId)).toEqual(['replace-mail', 'remove-crm', 'add-analytics']);
      const after = await getJson(`/subprocessors/changes?since=${encodeURIComponent('2025-05-02T08:00:00.001Z')}`);
      expect(after.body.changes.map((c: { changeId: string }) => c.changeId)).toEqual(['remove-crm', 'add-analytics']);
    });
  });

  describe('a query the routes cannot read', () => {
    const refused: Array<[string, RegExp]> = [
      ['/subprocessors?asOf=yesterday', /^asOf must be a date \(YYYY-MM-DD\) or a date and time with its zone/],
      ['/subprocessors?asOf=2025-02-30', /^asOf: "2025-02-30" is not a calendar date$/],
      ['/subprocessors?asOf=2025-06-01T10:00:00', /^asOf: "2025-06-01T10:00:00" has no time zone: add Z or an offset/],
      ['/subprocessors?asOf=2025-06-01T25:00:00Z', /^asOf must be a date/],
      ['/subprocessors?asOf=9999-12-31', /^asOf: "9999-12-31" is outside the years 0001 to 9999$/],
      ['/subprocessors?asOf=2025-06-01&asOf=2025-06-02', /^asOf must be given once, got 2 values$/],
      ['/subprocessors/changes?since=last-week', /^since must be a date/],
      ['/subprocessors/changes?since=2025-13-01', /^since: "2025-13-01" is not a calendar date$/],
      ['/subprocessors.html?lang=de', /^lang must be one of nl, fr, en, got "de"$/],
      ['/subprocessors.html?lang=NL', /^lang must be one of nl, fr, en, got "NL"$/],
      ['/subprocessors.html?asOf=2025-06-31&lang=nl', /^asOf: "2025-06-31" is not a calendar date$/],
      ['/subprocessors.html?since=soon', /^since must be a date/],
      [
        '/subprocessors.html?asOf=2025-06-01&since=2025-06-02',
        /^since \(2025-06-01T22:00:00.000Z\) is after asOf \(2025-06-01T21:59:59.999Z\)$/,
      ],
    ];

    it.each(refused)('%s is answered 400 with the reason, and the register is unchanged', async (url, reason) => {
      const before = await records.subprocessors.changesSince('1970-01-01T00:00:00.000Z');
      const response = await get(url);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(response.text).error).toMatch(reason);
      expect(await records.subprocessors.changesSince('1970-01-01T00:00:00.000Z')).toEqual(before);
      expect((await records.subprocessors.listAsOf('2099-01-01T00:00:00.000Z')).map((s) => s.id)).toEqual([
        'support-in',
        'mail-new',
        'analytics-ch',
      ]);
    });
  });

  describe('GET /subprocessors.html', () => {
    const query = 'asOf=2025-10-15&since=2025-05-01';

    it('is a self-contained HTML document with a policy that allows nothing but its inline style', async () => {
      const { headers, body } = await html(query);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(body).toContain('<style>');
      expect(body).toContain('@media print');
      expect(body).not.toMatch(/<(script|link|img|iframe)\b/i);
      expect(body).not.toMatch(/\b(src|href)=/i);
    });

    it('in English by default: the list as of the day, marked changes, and dates on the Brussels calendar', async () => {
      const { body } = await html(query);
      expect(body).toContain('<title>Register of subprocessors</title>');
      expect(body).toContain('Annex III to our data processing policy; Art. 28(2) GDPR');
      expect(body).toContain('within thirty days of our notice (section 5.2 of the policy)');
      expect(body).toContain('List as it stood on <time datetime="2025-10-15T21:59:59.999Z">15 October 2025 at 23:59</time>');
      expect(body).toContain('Last updated on 1 September 2025');
      expect(rowsOf(body, 'register')).toEqual(['support-in', 'mail-new']);
      const mailNew = rowHtml(body, 'data-id="mail-new"');
      expect(mailNew).toContain('New Mail Inc. <span class="mark">new</span>');
      expect(mailNew).toContain('<td>United States (US)</td><td>Outside the EEA</td><td>e-mail delivery</td>');
      expect(mailNew).toContain('<td>Adequacy decision of the European Commission (Art. 45 GDPR)</td>');
      // 22:30 UTC on 1 June is 00:30 on 2 June in Brussels.
      expect(mailNew).toContain('<td>since 2 June 2025</td>');
      const support = rowHtml(body, 'data-id="support-in"');
      expect(support).not.toContain('class="mark"');
      expect(support).toContain(
        '<td>India (IN)</td><td>Outside the EEA</td><td>support desk</td><td>Binding corporate rules (Art. 47 GDPR)</td><td>since 1 April 2025</td>',
      );

      expect(body).toContain('<h2>Changes since 1 May 2025</h2>');
      expect(rowsOf(body, 'changes')).toEqual(['replace-mail', 'remove-crm']);
      expect(rowHtml(body, 'data-change="replace-mail"')).toBe(
        '<td>2 May 2025</td><td>Replacement</td><td>New Mail Inc. (United States (US))<br><span class="note">replaces Old Mail Ltd</span></td><td>2 June 2025</td>',
      );
      expect(rowHtml(body, 'data-change="remove-crm"')).toBe(
        '<td>1 September 2025</td><td>Removed</td><td>Acme CRM (Belgium (BE))</td><td>1 October 2025</td>',
      );
    });

    it('in Dutch', async () => {
      const { body } = await html(`${query}&lang=nl`);
      expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
      expect(body).toContain('<title>Overzicht van de subverwerkers</title>');
      expect(body).toContain('bijlage III bij onze dataverwerkingspolicy; art. 28, lid 2 AVG');
      expect(body).toContain('Stand van de lijst op <time datetime="2025-10-15T21:59:59.999Z">15 oktober 2025 om 23:59</time>');
      expect(body).toContain('Laatst bijgewerkt op 1 september 2025');
      expect(rowsOf(body, 'register')).toEqual(['support-in', 'mail-new']);
      expect(rowHtml(body, 'data-id="mail-new"')).toContain(
        'New Mail Inc. <span class="mark">nieuw</span></td><td>Verenigde Staten (US)</td><td>Buiten de EER</td><td>e-mail delivery</td>' +
          '<td>Adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)</td><td>sinds 2 juni 2025</td>',
      );
      expect(body).toContain('<h2>Wijzigingen sinds 1 mei 2025</h2>');
      expect(rowsOf(body, 'changes')).toEqual(['replace-mail', 'remove-crm']);
      expect(rowHtml(body, 'data-change="replace-mail"')).toBe(
        '<td>2 mei 2025</td><td>Vervanging</td><td>New Mail Inc. (Verenigde Staten (US))<br><span class="note">vervangt Old Mail Ltd</span></td><td>2 juni 2025</td>',
      );
      expect(rowHtml(body, 'data-change="remove-crm"')).toBe(
        '<td>1 september 2025</td><td>Verwijdering</td><td>Acme CRM (België (BE))</td><td>1 oktober 2025</td>',
      );
    });

    it('in French', async () => {
      const { body } = await html(`${query}&lang=fr`);
      expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
      expect(body).toContain('<title>Liste des sous-traitants ultérieurs</title>');
      expect(body).toContain('annexe III de notre politique de traitement des données ; art. 28, § 2 RGPD');
      expect(body).toContain('Liste en vigueur le <time datetime="2025-10-15T21:59:59.999Z">15 octobre 2025 à 23:59</time>');
      expect(body).toContain('Dernière mise à jour le 1er septembre 2025');
      expect(rowsOf(body, 'register')).toEqual(['support-in', 'mail-new']);
      expect(rowHtml(body, 'data-id="support-in"')).toContain(
        '<td>Inde (IN)</td><td>Hors EEE</td><td>support desk</td><td>Règles d’entreprise contraignantes (art. 47 RGPD)</td><td>depuis le 1er avril 2025</td>',
      );
      expect(body).toContain('<h2>Modifications depuis le 1er mai 2025</h2>');
      expect(rowsOf(body, 'changes')).toEqual(['replace-mail', 'remove-crm']);
      expect(rowHtml(body, 'data-change="replace-mail"')).toBe(
        '<td>2 mai 2025</td><td>Remplacement</td><td>New Mail Inc. (États-Unis (US))<br><span class="note">remplace Old Mail Ltd</span></td><td>2 juin 2025</td>',
      );
      expect(rowHtml(body, 'data-change="remove-crm"')).toBe(
        '<td>1er septembre 2025</td><td>Retrait</td><td>Acme CRM (Belgique (BE))</td><td>1er octobre 2025</td>',
      );
    });

    it('shows a subprocessor inside the EEA and one whose announced removal has not taken effect yet', async () => {
      const { body } = await html('asOf=2025-09-15&since=2025-09-01&lang=en');
      expect(rowsOf(body, 'register')).toEqual(['crm', 'support-in', 'mail-new']);
      expect(rowHtml(body, 'data-id="crm"')).toContain(
        '<td>Belgium (BE)</td><td>Inside the EEA</td><td>customer relationship management</td>' +
          '<td>None needed: no transfer outside the EEA</td><td>since 1 February 2025<br>until 1 October 2025</td>',
      );
      expect(rowHtml(body, 'data-change="remove-crm"')).toContain('<td>1 October 2025 <span class="note">(not yet in effect)</span></td>');
    });

    it('without since, shows the changes of the twelve months before asOf, and none announced after it', async () => {
      const { body } = await html('asOf=2026-03-01');
      expect(body).toContain('<h2>Changes since 1 March 2025</h2>');
      // add-support was announced at 11:00 on 1 March 2025 in Brussels: inside the window; add-analytics came later.
      expect(rowsOf(body, 'changes')).toEqual(['add-support', 'replace-mail', 'remove-crm']);
      expect(rowsOf(body, 'register')).toEqual(['support-in', 'mail-new']);
    });

    it('says so when there is nothing to list', async () => {
      const { body } = await html('asOf=2025-01-01&lang=nl');
      expect(rowsOf(body, 'register')).toEqual([]);
      expect(body).toContain('<p>Op deze datum deden wij geen beroep op subverwerkers.</p>');
      expect(body).toContain('<p>Geen wijzigingen in deze periode.</p>');
      expect(body).toContain('· Nog niet bijgewerkt</p>');
    });

    it('escapes every value from the register: a name with <script> is shown as text', async () => {
      for (const lang of ['nl', 'fr', 'en']) {
        const { body } = await html(`asOf=2025-10-15&since=2025-01-01&lang=${lang}`);
        expect(body).not.toContain('<script');
        const escaped = 'Helpdesk &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co';
        expect(rowHtml(body, 'data-id="support-in"')).toContain(`<td>${escaped} <span class="mark">`);
        expect(rowHtml(body, 'data-change="add-support"')).toContain(`<td>${escaped} (`);
      }
      // JSON is not HTML: the name comes back as recorded.
      const { body } = await getJson('/subprocessors?asOf=2025-05-01');
      expect(body.subprocessors[2].name).toBe(scriptedName);
    });
  });
});
