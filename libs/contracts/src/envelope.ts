import { createHash } from 'node:crypto';
import { DeviceKey } from '../../platform/src/keys';
import { shailoo } from './generated/shailoo';

export import v1 = shailoo.v1;

export const ENVELOPE_VERSION = 1;

/** Encodes a result and wraps it in an envelope signed over the exact body bytes. */
export function signPrecinctResult(result: v1.IPrecinctResult, key: DeviceKey): Buffer {
  const body = v1.PrecinctResult.encode(result).finish();
  return Buffer.from(
    v1.SignedEnvelope.encode({
      version: ENVELOPE_VERSION,
      kind: v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT,
      deviceId: result.deviceId,
      body,
      signature: key.sign(body),
    }).finish(),
  );
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** protobufjs decodes 64-bit fields as Long objects; times in ms fit a number exactly. */
export function int64ToNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}
