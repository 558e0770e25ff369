import { createBroker } from 'aedes';
import { AddressInfo, createServer, Server } from 'node:net';

/** An in-process MQTT 3.1.1 broker (aedes) on a TCP port; port 0 takes a free one. */
export class EmbeddedBroker {
  private constructor(
    private readonly broker: ReturnType<typeof createBroker>,
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(port = 0, host = '127.0.0.1'): Promise<EmbeddedBroker> {
    // concurrency: how many deliveries aedes keeps in flight; its default of 100 stalls bursts.
    const broker = createBroker({ concurrency: 1000 });
    const server = createServer(broker.handle);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return new EmbeddedBroker(broker, server, (server.address() as AddressInfo).port);
  }

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  get connectedClients(): number {
    return this.broker.connectedClients;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
