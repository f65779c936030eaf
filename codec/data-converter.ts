import type { DataConverter } from '@temporalio/common';
import type { PayloadKey } from './keys';
import { EncryptionCodec } from './payload-codec';

/** Where the worker's bundler and every client find the failure converter that encodes messages and stack traces. */
export const failureConverterPath = require.resolve('./failure-converter');

/** The data converter of every client and worker: payloads encrypted, failures' common attributes encoded. */
export function dataConverter(keys: readonly PayloadKey[]): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath };
}
