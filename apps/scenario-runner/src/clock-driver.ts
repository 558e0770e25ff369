import { ManualClock } from '@shailoo/platform';

/** What the driver must let settle before it moves virtual time on at full speed. */
export interface Activity {
  /** Requests and messages out on the network whose answers may still come, and sessions being re-established. */
  inFlight(): number;
  /** Anything that changes as answers arrive (for noticing a stall). */
  progress(): number | string;
  /** Messages handed to a modem and not yet acknowledged: their resend timers must not fire early. */
  unacknowledged(): number;
  /** When the next message is due to be handed to a modem: a window of voters ends there. */
  nextMessageAt(): number;
  /** Work the clock started that must finish first (a restart). */
  busy(): number;
  /**
   * Questions out whose answer comes on real time (identifications, resent every 5 real seconds).
   * A short stall does not move the clock on past them: it would fire whatever is due next on the
   * virtual clock — the transmission deadline, say — while every station still waits for its
   * voters' answers.
   */
  asking(): number;
}

/** At full speed, virtual time moves on once the network is quiet, or after this long without progress. */
const STALL_MS = 250;
/**
 * …or this long while questions answered on real time are out: a slow machine or a reconnecting
 * link answers within seconds; a broker stopped by a fault until a virtual time still lets the day
 * go on.
 */
const ASKING_STALL_MS = 10_000;
/**
 * At full speed, timers due within this much virtual time of the next one fire together: ten
 * minutes while voters are identified (every station's questions go out at once), a second while
 * messages await their acknowledgement (a modem resends after 10 s: not before its answer is in).
 * A window of voters ends where the next message is due, for the same reason.
 */
const WINDOW_MS = { voting: 600_000, acknowledging: 1000 };

const tick = (ms: number) => new Promise<void>((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** How fast the clock goes, changed while it runs (the trainer's console): virtual seconds per real second, or max. */
export interface Pace {
  speed: number | 'max';
  paused: boolean;
}

/**
 * Drives a simulation's virtual clock until `done` settles: at `pace.speed` virtual seconds per
 * real second, or at 'max' — as fast as answers come back: fire the timers of the next window,
 * wait until nothing is in flight (or nothing has moved for a while: a server that is down),
 * repeat. A paused pace holds virtual time still. Virtual time never depends on how fast the
 * machine is for what the simulation records: only the pace at which it gets there does.
 */
export async function driveClock(clock: ManualClock, pace: Pace, done: Promise<unknown>, activity: Activity): Promise<void> {
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  let base = { virtual: clock.now(), real: Date.now(), speed: pace.speed, paused: pace.paused };
  while (!finished) {
    if (pace.speed !== base.speed || pace.paused !== base.paused) base = { virtual: clock.now(), real: Date.now(), speed: pace.speed, paused: pace.paused };
    if (base.paused) await tick(10);
    else if (base.speed !== 'max') {
      await tick(10);
      clock.advanceTo(base.virtual + (Date.now() - base.real) * base.speed);
    } else await stepAtMax(clock, activity, () => finished);
  }
}

async function stepAtMax(clock: ManualClock, activity: Activity, finished: () => boolean): Promise<void> {
  await settle(activity, finished);
  if (finished()) return;
  const next = clock.nextDue();
  if (next === Infinity) await tick(1);
  else {
    const from = Math.max(next, clock.now());
    const window = activity.unacknowledged() ? WINDOW_MS.acknowledging : WINDOW_MS.voting;
    clock.advanceTo(Math.min(from + window, Math.max(from, activity.nextMessageAt())));
  }
}

/**
 * Waits until the network is quiet. It always lets the event loop turn at least once first: a step
 * that only awaited promises would run the clock's timers on microtasks alone, and a modem whose
 * session dropped — reconnecting on a real timer, its resends on the virtual clock — would see the
 * day race on without ever getting its socket back, the core at 100% and no timer (a test's
 * deadline included) able to fire.
 */
async function settle(activity: Activity, finished: () => boolean): Promise<void> {
  let last = activity.progress();
  let since = Date.now();
  for (let turn = 0; !finished(); turn++) {
    await tick(turn < 20 ? 0 : 1);
    if (activity.busy() === 0 && activity.inFlight() === 0) return;
    const now = activity.progress();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (activity.busy() === 0 && Date.now() - since > (activity.asking() ? ASKING_STALL_MS : STALL_MS)) return;
  }
}
