import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import fc from 'fast-check';
import { dataConverter } from '../../codec/data-converter';
import { failureConverter } from '../../codec/failure-converter';
import { embeddedPayloadKeys, payloadKeyFile } from '../../codec/key-file';
import { formatPayloadKeys, parsePayloadKeys, type PayloadKey } from '../../codec/keys';
import { EncryptionCodec, encryptedEncoding, keyIdMetadataKey } from '../../codec/payload-codec';
import { readConfig, requiredPayloadKeys } from '../../config/config';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

const anyPayload: fc.Arbitrary<Payload> = fc.record({
  metadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 40 }), fc.uint8Array({ maxLength: 200 }), { maxKeys: 6 }),
  data: fc.uint8Array({ maxLength: 4000 }),
});

const same = (actual: Payload, expected: Payload) => {
  expect(Object.keys(actual.metadata ?? {}).sort()).toEqual(Object.keys(expected.metadata ?? {}).sort());
  for (const [name, value] of Object.entries(expected.metadata ?? {}))
    expect(Buffer.from(actual.metadata![name]!)).toEqual(Buffer.from(value));
  expect(Buffer.from(actual.data ?? new Uint8Array())).toEqual(Buffer.from(expected.data ?? new Uint8Array()));
};

test('decode(encode(x)) = x for any payload, and what is written shows neither its data nor its metadata', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  await fc.assert(
    fc.asyncProperty(fc.array(anyPayload, { maxLength: 5 }), async (payloads) => {
      const encoded = await codec.encode(payloads);
      expect(encoded).toHaveLength(payloads.length);
      for (const [index, sealed] of encoded.entries()) {
        expect(Object.keys(sealed.metadata!).sort()).toEqual(['encoding', keyIdMetadataKey]);
        expect(text(sealed.metadata!.encoding)).toBe(encryptedEncoding);
        expect(text(sealed.metadata![keyIdMetadataKey])).toBe('k1');
        const data = payloads[index]!.data!;
        if (data.length >= 8) expect(Buffer.from(sealed.data!).includes(Buffer.from(data))).toBe(false);
      }
      const decoded = await codec.decode(encoded);
      decoded.forEach((payload, index) => same(payload, payloads[index]!));
    }),
    { numRuns: 200 },
  );
});

test('rotation: a new first key writes, and every listed key still reads what it wrote', async () => {
  const [old, older, fresh] = [key('2026-06'), key('2026-01'), key('2026-11')];
  await fc.assert(
    fc.asyncProperty(anyPayload, anyPayload, async (a, b) => {
      const [byOlder] = await new EncryptionCodec([older]).encode([a]);
      const [byOld] = await new EncryptionCodec([old, older]).encode([b]);
      const rotated = new EncryptionCodec([fresh, old, older]);
      const [byFresh] = await rotated.encode([a]);
      expect(text(byFresh!.metadata![keyIdMetadataKey])).toBe('2026-11');
      const [readA, readB, readFresh] = await rotated.decode([byOlder!, byOld!, byFresh!]);
      same(readA!, a);
      same(readB!, b);
      same(readFresh!, a);
    }),
    { numRuns: 50 },
  );
});

test('a metadata key named like an object property ("__proto__", "constructor") comes back as an entry of its own', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  const metadata: Record<string, Uint8Array> = Object.fromEntries([
    ['__proto__', Buffer.from('p')],
    ['constructor', Buffer.from('c')],
    ['encoding', Buffer.from('binary/plain')],
  ]);
  const payload: Payload = { metadata, data: Buffer.from('x') };
  const [decoded] = await codec.decode(await codec.encode([payload]));
  same(decoded!, payload);
  expect(Object.getPrototypeOf(decoded!.metadata)).toBe(Object.prototype);
});

test('a metadata key longer than the framing holds is refused by name, not cut', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  const long = { metadata: { ['k'.repeat(70_000)]: new Uint8Array() }, data: new Uint8Array() };
  await expect(codec.encode([long])).rejects.toThrow('a metadata key of 70000 bytes is longer than the 65535 that can be encrypted');
});

test('each payload gets its own IV: the same value twice is two different ciphertexts', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  const payload = defaultPayloadConverter.toPayload({ summary: 'the same text' });
  const [first, second] = await codec.encode([payload, payload]);
  expect(Buffer.from(first!.data!).equals(Buffer.from(second!.data!))).toBe(false);
});

test('a key id that is not configured fails with a message naming it; a payload from before encryption passes through', async () => {
  const [sealed] = await new EncryptionCodec([key('retired-2025')]).encode([defaultPayloadConverter.toPayload('x')]);
  await expect(new EncryptionCodec([key('k2'), key('k1')]).decode([sealed!])).rejects.toThrow(
    'a payload is encrypted with key "retired-2025", which is not among the configured keys (k2, k1)',
  );
  const plain = defaultPayloadConverter.toPayload({ written: 'before encryption' });
  const [passed] = await new EncryptionCodec([key('k1')]).decode([plain]);
  same(passed!, plain);
});

