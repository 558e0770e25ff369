import { randomBytes } from 'node:crypto';
import { Topics, v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { AuditExport, verifyAudit } from '@shailoo/tally-server';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { burst } from './burst';
import { eventually, expectAllStored, expectExactEverywhere, externalConfigured, externalStack, getJson, ingestedCount } from './stack';

jest.setTimeout(180_000);

// .ci/run starts Mosquitto and PostgreSQL; in CI these tests must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the scale-out tests');

const PRECINCTS = 300;

/**
 * Two tally-server processes on one Mosquitto (a shared subscription: each result reaches one of
 * them) and one PostgreSQL (the stored log, which each follows). One is killed with SIGKILL in the
 * middle of the burst and started again; the stations resend until acknowledged. At the end both
 * answer the same results and seats, exactly what the stations sent, and the retained aggregate
 * (published by one of them at a time) says the same.
 */
(externalConfigured ? describe : describe.skip)('two tally servers on Mosquitto and PostgreSQL', () => {
  it('share the burst, survive a SIGKILL of one, and answer the same exact totals', async () => {
    const stack = await externalStack();
    const env = { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl!, MQTT_SHARED_GROUP: `tally-${randomBytes(3).toString('hex')}` };
    const election = syntheticElection(PRECINCTS, 'scale-out', `scale-${randomBytes(3).toString('hex')}`);
    const id = election.definition.id;
    const a = await startServerProcess(env);
    let b = await startServerProcess(env);
    let stations: ReturnType<typeof burst> | undefined;
    try {
      expect((await registerOverHttp(a.http, { definition: election.definition, devices: election.devices })).status).toBe(201);
      // The other instance learns the election from the shared store.
      await eventually(async () => (await fetch(`${b.http}/api/elections/${id}/results`)).ok, 10_000, 'the election at the second instance');
      const uplink = { brokerUrl: stack.brokerUrl, clock: new SystemClock(), resendMs: 300, maxResendMs: 1500 };
      stations = burst(election.messages, id, uplink, 10);
      await eventually(
        async () => (await getJson(`${a.http}/api/elections/${id}/results`)).precinctsReporting >= PRECINCTS / 5,
        60_000,
        'a fifth of the results',
      );
      // Both took part: the shared subscription spread the burst.
      expect(await ingestedCount(a.http)).toBeGreaterThan(0);
      expect(await ingestedCount(b.http)).toBeGreaterThan(0);
      expect(await stopProcess(b.child, 'SIGKILL')).toBeNull();
      b = await startServerProcess(env);
      const acks = await stations.done;
      expectAllStored(acks);

      await expectExactEverywhere([a.http, b.http], election);

      // The retained aggregate: one publisher at a time, the same figures.
      const reader = await connectMqtt(stack.brokerUrl, { clientId: uniqueClientId('scale-out-reader') });
      const aggregate = await new Promise<v1.ElectionAggregate>((resolve) => {
        reader.on('message', (_t, payload) => {
          const agg = v1.ElectionAggregate.decode(payload);
          if (agg.precinctsReporting === PRECINCTS) resolve(agg);
        });
        void reader.subscribeAsync(Topics.aggregate(id), { qos: 1 });
      });
      await reader.endAsync();
      expect(aggregate.ballotsInBox).toBe(election.totals.ballotsInBox);

      // Both instances appended to one chain, in turn: each one's record of it holds, and recounts to what it publishes.
      for (const http of [a.http, b.http]) {
        const record = await getJson<AuditExport>(`${http}/api/elections/${id}/export/audit`);
        expect(record.submissions).toHaveLength(election.messages.length);
        expect(record.heads.submission.length).toBe(election.messages.length);
        expect(verifyAudit(record).problems).toEqual([]);
      }
    } finally {
      await stations?.stop();
      await stopProcess(a.child);
      await stopProcess(b.child);
      await stack.close();
    }
  });
});
