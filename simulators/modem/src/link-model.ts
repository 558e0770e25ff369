import { Random } from '@shailoo/platform';

/** A mobile data link as a modem in a polling station sees it. */
export interface LinkProfile {
  name: string;
  /** One-way latency, drawn uniformly between the two, in ms. */
  latencyMs: [number, number];
  /** Usable uplink bandwidth in bits per second. */
  bandwidthBps: number;
  /** Chance that one transfer (a publish or an acknowledgement) is lost. */
  lossRate: number;
}

/** Typical profiles (uplink, loaded rural cell): EDGE-class 2G and HSPA-class 3G. */
export const LINK_PROFILES: Record<string, LinkProfile> = {
  ideal: { name: 'ideal', latencyMs: [0, 0], bandwidthBps: Infinity, lossRate: 0 },
  '2g': { name: '2g', latencyMs: [300, 1000], bandwidthBps: 40_000, lossRate: 0.05 },
  '3g': { name: '3g', latencyMs: [80, 300], bandwidthBps: 500_000, lossRate: 0.01 },
};

/** A stretch of time with no coverage at all. */
export interface Outage {
  fromMs: number;
  toMs: number;
}

/**
 * Decides the fate of each transfer: lost (an outage, or the loss rate), or delivered after
 * latency plus serialization time. Seeded, so a link behaves the same in every replay.
 */
export class LinkModel {
  constructor(
    readonly profile: LinkProfile,
    private readonly random: Random,
    private readonly outages: Outage[] = [],
  ) {}

  /** Whether the link is up at `atMs`. */
  up(atMs: number): boolean {
    return !this.outages.some((o) => atMs >= o.fromMs && atMs < o.toMs);
  }

  /** The outage under way at `atMs`, or else the next one to begin. */
  nextOutage(atMs: number): Outage | undefined {
    return this.outages.filter((o) => o.toMs > atMs).sort((a, b) => a.fromMs - b.fromMs)[0];
  }

  /** Time to put `bytes` on the air at the link's bandwidth, in ms. */
  serializationMs(bytes: number): number {
    return Number.isFinite(this.profile.bandwidthBps) ? ((bytes * 8) / this.profile.bandwidthBps) * 1000 : 0;
  }

  /** The delay before `bytes` sent at `atMs` arrive, or null when they are lost. */
  transfer(bytes: number, atMs: number): number | null {
    if (!this.up(atMs) || this.random.next() < this.profile.lossRate) return null;
    const [lo, hi] = this.profile.latencyMs;
    return lo + (hi - lo) * this.random.next() + this.serializationMs(bytes);
  }
}
