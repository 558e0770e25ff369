/** Time as the simulators and services see it: real, or driven by a test. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

export interface Timer {
  readonly id: number;
}

/** Wall-clock time. */
export class SystemClock implements Clock {
  private readonly handles = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): Timer {
    const id = this.nextId++;
    const handle = setTimeout(() => {
      this.handles.delete(id);
      fn();
    }, ms);
    handle.unref?.();
    this.handles.set(id, handle);
    return { id };
  }

  clearTimeout(timer: Timer): void {
    const handle = this.handles.get(timer.id);
    if (handle) clearTimeout(handle);
    this.handles.delete(timer.id);
  }
}

/** A clock that only moves when told to: tests step it with `advance`. */
export class ManualClock implements Clock {
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(timer: Timer): void {
    this.pending.delete(timer.id);
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, t] of this.pending) {
        if (t.at <= target && t.at < nextAt) {
          nextAt = t.at;
          nextId = id;
        }
      }
      if (nextId < 0) break;
      const due = this.pending.get(nextId)!;
      this.pending.delete(nextId);
      this.current = due.at;
      due.fn();
    }
    this.current = target;
  }

  /**
   * Advances time by `stepMs` at every turn of the event loop until `done` settles, so that timers
   * and I/O interleave without anyone sleeping out a delay; fails once more than `limitMs` of
   * virtual time has passed. Against real sockets (a broker, a database), `realMsPerStep` paces the
   * steps so that virtual time does not run ahead of the network: 1 ms a step of 1 s is ×1000.
   */
  async runUntil<T>(done: Promise<T>, stepMs: number, limitMs = Infinity, realMsPerStep = 0): Promise<T> {
    let settled = false;
    const result = done.finally(() => (settled = true));
    const start = this.current;
    while (!settled) {
      if (this.current - start > limitMs) throw new Error(`not done after ${limitMs} ms of virtual time`);
      this.advance(stepMs);
      await new Promise((resolve) => (realMsPerStep > 0 ? setTimeout(resolve, realMsPerStep) : setImmediate(resolve)));
    }
    return result;
  }

  get pendingTimers(): number {
    return this.pending.size;
  }
}

/**
 * Virtual time that runs `factor` times faster than the wall clock, from `startMs`: an election
 * day in minutes. Timers fire after their virtual delay divided by the factor.
 */
export class AcceleratedClock implements Clock {
  private readonly system = new SystemClock();
  private readonly realStart = Date.now();

  constructor(
    private readonly startMs: number,
    readonly factor: number,
  ) {
    if (!(factor > 0)) throw new Error(`an accelerated clock needs a factor > 0, got ${factor}`);
  }

  now(): number {
    return this.startMs + (Date.now() - this.realStart) * this.factor;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    return this.system.setTimeout(fn, ms / this.factor);
  }

  clearTimeout(timer: Timer): void {
    this.system.clearTimeout(timer);
  }
}
