import { createHmac } from 'node:crypto';
import { sign, signedHeaders, timestampToleranceSeconds, verify, webhookIdProblem } from '../../webhook-signing/standard-webhooks';

/** The test vector published with the Standard Webhooks libraries. */
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const secret = 'whsec_' + Buffer.from('a test secret of thirty-two bytes').toString('base64');
const otherSecret = 'whsec_' + Buffer.from('another secret, being rotated in').toString('base64');
const id = 'msg_2026-01-05_001';
const timestamp = 1767605400; // 2026-01-05T09:30:00Z
const body = '{"type":"export.completed","timestamp":"2026-01-05T09:30:00Z","data":{"customerId":"cust-1"}}';
const atTimestamp = new Date(timestamp * 1000);

/**
 * `verify` checks against the clock now, as the library does (it reads `Date.now()`): each test sets
 * the clock to the instant it is about.
 */
beforeAll(() => jest.useFakeTimers());
afterAll(() => jest.useRealTimers());

function verifyAt(now: Date, ...args: Parameters<typeof verify>): ReturnType<typeof verify> {
  jest.setSystemTime(now);
  return verify(...args);
}

/** Computed here from the specification, not with the code under test. */
function independentSignature(whsecSecret: string, msgId: string, ts: number, payload: string): string {
  const key = Buffer.from(whsecSecret.slice('whsec_'.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${msgId}.${ts}.${payload}`).digest('base64');
}

function headers(signature: string, ts: number | string = timestamp, msgId = id) {
  return { id: msgId, timestamp: String(ts), signature };
}

describe('signing', () => {
  it('matches the published Standard Webhooks test vector', () => {
    expect(independentSignature(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
    expect(sign(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
    expect(sign(vector.secret, vector.id, vector.timestamp, Buffer.from(vector.body))).toBe(vector.signature);
  });

  it('signs "<id>.<timestamp>.<body>" with the base64-decoded secret, as v1 base64', () => {
    const expected = independentSignature(secret, id, timestamp, body);
    expect(expected).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(sign(secret, id, timestamp, body)).toBe(expected);
  });

  it('refuses a secret with no key in it', () => {
    expect(() => sign('whsec_', id, timestamp, body)).toThrow();
    expect(() => sign('', id, timestamp, body)).toThrow();
  });

  it('sends the headers the contract names, with Unix seconds', () => {
    const sent = signedHeaders(secret, id, body, new Date(timestamp * 1000 + 999));
    expect(sent).toEqual({
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': independentSignature(secret, id, timestamp, body),
    });
  });
});

describe('verification', () => {
  const valid = independentSignature(secret, id, timestamp, body);

  it('accepts the published test vector', () => {
    const result = verifyAt(
      new Date(vector.timestamp * 1000),
      vector.secret,
      headers(vector.signature, vector.timestamp, vector.id),
      Buffer.from(vector.body),
    );
    expect(result).toEqual({ ok: true });
  });

  it('accepts a valid signature', () => {
    expect(verifyAt(atTimestamp, secret, headers(valid), Buffer.from(body))).toEqual({ ok: true });
  });

  it('accepts a space-separated list where only the second signature is valid', () => {
    const list = `${independentSignature(otherSecret, id, timestamp, body)} ${valid}`;
    expect(verifyAt(atTimestamp, secret, headers(list), Buffer.from(body))).toEqual({ ok: true });
  });

  it('refuses a list where no signature is valid', () => {
    const list = `${independentSignature(otherSecret, id, timestamp, body)} v1,${Buffer.alloc(32).toString('base64')}`;
    expect(verifyAt(atTimestamp, secret, headers(list), Buffer.from(body))).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a signature made with another secret', () => {
    const wrong = independentSignature(otherSecret, id, timestamp, body);
    expect(verifyAt(atTimestamp, secret, headers(wrong), Buffer.from(body)).ok).toBe(false);
  });

  it('refuses a correct MAC under a version other than v1', () => {
    const v2 = valid.replace(/^v1,/, 'v2,');
    expect(verifyAt(atTimestamp, secret, headers(v2), Buffer.from(body))).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a MAC without its version', () => {
    expect(verifyAt(atTimestamp, secret, headers(valid.slice('v1,'.length)), Buffer.from(body)).ok).toBe(false);
  });

  it('refuses a signature of a different length without throwing', () => {
    const short = 'v1,' + Buffer.alloc(16, 7).toString('base64');
    // The valid MAC followed by one more byte: same prefix, 33 bytes instead of 32.
    const long = 'v1,' + Buffer.concat([Buffer.from(valid.slice('v1,'.length), 'base64'), Buffer.from([0])]).toString('base64');
    expect(() => verifyAt(atTimestamp, secret, headers(short), Buffer.from(body))).not.toThrow();
    expect(verifyAt(atTimestamp, secret, headers(short), Buffer.from(body))).toEqual({ ok: false, reason: 'no valid signature' });
    expect(verifyAt(atTimestamp, secret, headers(long), Buffer.from(body))).toEqual({ ok: false, reason: 'no valid signature' });
    expect(verifyAt(atTimestamp, secret, headers('v1,'), Buffer.from(body))).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a body differing by one byte', () => {
    const changed = Buffer.from(body);
    changed[changed.length - 3] = changed[changed.length - 3]! ^ 0x01;
    expect(changed.equals(Buffer.from(body))).toBe(false);
    expect(verifyAt(atTimestamp, secret, headers(valid), changed)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses the signature of another webhook id', () => {
    expect(verifyAt(atTimestamp, secret, headers(valid, timestamp, 'msg_other'), Buffer.from(body)).ok).toBe(false);
  });

  describe('timestamps', () => {
    const at = (offsetSeconds: number) => new Date((timestamp + offsetSeconds) * 1000);

    it('tolerates five minutes', () => {
      expect(timestampToleranceSeconds).toBe(300);
    });

    it.each([299, -299, 300, -300])('accepts a timestamp %i s off', (offset) => {
      expect(verifyAt(at(offset), secret, headers(valid), Buffer.from(body))).toEqual({ ok: true });
    });

    it.each([301, -301])('refuses a timestamp %i s off', (offset) => {
      expect(verifyAt(at(offset), secret, headers(valid), Buffer.from(body))).toEqual({
        ok: false,
        reason: 'webhook-timestamp is more than 5 minutes off',
      });
    });

    it('refuses a stale timestamp even when it is signed correctly', () => {
      const old = timestamp - 3600;
      const signature = independentSignature(secret, id, old, body);
      expect(verifyAt(atTimestamp, secret, headers(signature, old), Buffer.from(body)).ok).toBe(false);
    });

    it.each(['1767605400.5', 'abc', '-1767605400', '1767605400 ', '2026-01-05T09:30:00Z', '0x6957a3a8'])(
      'refuses the non-numeric timestamp %p',
      (value) => {
        const result = verifyAt(atTimestamp, secret, headers(valid, value), Buffer.from(body));
        expect(result).toEqual({ ok: false, reason: 'webhook-timestamp must be Unix seconds' });
      },
    );
  });

  describe('missing headers', () => {
    it.each([
      ['webhook-id', { timestamp: String(timestamp), signature: 'v1,x' }],
      ['webhook-timestamp', { id, signature: 'v1,x' }],
      ['webhook-signature', { id, timestamp: String(timestamp) }],
      ['every header', {}],
    ])('refuses a request without %s', (_header, given) => {
      const complete = { id, timestamp: String(timestamp), signature: valid };
      const partial = Object.fromEntries(Object.keys(given).map((key) => [key, complete[key as keyof typeof complete]]));
      expect(verifyAt(atTimestamp, secret, partial, Buffer.from(body))).toEqual({
        ok: false,
        reason: 'missing webhook-id, webhook-timestamp or webhook-signature',
      });
    });

    it('refuses empty header values', () => {
      expect(verifyAt(atTimestamp, secret, { id: '', timestamp: String(timestamp), signature: valid }, Buffer.from(body)).ok).toBe(false);
      expect(verifyAt(atTimestamp, secret, { id, timestamp: String(timestamp), signature: '' }, Buffer.from(body)).ok).toBe(false);
    });
  });
});

test('a valid signature with characters appended or inserted is refused', () => {
  const body = Buffer.from('{"type":"x"}');
  const now = new Date('2026-06-01T12:00:00Z');
  const timestamp = Math.floor(now.getTime() / 1000);
  const valid = sign('whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', 'msg_appended', timestamp, body);
  const headers = (signature: string) => ({ id: 'msg_appended', timestamp: String(timestamp), signature });
  expect(verifyAt(now, 'whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(valid), body)).toEqual({ ok: true });
  expect(verifyAt(now, 'whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(`${valid}AAAA`), body).ok).toBe(false);
  expect(verifyAt(now, 'whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(`${valid.slice(0, 10)}!!${valid.slice(10)}`), body).ok).toBe(
    false,
  );
});

/**
 * The cases every Standard Webhooks library is tested with (github.com/standard-webhooks/standard-webhooks,
 * libraries/{javascript,go,python,ruby,csharp,php} at b2fa7b8): the same secret, id, timestamp and body,
 * and the signatures they refuse.
 */
describe("the Standard Webhooks libraries' shared test cases", () => {
  const unprefixedSecret = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const at = new Date(vector.timestamp * 1000);
  const check = (signature: string, given: Partial<{ id: string; timestamp: string }> = {}, payload = vector.body, now = at) =>
    verifyAt(now, vector.secret, { id: vector.id, timestamp: String(vector.timestamp), signature, ...given }, Buffer.from(payload));

  it('signs the vector alike with the secret with or without its whsec_ prefix', () => {
    expect(sign(unprefixedSecret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
    expect(sign(`whsec_${unprefixedSecret}`, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
    expect(verifyAt(at, unprefixedSecret, headers(vector.signature, vector.timestamp, vector.id), Buffer.from(vector.body))).toEqual({
      ok: true,
    });
  });

  it.each([
    ['one padding character', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS'],
    ['two padding characters', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr'],
  ])('reads a secret that leaves out %s', (_name, unpadded) => {
    const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
    expect(sign(`whsec_${unpadded}`, vector.id, vector.timestamp, vector.body)).toBe(
      independentSignature(`whsec_${padded}`, vector.id, vector.timestamp, vector.body),
    );
  });

  it.each([
    ['a signature of the wrong length', 'v1,dawfeoifkpqwoekfpqoekf'],
    ['the vector with its last character changed', 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA='],
    ['the vector with its end replaced', 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd'],
    ['the first eight characters of the vector', vector.signature.slice(0, 8)],
    ['a version with no signature', 'v1,'],
  ])('refuses %s', (_name, signature) => {
    expect(check(signature)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('accepts a list holding, among others, a v2 and two wrong v1 signatures, the valid one', () => {
    const wrong = 'Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
    expect(check([`v1,${wrong}`, `v2,${wrong}`, vector.signature, `v1,${wrong}`].join(' '))).toEqual({ ok: true });
  });

  it('refuses a timestamp more than the tolerance old or new', () => {
    const tolerance = timestampToleranceSeconds * 1000;
    expect(check(vector.signature, {}, vector.body, new Date(at.getTime() + tolerance + 1000)).ok).toBe(false);
    expect(check(vector.signature, {}, vector.body, new Date(at.getTime() - tolerance - 1000)).ok).toBe(false);
  });

  it.each(['hello', '161426533.0', '-161426533'])('refuses the timestamp %p', (value) => {
    expect(check(vector.signature, { timestamp: value })).toEqual({ ok: false, reason: 'webhook-timestamp must be Unix seconds' });
  });

  it('accepts an empty body with its signature', () => {
    const signature = independentSignature(vector.secret, vector.id, vector.timestamp, '');
    expect(check(signature, {}, '')).toEqual({ ok: true });
  });
});

/**
 * The library signs and checks a body as UTF-8 text. A body that is not UTF-8 is therefore checked as
 * the text it reads (U+FFFD in place of what it cannot read), not as its bytes; the webhook route then
 * refuses it with 400 (test/e2e/webhooks.test.ts), so such a body is never acted on either way.
 */
test('a body that is not UTF-8 is checked as the UTF-8 text the library reads from it', () => {
  const latin1 = Buffer.from('{"name":"Boulangerie Élise"}', 'latin1');
  const overBytes =
    'v1,' +
    createHmac('sha256', Buffer.from(vector.secret.slice('whsec_'.length), 'base64'))
      .update(`${id}.${timestamp}.`)
      .update(latin1)
      .digest('base64');
  const overText = independentSignature(vector.secret, id, timestamp, latin1.toString('utf8'));
  expect(sign(vector.secret, id, timestamp, latin1)).toBe(overText);
  expect(verifyAt(atTimestamp, vector.secret, headers(overText), latin1)).toEqual({ ok: true });
  expect(verifyAt(atTimestamp, vector.secret, headers(overBytes), latin1)).toEqual({ ok: false, reason: 'no valid signature' });
});

describe('the webhook-id rule: 1 to 128 visible ASCII characters', () => {
  it.each([
    ['the Standard Webhooks example', vector.id],
    ['one character', 'x'],
    ['128 characters', 'm'.repeat(128)],
    ['every visible ASCII character', Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('')],
    ['our own outgoing ids', 'dsr-REQ-1.action-erase'],
  ])('accepts %s', (_name, webhookId) => {
    expect(webhookIdProblem(webhookId)).toBeUndefined();
  });

  it('refuses an empty id', () => {
    expect(webhookIdProblem('')).toBe('webhook-id must not be empty');
  });

  it('refuses 129 characters, saying how many it got', () => {
    expect(webhookIdProblem('m'.repeat(129))).toBe('webhook-id must be at most 128 characters (got 129)');
    expect(webhookIdProblem('m'.repeat(8000))).toBe('webhook-id must be at most 128 characters (got 8000)');
  });

  it.each([
    ['a space', 'msg 1', 'U+0020'],
    ['a tab', 'msg\t1', 'U+0009'],
    ['DEL', 'msg\u007f', 'U+007F'],
    ['a letter beyond ASCII', 'msg_é', 'U+00E9'],
    ['a NUL', 'msg\u0000', 'U+0000'],
  ])('refuses %s and names it', (_name, webhookId, codePoint) => {
    expect(webhookIdProblem(webhookId)).toBe(
      `webhook-id must be visible ASCII characters only (0x21-0x7E), without spaces (found ${codePoint})`,
    );
  });
});
