import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MqttClient } from 'mqtt';
import { TallyServerHandle } from '@shailoo/tally-server';
import { Topics } from '@shailoo/contracts';
import { ballotsOf, closingTime } from '@shailoo/election';
import { ManualClock } from '@shailoo/platform';
import { Random } from '@shailoo/platform';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { LINK_PROFILES, LinkModel } from '@shailoo/modem';
import { Modem } from '@shailoo/modem';
import { Outbox } from '@shailoo/modem';
import { recordCouncilDay, RecordedDay } from '@shailoo/scenario';
import { embeddedStack, eventually, Stack } from './stack';

jest.setTimeout(60_000);

/** Modems over a lossy link with an outage, and across a restart: every message arrives exactly once. */
describe('modem store-and-forward', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let recorded: RecordedDay;
  let dir: string;

  beforeAll(async () => {
    recorded = recordCouncilDay('Кайыңды', 'modem');
    stack = await embeddedStack();
    server = await stack.startServer();
    await server.registry.register(recorded.day.definition, recorded.devices);
    dir = mkdtempSync(join(tmpdir(), 'shailoo-modem-'));
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const electionId = () => recorded.day.definition.id;

  it('with 30% loss and a 10-minute outage, every box result arrives exactly once', async () => {
    const close = closingTime(recorded.day.definition.date);
    const clock = new ManualClock(close);
    const lossy = { ...LINK_PROFILES['3g'], lossRate: 0.3 };
    const modems = recorded.day.boxes.map(
      ({ box }) =>
        new Modem({
          deviceId: box.identity.deviceId,
          brokerUrl: stack.brokerUrl,
          clock,
          link: new LinkModel(lossy, Random.stream('modem-test', box.identity.deviceId), [{ fromMs: close, toMs: close + 10 * 60_000 }]),
          resendMs: 5_000,
          maxResendMs: 60_000,
        }),
    );
    modems.forEach((m) => m.start());
    // Virtual time steps a second per turn of the event loop: the real broker and database answer in between.
    const deliveries = await clock.runUntil(
      Promise.all(modems.map((m, i) => m.send(recorded.day.boxes[i].box.seal(recorded.day.boxes[i].count, close).envelope, electionId(), 'result'))),
      1_000,
      3_600_000,
      1,
    );
    await Promise.all(modems.map((m) => m.stop()));
    // Nothing can have got through the outage: the last acknowledgement came after it.
    expect(clock.now()).toBeGreaterThan(close + 10 * 60_000);
    expect(deliveries.every((d) => d.attempts > 1)).toBe(true);
    const stored = await server.submissions.count({ kind: 'result' });
    expect(stored).toBe(recorded.day.boxes.length);
    const r = server.tally.results(electionId())!;
    const ballots = recorded.day.boxes.reduce((s, b) => s + ballotsOf(b.count), 0);
    expect(r.preliminary.ballotsInBox).toBe(ballots);
  });

  it('resumes its queue after a restart and never resends what was acknowledged', async () => {
    const file = join(dir, 'commission-outbox.json');
    const commission = recorded.messages.filter((m) => m.deviceId.startsWith('com-') && m.precinctId === recorded.day.boxes[0].box.identity.precinctId);
    expect(commission).toHaveLength(6);
    const deviceId = commission[0].deviceId;
    const clock = new ManualClock(Date.now());
    const modem = (link?: LinkModel) =>
      new Modem({ deviceId, brokerUrl: stack.brokerUrl, clock, outbox: new Outbox(file), link, resendMs: 5_000, maxResendMs: 30_000 });

    // Before the restart: three messages acknowledged, three stuck behind a dead link.
    const first = modem();
    first.start();
    await clock.runUntil(Promise.all(commission.slice(0, 3).map((m) => first.send(m.envelope, electionId(), m.kind))), 1_000, 3_600_000, 1);
    await first.stop();
    const dead = modem(new LinkModel(LINK_PROFILES.ideal, new Random('dead'), [{ fromMs: 0, toMs: Number.MAX_SAFE_INTEGER }]));
    dead.start();
    void Promise.all(commission.slice(3).map((m) => dead.send(m.envelope, electionId(), m.kind)));
    clock.advance(60_000);
    await dead.stop();
    expect(new Outbox(file).pending()).toHaveLength(3);

    // Watch the uplink: after the restart only the three pending messages may be sent.
    const watcher: MqttClient = await connectMqtt(stack.brokerUrl, { clientId: uniqueClientId('watcher') });
    const seen: Buffer[] = [];
    watcher.on('message', (_t, payload) => seen.push(Buffer.from(payload)));
    await watcher.subscribeAsync(`${Topics.uplinkPrefix(electionId())}${deviceId}/+`, { qos: 1 });
    const restarted = modem();
    restarted.start();
    await clock.runUntil(restarted.drained(), 1_000, 3_600_000, 1);
    await restarted.stop();
    await eventually(async () => commission.slice(3).every((m) => seen.some((p) => m.envelope.equals(p))), 5_000, 'the watcher to see the resent messages');
    await watcher.endAsync();

    expect(new Outbox(file).pending()).toHaveLength(0);
    expect(seen.some((p) => commission.slice(0, 3).some((m) => m.envelope.equals(p)))).toBe(false);
    expect(commission.slice(3).every((m) => seen.some((p) => m.envelope.equals(p)))).toBe(true);
    const stored = await server.submissions.count({ deviceId });
    expect(stored).toBe(6);
    await expect(modem().send(commission[0].envelope, electionId(), commission[0].kind)).rejects.toThrow(/acknowledged already/);
  });
});
