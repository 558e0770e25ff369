import { Random } from './random';
import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

// DER prefixes that wrap a raw 32-byte Ed25519 key (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A device's Ed25519 signing key. */
export class DeviceKey {
  readonly publicKey: Buffer;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicKey = rawPublicKey(createPublicKey(privateKey));
  }

  /** The key whose 32-byte private seed is given: the same seed always gives the same key. */
  static fromSeed(seed: Uint8Array): DeviceKey {
    if (seed.length !== 32) throw new Error(`an Ed25519 seed is 32 bytes, got ${seed.length}`);
    return new DeviceKey(createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
  }

  /** A simulated device's key, derived from a scenario's seed and the device's id. */
  static derive(seed: string, deviceId: string): DeviceKey {
    return DeviceKey.fromSeed(Random.stream(seed, `key/${deviceId}`).bytes(32));
  }

  sign(message: Uint8Array): Buffer {
    return sign(null, message, this.privateKey);
  }
}

/** A public key from its 32 raw bytes; build it once per device and keep it. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes, got ${raw.length}`);
  // As a JWK: about eight times faster than the same key as SPKI DER (a registration of 100,000 devices builds 100,000).
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function verifySignature(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return verify(null, message, publicKey, signature);
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}
