import { createServer, Server } from 'node:http';
import { Gauge, Registry } from 'prom-client';
import { LoadtestProgress } from './loadtest';

/** `--prometheus PORT`: the running counters of the load test at /metrics. */
export class LoadtestMetrics {
  private readonly registry = new Registry();
  private readonly gauges = new Map<keyof LoadtestProgress, Gauge>();
  private constructor(private readonly server: Server) {
    const help: Partial<Record<keyof LoadtestProgress, string>> = {
      stations: 'Stations in the load test',
      connected: 'Stations in a session with the broker now',
      sent: 'Stations that have sent their result',
      acknowledged: 'Stations whose result the server acknowledged',
      published: 'Precincts counted in the latest published aggregate',
      acksPerSec: 'Acknowledgements per second over the last second',
    };
    for (const [key, text] of Object.entries(help)) {
      this.gauges.set(
        key as keyof LoadtestProgress,
        new Gauge({ name: `shailoo_loadtest_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, help: text, registers: [this.registry] }),
      );
    }
    server.on('request', async (req, res) => {
      if (req.url !== '/metrics') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': this.registry.contentType }).end(await this.registry.metrics());
    });
  }

  static listen(port: number): Promise<LoadtestMetrics> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(new LoadtestMetrics(server)));
    });
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  update(p: LoadtestProgress): void {
    for (const [key, gauge] of this.gauges) gauge.set(p[key] as number);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
