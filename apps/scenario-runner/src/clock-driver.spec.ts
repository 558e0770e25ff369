import { sha256, signPayload, Topics, v1 } from '@shailoo/contracts';
import { ModemConnection, ModemConnectionFactory } from '@shailoo/modem';
import { DeviceKey, ManualClock } from '@shailoo/platform';
import { StationUplink } from '@shailoo/station';
import { Activity, driveClock } from './clock-driver';

const ELECTION = 'e';
const DEVICE = 'aeu-1';
const result = (sequence: number) =>
  signPayload(
    v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT,
    { electionId: ELECTION, precinctId: 'p', deviceId: DEVICE, sequence, votes: [{ partyId: 'a', votes: 1 }], ballotsInBox: 1 },
    DeviceKey.derive('driver-spec', DEVICE),
  );

/**
 * A broker that acknowledges at once, but whose first session drops as soon as the modem publishes
 * (a rate limit closing it, say); the modem's client gets a new one only on a real timer, as
 * mqtt.js does after its reconnect period.
 */
function droppingBroker(reconnectRealMs: number): { connect: ModemConnectionFactory; sessions: () => number } {
  let sessions = 0;
  const connect: ModemConnectionFactory = () => {
    let up = false;
    const onConnect: (() => void)[] = [];
    const onMessage: ((topic: string, payload: Buffer) => void)[] = [];
    const open = () => {
      up = true;
      sessions++;
      onConnect.forEach((fn) => fn());
    };
    setImmediate(open);
    const connection: ModemConnection = {
      get connected() {
        return up;
      },
      onConnect: (fn) => void onConnect.push(fn),
      onMessage: (fn) => void onMessage.push(fn),
      subscribe: () => Promise.resolve(),
      publish: (_topic, payload) => {
        if (!up) return;
        if (sessions === 1) {
          up = false;
          setTimeout(open, reconnectRealMs);
          return;
        }
        const { body } = v1.SignedEnvelope.decode(payload);
        const { sequence } = v1.PayloadHeader.decode(body);
        const ack = Buffer.from(v1.Ack.encode({ deviceId: DEVICE, sequence, status: v1.AckStatus.ACK_STATUS_ACCEPTED, bodyHash: sha256(body) }).finish());
        setImmediate(() => onMessage.forEach((fn) => fn(Topics.ack(DEVICE), ack)));
      },
      close: () => Promise.resolve(),
    };
    return connection;
  };
  return { connect, sessions: () => sessions };
}

/** The activity a run gives the driver, for one uplink; it fails loudly once the driver has stepped too often without a turn of the event loop. */
function activityOf(uplink: StationUplink, sessionsInFlight: boolean): Activity {
  let sinceTurn = 0;
  let armed = false;
  const watch = <T>(v: T) => {
    if (!armed) {
      armed = true;
      setImmediate(() => ([armed, sinceTurn] = [false, 0]));
    }
    if (++sinceTurn > 5_000) throw new Error('the driver stepped 5,000 times without letting timers and I/O run');
    return v;
  };
  return {
    inFlight: () => watch(uplink.onWire + (sessionsInFlight ? uplink.awaitingSession : 0)),
    progress: () => uplink.pending,
    unacknowledged: () => uplink.pending,
    nextMessageAt: () => uplink.nextDue,
    busy: () => 0,
    asking: () => 0,
  };
}

describe('driveClock at full speed', () => {
  async function run(sessionsInFlight: boolean) {
    const clock = new ManualClock(0);
    // Longer than the driver waits for a stalled network, as mqtt.js's 500 ms reconnect period is.
    const broker = droppingBroker(600);
    const uplink = new StationUplink(ELECTION, [DEVICE], clock, { seed: 's', brokerUrl: 'mqtt://fake', link: 'ideal', connect: broker.connect });
    uplink.start();
    await uplink.connected();
    const sent = uplink.send({ atMs: 60_000, kind: 'result', deviceId: DEVICE, envelope: result(1) });
    try {
      await driveClock(clock, { speed: 'max', paused: false }, sent, activityOf(uplink, sessionsInFlight));
    } finally {
      await uplink.stop();
    }
    return { clock, sessions: broker.sessions(), pending: uplink.pending };
  }

  // The consumer tests' hang: the modem's resend timers kept the virtual clock moving on microtasks
  // alone, so the real timer that reconnects it never fired.
  it('turns the event loop at every step, even when nothing it knows of is in flight', async () => {
    const { sessions, pending } = await run(false);
    expect(sessions).toBe(2);
    expect(pending).toBe(0);
  });

  it('waits for a dropped session to come back before its resends race the day away', async () => {
    const { clock, sessions, pending } = await run(true);
    expect(sessions).toBe(2);
    expect(pending).toBe(0);
    // Sent at 60 s and acknowledged within a few of the modem's resends (10 s, doubling), not hours later.
    expect(clock.now()).toBeLessThan(60_000 + 600_000);
  });

  // CI once saw a whole day given up: every station waiting for its voters' answers (a slow
  // machine, a broker reconnecting), the driver took the wait for a stall and moved the clock onto
  // the transmission deadline.
  it('does not move time on while a question is out whose answer comes on real time within seconds', async () => {
    const clock = new ManualClock(0);
    let asking = 1;
    let deadlineFired = false;
    clock.setTimeout(() => (deadlineFired = true), 12 * 3_600_000);
    let firedBeforeTheAnswer: boolean | null = null;
    // The answer comes after 600 ms of real time: longer than the driver waits for a stalled network.
    const answered = new Promise<void>((resolve) =>
      setTimeout(() => {
        firedBeforeTheAnswer = deadlineFired;
        asking = 0;
        resolve();
      }, 600),
    );
    const activity: Activity = {
      inFlight: () => asking,
      progress: () => 0,
      unacknowledged: () => 0,
      nextMessageAt: () => Infinity,
      busy: () => 0,
      asking: () => asking,
    };
    await driveClock(clock, { speed: 'max', paused: false }, answered, activity);
    expect(firedBeforeTheAnswer).toBe(false);
  });
});
