import { DeviceKey, publicKeyFromRaw } from './keys';
import { Random } from './random';
import { InlineVerifier, SignatureCheck, WorkerVerifier } from './signature-verifier';

function checks(n: number): { check: SignatureCheck; valid: boolean }[] {
  const rng = new Random('verifier');
  const keys = Array.from({ length: 5 }, () => DeviceKey.fromSeed(rng.bytes(32)));
  return Array.from({ length: n }, (_, i) => {
    const key = keys[i % keys.length];
    const message = rng.bytes(40);
    const signature = key.sign(message);
    const valid = i % 3 !== 0;
    if (!valid) signature[i % 64] ^= 0x80;
    return { check: { keyId: `d${i % keys.length}`, key: publicKeyFromRaw(key.publicKey), message, signature }, valid };
  });
}

describe('signature verifiers', () => {
  it('agree with each other on good and bad signatures, across batches', async () => {
    const cases = checks(700);
    const worker = new WorkerVerifier(2, 64);
    try {
      const [inline, threaded] = await Promise.all([
        Promise.all(cases.map((c) => new InlineVerifier().verify(c.check))),
        Promise.all(cases.map((c) => worker.verify(c.check))),
      ]);
      expect(threaded).toEqual(cases.map((c) => c.valid));
      expect(inline).toEqual(threaded);
    } finally {
      await worker.close();
    }
  });

  it('refuses a signature of the wrong length without asking a worker', async () => {
    const [c] = checks(1);
    const worker = new WorkerVerifier(1);
    try {
      expect(await worker.verify({ ...c.check, signature: c.check.signature.subarray(0, 63) })).toBe(false);
    } finally {
      await worker.close();
    }
  });

  it('verifies inline once its workers are gone', async () => {
    const cases = checks(10);
    const worker = new WorkerVerifier(1);
    await worker.close();
    expect(await Promise.all(cases.map((c) => worker.verify(c.check)))).toEqual(cases.map((c) => c.valid));
  });
});
