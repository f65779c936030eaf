import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils';
import { encryptedEncoding } from '../../codec/payload-codec';
import { decryptedHistory, testPayloadKeys } from '../support/payload-keys';
import { breachEvent, customerEvent, startStack, testWebUiOrigin, type Stack } from '../support/stack';
import { waitFor as waitForValue } from '../support/wait';

/**
 * Issue 13 on the real parts: the Temporal dev server, the worker and the HTTP server with its codec
 * endpoint, all with the tests' keys. What the server stores is read without the codec, as anyone with
 * the server's database or a Web UI without the endpoint would read it.
 */

const operatorToken = 'codec-test-operator-token-0123456789abcdef';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ operatorToken });
}, 180_000);
afterAll(async () => stack?.close());

const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });

/** The shared poll, tolerating a probe that throws while a process starts. */
const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> =>
  waitForValue(what, probe, timeoutMs, { ignoreErrors: true, everyMs: 200 });

/** Every byte string and text of a history, as text: the raw stored form, no base64 left to hide in. */
function everyText(history: History): string {
  const texts: string[] = [historyToJSON(history)];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('utf8'), Buffer.from(value).toString('latin1'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    else if (typeof value === 'string') texts.push(value);
  };
  walk(history);
  return texts.join('\n');
}

// What a case carries that is personal or confidential: a customer's name and contacts, a breach's
// summary and measures, a data subject's address, a DSR's note.
const customerName = 'Brouwerij Verhaegen-Lambrechts';
const contact = 'an.lambrechts@verhaegen.codec.test';
const subjectEmail = 'pieter.claes@subject.codec.test';
const summary = 'Zebrafish payroll spreadsheet emailed to the wrong Ghent office';
const measure = 'Recalled the Zebrafish message and reset the mailbox';
const note = 'Erase Pieter Claes, his Zebrafish loyalty card too';

describe('personal data in Temporal, encrypted', () => {
  test('a raw history read without the codec holds none of the names, addresses or free texts; through the codec it holds them', async () => {
    expect((await stack.post(customerEvent('codec-cust', 'nl', [contact], { name: customerName }))).status).toBe(202);
    await waitFor('the customer record', () => stack.records.customers.get('codec-cust'));
    const breach = breachEvent('CODEC-1', ['codec-cust']);
    expect((await stack.post({ ...breach, data: { ...breach.data, summary, measures: [measure] } })).status).toBe(202);
    const received = event('dsr.received', {
      requestId: 'CODEC-DSR',
      customerId: 'codec-cust',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      requestType: 'erasure',
      subjectEmail,
    });
    expect((await stack.post(received)).status).toBe(202);
    expect((await stack.post(event('dsr.instructed', { requestId: 'CODEC-DSR', instruction: 'erase', note }))).status).toBe(202);

    // Through the codec (as the Web UI reads it): the texts are there, so the raw check below can fail.
    const client = stack.env.client;
    await waitFor('the note in the DSR history', async () =>
      everyText(await decryptedHistory(await client.workflow.getHandle('dsr-CODEC-DSR').fetchHistory())).includes(note),
    );
    await waitFor(
      'the breach notice sent',
      async () => (await stack.records.breaches.get('CODEC-1'))?.notifications[0]?.status === 'notified',
    );
    const breachText = everyText(await decryptedHistory(await client.workflow.getHandle('breach-CODEC-1').fetchHistory()));
    expect(breachText).toContain(summary);
    expect(breachText).toContain(measure);

    // Without the codec: every workflow of the namespace, children too.
    const raw = new Client({ connection: stack.env.connection, namespace: stack.env.namespace ?? 'default' });
    const ids: string[] = [];
    for await (const execution of raw.workflow.list()) ids.push(execution.workflowId);
    expect(ids).toEqual(expect.arrayContaining(['breach-CODEC-1', 'dsr-CODEC-DSR', 'customer-codec-cust']));
    let encryptedPayloads = 0;
    for (const workflowId of ids) {
      const history = await raw.workflow.getHandle(workflowId).fetchHistory();
      const text = everyText(history);
      for (const secret of [customerName, contact, subjectEmail, summary, measure, note, 'Zebrafish', 'Lambrechts', 'Pieter']) {
        expect({ workflowId, found: text.includes(secret) ? secret : undefined }).toEqual({ workflowId, found: undefined });
      }
      encryptedPayloads += text.split(Buffer.from(encryptedEncoding).toString('base64')).length - 1;
    }
    expect(encryptedPayloads).toBeGreaterThan(10);
  }, 180_000);
});

