import { loadtestOptions, runLoadtest } from '@shailoo/loadtest';
import { TEST_OPERATOR_TOKEN } from './server-process';
import { externalConfigured, externalStack } from './stack';

jest.setTimeout(180_000);

// .ci/run sets TEST_MQTT_URL and TEST_DATABASE_URL; in CI the Mosquitto + PostgreSQL case must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the Mosquitto + PostgreSQL tests');

describe('shailoo-sim loadtest', () => {
  it('closes the polls of 400 stations in two processes on the embedded stack: every result acknowledged, counted once, with both baselines and the readers’ latencies', async () => {
    const r = await runLoadtest(loadtestOptions({ stations: 400, processes: 2, readers: 4, seed: 'lt-burst' }));
    expect(r).toMatchObject({ target: 'embedded', stations: 400, sent: 400, acknowledged: 400, accepted: 400, rejected: 0, unacknowledged: 0 });
    expect(r).toMatchObject({ lost: 0, doubleCounted: 0, totalsMatch: true, problems: [] });
    expect(r.latencyMs.count).toBe(400);
    expect(r.latencyMs.p50).toBeGreaterThan(0);
    expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p99);
    expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max * 1.001);
    // A station is published no sooner than it is acknowledged.
    expect(r.publishedLatencyMs!.count).toBe(400);
    expect(r.publishedLatencyMs!.p50).toBeGreaterThanOrEqual(r.latencyMs.p50 * 0.999);
    expect(r.allPublishedSeconds).toBeGreaterThan(0);
    expect(r.baseline.rawBrokerPerSec).toBeGreaterThan(0);
    expect(r.baseline.verificationCeilingPerSec).toBeGreaterThan(0);
    expect(r.baseline.throughputToCeiling).toBeCloseTo(r.throughputPerSec / r.baseline.verificationCeilingPerSec!, 6);
    expect(r.readers!.requests).toBeGreaterThan(0);
    expect(r.readers!.errors).toBe(0);
    expect(r.server.duplicates).toBe(0);
    expect(r.cpuMsPerResult.server).toBeGreaterThan(0);
    expect(r.cpuMsPerResult.broker).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeGreaterThan(0);
    expect(r.timeline.at(-1)!.acknowledged).toBe(400);
  });

  it('over a link that loses 30% of transfers, stations resend until acknowledged and the server still counts each once', async () => {
    const r = await runLoadtest(loadtestOptions({ stations: 150, loss: 0.3, resendMs: 300, baselines: false, seed: 'lt-lossy' }));
    expect(r).toMatchObject({ acknowledged: 150, unacknowledged: 0, lost: 0, doubleCounted: 0, totalsMatch: true });
    expect(r.publishes).toBeGreaterThan(150);
    // Resends whose first copy was stored are acknowledged as duplicates, by the server as by the stations.
    expect(r.server.duplicates).toBeGreaterThanOrEqual(r.duplicates);
  });

  it('keeps persistent sessions at QoS 0 and spreads the closes in steady mode', async () => {
    const r = await runLoadtest(loadtestOptions({ stations: 200, dial: false, qos: 0, mode: 'steady', intervalS: 2, baselines: false, seed: 'lt-steady' }));
    expect(r).toMatchObject({ acknowledged: 200, lost: 0, doubleCounted: 0, totalsMatch: true });
    expect(r.timeline.length).toBeGreaterThanOrEqual(2);
    expect(r.timeline[0].acknowledged).toBeLessThan(200);
  });

  (externalConfigured && process.env.TEST_MQTT_SECURE_URL ? it : it.skip)(
    'drives a separately started tally server on Mosquitto (with authentication) + PostgreSQL through --broker and --register',
    async () => {
      const stack = await externalStack();
      // The secured listener: the server writes Mosquitto's password file, each station logs in with the password its registration returned.
      const brokerSecret = 'loadtest-external-secret-0123456789abcdef';
      const broker = process.env.TEST_MQTT_SECURE_URL!;
      const server = await stack.startServer({ mqttUrl: broker, brokerSecret, brokerPasswordFile: process.env.TEST_MQTT_PASSWORD_FILE });
      try {
        const r = await runLoadtest(
          loadtestOptions({ stations: 300, broker, register: server.httpUrl, operatorToken: TEST_OPERATOR_TOKEN, brokerSecret, seed: 'lt-external' }),
        );
        expect(r).toMatchObject({ target: 'external', acknowledged: 300, accepted: 300, lost: 0, doubleCounted: 0, totalsMatch: true });
        expect(r.cpuMsPerResult.server).toBeNull();
        expect(r.baseline.rawBrokerPerSec).toBeGreaterThan(0);
        expect(await server.submissions.count()).toBe(300);
      } finally {
        await server.close();
        await stack.close();
      }
    },
  );
});
