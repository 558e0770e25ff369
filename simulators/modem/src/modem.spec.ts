import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256, signPayload, Topics, v1 } from '@shailoo/contracts';
import { DeviceKey, ManualClock, Random } from '@shailoo/platform';
import { LINK_PROFILES, LinkModel } from './link-model';
import { Modem, ModemConnection, ModemConnectionFactory } from './modem';
import { Outbox } from './outbox';

/**
 * The broker and the tally server in memory: stores each (device, sequence) once and acknowledges
 * at once (ACCEPTED, then DUPLICATE for a resend); can be taken down and brought back.
 */
class FakeCec {
  readonly stored = new Map<string, Buffer>();
  readonly published: Buffer[] = [];
  private up = true;
  private readonly sessions: { onConnect: (() => void)[]; onMessage: ((t: string, p: Buffer) => void)[] }[] = [];

  readonly connect: ModemConnectionFactory = () => {
    const session = { onConnect: [] as (() => void)[], onMessage: [] as ((t: string, p: Buffer) => void)[] };
    this.sessions.push(session);
    const isUp = () => this.up;
    const connection: ModemConnection = {
      get connected() {
        return isUp();
      },
      onConnect: (fn) => {
        session.onConnect.push(fn);
        if (this.up) queueMicrotask(fn);
      },
      onMessage: (fn) => void session.onMessage.push(fn),
      subscribe: () => Promise.resolve(),
      publish: (_topic, payload) => {
        if (!this.up) return;
        this.published.push(payload);
        const { deviceId, body } = v1.SignedEnvelope.decode(payload);
        const { sequence } = v1.PayloadHeader.decode(body);
        const key = `${deviceId}/${sequence}`;
        const status = this.stored.has(key) ? v1.AckStatus.ACK_STATUS_DUPLICATE : v1.AckStatus.ACK_STATUS_ACCEPTED;
        this.stored.set(key, payload);
        const ack = Buffer.from(v1.Ack.encode({ deviceId, sequence, status, bodyHash: sha256(body) }).finish());
        session.onMessage.forEach((fn) => fn(Topics.ack(deviceId), ack));
      },
      close: () => Promise.resolve(),
    };
    return connection;
  };

  down(): void {
    this.up = false;
  }

  back(): void {
    this.up = true;
    this.sessions.forEach((s) => s.onConnect.forEach((fn) => queueMicrotask(fn)));
  }
}

const ELECTION = 'e';
const result = (deviceId: string, sequence: number) =>
  signPayload(
    v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT,
    { electionId: ELECTION, precinctId: 'p', deviceId, sequence, votes: [{ partyId: 'a', votes: sequence }], ballotsInBox: sequence },
    DeviceKey.derive('modem-spec', deviceId),
  );