describe('the codec endpoint', () => {
  const payloadsJson = (values: unknown[]) => ({
    payloads: values.map((value) => {
      const payload = defaultPayloadConverter.toPayload(value);
      return {
        metadata: Object.fromEntries(Object.entries(payload.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(payload.data!).toString('base64'),
      };
    }),
  });
  const call = (action: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}/codec/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const bearer = { authorization: `Bearer ${operatorToken}` };
  const dataOf = (json: { payloads: Array<{ data: string }> }) =>
    json.payloads.map((p) => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')));

  test('encode then decode gives the values back; encode writes with the first key', async () => {
    const encoded = await call('encode', payloadsJson(['a note', { summary }]), bearer);
    expect(encoded.status).toBe(200);
    const sealed = (await encoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    expect(Buffer.from(sealed.payloads[0]!.metadata.encoding!, 'base64').toString()).toBe(encryptedEncoding);
    expect(Buffer.from(sealed.payloads[0]!.metadata['encryption-key-id']!, 'base64').toString()).toBe(testPayloadKeys[0]!.id);
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from(summary).toString('base64').slice(0, 20));
    const decoded = await call('decode', sealed, { ...bearer, origin: testWebUiOrigin });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(testWebUiOrigin);
    expect(dataOf((await decoded.json()) as never)).toEqual(['a note', { summary }]);
  });

  test('metadata keys come back as they went, "__proto__" and "constructor" included', async () => {
    const metadata = {
      encoding: Buffer.from('binary/plain').toString('base64'),
      constructor: Buffer.from('c').toString('base64'),
      ...JSON.parse('{"__proto__": "cA=="}'),
    } as Record<string, string>;
    const body = { payloads: [{ metadata, data: Buffer.from('raw bytes').toString('base64') }] };
    const encoded = await call('encode', JSON.stringify(body), bearer);
    expect(encoded.status).toBe(200);
    const decoded = await call('decode', await encoded.text(), bearer);
    expect(decoded.status).toBe(200);
    const [payload] = JSON.parse(await decoded.text()).payloads as Array<{ metadata: Record<string, string>; data: string }>;
    expect(Object.getPrototypeOf(payload!.metadata)).toBe(Object.prototype);
    expect(Object.entries(payload!.metadata).sort()).toEqual(Object.entries(metadata).sort());
    expect(Buffer.from(payload!.data, 'base64').toString()).toBe('raw bytes');
    const notBase64 = await call('encode', { payloads: [{ metadata: { encoding: 'not base64 !' } }] }, bearer);
    expect(((await notBase64.json()) as { problems: Array<{ path: string }> }).problems[0]!.path).toBe('payloads.0.metadata.encoding');
  });

  test('decodes what the workflows wrote: a breach history input, read back as the Web UI would', async () => {
    const history = await waitFor(
      'the breach history',
      async () => (await new Client({ connection: stack.env.connection }).workflow.getHandle('breach-CODEC-1').fetchHistory()).events?.[0],
    );
    const input = history.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const asJson = {
      payloads: input.map((p) => ({
        metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(p.data!).toString('base64'),
      })),
    };
    const decoded = await call('decode', asJson, bearer);
    expect(decoded.status).toBe(200);
    expect(JSON.stringify(dataOf((await decoded.json()) as never))).toContain(summary);
  });

  test('refuses a request without the operator token, or with another token: 401, nothing decoded', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer not-the-token' }, { authorization: operatorToken }]) {
      const answer = await call('decode', payloadsJson(['x']), headers);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: 'an operator token is needed' });
    }
  });

  test('refuses a request from another origin, even with the token; its preflight gets no CORS permission', async () => {
    const answer = await call('decode', payloadsJson(['x']), { ...bearer, origin: 'https://elsewhere.example' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await answer.json()) as { error: string }).error).toMatch(/origin/);
    const preflight = (origin: string) =>
      fetch(`${stack.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const refused = await preflight('http://127.0.0.1:9999');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(testWebUiOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(testWebUiOrigin);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-namespace');
  });

  test('a body that is not Payloads JSON is 400 with its problems; a payload of an unknown key is 422 naming the key', async () => {
    expect((await call('decode', 'not json', bearer)).status).toBe(400);
    const wrongShape = await call('decode', { payloads: [{ data: 'not base64 !' }] }, bearer);
    expect(wrongShape.status).toBe(400);
    expect(((await wrongShape.json()) as { problems: Array<{ path: string }> }).problems[0]!.path).toBe('payloads.0.data');
    const unknown = {
      payloads: [
        {
          metadata: {
            encoding: Buffer.from(encryptedEncoding).toString('base64'),
            'encryption-key-id': Buffer.from('gone-2024').toString('base64'),
          },
          data: Buffer.alloc(40).toString('base64'),
        },
      ],
    };
    const answer = await call('decode', unknown, bearer);
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { error: string }).error).toContain('key "gone-2024"');
  });
});
