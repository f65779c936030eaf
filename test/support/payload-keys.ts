import { defaultPayloadConverter, type ProtoFailure } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { dataConverter } from '../../codec/data-converter';
import { formatPayloadKeys, type PayloadKey } from '../../codec/keys';
import { EncryptionCodec, encryptedEncoding } from '../../codec/payload-codec';

/**
 * The tests' payload keys: every test's client and worker encrypt, as production does. Two keys, so that
 * every test also runs with a rotated set (the first writes, the second only reads).
 */
export const testPayloadKeys: PayloadKey[] = [
  { id: 'test-2026-b', key: Buffer.alloc(32, 0xb2) },
  { id: 'test-2026-a', key: Buffer.alloc(32, 0xa1) },
];

export const testDataConverter = dataConverter(testPayloadKeys);

/** The same keys as PAYLOAD_ENCRYPTION_KEYS, for a worker a test runs as its own process. */
export const testPayloadKeysSetting = formatPayloadKeys(testPayloadKeys);

/**
 * A history with every encrypted payload decrypted in place: what an operator reads in the Web UI
 * through the codec endpoint, for tests that look inside payloads. Search attributes stay in clear, as
 * the server must read them (they hold no personal data).
 */
export async function decryptedHistory(history: History): Promise<History> {
  const codec = new EncryptionCodec(testPayloadKeys);
  const pending: Promise<void>[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown> & { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
    const encoding = record.metadata?.encoding;
    if (encoding instanceof Uint8Array && Buffer.from(encoding).toString('utf8') === encryptedEncoding) {
      pending.push(
        codec.decode([{ metadata: record.metadata!, data: record.data ?? new Uint8Array() }]).then(([plain]) => {
          record.metadata = plain!.metadata!;
          record.data = plain!.data!;
        }),
      );
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(history);
  await Promise.all(pending);
  return history;
}

/**
 * A failure's message as an operator reads it through the codec endpoint: with encodeCommonAttributes
 * the failure itself says only "Encoded failure", its message is in the encrypted encodedAttributes.
 */
export async function failureMessage(failure: ProtoFailure | null | undefined): Promise<string | undefined> {
  if (!failure?.encodedAttributes) return failure?.message ?? undefined;
  const [plain] = await new EncryptionCodec(testPayloadKeys).decode([failure.encodedAttributes]);
  return defaultPayloadConverter.fromPayload<{ message?: string }>(plain!).message;
}
