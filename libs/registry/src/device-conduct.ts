import { TokenBucket } from '@shailoo/platform';

/**
 * How much a device may send the tally server, and what happens to one that keeps sending garbage.
 * Checked before a message is decoded or its signature verified, so a flood costs almost nothing:
 * oversized payloads are dropped, a device over its rate (a token bucket) has the excess dropped,
 * and a device with `garbageLimit` refused messages, or `garbageBytes` of them, within
 * `garbageWindowMs` is banned for `banMs` (an honest device's refused message is a few hundred
 * bytes; a rogue one's large ones are stored in the quarantine)
 * (on the embedded broker also disconnected). Dropped messages are never acknowledged: an honest
 * device resends later. On a secured broker a topic's device is the one that logged in.
 */
export interface ConductLimits {
  maxPayload: number;
  perSecond: number;
  burst: number;
  garbageLimit: number;
  garbageBytes: number;
  garbageWindowMs: number;
  banMs: number;
}

export const DEFAULT_CONDUCT: ConductLimits = {
  maxPayload: 64 * 1024,
  perSecond: 20,
  burst: 100,
  garbageLimit: 20,
  garbageBytes: 256 * 1024,
  garbageWindowMs: 60_000,
  banMs: 10 * 60_000,
};

export type Verdict = 'admit' | 'payload-too-large' | 'rate-limited' | 'device-banned';

interface Record {
  rate: TokenBucket;
  /** When the device last sent anything. */
  lastSeen: number;
  /** Refused messages within the window: when, and how large. */
  garbage: { at: number; bytes: number }[];
  bannedUntil: number;
  /** Last time a drop of this device was logged: one line a second at most. */
  loggedAt: number;
}

/** Entries kept before idle ones are forgotten (topics of unregistered ids must not grow memory without end). */
const MAX_ENTRIES = 200_000;

export class DeviceConduct {
  private readonly devices = new Map<string, Record>();

  constructor(readonly limits: ConductLimits) {}

  /** Whether a message of `bytes` from `deviceId` at `now` (ms) goes on into the pipeline. */
  admit(deviceId: string, bytes: number, now: number): Verdict {
    if (bytes > this.limits.maxPayload) return 'payload-too-large';
    const r = this.record(deviceId, now);
    if (r.bannedUntil > now) return 'device-banned';
    r.lastSeen = now;
    if (!r.rate.take(now)) return 'rate-limited';
    return 'admit';
  }

  /** A message of `bytes` from `deviceId` was refused by the pipeline; true when that bans the device now. */
  refused(deviceId: string, bytes: number, now: number): boolean {
    const r = this.record(deviceId, now);
    r.garbage = r.garbage.filter((g) => now - g.at < this.limits.garbageWindowMs);
    r.garbage.push({ at: now, bytes });
    const total = r.garbage.reduce((s, g) => s + g.bytes, 0);
    if ((r.garbage.length < this.limits.garbageLimit && total < this.limits.garbageBytes) || r.bannedUntil > now) return false;
    r.bannedUntil = now + this.limits.banMs;
    r.garbage = [];
    return true;
  }

  /** Whether a drop of this device should be logged now (one line a second per device). */
  shouldLog(deviceId: string, now: number): boolean {
    const r = this.record(deviceId, now);
    if (now - r.loggedAt < 1000) return false;
    r.loggedAt = now;
    return true;
  }

  private record(deviceId: string, now: number): Record {
    let r = this.devices.get(deviceId);
    if (r) return r;
    if (this.devices.size >= MAX_ENTRIES) this.forgetIdle(now);
    r = { rate: new TokenBucket(this.limits.perSecond, this.limits.burst), lastSeen: now, garbage: [], bannedUntil: 0, loggedAt: -Infinity };
    this.devices.set(deviceId, r);
    return r;
  }

  private forgetIdle(now: number): void {
    for (const [id, r] of this.devices) {
      if (r.bannedUntil <= now && r.garbage.every((g) => now - g.at >= this.limits.garbageWindowMs) && now - r.lastSeen > 60_000) this.devices.delete(id);
    }
  }
}
