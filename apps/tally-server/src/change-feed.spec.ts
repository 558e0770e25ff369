import { EventEmitter } from 'node:events';
import { ManualClock } from '@shailoo/platform';
import { ChangeFeed, EventStream } from './change-feed';
import { TallyMetrics } from './tally-metrics';

/** An HTTP response as the feed sees it: what was written, how much the client has not taken yet. */
class FakeStream extends EventEmitter implements EventStream {
  readonly chunks: Buffer[] = [];
  writableLength = 0;
  destroyed = false;
  ended = false;

  write(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  /** A client taking what is left, unless it stopped reading. */
  end(): void {
    this.ended = true;
    if (!this.writableLength) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('close');
  }
}

function sut(limits = { perClient: 2, total: 3, maxBufferedBytes: 1000 }) {
  const timers = new ManualClock(0);
  const metrics = new TallyMetrics();
  return { feed: new ChangeFeed(metrics, { streamLimits: limits }, timers), timers, metrics };
}

const refused = async (metrics: TallyMetrics) =>
  Object.fromEntries((await metrics.refusedRequests.get()).values.map((v) => [String(v.labels.reason), v.value]));

describe('ChangeFeed', () => {
  it('serializes each event once and writes the same bytes to every stream of its election, a batch at a time', () => {
    const { feed, timers } = sut({ perClient: 10, total: 10, maxBufferedBytes: 1000 });
    const [a, b, other] = [new FakeStream(), new FakeStream(), new FakeStream()];
    feed.open('e', '10.0.0.1', a);
    feed.open('e', '10.0.0.2', b);
    feed.open('f', '10.0.0.3', other);
    feed.emit({ electionId: 'e', type: 'submission', data: { precinctId: 'p1' } });
    feed.emit({ electionId: 'e', type: 'results', data: { precinctsReporting: 1 } });
    expect(a.chunks).toEqual([]);
    timers.advance(100);
    expect(a.chunks).toHaveLength(1);
    expect(a.chunks[0]).toBe(b.chunks[0]);
    expect(a.chunks[0].toString()).toBe('event: submission\ndata: {"precinctId":"p1"}\n\nevent: results\ndata: {"precinctsReporting":1}\n\n');
    expect(other.chunks).toEqual([]);
  });

  it('caps streams per client address and in all, and counts each refusal; a closed stream frees its place', async () => {
    const { feed, metrics } = sut();
    const streams = [new FakeStream(), new FakeStream(), new FakeStream()];
    expect(feed.open('e', 'rogue', streams[0])).toBeNull();
    expect(feed.open('e', 'rogue', streams[1])).toBeNull();
    expect(feed.open('e', 'rogue', new FakeStream())).toBe('too-many-streams-from-client');
    expect(feed.open('e', 'page', streams[2])).toBeNull();
    expect(feed.open('e', 'another page', new FakeStream())).toBe('too-many-streams');
    streams[0].destroy();
    expect(feed.open('e', 'rogue', new FakeStream())).toBeNull();
    expect(await refused(metrics)).toEqual({ 'too-many-streams-from-client': 1, 'too-many-streams': 1 });
  });

  it('cuts a stream whose client stopped reading once it is too far behind, and goes on writing to the others', async () => {
    const { feed, timers, metrics } = sut();
    const [paused, reading] = [new FakeStream(), new FakeStream()];
    feed.open('e', 'a', paused);
    feed.open('e', 'b', reading);
    paused.writableLength = 1001;
    feed.emit({ electionId: 'e', type: 'submission', data: {} });
    timers.advance(100);
    expect(paused.destroyed).toBe(true);
    expect(paused.chunks).toEqual([]);
    expect(reading.chunks).toHaveLength(1);
    expect(await refused(metrics)).toEqual({ 'slow-stream': 1 });
  });

  it('on shutdown sends the events gathered so far, ends every stream, and cuts one not taken within a second', async () => {
    const { feed, timers } = sut({ perClient: 10, total: 10, maxBufferedBytes: 1000 });
    const [reading, stalled] = [new FakeStream(), new FakeStream()];
    feed.open('e', 'a', reading);
    feed.open('e', 'b', stalled);
    stalled.writableLength = 10;
    feed.emit({ electionId: 'e', type: 'results', data: { precinctsReporting: 30 } });
    const stopping = feed.onModuleDestroy();
    expect(reading.chunks.map(String)).toEqual(['event: results\ndata: {"precinctsReporting":30}\n\n']);
    expect([reading.ended, reading.destroyed]).toEqual([true, true]);
    expect([stalled.ended, stalled.destroyed]).toEqual([true, false]);
    timers.advance(999);
    await Promise.resolve();
    expect(stalled.destroyed).toBe(false);
    timers.advance(1);
    await stopping;
    expect(stalled.destroyed).toBe(true);
    // Stopping: nothing more is gathered, and no stream is taken.
    feed.emit({ electionId: 'e', type: 'results', data: {} });
    timers.advance(100);
    expect(reading.chunks).toHaveLength(1);
    expect(feed.open('e', 'c', new FakeStream())).toBe('server-stopping');
  });
});
