import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import type { PayloadKey } from './keys';

/** The encoding of a payload this codec wrote; anything else passes through decode untouched. */
export const encryptedEncoding = 'binary/encrypted';
/** The metadata entry that names the key a payload was encrypted with, so that a rotated key still reads it. */
export const keyIdMetadataKey = 'encryption-key-id';

const ivBytes = 12;
const tagBytes = 16;
const framingVersion = 1;

/**
 * Encrypts every payload the client and the worker write (issue 13): AES-256-GCM with a random 12-byte
 * IV per payload, the whole original payload (its metadata too) inside the ciphertext, and only the
 * encoding and the key id in clear. The key id is also the GCM's additional data, so a payload whose
 * key id was changed fails to decrypt instead of being read with another key.
 *
 * The first key writes; every key reads. A payload without the encrypted encoding (a history written
 * before encryption was switched on) is passed through, so the workflows running then carry on.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly writer: PayloadKey;
  private readonly readers: Map<string, Buffer>;

  constructor(keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('the payload codec needs at least one key');
    this.writer = keys[0]!;
    this.readers = new Map(keys.map((key) => [key.id, key.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.writer.key, iv);
    cipher.setAAD(Buffer.from(this.writer.id, 'utf8'));
    const sealed = Buffer.concat([cipher.update(framePayload(payload)), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(encryptedEncoding, 'utf8'),
        [keyIdMetadataKey]: Buffer.from(this.writer.id, 'utf8'),
      },
      data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || Buffer.from(encoding).toString('utf8') !== encryptedEncoding) return payload;
    const keyIdBytes = payload.metadata?.[keyIdMetadataKey];
    if (!keyIdBytes) throw new Error(`an encrypted payload has no ${keyIdMetadataKey} in its metadata`);
    const keyId = Buffer.from(keyIdBytes).toString('utf8');
    const key = this.readers.get(keyId);
    if (!key) {
      throw new Error(
        `a payload is encrypted with key "${keyId}", which is not among the configured keys (${[...this.readers.keys()].join(', ')}): ` +
          'add it back to PAYLOAD_ENCRYPTION_KEYS, after the first key',
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < ivBytes + tagBytes) throw new Error(`an encrypted payload of key "${keyId}" is too short to hold its IV and tag`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivBytes));
    decipher.setAAD(keyIdBytes);
    decipher.setAuthTag(data.subarray(data.length - tagBytes));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(ivBytes, data.length - tagBytes)), decipher.final()]);
    } catch {
      throw new Error(
        `an encrypted payload of key "${keyId}" does not decrypt: it was altered, or the key's bytes are not the ones it was written with`,
      );
    }
    return unframePayload(plain);
  }
}

/**
 * The payload as bytes before encryption: a version byte, the number of metadata entries (u16), each
 * entry as key length (u16), key (UTF-8), value length (u32), value; then the data to the end.
 */
export function framePayload(payload: Payload): Buffer {
  const entries = Object.entries(payload.metadata ?? {});
  if (entries.length > 0xffff) throw new Error(`a payload has ${entries.length} metadata entries; at most 65535 can be encrypted`);
  const parts: Buffer[] = [Buffer.from([framingVersion]), u16(entries.length)];
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key, 'utf8');
    if (keyBytes.length > 0xffff)
      throw new Error(`a metadata key of ${keyBytes.length} bytes is longer than the 65535 that can be encrypted`);
    parts.push(u16(keyBytes.length), keyBytes, u32(value?.length ?? 0), Buffer.from(value ?? new Uint8Array()));
  }
  parts.push(Buffer.from(payload.data ?? new Uint8Array()));
  return Buffer.concat(parts);
}

export function unframePayload(bytes: Buffer): Payload {
  if (bytes[0] !== framingVersion) throw new Error(`a decrypted payload has framing version ${bytes[0]}, not ${framingVersion}`);
  let at = 1;
  const take = (length: number): Buffer => {
    if (at + length > bytes.length) throw new Error('a decrypted payload ends inside its metadata');
    const slice = bytes.subarray(at, at + length);
    at += length;
    return slice;
  };
  const count = take(2).readUInt16BE();
  const entries: Array<[string, Uint8Array]> = [];
  for (let index = 0; index < count; index++) {
    const key = take(take(2).readUInt16BE()).toString('utf8');
    entries.push([key, new Uint8Array(take(take(4).readUInt32BE()))]);
  }
  // fromEntries defines each key as the object's own: an assignment would take `__proto__` for the
  // object's prototype, and the entry would be lost.
  return { metadata: Object.fromEntries(entries), data: new Uint8Array(bytes.subarray(at)) };
}

const u16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
};
const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};
