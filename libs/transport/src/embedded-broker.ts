import { Worker } from 'node:worker_threads';

// aedes and its TCP listener, run on a worker thread: the broker's parsing and routing then no
// longer share an event loop with the tally server that consumes its messages.
const BROKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createBroker } = require(workerData.aedes);
const net = require('node:net');
// concurrency: how many deliveries aedes keeps in flight; its default of 100 stalls bursts.
const broker = createBroker({ concurrency: 1000 });
const server = net.createServer({ noDelay: true }, broker.handle);
server.once('error', (err) => parentPort.postMessage({ type: 'error', message: err.message }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', () => broker.close(() => server.close(() => parentPort.postMessage({ type: 'closed' }))));`;

/** An in-process MQTT 3.1.1 broker (aedes) on a TCP port, on its own thread; port 0 takes a free one. */
export class EmbeddedBroker {
  private constructor(
    private readonly worker: Worker,
    readonly port: number,
    private readonly host: string,
  ) {}

  static start(port = 0, host = '127.0.0.1'): Promise<EmbeddedBroker> {
    const worker = new Worker(BROKER_SOURCE, { eval: true, workerData: { aedes: require.resolve('aedes'), port, host } });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: { type: string; port?: number; message?: string }) => {
        if (m.type === 'listening') resolve(new EmbeddedBroker(worker, m.port!, host));
        else {
          void worker.terminate();
          reject(new Error(`embedded broker: ${m.message}`));
        }
      });
    });
  }

  get url(): string {
    return `mqtt://${this.host === '0.0.0.0' ? '127.0.0.1' : this.host}:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('close');
    });
    await this.worker.terminate();
  }
}
