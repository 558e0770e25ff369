import { DeviceKind } from './vocabulary';

/** A device as registered with the CEC: its place and the raw 32-byte Ed25519 public key of its signing key, base64. */
export interface DeviceRegistration {
  id: string;
  precinctId: string;
  kind: DeviceKind;
  publicKey: string;
}

export function deviceRegistration(id: string, precinctId: string, kind: DeviceKind, publicKey: Uint8Array): DeviceRegistration {
  return { id, precinctId, kind, publicKey: Buffer.from(publicKey).toString('base64') };
}

/** How the simulated stations name their devices: one box, one commission, numbered identification devices. */
export const DeviceIds = {
  ballotBox: (precinctId: string) => `aeu-${precinctId}`,
  commission: (precinctId: string) => `com-${precinctId}`,
  identification: (precinctId: string, n: number) => `idd-${precinctId}-${n}`,
};
