import { createHmac } from 'node:crypto';
import { secretKey, sign, signedHeaders, timestampToleranceSeconds, verify, webhookIdProblem } from '../../client/webhooks/signature';

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

  it('decodes the part after whsec_ as the key', () => {
    expect(secretKey(secret).toString()).toBe('a test secret of thirty-two bytes');
  });

  it('refuses a secret with no key in it', () => {
    expect(() => secretKey('whsec_')).toThrow(/whsec_/);
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
    const result = verify(
      vector.secret,
      headers(vector.signature, vector.timestamp, vector.id),
      Buffer.from(vector.body),
      new Date(vector.timestamp * 1000),
    );
    expect(result).toEqual({ ok: true });
  });

  it('accepts a valid signature', () => {
    expect(verify(secret, headers(valid), Buffer.from(body), atTimestamp)).toEqual({ ok: true });
  });

  it('accepts a space-separated list where only the second signature is valid', () => {
    const list = `${independentSignature(otherSecret, id, timestamp, body)} ${valid}`;
    expect(verify(secret, headers(list), Buffer.from(body), atTimestamp)).toEqual({ ok: true });
  });

  it('refuses a list where no signature is valid', () => {
    const list = `${independentSignature(otherSecret, id, timestamp, body)} v1,${Buffer.alloc(32).toString('base64')}`;
    expect(verify(secret, headers(list), Buffer.from(body), atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a signature made with another secret', () => {
    const wrong = independentSignature(otherSecret, id, timestamp, body);
    expect(verify(secret, headers(wrong), Buffer.from(body), atTimestamp).ok).toBe(false);
  });

  it('refuses a correct MAC under a version other than v1', () => {
    const v2 = valid.replace(/^v1,/, 'v2,');
    expect(verify(secret, headers(v2), Buffer.from(body), atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a MAC without its version', () => {
    expect(verify(secret, headers(valid.slice('v1,'.length)), Buffer.from(body), atTimestamp).ok).toBe(false);
  });

  it('refuses a signature of a different length without throwing', () => {
    const short = 'v1,' + Buffer.alloc(16, 7).toString('base64');
    // The valid MAC followed by one more byte: same prefix, 33 bytes instead of 32.
    const long = 'v1,' + Buffer.concat([Buffer.from(valid.slice('v1,'.length), 'base64'), Buffer.from([0])]).toString('base64');
    expect(() => verify(secret, headers(short), Buffer.from(body), atTimestamp)).not.toThrow();
    expect(verify(secret, headers(short), Buffer.from(body), atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
    expect(verify(secret, headers(long), Buffer.from(body), atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
    expect(verify(secret, headers('v1,'), Buffer.from(body), atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses a body differing by one byte', () => {
    const changed = Buffer.from(body);
    changed[changed.length - 3] = changed[changed.length - 3]! ^ 0x01;
    expect(changed.equals(Buffer.from(body))).toBe(false);
    expect(verify(secret, headers(valid), changed, atTimestamp)).toEqual({ ok: false, reason: 'no valid signature' });
  });

  it('refuses the signature of another webhook id', () => {
    expect(verify(secret, headers(valid, timestamp, 'msg_other'), Buffer.from(body), atTimestamp).ok).toBe(false);
  });

  describe('timestamps', () => {
    const at = (offsetSeconds: number) => new Date((timestamp + offsetSeconds) * 1000);

    it('tolerates five minutes', () => {
      expect(timestampToleranceSeconds).toBe(300);
    });

    it.each([299, -299, 300, -300])('accepts a timestamp %i s off', (offset) => {
      expect(verify(secret, headers(valid), Buffer.from(body), at(offset))).toEqual({ ok: true });
    });

    it.each([301, -301])('refuses a timestamp %i s off', (offset) => {
      expect(verify(secret, headers(valid), Buffer.from(body), at(offset))).toEqual({
        ok: false,
        reason: 'webhook-timestamp is more than 5 minutes off',
      });
    });

    it('refuses a stale timestamp even when it is signed correctly', () => {
      const old = timestamp - 3600;
      const signature = independentSignature(secret, id, old, body);
      expect(verify(secret, headers(signature, old), Buffer.from(body), atTimestamp).ok).toBe(false);
    });

    it.each(['1767605400.5', 'abc', '-1767605400', '1767605400 ', '2026-01-05T09:30:00Z', '0x6957a3a8'])(
      'refuses the non-numeric timestamp %p',
      (value) => {
        const result = verify(secret, headers(valid, value), Buffer.from(body), atTimestamp);
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
      expect(verify(secret, partial, Buffer.from(body), atTimestamp)).toEqual({
        ok: false,
        reason: 'missing webhook-id, webhook-timestamp or webhook-signature',
      });
    });

    it('refuses empty header values', () => {
      expect(verify(secret, { id: '', timestamp: String(timestamp), signature: valid }, Buffer.from(body), atTimestamp).ok).toBe(
        false,
      );
      expect(verify(secret, { id, timestamp: String(timestamp), signature: '' }, Buffer.from(body), atTimestamp).ok).toBe(false);
    });
  });
});

test('a valid signature with characters appended or inserted is refused', () => {
  const body = Buffer.from('{"type":"x"}');
  const now = new Date('2026-06-01T12:00:00Z');
  const timestamp = Math.floor(now.getTime() / 1000);
  const valid = sign('whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', 'msg_appended', timestamp, body);
  const headers = (signature: string) => ({ id: 'msg_appended', timestamp: String(timestamp), signature });
  expect(verify('whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(valid), body, now)).toEqual({ ok: true });
  expect(verify('whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(`${valid}AAAA`), body, now).ok).toBe(false);
  expect(verify('whsec_c2VjcmV0LWZvci1hcHBlbmRlZC10ZXN0', headers(`${valid.slice(0, 10)}!!${valid.slice(10)}`), body, now).ok).toBe(false);
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
