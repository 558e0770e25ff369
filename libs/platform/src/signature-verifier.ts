import { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { verifySignature } from './keys';
import { ownBytes } from './own-bytes';

/** One Ed25519 signature to check; `keyId` names the key so a worker builds it once. */
export interface SignatureCheck {
  keyId: string;
  key: KeyObject;
  message: Uint8Array;
  signature: Uint8Array;
}

export interface SignatureVerifier {
  verify(check: SignatureCheck): Promise<boolean>;
  close(): Promise<void>;
}

/** Worker threads when there are any (`threads` > 0), the calling thread otherwise. */
export function createSignatureVerifier(threads: number): SignatureVerifier {
  return threads > 0 ? new WorkerVerifier(threads) : new InlineVerifier();
}

/** Verifies on the calling thread. */
export class InlineVerifier implements SignatureVerifier {
  verify(check: SignatureCheck): Promise<boolean> {
    return Promise.resolve(verifySignature(check.key, check.message, check.signature));
  }

  async close(): Promise<void> {}
}

// The worker gets each KeyObject once (they can be posted between threads) and then verifies
// batches of (keyId, message, signature), answering with one byte per check.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { verify } = require('node:crypto');
const keys = new Map();
parentPort.on('message', ({ id, newKeys, items }) => {
  for (const [keyId, key] of newKeys) keys.set(keyId, key);
  const ok = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const { keyId, message, signature } = items[i];
    try { ok[i] = verify(null, message, keys.get(keyId), signature) ? 1 : 0; } catch { ok[i] = 0; }
  }
  parentPort.postMessage({ id, ok });
});`;

/** How long a check waits for others to be posted with it. */
const BATCH_WAIT_MS = 2;

interface Pending {
  check: SignatureCheck;
  resolve: (ok: boolean) => void;
}

interface Lane {
  worker: Worker;
  sentKeys: Map<string, KeyObject>;
  inFlight: Map<number, Pending[]>;
}

/**
 * Verifies on worker threads, so that the dearest step of ingest (about 6,000 checks/s per core)
 * leaves the event loop free for the broker and the database. Checks are gathered for BATCH_WAIT_MS
 * (or until a batch is full) and posted together: a batch per turn of the event loop woke a worker
 * for nearly every check once the loop ran free, and the wake-ups cost more than the checks. If a
 * worker dies, what it held and everything after is verified inline.
 */
export class WorkerVerifier implements SignatureVerifier {
  private readonly lanes: Lane[] = [];
  private queue: Pending[] = [];
  private scheduled = false;
  private nextLane = 0;
  private nextBatch = 1;
  private readonly fallback = new InlineVerifier();

  constructor(
    threads: number,
    private readonly batchSize = 256,
  ) {
    for (let i = 0; i < threads; i++) this.lanes.push(this.spawn());
  }

  verify(check: SignatureCheck): Promise<boolean> {
    if (check.signature.length !== 64) return Promise.resolve(false);
    if (this.lanes.length === 0) return this.fallback.verify(check);
    return new Promise((resolve) => {
      this.queue.push({ check, resolve });
      if (this.queue.length >= this.batchSize) this.dispatch();
      else if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => this.dispatch(), BATCH_WAIT_MS);
      }
    });
  }

  async close(): Promise<void> {
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }

  private dispatch(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.batchSize);
      if (this.lanes.length === 0) {
        for (const { check, resolve } of batch) this.fallback.verify(check).then(resolve);
        continue;
      }
      const lane = this.lanes[this.nextLane++ % this.lanes.length];
      const newKeys: [string, KeyObject][] = [];
      for (const { check } of batch) {
        if (lane.sentKeys.get(check.keyId) !== check.key) {
          lane.sentKeys.set(check.keyId, check.key);
          newKeys.push([check.keyId, check.key]);
        }
      }
      const id = this.nextBatch++;
      lane.inFlight.set(id, batch);
      lane.worker.postMessage({
        id,
        newKeys,
        items: batch.map(({ check }) => ({ keyId: check.keyId, message: ownBytes(check.message), signature: ownBytes(check.signature) })),
      });
    }
  }

  private spawn(): Lane {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const lane: Lane = { worker, sentKeys: new Map(), inFlight: new Map() };
    worker.on('message', ({ id, ok }: { id: number; ok: Uint8Array }) => {
      const batch = lane.inFlight.get(id);
      lane.inFlight.delete(id);
      batch?.forEach(({ resolve }, i) => resolve(ok[i] === 1));
    });
    worker.on('error', () => this.retire(lane));
    worker.on('exit', () => this.retire(lane));
    return lane;
  }

  private retire(lane: Lane): void {
    const at = this.lanes.indexOf(lane);
    if (at >= 0) this.lanes.splice(at, 1);
    for (const batch of lane.inFlight.values()) {
      for (const { check, resolve } of batch) this.fallback.verify(check).then(resolve);
    }
    lane.inFlight.clear();
  }
}
