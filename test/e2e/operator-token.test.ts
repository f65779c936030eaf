import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../../client/http/server';
import type { Database, Records } from '../../records';
import { freshDatabase } from '../support/records';
import { unreachableTemporalClient, webhookSecret } from '../support/stack';

/**
 * The read endpoints behind OPERATOR_TOKEN, over real HTTP on a real SQL database. The token is
 * compared in constant time; what a test can see is that the comparison still says yes to the token
 * and no to everything else, whatever its length.
 */

const operatorToken = 'Kq3vJ9yq1m4r8b2Zt6Xw0pLs5Nd7Hc-+/=';
let database: Database;
let records: Records;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  ({ database, records } = await freshDatabase('pglite'));
  await records.breaches.recordIncident({
    incidentId: 'INC-OPERATOR',
    awareAt: '2026-01-05T09:00:00.000Z',
    detectedAt: '2026-01-05T08:30:00.000Z',
    summary: '=HYPERLINK("http://attacker.example","Détails")',
    dataCategories: ['adresses électroniques'],
    subjectsApprox: 12,
    measures: ['Clé révoquée'],
  });
  app = buildHttpServer({
    records,
    temporal: unreachableTemporalClient(),
    webhookSecret,
    operatorToken,
    logLevel: 'silent',
    ready: async () => true,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (pathname: string, authorization?: string) =>
  fetch(`${baseUrl}${pathname}`, authorization === undefined ? {} : { headers: { authorization } });

describe('the operator token', () => {
  test.each([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['the token without "Bearer"', operatorToken],
    ['another token of the same length', `Bearer ${'x'.repeat(operatorToken.length)}`],
    ['the token with one character changed', `Bearer ${operatorToken.slice(0, -1)}A`],
    ['a prefix of the token', `Bearer ${operatorToken.slice(0, 10)}`],
    ['the token and more', `Bearer ${operatorToken}x`],
  ])('%s: 401 on every read endpoint', async (_case, authorization) => {
    for (const pathname of [
      '/breaches',
      '/breaches.csv',
      '/breaches/INC-OPERATOR',
      '/subprocessor-objections',
      '/subprocessor-changes/CHG-OPERATOR/windows',
      '/subprocessor-changes/CHG-OPERATOR/windows/cust-1',
      '/evidence/emails',
    ]) {
      const response = await get(pathname, authorization);
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 401 });
      expect(await response.json()).toEqual({ error: 'an operator token is needed' });
    }
  });

  test('the right token: 200', async () => {
    const response = await get('/breaches/INC-OPERATOR', `Bearer ${operatorToken}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentId: 'INC-OPERATOR' });
    expect((await get('/breaches', `Bearer ${operatorToken}`)).status).toBe(200);
  });

  test('the webhook route does not ask for it: it has its own signature', async () => {
    const webhook = await fetch(`${baseUrl}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(webhook.status).toBe(401);
    expect(await webhook.json()).not.toEqual({ error: 'an operator token is needed' });
  });
});

test('GET /breaches.csv: a byte-order mark, accents in UTF-8, the formula escaped', async () => {
  const response = await get('/breaches.csv', `Bearer ${operatorToken}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toMatch(/^incident_id,aware_at,detected_at,/);
  const line = text.split('\r\n').find((row) => row.startsWith('INC-OPERATOR,'));
  expect(line).toContain(`"'=HYPERLINK(""http://attacker.example"",""Détails"")"`);
  expect(line).toContain(',adresses électroniques,12,Clé révoquée,');
});
