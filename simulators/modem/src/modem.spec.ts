import { v1 } from '@shailoo/contracts';
import { ManualClock, Random } from '@shailoo/platform';
import { ELECTION, FakeCec, result } from '../test/fake-cec';
import { LINK_PROFILES, LinkModel } from './link-model';
import { Modem, ModemConnectionFactory } from './modem';

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

  it('pipelined, publishes with its subscription without waiting for the SUBACK; else only once subscribed', async () => {
    for (const pipelined of [true, false]) {
      const clock = new ManualClock(0);
      const cec = new FakeCec();
      let subscribed!: () => void;
      const suback = new Promise<void>((resolve) => (subscribed = resolve));
      // The CEC's connection, up once it says so, but a broker slow to acknowledge the subscription.
      const connect: ModemConnectionFactory = (url, id) => {
        const c = cec.connect(url, id);
        let up = false;
        return {
          get connected() {
            return up && c.connected;
          },
          pipelined,
          onConnect: (fn) =>
            c.onConnect(() => {
              up = true;
              fn();
            }),
          onMessage: c.onMessage,
          subscribe: () => suback,
          publish: c.publish,
          close: c.close,
        };
      };
      const modem = new Modem({ deviceId: 'aeu-1', brokerUrl: 'fake', connect, clock, resendMs: 60_000, jitter: 0 });
      modem.start();
      // Queued before the connection is up (after an outage, say): their first attempts are the connection's.
      const delivered = Promise.all(Array.from({ length: 20 }, (_, i) => modem.send(result('aeu-1', i + 1), ELECTION, 'result')));
      await new Promise((r) => setImmediate(r));
      // A broker holds only so many packets before its CONNACK: a pipelined modem sends a few with its CONNECT.
      expect(cec.published).toHaveLength(pipelined ? 8 : 0);
      subscribed();
      const d = await clock.runUntil(delivered, 100, 1_000);
      expect([d.every((x) => x.attempts === 1), cec.published.length]).toEqual([true, 20]);
      await modem.stop();
    }
  });
});
