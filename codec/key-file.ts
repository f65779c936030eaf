import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatPayloadKeys, generatePayloadKey, parsePayloadKeys, type PayloadKey } from './keys';

/** Where `npm start` keeps its payload key when PAYLOAD_ENCRYPTION_KEYS is unset. */
export const payloadKeyFile = (dataDir: string) => path.join(dataDir, 'payload-keys');

/**
 * The embedded start's keys: PAYLOAD_ENCRYPTION_KEYS when set; otherwise the key file in DATA_DIR, made
 * (mode 0600, a fresh random key) on the first start. The file has the setting's form, so a rotation
 * is the same edit in either place. Without this file the embedded histories cannot be read: it lives
 * beside them, and goes with them.
 */
export function embeddedPayloadKeys(
  configured: PayloadKey[] | undefined,
  dataDir: string,
  log: (message: string, fields: Record<string, string>) => void,
): PayloadKey[] {
  if (configured) return configured;
  const file = payloadKeyFile(dataDir);
  if (existsSync(file)) {
    // Group or others able to read it would read every history: refused, not silently used.
    if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} can be read by others than its owner: chmod 600 it`);
    return parsePayloadKeys(readFileSync(file, 'utf8'), file);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = generatePayloadKey();
  writeFileSync(file, `${formatPayloadKeys([key])}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  log('PAYLOAD_ENCRYPTION_KEYS is unset: generated a payload key and keep it in the data folder; keep the file with the data', {
    file,
    keyId: key.id,
  });
  return [key];
}
