import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { v1 } from '@shailoo/contracts';
import { definitionHash } from '@shailoo/election';
import { syntheticDefinition, syntheticStation } from '@shailoo/scenario';

// Each worker builds the public keys once, then verifies the sample round and round until told the time is up.
const VERIFY_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const items = workerData.items.map((i) => ({ key: createPublicKey({ key: Buffer.concat([SPKI, Buffer.from(i.publicKey)]), format: 'der', type: 'spki' }), body: i.body, signature: i.signature }));
const until = Date.now() + workerData.ms;
let n = 0, bad = 0;
while (Date.now() < until) {
  for (const i of items) { if (!verify(null, i.body, i.key, i.signature)) bad++; n++; }
}
parentPort.postMessage({ n, bad });`;

/**
 * The physical ceiling of a pipeline that verifies every result: Ed25519 verification of signed
 * results alone, on every core at once (node:crypto, one worker thread per core), per second.
 */
export async function verificationCeiling(ms = 2000, sample = 500): Promise<{ perSecond: number; threads: number }> {
  const definition = syntheticDefinition(sample, 'ceiling');
  const election = { id: 'ceiling', hash: definitionHash(definition) };
  const items = Array.from({ length: sample }, (_, i) => {
    const s = syntheticStation(election, 'ceiling', i);
    const envelope = v1.SignedEnvelope.decode(s.envelope);
    return { publicKey: Buffer.from(s.registration.publicKey, 'base64'), body: envelope.body, signature: envelope.signature };
  });
  const threads = availableParallelism();
  const started = Date.now();
  const counts = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<{ n: number; bad: number }>((resolve, reject) => {
          const w = new Worker(VERIFY_SOURCE, { eval: true, workerData: { items, ms } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  if (counts.some((c) => c.bad)) throw new Error('the verification baseline found a bad signature in its own sample');
  const seconds = (Date.now() - started) / 1000;
  return { perSecond: counts.reduce((s, c) => s + c.n, 0) / seconds, threads };
}
