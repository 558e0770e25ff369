import { randomBytes } from 'node:crypto';
import { metricSamples, parseUplinkTopic, Topics, v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection, syntheticStation } from '@shailoo/scenario';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { registerOverHttp, startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';
import { burst } from './burst';
import { eventually, expectAllStored, expectExactEverywhere, externalConfigured, externalStack, getJson, ingestedCount } from './stack';

jest.setTimeout(180_000);

// .ci/run starts Mosquitto and PostgreSQL; in CI this must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the ingest/aggregate test');

const PRECINCTS = 300;

/** Publishes one message as its device would, once, and resolves with the first acknowledgement (a modem would resend a refused one for ever). */
async function firstAck(brokerUrl: string, message: { topic: string; payload: Buffer }): Promise<v1.Ack> {
  const client = await connectMqtt(brokerUrl, { clientId: uniqueClientId('roles-test') });
  try {
    await client.subscribeAsync(Topics.ack(parseUplinkTopic(message.topic)!.deviceId), { qos: 1 });
    const ack = new Promise<v1.Ack>((resolve) => client.on('message', (_topic, payload) => resolve(v1.Ack.decode(payload))));
    await client.publishAsync(message.topic, message.payload, { qos: 1 });
    return await ack;
  } finally {
    await client.endAsync();
  }
}

const leader = async (http: string) => metricSamples(await (await fetch(`${http}/metrics`)).text(), 'shailoo_leader')[0]?.value;

/**
 * The group whose cost does not grow with its size: two ingest-only instances (TALLY_ROLE=ingest:
 * verify, store, acknowledge) sharing the uplink, and one aggregating instance (TALLY_ROLE=aggregate:
 * follows the stored log, serves reads, publishes). The stations' results are shared between the
 * ingest instances, the aggregating one answers the exact totals, an ingest instance says where to
 * read instead of answering zeros, and a stale message is refused by the store whichever instance
 * stored the later one.
 */
(externalConfigured ? describe : describe.skip)('ingest-only and aggregating tally servers', () => {
  it('share the burst between the ingest instances; the aggregating one answers the exact totals', async () => {
    const stack = await externalStack();
    const env = { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl!, MQTT_SHARED_GROUP: `tally-${randomBytes(3).toString('hex')}` };
    const election = syntheticElection(PRECINCTS, 'roles', `roles-${randomBytes(3).toString('hex')}`);
    const id = election.definition.id;
    const ingest = [await startServerProcess({ ...env, TALLY_ROLE: 'ingest' }), await startServerProcess({ ...env, TALLY_ROLE: 'ingest' })];
    const aggregate = await startServerProcess({ ...env, TALLY_ROLE: 'aggregate' });
    const all = [...ingest, aggregate];
    let stations: ReturnType<typeof burst> | undefined;
    try {
      expect((await registerOverHttp(ingest[0].http, { definition: election.definition, devices: election.devices })).status).toBe(201);
      await eventually(async () => (await fetch(`${aggregate.http}/api/elections/${id}/results`)).ok, 10_000, 'the election at the aggregating instance');
      for (const s of all) await eventually(async () => (await fetch(`${s.http}/api/health/ready`)).ok, 10_000, 'every instance ready');

      // An ingest instance keeps no tally: it says so rather than answer zeros.
      const read = await fetch(`${ingest[1].http}/api/elections/${id}/results`);
      expect(read.status).toBe(503);
      expect(((await read.json()) as { message: string }).message).toContain('TALLY_ROLE=aggregate');
      expect((await fetch(`${ingest[1].http}/api/elections/${id}/seats`)).status).toBe(503);
      expect((await fetch(`${ingest[1].http}/API/Elections/${id}/RESULTS`, { method: 'HEAD' })).status).toBe(503);
      expect(
        (await fetch(`${ingest[1].http}/api/elections/${id}/close`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } })).status,
      ).toBe(503);

      const uplink = { brokerUrl: stack.brokerUrl, clock: new SystemClock(), resendMs: 500, maxResendMs: 2000 };
      stations = burst(election.messages, id, uplink, 10);
      const acks = await stations.done;
      expectAllStored(acks);
      await expectExactEverywhere([aggregate.http], election);
      // Box 0 resigns its count (the same figures) as sequence 3; its sequence 2, arriving after, would never count: refused whichever instance stored the 3.
      const resigned = (sequence: number) => ({
        topic: election.messages[0].topic,
        payload: syntheticStation({ id, hash: election.hash }, 'roles', 0, sequence).envelope,
      });
      expect(await firstAck(stack.brokerUrl, resigned(3))).toMatchObject({ status: v1.AckStatus.ACK_STATUS_ACCEPTED });
      expect(await firstAck(stack.brokerUrl, resigned(2))).toMatchObject({
        status: v1.AckStatus.ACK_STATUS_REJECTED,
        reason: expect.stringMatching(/^stale-sequence: /),
      });
      expect((await getJson(`${aggregate.http}/api/elections/${id}/quarantine`)).items.map((i: { reason: string }) => i.reason)).toEqual(['stale-sequence']);
      await eventually(
        async () => (await getJson(`${aggregate.http}/api/elections/${id}/precincts/${id}-p0`)).boxResults[0]?.sequence === 3,
        10_000,
        'the resigned count at the aggregating instance',
      );
      expect((await getJson(`${aggregate.http}/api/elections/${id}/results`)).preliminary).toMatchObject({
        ballotsInBox: election.totals.ballotsInBox,
        votes: election.totals.votes,
      });
      const ingested = await Promise.all(all.map((s) => ingestedCount(s.http)));
      expect(ingested[0] + ingested[1]).toBe(PRECINCTS + 1);
      expect(ingested[0]).toBeGreaterThan(0);
      expect(ingested[1]).toBeGreaterThan(0);
      expect(ingested[2]).toBe(0);
      expect(await Promise.all(all.map((s) => leader(s.http)))).toEqual([0, 0, 1]);
    } finally {
      await stations?.stop();
      for (const s of all) await stopProcess(s.child);
      await stack.close();
    }
  });
});
