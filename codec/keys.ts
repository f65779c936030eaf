import { randomBytes } from 'node:crypto';

/** One AES-256 key of the payload codec, with the id written beside every payload it encrypts. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

const keyIdPattern = /^[A-Za-z0-9._-]{1,64}$/;
const makeKey = '<key id>:$(openssl rand -base64 32)';

/**
 * PAYLOAD_ENCRYPTION_KEYS: `<keyId>:<base64 of 32 bytes>`, separated by commas. The first writes, every
 * one reads (rotation: put a new key first, keep the old ones until no open history needs them). Node's
 * base64 decoder skips what it cannot read, so the text must be exactly the base64 of 32 bytes: a
 * mistyped key would otherwise quietly become another key, and the histories unreadable.
 */
export function parsePayloadKeys(text: string, name = 'PAYLOAD_ENCRYPTION_KEYS'): PayloadKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error(`${name} holds no key: set it to ${makeKey}`);
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const place = `key ${index + 1} of ${name}`;
    if (colon < 0) throw new Error(`${place} has no ":" between its id and its bytes: each key is ${makeKey}`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!keyIdPattern.test(id)) {
      throw new Error(`${place} has the id "${id}"; an id is 1 to 64 letters, digits, dots, dashes or underscores`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
      throw new Error(`key "${id}" of ${name} is not base64: each key is ${makeKey}`);
    }
    if (key.length !== 32) throw new Error(`key "${id}" of ${name} holds ${key.length} bytes; AES-256 needs 32: ${makeKey}`);
    return { id, key };
  });
  const ids = keys.map((key) => key.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new Error(`${name} lists the key id "${repeated}" twice; each id names one key`);
  return keys;
}

/** The text form of keys, as PAYLOAD_ENCRYPTION_KEYS and the embedded key file hold them. */
export function formatPayloadKeys(keys: readonly PayloadKey[]): string {
  return keys.map((key) => `${key.id}:${key.key.toString('base64')}`).join(',');
}

/** A new random key; its id carries the day it was made, so that a rotation's order can be read from the ids. */
export function generatePayloadKey(now: Date = new Date()): PayloadKey {
  return { id: `key-${now.toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`, key: randomBytes(32) };
}
