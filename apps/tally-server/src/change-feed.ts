import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Clock, Timer } from '@shailoo/platform';
import { StreamLimits, TALLY_SETTINGS, TallySettings, TIMERS } from './tally-config';
import { TallyMetrics } from './tally-metrics';

export interface Change {
  electionId: string;
  type: 'submission' | 'rejection' | 'results' | 'closed' | 'reopened' | 'fault';
  data: Record<string, unknown>;
}

/** What the feed needs of one open server-sent event stream (an HTTP response). */
export interface EventStream {
  write(chunk: Buffer): unknown;
  /** Bytes written and not yet taken by the client. */
  readonly writableLength: number;
  /** Sends what is buffered, then closes. */
  end(): unknown;
  destroy(): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/** Why a stream is refused or cut. */
export type StreamRefusal = 'too-many-streams-from-client' | 'too-many-streams' | 'slow-stream' | 'server-stopping';

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perClient: 20, total: 1000, maxBufferedBytes: 512 * 1024 };

/** Events of one election gathered this long before they go out together: one write per stream, not one per event. */
const FLUSH_MS = 100;
/** On shutdown, a client has this long to take its last events before its stream is cut. */
const END_GRACE_MS = 1000;

/**
 * Every change the server makes, for the server-sent event streams. Each event is serialized once
 * and the same bytes written to every stream of its election, a batch at a time; a stream that
 * falls `maxBufferedBytes` behind is cut, and streams are capped per client address and in all —
 * each refusal counted (shailoo_http_refused_total).
 */
@Injectable()
export class ChangeFeed implements OnModuleDestroy {
  private readonly streams = new Map<string, Set<EventStream>>();
  private readonly perClient = new Map<string, number>();
  private readonly pending = new Map<string, Buffer[]>();
  private timer: Timer | null = null;
  private total = 0;
  private stopping = false;
  private readonly limits: StreamLimits;

  constructor(
    private readonly metrics: TallyMetrics,
    @Inject(TALLY_SETTINGS) settings: Pick<TallySettings, 'streamLimits'>,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {
    this.limits = settings.streamLimits ?? DEFAULT_STREAM_LIMITS;
  }

  emit(change: Change): void {
    // Stopping: the streams have had their last events and are ending.
    if (this.stopping || !this.streams.get(change.electionId)?.size) return;
    const bytes = Buffer.from(`event: ${change.type}\ndata: ${JSON.stringify(change.data)}\n\n`);
    const queued = this.pending.get(change.electionId);
    if (queued) queued.push(bytes);
    else this.pending.set(change.electionId, [bytes]);
    this.timer ??= this.timers.setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Takes a stream of one election's events for `client` (its address); the refusal when over a limit. */
  open(electionId: string, client: string, stream: EventStream): StreamRefusal | null {
    const mine = this.perClient.get(client) ?? 0;
    const refusal: StreamRefusal | null = this.stopping
      ? 'server-stopping'
      : mine >= this.limits.perClient
        ? 'too-many-streams-from-client'
        : this.total >= this.limits.total
          ? 'too-many-streams'
          : null;
    if (refusal) {
      this.metrics.refusedRequests.inc({ reason: refusal });
      return refusal;
    }
    this.perClient.set(client, mine + 1);
    this.metrics.eventStreams.set(++this.total);
    const streams = this.streams.get(electionId) ?? new Set();
    this.streams.set(electionId, streams.add(stream));
    stream.once('close', () => {
      if (!streams.delete(stream)) return;
      this.metrics.eventStreams.set(--this.total);
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left) this.perClient.set(client, left);
      else this.perClient.delete(client);
    });
    return null;
  }

  /** On shutdown: the events gathered so far go out, then every stream ends; one not taken within a second is cut. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.flush();
    const open = [...this.streams.values()].flatMap((streams) => [...streams]);
    if (!open.length) return;
    const closed = Promise.all(open.map((s) => new Promise<void>((done) => s.once('close', done))));
    for (const s of open) s.end();
    let grace: Timer | null = null;
    const late = new Promise<void>((done) => (grace = this.timers.setTimeout(done, END_GRACE_MS)));
    await Promise.race([closed, late]);
    if (grace) this.timers.clearTimeout(grace);
    for (const s of open) s.destroy();
  }

  private flush(): void {
    this.timer = null;
    for (const [electionId, chunks] of this.pending) {
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      for (const stream of this.streams.get(electionId) ?? []) {
        if (stream.writableLength > this.limits.maxBufferedBytes) {
          this.metrics.refusedRequests.inc({ reason: 'slow-stream' });
          stream.destroy();
        } else stream.write(bytes);
      }
    }
    this.pending.clear();
  }
}
