import { AuthenticationFailure, DeviceKind, MAX_SEQUENCE, sha256, v1 } from '@shailoo/contracts';
import { SignatureVerifier } from '@shailoo/platform';
import { ElectionRegistry, RegisteredDevice, RegisteredElection } from './election-registry';

/** The five fields every payload starts with. */
export interface PayloadHeader {
  electionId: string;
  definitionHash: Uint8Array;
  precinctId: string;
  deviceId: string;
  sequence: number;
}

/** What a service accepts under a payload kind. */
export interface AcceptedKind<M extends PayloadHeader> {
  name: string;
  deviceKinds: readonly DeviceKind[];
  decode(body: Uint8Array): M;
}

export interface Authentic<M> {
  device: RegisteredDevice;
  election: RegisteredElection;
  message: M;
  bodyHash: Buffer;
}

/** A refusal; `signedBy` is set once the signature verified, so the device may be told. */
export interface Refusal {
  reason: AuthenticationFailure;
  detail: string;
  signedBy?: { deviceId: string; sequence: number; bodyHash: Buffer };
}

/**
 * The checks every message from a polling-station device passes, whatever it carries: a signed
 * envelope of a kind the service takes, from a registered device of the right kind, named by its
 * topic, with a signature that verifies over the exact body, for the device's own election,
 * definition and precinct, with a sequence from 1 to MAX_SEQUENCE.
 */
export class DeviceMessageAuthenticator {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly verifier: SignatureVerifier,
  ) {}

  async authenticate<M extends PayloadHeader>(
    raw: Buffer,
    where: { electionId: string; deviceId: string } | null,
    kindOf: (kind: number) => AcceptedKind<M> | undefined,
  ): Promise<{ authentic: Authentic<M> } | { refusal: Refusal }> {
    const refuse = (reason: AuthenticationFailure, detail: string, signedBy?: Refusal['signedBy']) => ({ refusal: { reason, detail, signedBy } });
    let envelope: v1.SignedEnvelope;
    try {
      envelope = v1.SignedEnvelope.decode(raw);
    } catch (err) {
      return refuse('malformed-envelope', (err as Error).message);
    }
    if (envelope.version !== 1) return refuse('unsupported-version', `envelope version ${envelope.version}; this server speaks 1`);
    const kind = kindOf(envelope.kind);
    if (!kind || !where) return refuse('unsupported-kind', `payload kind ${envelope.kind} is not taken on this topic`);
    if (where.deviceId !== envelope.deviceId) return refuse('topic-mismatch', `topic names device ${where.deviceId}, envelope ${envelope.deviceId}`);
    const device = this.registry.device(envelope.deviceId) ?? (await this.registry.findDevice(envelope.deviceId));
    if (!device) return refuse('unknown-device', `device ${envelope.deviceId} is not registered`);
    if (!(await this.verifier.verify({ keyId: device.id, key: device.key, message: envelope.body, signature: envelope.signature }))) {
      return refuse('bad-signature', `signature does not verify with device ${device.id}'s key`);
    }
    const bodyHash = sha256(envelope.body);
    let message: M;
    try {
      message = kind.decode(envelope.body);
    } catch (err) {
      return refuse('malformed-body', (err as Error).message);
    }
    const signedBy = { deviceId: device.id, sequence: message.sequence, bodyHash };
    const fail = (reason: AuthenticationFailure, detail: string) => refuse(reason, detail, signedBy);
    // Signed by the device itself (a stolen one, say): refused, and the quarantine names it.
    if (device.revokedAt !== null)
      return fail('revoked', `device ${device.id} was revoked by an operator at ${new Date(device.revokedAt).toISOString()}: its messages are refused`);
    if (message.deviceId !== device.id) return fail('device-mismatch', `body names device ${message.deviceId}, signed by ${device.id}`);
    if (!kind.deviceKinds.includes(device.kind)) return fail('device-mismatch', `a ${device.kind} device cannot send a ${kind.name}`);
    if (message.electionId !== where.electionId) return fail('topic-mismatch', `body names election ${message.electionId}, topic ${where.electionId}`);
    const election = this.registry.election(message.electionId);
    if (!election) return fail('unknown-election', `election ${message.electionId} is not registered`);
    if (device.electionId !== message.electionId)
      return fail('device-mismatch', `device ${device.id} is registered for ${device.electionId}, not ${message.electionId}`);
    if (!election.hashBytes.equals(Buffer.from(message.definitionHash))) {
      return fail('definition-mismatch', `definition hash ${Buffer.from(message.definitionHash).toString('hex')} ≠ ${election.hash}`);
    }
    if (message.precinctId !== device.precinctId)
      return fail('wrong-precinct', `device ${device.id} is registered at ${device.precinctId}, message is for ${message.precinctId}`);
    if (message.sequence < 1) return fail('out-of-range', 'sequence starts at 1');
    if (message.sequence > MAX_SEQUENCE) return fail('out-of-range', `sequence ${message.sequence} is beyond the largest, ${MAX_SEQUENCE}`);
    return { authentic: { device, election, message, bodyHash } };
  }
}
