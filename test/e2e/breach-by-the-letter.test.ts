import { workflowIds } from '../../domain/ids';
import type { BreachRegisterEntry } from '../../records/breach-register';
import { waitForMailOf } from '../support/mail';
import { breachEvent, customerEvent, startStack, type Stack } from '../support/stack';

/**
 * Breaches as policy 8.1-8.2 and GDPR Art. 33(3)-(5) word them, end to end: signed webhooks, the real
 * worker and Temporal dev server, a real SMTP server and SQL database, the register over HTTP.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
  for (const [customerId, language] of [
    ['letter-nl', 'nl'],
    ['letter-en', 'en'],
  ] as const) {
    expect((await stack.post(customerEvent(customerId, language, [`dpo@${customerId}.test`]))).status).toBe(202);
  }
});
afterAll(() => stack?.close());

/** A breach.updated for the incident, with `fields` beside the update's text. */
function breachUpdate(incidentId: string, fields: Record<string, unknown> = {}) {
  return { type: 'breach.updated', timestamp: new Date().toISOString(), data: { incidentId, update: 'More is known.', ...fields } };
}

async function registerEntry(incidentId: string): Promise<BreachRegisterEntry> {
  const response = await fetch(`${stack.baseUrl}/breaches/${incidentId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as BreachRegisterEntry;
}

describe('a suspected breach (8.1: "vaststelt of redelijkerwijs vermoedt")', () => {
  test('is notified as suspected; confirmed once over a webhook; a second assessment is refused with 409 and changes nothing', async () => {
    const detected = breachEvent('LETTER-SUS', ['letter-nl']);
    expect((await stack.post({ ...detected, data: { ...detected.data, suspected: true } })).status).toBe(202);
    const [notice] = await waitForMailOf(stack.catcher, workflowIds.breachNotice('LETTER-SUS', 'letter-nl'), 1);
    expect(notice!.subject).toBe('[Datalek] Melding van een vermoedelijke inbreuk in verband met persoonsgegevens – incident LETTER-SUS');

    const confirmed = breachUpdate('LETTER-SUS', { assessment: 'confirmed', update: 'Forensics confirmed it.' });
    expect(await stack.post(confirmed, { webhookId: 'msg_letter_confirm' })).toEqual({
      status: 202,
      body: { workflowId: 'breach-LETTER-SUS' },
    });
    const mails = await waitForMailOf(stack.catcher, workflowIds.breachNotice('LETTER-SUS', 'letter-nl'), 2);
    expect(mails[1]!.subject).toBe('[Datalek] Vermoedelijke inbreuk bevestigd – incident LETTER-SUS');

    const again = await stack.post(breachUpdate('LETTER-SUS', { assessment: 'ruled-out' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/^the suspected breach was already confirmed at /);
    const entry = await registerEntry('LETTER-SUS');
    expect(entry).toMatchObject({
      suspectedSince: detected.data.awareAt,
      confirmedAt: confirmed.timestamp,
      ruledOutAt: null,
      status: 'open',
    });
    expect(entry.updates).toHaveLength(1);
  });

  test('an assessment of a breach reported as found is refused with 409', async () => {
    expect((await stack.post(breachEvent('LETTER-FOUND', ['letter-en']))).status).toBe(202);
    await waitForMailOf(stack.catcher, workflowIds.breachNotice('LETTER-FOUND', 'letter-en'), 1);
    const answer = await stack.post(breachUpdate('LETTER-FOUND', { assessment: 'confirmed' }));
    expect(answer).toMatchObject({ status: 409, body: { error: expect.stringMatching(/not notified as suspected/) } });
    expect((await registerEntry('LETTER-FOUND')).updates).toEqual([]);
  });

  test('an assessment that is neither confirmed nor ruled out is refused at the door with 400', async () => {
    const answer = await stack.post(breachUpdate('LETTER-FOUND', { assessment: 'probably' }));
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([expect.objectContaining({ path: 'data.assessment' })]);
  });
});

describe('facts that arrive in phases (Art. 33(3)(a), (c), 33(4))', () => {
  test('breach.updated brings them; the update says what is not known yet; the register (JSON and CSV) keeps each with its instant', async () => {
    expect((await stack.post(breachEvent('LETTER-FACTS', ['letter-en']))).status).toBe(202);
    const noticeWorkflow = workflowIds.breachNotice('LETTER-FACTS', 'letter-en');
    await waitForMailOf(stack.catcher, noticeWorkflow, 1);
    const updated = breachUpdate('LETTER-FACTS', { recordsApprox: 9000, subjectCategories: ['support requesters'] });
    expect((await stack.post(updated)).status).toBe(202);
    const [, update] = await waitForMailOf(stack.catcher, noticeWorkflow, 2);
    expect(update!.text).toContain('Approximate number of personal data records concerned: approximately 9,000');
    expect(update!.text).toContain('Likely consequences for the data subjects: not known yet; we will tell you as soon as we know');

    const entry = await registerEntry('LETTER-FACTS');
    expect(entry).toMatchObject({ recordsApprox: 9000, subjectCategories: ['support requesters'], subjectsApprox: 420 });
    expect(entry.factsKnownAt).toEqual({
      dataCategories: entry.detectedAt,
      subjectsApprox: entry.detectedAt,
      subjectCategories: updated.timestamp,
      recordsApprox: updated.timestamp,
    });
    const listed = (await (await fetch(`${stack.baseUrl}/breaches`)).json()) as { incidents: BreachRegisterEntry[] };
    expect(listed.incidents.find((incident) => incident.incidentId === 'LETTER-FACTS')).toEqual(entry);

    const [header, ...lines] = (await (await fetch(`${stack.baseUrl}/breaches.csv`)).text()).replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(',');
    const row = lines.find((line) => line.startsWith('LETTER-FACTS,'))!.split(',');
    const cell = (column: string) => row[columns.indexOf(column)];
    expect([cell('records_approx'), cell('records_approx_known_at'), cell('subject_categories')]).toEqual([
      '9000',
      updated.timestamp,
      'support requesters',
    ]);
    expect([cell('likely_consequences'), cell('likely_consequences_known_at')]).toEqual(['', '']);
  });

  test('a fact out of bounds is refused at the door with 400, saying where, and changes nothing', async () => {
    const before = await registerEntry('LETTER-FACTS');
    const answer = await stack.post(breachUpdate('LETTER-FACTS', { recordsApprox: -5, subjectCategories: ['x'.repeat(201)] }));
    expect(answer.status).toBe(400);
    expect(answer.body.problems!.map((problem) => problem.path).sort()).toEqual(['data.recordsApprox', 'data.subjectCategories.0']);
    expect(await registerEntry('LETTER-FACTS')).toEqual(before);
  });
});

describe('without undue delay (8.1; Art. 33(2))', () => {
  test("the first notice is accepted by the customer's mail server within 60 s of the 202", async () => {
    const sentAt = Date.now();
    const answer = await stack.post(breachEvent('LETTER-FAST', ['letter-nl']));
    const answeredAt = Date.now();
    expect(answer.status).toBe(202);
    await waitForMailOf(stack.catcher, workflowIds.breachNotice('LETTER-FAST', 'letter-nl'), 1, 60_000);

    const [notice] = (await stack.records.emails.list({ workflowIdPrefix: 'breach-LETTER-FAST~' })).filter(
      (email) => email.step === 'initial-notice',
    );
    expect(notice).toMatchObject({ status: 'sent', recipient: 'dpo@letter-nl.test' });
    const acceptedAt = Date.parse(notice!.acceptedAt!);
    expect(acceptedAt).toBeGreaterThanOrEqual(sentAt);
    expect(acceptedAt - answeredAt).toBeLessThan(60_000);
    // The register's notice time is that acceptance: the evidence the customer was told.
    const [notification] = (await registerEntry('LETTER-FAST')).notifications;
    expect(notification).toMatchObject({ customerId: 'letter-nl', status: 'notified', notifiedAt: notice!.acceptedAt });
  });
});
