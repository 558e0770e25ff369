import { MqttClient } from 'mqtt';
import { TallyServerHandle } from '@shailoo/tally-server';
import { Topics, v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { CouncilDay, deviceRegistrations, prepareCouncilDay } from '@shailoo/scenario';
import { eventually, getJson, Stack } from './stack';
import { ballotsOf } from '@shailoo/election';

const clock = new SystemClock();
const CLOSED_AT = Date.UTC(2021, 3, 11, 14);

/** The foundation's chain, from two simulated ballot boxes to the published aggregate, on a stack. */
export function describeChain(makeStack: () => Promise<Stack>): void {
  let stack: Stack;
  let server: TallyServerHandle | null = null;
  let day: CouncilDay;
  let observer: MqttClient | null = null;

  beforeEach(async () => {
    stack = await makeStack();
    day = prepareCouncilDay('Кайыңды', `chain-${Math.random()}`);
  });

  afterEach(async () => {
    await observer?.endAsync();
    observer = null;
    await server?.close();
    server = null;
    await stack.close();
  });

  async function startServer(): Promise<TallyServerHandle> {
    server = await stack.startServer();
    await server.registry.register(day.definition, deviceRegistrations(day));
    return server;
  }

  const twoBoxes = () => day.boxes.slice(0, 2);
  const results = () => getJson(`${server!.httpUrl}/api/elections/${day.definition.id}/results`);

  it('publishes an aggregate equal to the sum of the boxes’ results, over HTTP and retained MQTT', async () => {
    await startServer();
    await Promise.all(
      twoBoxes().map(({ box, count }) => box.transmit(box.seal(count, CLOSED_AT).envelope, { brokerUrl: stack.brokerUrl, clock, resendMs: 500 })),
    );
    const expected: Record<string, number> = {};
    let ballots = 0;
    for (const { count } of twoBoxes()) {
      for (const [party, v] of Object.entries(count.votes)) expected[party] = (expected[party] ?? 0) + v;
      ballots += ballotsOf(count);
    }
    const r = await results();
    expect(r.precinctsReporting).toBe(2);
    expect(r.precinctsTotal).toBe(4);
    expect(r.preliminary.ballotsInBox).toBe(ballots);
    expect(Object.fromEntries(r.parties.map((p: any) => [p.id, p.votes]))).toEqual(expected);
    expect(r.parties.reduce((s: number, p: any) => s + p.seats, 0)).toBe(21);

    observer = await connectMqtt(stack.brokerUrl, { clientId: uniqueClientId('observer') });
    const retained = await new Promise<v1.ElectionAggregate>((resolve) => {
      observer!.on('message', (_t, payload) => {
        const a = v1.ElectionAggregate.decode(payload);
        if (a.precinctsReporting === 2) resolve(a);
      });
      observer!.subscribe(Topics.aggregate(day.definition.id), { qos: 1 });
    });
    expect(retained.ballotsInBox).toBe(ballots);
    expect(Object.fromEntries(retained.parties.map((p) => [p.partyId, p.votes]))).toEqual(expected);
    expect(Buffer.from(retained.definitionHash).toString('hex')).toBe(day.hash);
  });

  it('rejects a result with a tampered byte, counts the reason, and leaves the aggregate unchanged', async () => {
    await startServer();
    const [{ box, count }] = twoBoxes();
    const { envelope } = box.seal(count, CLOSED_AT);
    await box.transmit(envelope, { brokerUrl: stack.brokerUrl, clock });
    const before = await results();

    const other = day.boxes[1];
    const sealed = other.box.seal(other.count, CLOSED_AT).envelope;
    const tampered = Buffer.from(sealed);
    // The body sits before the signature; change one vote byte inside it.
    const body = Buffer.from(v1.SignedEnvelope.decode(sealed).body);
    const at = tampered.indexOf(body) + body.length - 12;
    tampered[at] ^= 0x01;
    const publisher = await connectMqtt(stack.brokerUrl, { clientId: uniqueClientId('attacker') });
    await publisher.publishAsync(Topics.result(day.definition.id, other.box.identity.deviceId), tampered, { qos: 1 });
    await publisher.endAsync();

    const q = await eventually(
      async () => {
        const list = await getJson(`${server!.httpUrl}/api/elections/${day.definition.id}/quarantine`);
        return list.items.length ? list : null;
      },
      10_000,
      'the quarantine entry',
    );
    expect(q.rejectedByReason).toEqual({ 'bad-signature': 1 });
    const raw = await fetch(`${server!.httpUrl}/api/elections/${day.definition.id}/quarantine/${q.items[0].id}/raw`);
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(tampered);
    const metrics = await (await fetch(`${server!.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/shailoo_messages_rejected_total\{reason="bad-signature"\} 1/);
    const after = await results();
    expect(after.parties).toEqual(before.parties);
    expect(after.preliminary).toEqual(before.preliminary);
  });

  it('counts the same result sent three times once', async () => {
    await startServer();
    const [{ box, count }] = twoBoxes();
    const { envelope } = box.seal(count, CLOSED_AT);
    const acks: v1.Ack[] = [];
    for (let i = 0; i < 3; i++) acks.push((await box.transmit(envelope, { brokerUrl: stack.brokerUrl, clock })).ack);
    expect(acks.map((a) => a.status)).toEqual([v1.AckStatus.ACK_STATUS_ACCEPTED, v1.AckStatus.ACK_STATUS_DUPLICATE, v1.AckStatus.ACK_STATUS_DUPLICATE]);
    const r = await results();
    expect(r.preliminary.ballotsInBox).toBe(ballotsOf(count));
    const stored = await server!.submissions.count();
    expect(stored).toBe(1);
    const metrics = await (await fetch(`${server!.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/shailoo_messages_ingested_total\{kind="result"\} 1\b/);
    expect(metrics).toMatch(/shailoo_messages_duplicate_total 2\b/);
  });

  it('delivers the result of a box that started while the server was down, once it comes up', async () => {
    const [{ box, count }] = twoBoxes();
    const delivery = box.transmit(box.seal(count, CLOSED_AT).envelope, { brokerUrl: stack.brokerUrl, clock, resendMs: 200, maxResendMs: 400 });
    await new Promise((r) => setTimeout(r, 1000));
    await startServer();
    const { ack, attempts } = await delivery;
    expect(ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);
    expect(attempts).toBeGreaterThan(1);
    const r = await results();
    expect(r.precinctsReporting).toBe(1);
  });
}
