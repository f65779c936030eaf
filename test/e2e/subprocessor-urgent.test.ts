import { WorkflowNotFoundError } from '@temporalio/client';
import { latestObjectionWindowClose, objectionWindowClosesAt } from '../../domain/subprocessor-change';
import { waitForMailOf } from '../support/mail';
import { customerEvent, startStack, type Answer, type Stack } from '../support/stack';

/**
 * 5.2, Art. 28(2) GDPR at the door: a new subprocessor that would take effect before its customers'
 * windows to object can close is refused with 400 and the instant it may take effect from, and changes
 * nothing; marked `urgent` with a reason it is taken, kept in the register with its reason, marked on
 * the customers' page, and told to every customer. Signed webhooks, real SQL, real SMTP, the dev server.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ database: 'pglite' });
});
afterAll(() => stack?.close());

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;

/**
 * A fixed-offset zone where it is now about noon: its windows close at midnight there, twelve hours
 * from any day boundary, so the close a test computes is the one the endpoint computes a moment later.
 */
function noonZone(): string {
  const offset = Math.max(-12, Math.min(14, 12 - new Date().getUTCHours()));
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
const zone = noonZone();

function changeEvent(changeId: string, data: Record<string, unknown> = {}) {
  return {
    type: 'subprocessor.changed',
    timestamp: new Date().toISOString(),
    data: {
      changeId,
      action: 'added',
      subprocessor: { id: `sp-${changeId}`, name: 'Backup Hosting SA', country: 'BE', purpose: 'hosting' },
      effectiveAt: new Date(Date.now() + 3 * DAY).toISOString(),
      customerIds: ['urg-nl', 'urg-fr', 'urg-en'],
      ...data,
    },
  };
}

/** The change left no trace: not in the register, no subprocessor, no workflow. */
async function nothingRecorded(changeId: string): Promise<void> {
  const changes = await stack.records.subprocessors.changesSince('1970-01-01T00:00:00Z');
  expect(changes.map((change) => change.changeId)).not.toContain(changeId);
  expect(await stack.records.subprocessors.get(`sp-${changeId}`)).toBeUndefined();
  await expect(stack.env.client.workflow.getHandle(`subprocessor-change-${changeId}`).describe()).rejects.toBeInstanceOf(
    WorkflowNotFoundError,
  );
}

function problemPaths(answer: Answer): string[] {
  return (answer.body.problems ?? []).map((problem) => problem.path);
}

beforeAll(async () => {
  for (const event of [
    customerEvent('urg-nl', 'nl', ['dpo@nl.urg.test'], { timezone: zone }),
    customerEvent('urg-fr', 'fr', ['dpo@fr.urg.test'], { timezone: zone }),
    customerEvent('urg-en', 'en', ['dpo@en.urg.test'], { timezone: zone }),
  ]) {
    expect((await stack.post(event)).status).toBe(202);
  }
});

describe('a new subprocessor effective before its windows can close', () => {
  test('is refused with 400, the instant it may take effect from and how to proceed; nothing is recorded', async () => {
    const answer = await stack.post(changeEvent('URG-EARLY'));
    const close = objectionWindowClosesAt(new Date().toISOString(), zone, 30);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(`the last closes at ${close}`);
    expect(answer.body.error).toContain(`effectiveAt at or after ${close}`);
    expect(answer.body.error).toMatch(/mark it urgent with the reason/);
    expect(problemPaths(answer)).toEqual(['data.effectiveAt']);
    await nothingRecorded('URG-EARLY');
  });

  test('a replacement is judged as an addition', async () => {
    expect((await stack.post(changeEvent('URG-BASE', { effectiveAt: new Date(Date.now() + 45 * DAY).toISOString() }))).status).toBe(202);
    const replacement = changeEvent('URG-REPL', {
      action: 'replaced',
      replaces: 'sp-URG-BASE',
      effectiveAt: new Date(Date.now() + 26 * DAY).toISOString(),
    });
    const answer = await stack.post(replacement);
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['data.effectiveAt']);
    await nothingRecorded('URG-REPL');
    expect(await stack.records.subprocessors.get('sp-URG-BASE')).toMatchObject({ status: 'active', removedAt: null });
  });

  test('one millisecond before the close is refused; exactly at the close is taken', async () => {
    const close = objectionWindowClosesAt(new Date().toISOString(), zone, 30);
    const early = await stack.post(changeEvent('URG-EDGE', { effectiveAt: new Date(Date.parse(close) - 1).toISOString() }));
    expect(early.status).toBe(400);
    expect(early.body.error).toContain(close);
    await nothingRecorded('URG-EDGE');
    // The same change id, sent again as the answer says.
    const atClose = await stack.post(changeEvent('URG-EDGE', { effectiveAt: close }));
    expect(atClose).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-URG-EDGE' } });
    expect(
      (await stack.records.subprocessors.changesSince(new Date(Date.now() - HOUR))).find((c) => c.changeId === 'URG-EDGE'),
    ).toMatchObject({
      effectiveAt: close,
      urgentReason: null,
    });
  });

  test('a customer not described yet may be in any zone and told after the grace: the close is counted for it too', async () => {
    const described = objectionWindowClosesAt(new Date().toISOString(), zone, 30);
    const answer = await stack.post(changeEvent('URG-UNKNOWN', { effectiveAt: described, customerIds: ['urg-en', 'urg-not-yet'] }));
    const latest = latestObjectionWindowClose(new Date().toISOString(), { timeZones: [zone], undescribed: true })!;
    expect(Date.parse(latest)).toBeGreaterThan(Date.parse(described));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(`the last closes at ${latest}`);
    await nothingRecorded('URG-UNKNOWN');
  });

  test('a removal takes nobody new on: it is exempt', async () => {
    // On the list since yesterday (an urgent change), removed an hour from now.
    const added = changeEvent('URG-GONE-ADD', {
      subprocessor: { id: 'sp-URG-GONE', name: 'Leaving Ltd', country: 'BE', purpose: 'archiving' },
      effectiveAt: new Date(Date.now() - DAY).toISOString(),
      urgent: { reason: 'already in use before this test' },
    });
    expect((await stack.post(added)).status).toBe(202);
    const removal = changeEvent('URG-GONE', {
      action: 'removed',
      subprocessor: { id: 'sp-URG-GONE', name: 'Leaving Ltd', country: 'BE', purpose: 'archiving' },
      effectiveAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(await stack.post(removal)).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-URG-GONE' } });
    expect(await stack.records.subprocessors.get('sp-URG-GONE')).toMatchObject({ status: 'removed' });
  });
});

describe('marked urgent with a reason', () => {
  const reason = 'Our current host <ends> its service on Friday; customer data must move before then.';

  test('is taken; the register keeps and shows the reason; every customer is told it is urgent, why, and that it may still object', async () => {
    const event = changeEvent('URG-OK', { urgent: { reason } });
    const answer = await stack.post(event);
    expect(answer).toEqual({ status: 202, body: { workflowId: 'subprocessor-change-URG-OK' } });

    // The register's JSON.
    const { changes } = (await (await fetch(`${stack.baseUrl}/subprocessors/changes`)).json()) as {
      changes: Array<{ changeId: string; urgent: { reason: string } | null }>;
    };
    expect(changes.find((change) => change.changeId === 'URG-OK')).toMatchObject({ urgent: { reason } });
    expect(changes.find((change) => change.changeId === 'URG-EDGE')).toMatchObject({ urgent: null });

    // The customers' page, in each language: the change marked, with its reason escaped.
    for (const [lang, mark, because] of [
      ['nl', 'dringend', 'omdat: '],
      ['fr', 'urgent', 'pour le motif suivant : '],
      ['en', 'urgent', 'because: '],
    ] as const) {
      const page = await (await fetch(`${stack.baseUrl}/subprocessors.html?lang=${lang}`)).text();
      const row = page.match(/<tr data-change="URG-OK"[^]*?<\/tr>/)?.[0];
      expect(row).toContain('data-urgent="true"');
      expect(row).toContain(`<span class="mark urgent">${mark}</span>`);
      expect(row).toContain(`${because}Our current host &lt;ends&gt; its service on Friday`);
      expect(page.match(/<tr data-change="URG-EDGE"[^]*?<\/tr>/)?.[0]).not.toContain('urgent');
    }

    // Each customer's notice, in its language.
    const [nl] = await waitForMailOf(stack.catcher, 'objection-URG-OK~urg-nl', 1);
    expect(nl!.subject).toMatch(/^\[Subverwerkers\] Dringend: /);
    for (const part of ['Deze wijziging is dringend', 'U kunt toch nog tot', 'Our current host <ends>']) expect(nl!.text).toContain(part);
    const [fr] = await waitForMailOf(stack.catcher, 'objection-URG-OK~urg-fr', 1);
    expect(fr!.text).toContain('Cette modification est urgente');
    const [en] = await waitForMailOf(stack.catcher, 'objection-URG-OK~urg-en', 1);
    expect(en!.text).toContain('You may nevertheless still object until');

    // The privacy team, once.
    const [alert] = await waitForMailOf(stack.catcher, 'subprocessor-change-URG-OK', 1);
    expect(alert!.headers['x-dpa-step']).toBe('alert-urgent-change');
    expect(alert!.text).toContain('Our current host <ends>');

    // The same delivery again is the same change.
    expect(await stack.post(event)).toEqual(answer);
  });

  test('the same change id reported again without its urgency is another change: 409', async () => {
    const { effectiveAt } = (await stack.records.objectionWindows.changeNotice('URG-OK'))!;
    const answer = await stack.post(changeEvent('URG-OK', { effectiveAt }));
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatch(/already announced as another change/);
  });

  test.each([
    ['an empty reason', { reason: '' }, 'data.urgent.reason'],
    ['a reason of blanks', { reason: ' \n\t ' }, 'data.urgent.reason'],
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, 'data.urgent.reason'],
    ['a reason with a control character', { reason: 'move now\u0007' }, 'data.urgent.reason'],
    ['a reason with a NUL', { reason: 'move\u0000now' }, 'data.urgent.reason'],
    ['a reason with a lone surrogate', { reason: 'move \uD800now' }, 'data.urgent.reason'],
    ['no reason', {}, 'data.urgent.reason'],
    ['a reason that is not text', { reason: 42 }, 'data.urgent.reason'],
    ['urgent as a flag', true, 'data.urgent'],
  ])('an attacker’s urgent with %s is refused with 400; nothing recorded', async (_, urgent, path) => {
    const changeId = `URG-BAD-${Math.random().toString(36).slice(2, 8)}`;
    const answer = await stack.post(changeEvent(changeId, { urgent }));
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toContain(path);
    await nothingRecorded(changeId);
  });

  test('a reason of exactly 2000 characters is taken', async () => {
    expect((await stack.post(changeEvent('URG-LONG', { urgent: { reason: 'y'.repeat(2000) } }))).status).toBe(202);
    expect((await stack.records.objectionWindows.changeNotice('URG-LONG'))?.urgent?.reason).toHaveLength(2000);
  });
});