test('an altered payload, or one whose key id was changed to another configured key, does not decrypt', async () => {
  const [one, two] = [key('one'), key('two')];
  const codec = new EncryptionCodec([one, two]);
  const [sealed] = await codec.encode([defaultPayloadConverter.toPayload('a note')]);
  const flipped = Buffer.from(sealed!.data!);
  flipped[20] = flipped[20]! ^ 1;
  await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow('an encrypted payload of key "one" does not decrypt');
  // Same bytes under the other id: the id is authenticated data, so this fails even if the keys were equal.
  const sameBytes = new EncryptionCodec([one, { id: 'two', key: one.key }]);
  const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [keyIdMetadataKey]: Buffer.from('two') } };
  await expect(sameBytes.decode([relabelled])).rejects.toThrow('an encrypted payload of key "two" does not decrypt');
});

describe('PAYLOAD_ENCRYPTION_KEYS', () => {
  const k32 = randomBytes(32).toString('base64');
  test('comma-separated <keyId>:<base64 of 32 bytes>, the first writes', () => {
    const keys = parsePayloadKeys(` new:${k32} , old:${randomBytes(32).toString('base64')}`);
    expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(keys[0]!.key.toString('base64')).toBe(k32);
    expect(parsePayloadKeys(formatPayloadKeys(keys))).toEqual(keys);
  });
  test.each([
    ['', 'PAYLOAD_ENCRYPTION_KEYS holds no key'],
    [k32, 'key 1 of PAYLOAD_ENCRYPTION_KEYS has no ":" between its id and its bytes'],
    [`has space:${k32}`, 'key 1 of PAYLOAD_ENCRYPTION_KEYS has the id "has space"'],
    [`k:${randomBytes(16).toString('base64')}`, 'key "k" of PAYLOAD_ENCRYPTION_KEYS holds 16 bytes; AES-256 needs 32'],
    [`k:${k32.slice(0, -4)}!!!!`, 'key "k" of PAYLOAD_ENCRYPTION_KEYS is not base64'],
    [`a:${k32},a:${k32}`, 'PAYLOAD_ENCRYPTION_KEYS lists the key id "a" twice'],
  ])('"%s" is refused: %s', (value, message) => {
    expect(() => parsePayloadKeys(value)).toThrow(message);
  });
  test('read by the settings; a malformed value stops the start, and an entry point that cannot keep a key asks for it', () => {
    expect(readConfig({ PAYLOAD_ENCRYPTION_KEYS: `k:${k32}` }).payloadKeys?.map((k) => k.id)).toEqual(['k']);
    expect(() => readConfig({ PAYLOAD_ENCRYPTION_KEYS: 'k:c2hvcnQ=' })).toThrow('key "k" of PAYLOAD_ENCRYPTION_KEYS holds 5 bytes');
    expect(() => requiredPayloadKeys(readConfig({}))).toThrow('PAYLOAD_ENCRYPTION_KEYS is unset');
  });
  test('WEB_UI_ORIGIN: origins only; by default the embedded Web UI', () => {
    expect(readConfig({ TEMPORAL_UI_PORT: '9000' }).webUiOrigins).toEqual(['http://127.0.0.1:9000', 'http://localhost:9000']);
    expect(readConfig({ WEB_UI_ORIGIN: 'https://ui.example:8080' }).webUiOrigins).toEqual(['https://ui.example:8080']);
    expect(() => readConfig({ WEB_UI_ORIGIN: 'https://ui.example/path' })).toThrow('WEB_UI_ORIGIN must be origins');
  });
});

describe('the embedded start keeps its own key', () => {
  test('made once in DATA_DIR/payload-keys with mode 0600, said so without the key, and read again on the next start', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpa-keys-')), 'data');
    const lines: Array<[string, Record<string, string>]> = [];
    const [made] = embeddedPayloadKeys(undefined, dataDir, (message, fields) => lines.push([message, fields]));
    const file = payloadKeyFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toEqual({ file, keyId: made!.id });
    expect(JSON.stringify(lines)).not.toContain(made!.key.toString('base64'));
    expect(readFileSync(file, 'utf8').trim()).toBe(formatPayloadKeys([made!]));
    const again = embeddedPayloadKeys(undefined, dataDir, (message, fields) => lines.push([message, fields]));
    expect(again).toEqual([made]);
    expect(lines).toHaveLength(1);
  });
  test('PAYLOAD_ENCRYPTION_KEYS, when set, wins and no file is made; a key file others can read is refused', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dpa-keys-'));
    const configured = [key('configured')];
    expect(embeddedPayloadKeys(configured, dataDir, () => undefined)).toBe(configured);
    expect(() => statSync(payloadKeyFile(dataDir))).toThrow();
    writeFileSync(payloadKeyFile(dataDir), formatPayloadKeys(configured));
    chmodSync(payloadKeyFile(dataDir), 0o644);
    expect(() => embeddedPayloadKeys(undefined, dataDir, () => undefined)).toThrow('can be read by others than its owner');
  });
});

test('failure messages and stack traces leave only "Encoded failure" in clear; their text is a payload the codec encrypts', async () => {
  const failure = failureConverter.errorToFailure(
    new Error('could not mail an.peeters@customer.test about Zebrafish'),
    defaultPayloadConverter,
  );
  expect(failure.message).toBe('Encoded failure');
  expect(failure.stackTrace).toBe('');
  const [sealed] = await new EncryptionCodec([key('k1')]).encode([failure.encodedAttributes!]);
  expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('Zebrafish');
  expect(text(failure.encodedAttributes!.data)).toContain('Zebrafish');
  expect(dataConverter([key('k1')])).toMatchObject({ failureConverterPath: require.resolve('../../codec/failure-converter') });
});