describe('Modem on a virtual clock', () => {
  it('with 30% loss and a 10-minute outage, delivers every message exactly once, none during the outage', async () => {
    const clock = new ManualClock(0);
    const cec = new FakeCec();
    const lossy = { ...LINK_PROFILES['3g'], lossRate: 0.3 };
    const modems = Array.from(
      { length: 20 },
      (_, i) =>
        new Modem({
          deviceId: `aeu-${i}`,
          brokerUrl: 'fake',
          connect: cec.connect,
          clock,
          link: new LinkModel(lossy, Random.stream('spec', `aeu-${i}`), [{ fromMs: 0, toMs: 600_000 }]),
          resendMs: 5_000,
          maxResendMs: 60_000,
        }),
    );
    modems.forEach((m) => m.start());
    const deliveries = await clock.runUntil(Promise.all(modems.map((m, i) => m.send(result(`aeu-${i}`, 1), ELECTION, 'result'))), 1_000, 3_600_000);
    expect(cec.stored.size).toBe(20);
    expect(deliveries.every((d) => d.ack.status === v1.AckStatus.ACK_STATUS_ACCEPTED || d.ack.status === v1.AckStatus.ACK_STATUS_DUPLICATE)).toBe(true);
    expect(deliveries.every((d) => d.attempts > 1)).toBe(true);
    // Nothing crossed the dead link: every publish that reached the CEC came after the outage.
    expect(clock.now()).toBeGreaterThan(600_000);
    await Promise.all(modems.map((m) => m.stop()));
    expect(clock.pendingTimers).toBe(0);
  });

  it('backs off exponentially up to its ceiling while the link is dead', async () => {
    const clock = new ManualClock(0);
    const cec = new FakeCec();
    const modem = new Modem({
      deviceId: 'aeu-1',
      brokerUrl: 'fake',
      connect: cec.connect,
      clock,
      // Dead until 15.5 s; attempts at 0, 1, 3, 7 and 15 s are lost, the wait then stays at 8 s.
      link: new LinkModel(LINK_PROFILES.ideal, new Random('b'), [{ fromMs: 0, toMs: 15_500 }]),
      resendMs: 1_000,
      maxResendMs: 8_000,
      jitter: 0,
    });
    modem.start();
    const delivery = await clock.runUntil(modem.send(result('aeu-1', 1), ELECTION, 'result'), 100, 60_000);
    expect(delivery.attempts).toBe(6);
    expect(clock.now()).toBeGreaterThanOrEqual(23_000);
    expect(clock.now()).toBeLessThan(23_200);
    expect(cec.published).toHaveLength(1);
    await modem.stop();
  });

  it('resends after the broker comes back, and the CEC keeps one copy', async () => {
    const clock = new ManualClock(0);
    const cec = new FakeCec();
    cec.down();
    const modem = new Modem({ deviceId: 'aeu-1', brokerUrl: 'fake', connect: cec.connect, clock, resendMs: 2_000, maxResendMs: 4_000, jitter: 0 });
    modem.start();
    const delivered = modem.send(result('aeu-1', 1), ELECTION, 'result');
    clock.advance(30_000);
    expect(cec.published).toHaveLength(0);
    cec.back();
    const d = await clock.runUntil(delivered, 500, 60_000);
    expect(d.ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);
    expect(cec.stored.size).toBe(1);
    await modem.stop();
  });

  it('resumes its queue after a restart and never resends what was acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-modem-spec-'));
    try {
      const file = join(dir, 'outbox.json');
      const clock = new ManualClock(0);
      const cec = new FakeCec();
      const make = (link?: LinkModel) =>
        new Modem({ deviceId: 'com-1', brokerUrl: 'fake', connect: cec.connect, clock, outbox: new Outbox(file), link, resendMs: 5_000 });
      const envelopes = [1, 2, 3, 4, 5, 6].map((n) => result('com-1', n));

      const first = make();
      first.start();
      await clock.runUntil(Promise.all(envelopes.slice(0, 3).map((e) => first.send(e, ELECTION, 'turnout'))), 100);
      await first.stop();
      const dead = make(new LinkModel(LINK_PROFILES.ideal, new Random('dead'), [{ fromMs: 0, toMs: Number.MAX_SAFE_INTEGER }]));
      dead.start();
      envelopes.slice(3).forEach((e) => void dead.send(e, ELECTION, 'turnout'));
      clock.advance(60_000);
      await dead.stop();
      expect(new Outbox(file).pending()).toHaveLength(3);

      const before = cec.published.length;
      const restarted = make();
      restarted.start();
      await clock.runUntil(restarted.drained(), 100, 60_000);
      await restarted.stop();
      const after = cec.published.slice(before);
      expect(new Outbox(file).pending()).toHaveLength(0);
      expect(after.some((p) => envelopes.slice(0, 3).some((e) => e.equals(p)))).toBe(false);
      expect(envelopes.slice(3).every((e) => after.some((p) => e.equals(p)))).toBe(true);
      expect(cec.stored.size).toBe(6);
      await expect(make().send(envelopes[0], ELECTION, 'turnout')).rejects.toThrow(/acknowledged already/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
