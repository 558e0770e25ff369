import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { burst } from './burst';
import { eventually, expectAllStored, expectExactEverywhere, externalConfigured, externalStack, getJson } from './stack';

jest.setTimeout(180_000);

// .ci/run starts PostgreSQL with scripts/test-servers.sh, which can also restart it; in CI this must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the PostgreSQL restart test');

const PRECINCTS = 200;

interface Health {
  status: 'ok' | 'degraded';
  database: { up: boolean };
}

/**
 * PostgreSQL goes down for a few seconds in the middle of a close-of-polls burst under two tally
 * servers sharing the uplink: each stays up, says what is down, acknowledges nothing it could not
 * store, and resumes on its own once the database is back (its log follower and the publisher's
 * lock included); the stations resend until acknowledged. Both answer the exact totals.
 */
(externalConfigured ? describe : describe.skip)('PostgreSQL restarted in the middle of a burst', () => {
  it('pauses ingestion on both tally servers, reports the database down, resumes on its own: exact totals on both', async () => {
    const stack = await externalStack();
    const env = { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl!, MQTT_SHARED_GROUP: `tally-${randomBytes(3).toString('hex')}` };
    const servers = [await startServerProcess(env), await startServerProcess(env)];
    const [server] = servers;
    const election = syntheticElection(PRECINCTS, 'pg-restart', 'pg-restart');
    const id = election.definition.id;
    let stations: ReturnType<typeof burst> | undefined;
    try {
      expect((await registerOverHttp(server.http, { definition: election.definition, devices: election.devices })).status).toBe(201);
      for (const s of servers) await eventually(async () => (await fetch(`${s.http}/api/elections/${id}/results`)).ok, 10_000, 'the election everywhere');
      const uplink = { brokerUrl: stack.brokerUrl, clock: new SystemClock(), resendMs: 500, maxResendMs: 2000 };
      stations = burst(election.messages, id, uplink, 25);
      await eventually(async () => (await getJson(`${server.http}/api/elections/${id}/results`)).precinctsReporting >= PRECINCTS / 5, 60_000, 'a fifth');
      const restart = promisify(execFile)('bash', [join(__dirname, '..', 'scripts', 'test-servers.sh'), 'restart-postgres', '4']);
      for (const s of servers) {
        const down = await eventually(
          async () => {
            const res = await fetch(`${s.http}/api/health`);
            const health = (await res.json()) as Health;
            return health.database.up === false ? { ...health, httpStatus: res.status } : null;
          },
          15_000,
          'the health check to say the database is down',
        );
        // Degraded is 503: a load balancer stops sending it traffic.
        expect(down).toMatchObject({ status: 'degraded', httpStatus: 503 });
      }
      await restart;
      const acks = await stations.done;
      expectAllStored(acks);
      await expectExactEverywhere(
        servers.map((s) => s.http),
        election,
      );
      for (const s of servers) {
        const res = await fetch(`${s.http}/api/health`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as Health).status).toBe('ok');
        expect(s.child.exitCode).toBeNull();
      }
    } finally {
      await stations?.stop();
      for (const s of servers) await stopProcess(s.child);
      await stack.close();
    }
  });
});
