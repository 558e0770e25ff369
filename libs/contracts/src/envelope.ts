import { createHash } from 'node:crypto';
import { DeviceKey } from '@shailoo/platform';
import { shailoo } from './generated/shailoo';

export import v1 = shailoo.v1;

export const ENVELOPE_VERSION = 1;

interface Encoder<T> {
  encode(message: T): { finish(): Uint8Array };
}

const ENCODERS: Record<number, Encoder<any>> = {
  [v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT]: v1.PrecinctResult,
  [v1.PayloadKind.PAYLOAD_KIND_MANUAL_PROTOCOL]: v1.ManualProtocol,
  [v1.PayloadKind.PAYLOAD_KIND_IDENTIFICATION_REPORT]: v1.IdentificationReport,
  [v1.PayloadKind.PAYLOAD_KIND_TURNOUT_SNAPSHOT]: v1.TurnoutSnapshot,
  [v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST]: v1.IdentifyRequest,
};

/** Encodes a payload and wraps it in an envelope signed over the exact body bytes. */
export function signPayload<T extends { deviceId?: string | null }>(kind: v1.PayloadKind, message: T, key: DeviceKey): Buffer {
  const body = ENCODERS[kind].encode(message).finish();
  return Buffer.from(v1.SignedEnvelope.encode({ version: ENVELOPE_VERSION, kind, deviceId: message.deviceId, body, signature: key.sign(body) }).finish());
}

export function signPrecinctResult(result: v1.IPrecinctResult, key: DeviceKey): Buffer {
  return signPayload(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, result, key);
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** protobufjs decodes 64-bit fields as Long objects; times in ms fit a number exactly. */
export function int64ToNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}
