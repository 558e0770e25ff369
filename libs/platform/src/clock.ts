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

interface Due {
  at: number;
  id: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to: tests step it with `advance`, a simulation driver with
 * `advanceTo`. Timers sit in a binary heap ordered by (time, creation), so a day of a million
 * timers fires in order at O(log n) each.
 */
export class ManualClock implements Clock {
  private readonly heap: Due[] = [];
  private readonly live = new Set<number>();
  private nextId = 1;

  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    const id = this.nextId++;
    this.push({ at: this.current + Math.max(0, ms), id, fn });
    this.live.add(id);
    return { id };
  }

  clearTimeout(timer: Timer): void {
    this.live.delete(timer.id);
  }

  /** Resolves when the clock reaches `atMs` (at once if it has). */
  sleepUntil(atMs: number): Promise<void> {
    if (atMs <= this.current) return Promise.resolve();
    return new Promise((resolve) => this.setTimeout(resolve, atMs - this.current));
  }

  /** When the next live timer falls due; Infinity when none is set. */
  nextDue(): number {
    this.dropCleared();
    return this.heap.length ? this.heap[0].at : Infinity;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves time forward to `target`, firing every timer due by then in time order (never backwards). */
  advanceTo(target: number): void {
    for (;;) {
      this.dropCleared();
      const due = this.heap[0];
      if (!due || due.at > target) break;
      this.pop();
      this.live.delete(due.id);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = Math.max(this.current, target);
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
    return this.live.size;
  }

  private dropCleared(): void {
    while (this.heap.length && !this.live.has(this.heap[0].id)) this.pop();
  }

  private static before(a: Due, b: Due): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
  }

  private push(d: Due): void {
    const h = this.heap;
    h.push(d);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!ManualClock.before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && ManualClock.before(h[l], h[m])) m = l;
      if (r < h.length && ManualClock.before(h[r], h[m])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
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
