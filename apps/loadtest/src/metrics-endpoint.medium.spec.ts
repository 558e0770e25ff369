import { LoadtestMetrics } from './metrics-endpoint';

describe('loadtest --prometheus', () => {
  it('serves the running counters at /metrics and nothing else', async () => {
    const metrics = await LoadtestMetrics.listen(0);
    try {
      metrics.update({ phase: 'running', stations: 100, connected: 7, sent: 60, acknowledged: 42, published: 40, acksPerSec: 12 });
      const text = await (await fetch(`http://127.0.0.1:${metrics.port}/metrics`)).text();
      expect(text).toMatch(/^shailoo_loadtest_acknowledged 42$/m);
      expect(text).toMatch(/^shailoo_loadtest_acks_per_sec 12$/m);
      expect(text).toMatch(/^shailoo_loadtest_stations 100$/m);
      expect((await fetch(`http://127.0.0.1:${metrics.port}/`)).status).toBe(404);
    } finally {
      await metrics.close();
    }
  });
});
