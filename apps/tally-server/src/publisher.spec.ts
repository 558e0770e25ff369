import { EventEmitter } from 'node:events';
import { Topics, v1 } from '@shailoo/contracts';
import { ManualClock } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { ChangeFeed } from './change-feed';
import { Publisher, PublisherClient } from './publisher';
import { TallyService } from './tally.service';

const INTERVAL_MS = 200;

/** A broker connection that records what is published and can drop and come back. */
class FakeClient extends EventEmitter {
  connected = true;
  readonly sent: { topic: string; payload: Buffer | string; options: { qos?: number; retain?: boolean } }[] = [];
  readonly endAsync = jest.fn(async () => undefined);
  /** Callbacks of publications the broker has not yet taken (no PUBACK). */
  readonly unconfirmed: (() => void)[] = [];
  publish(topic: string, payload: Buffer | string, options: { qos?: number; retain?: boolean }, done?: () => void): this {
    this.sent.push({ topic, payload, options });
    if (done) this.unconfirmed.push(done);
    return this;
  }
  /** The broker takes everything sent so far. */
  puback(): void {
    for (const done of this.unconfirmed.splice(0)) done();
  }
  retained(): string[] {
    return this.sent.filter((m) => m.options.retain).map((m) => m.topic);
  }
}

class PublisherOnFake extends Publisher {
  readonly fake = new FakeClient();
  protected override async createClient(): Promise<PublisherClient> {
    return this.fake as unknown as PublisherClient;
  }
}

/** One territory's figures as the tally answers them (a district `d` under the city `e`). */
const figures = (territoryId: string, level: string, ballots: number) => ({
  territoryId,
  level,
  precinctsReporting: 1,
  precinctsTotal: 2,
  precinctsWithProtocol: 0,
  registeredVoters: 1000,
  turnout: ballots / 1000,
  seatsStatus: 'provisional',
  preliminary: { ballotsInBox: ballots, invalidBallots: 1, againstAll: 2, votes: { a: ballots - 3 } },
  final: { ballotsInBox: 0, invalidBallots: 0, againstAll: 0, votes: {} },
  parties: [{ id: 'a', name: 'A', votes: ballots - 3, finalVotes: 0, seats: null }],
  definitionHash: 'abcd',
});

describe(Publisher.name, () => {
  let timers: ManualClock;
  let feed: { emit: jest.Mock };
  let ballots: number;
  let failing: boolean;
  let sut: PublisherOnFake;

  beforeEach(async () => {
    timers = new ManualClock(0);
    feed = { emit: jest.fn() };
    ballots = 100;
    failing = false;
    const tally = {
      results: (electionId: string, territoryId?: string) => {
        if (failing && territoryId) throw new Error('territory unreadable');
        return electionId === 'e' ? figures(territoryId ?? 'e', territoryId ? 'district' : 'city', ballots) : null;
      },
      territories: () => [figures('e', 'city', ballots), figures('d', 'district', ballots), figures('p', 'precinct', ballots)],
    } as unknown as TallyService;
    const devices = new Map([
      ['aeu-kept', { id: 'aeu-kept', revokedAt: null, generation: 0 }],
      ['aeu-stolen', { id: 'aeu-stolen', revokedAt: 5, generation: 0 }],
      ['aeu-rekeyed', { id: 'aeu-rekeyed', revokedAt: null, generation: 2 }],
    ]);
    const registry = {
      election: () => ({ ancestors: new Map([['p', ['e', 'd']]]) }),
      allElections: () => [{ definition: { id: 'e' } }],
      deviceIds: () => devices.keys(),
      device: (id: string) => devices.get(id),
    } as unknown as ElectionRegistry;
    sut = new PublisherOnFake(
      { mqttUrl: 'mqtt://unused', publishIntervalMs: INTERVAL_MS },
      new ManualClock(7),
      timers,
      tally,
      registry,
      feed as unknown as ChangeFeed,
    );
    await sut.connect();
  });

  const submission = { electionId: 'e', precinctId: 'p', deviceId: 'box-1', sequence: 1, kind: 'result' as const };

  it('acknowledges to the device on its own topic, QoS 1, as an encoded Ack', () => {
    sut.fake.sent.length = 0;
    sut.ack({ deviceId: 'box-1', sequence: 4, status: v1.AckStatus.ACK_STATUS_DUPLICATE, reason: 'stored before' });
    const [sent] = sut.fake.sent;
    expect(sent.topic).toBe(Topics.ack('box-1'));
    expect(sent.options.qos).toBe(1);
    expect(v1.Ack.decode(sent.payload as Buffer)).toMatchObject({
      deviceId: 'box-1',
      sequence: 4,
      status: v1.AckStatus.ACK_STATUS_DUPLICATE,
      reason: 'stored before',
    });
  });

  it('tells the event stream at once, and publishes the retained aggregates of the ancestors once per interval', async () => {
    sut.lead(true);
    timers.advance(INTERVAL_MS);
    sut.fake.sent.length = 0;
    sut.changed(submission);
    sut.changed({ ...submission, sequence: 2 });
    expect(feed.emit).toHaveBeenCalledWith(expect.objectContaining({ type: 'submission', electionId: 'e' }));
    expect(sut.fake.retained()).toEqual([]);
    timers.advance(INTERVAL_MS - 1);
    expect(sut.fake.retained()).toEqual([]);
    timers.advance(1);
    expect(sut.fake.retained().sort()).toEqual([Topics.aggregate('e'), Topics.territory('e', 'd'), Topics.territory('e', 'e')].sort());
    const aggregate = v1.ElectionAggregate.decode(sut.fake.sent.find((m) => m.topic === Topics.aggregate('e'))!.payload as Buffer);
    expect(aggregate).toMatchObject({ electionId: 'e', ballotsInBox: 100, precinctsReporting: 1, precinctsTotal: 2 });
    expect(aggregate.parties).toEqual([expect.objectContaining({ partyId: 'a', votes: 97 })]);
    expect(Number(aggregate.updatedAtMs)).toBe(7);
  });

  it('publishes nothing retained while another instance leads, but still feeds its own event streams', async () => {
    sut.changed(submission);
    timers.advance(INTERVAL_MS);
    expect(sut.fake.retained()).toEqual([]);
    expect(feed.emit).toHaveBeenCalledWith(expect.objectContaining({ type: 'results', electionId: 'e' }));
  });

  it('publishes every election again when it starts leading and when the broker comes back', async () => {
    sut.lead(true);
    timers.advance(INTERVAL_MS);
    expect(sut.fake.retained()).toContain(Topics.aggregate('e'));
    sut.fake.sent.length = 0;
    ballots = 150;
    sut.fake.emit('connect');
    timers.advance(INTERVAL_MS);
    const again = v1.ElectionAggregate.decode(sut.fake.sent.find((m) => m.topic === Topics.aggregate('e'))!.payload as Buffer);
    expect(again.ballotsInBox).toBe(150);
  });

  it('tells the broker every revoked or re-keyed device when it connects, and again when the broker comes back', () => {
    const accounts = () => sut.fake.sent.filter((m) => m.topic.startsWith('shailoo/v1/ctl/account/')).map((m) => [m.topic, JSON.parse(String(m.payload))]);
    const expected = [
      ['shailoo/v1/ctl/account/aeu-stolen', { revoked: true, generation: 0 }],
      ['shailoo/v1/ctl/account/aeu-rekeyed', { revoked: false, generation: 2 }],
    ];
    expect(accounts()).toEqual(expected);
    sut.fake.sent.length = 0;
    sut.fake.emit('connect');
    expect(accounts()).toEqual(expected);
  });

  it('keeps going when a publication fails, and says so in its log', async () => {
    sut.lead(true);
    timers.advance(INTERVAL_MS);
    const error = jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    failing = true;
    sut.changed(submission);
    expect(() => timers.advance(INTERVAL_MS)).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('publish-failed'));
    failing = false;
    sut.fake.sent.length = 0;
    sut.changed(submission);
    timers.advance(INTERVAL_MS);
    expect(sut.fake.retained()).toContain(Topics.aggregate('e'));
    error.mockRestore();
  });

  it('on shutdown sends what was waiting, then ends the connection without waiting for the broker', async () => {
    sut.lead(true);
    timers.advance(INTERVAL_MS);
    sut.fake.sent.length = 0;
    sut.changed(submission);
    await sut.onModuleDestroy();
    expect(sut.fake.retained()).toContain(Topics.aggregate('e'));
    expect(sut.fake.endAsync).toHaveBeenCalledWith(true);
  });

  it('on shutdown waits for the broker to take the last acks', async () => {
    sut.ack({ deviceId: 'box-1', sequence: 1, status: v1.AckStatus.ACK_STATUS_ACCEPTED });
    let ended = false;
    const shutdown = sut.onModuleDestroy().then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    sut.fake.puback();
    await shutdown;
    expect(sut.fake.endAsync).toHaveBeenCalledWith(true);
  });

  it('on shutdown ends forced when the broker has not taken the last acks within two seconds', async () => {
    sut.ack({ deviceId: 'box-1', sequence: 1, status: v1.AckStatus.ACK_STATUS_ACCEPTED });
    let ended = false;
    const shutdown = sut.onModuleDestroy().then(() => (ended = true));
    timers.advance(1999);
    await Promise.resolve();
    expect(ended).toBe(false);
    timers.advance(1);
    await shutdown;
    expect(sut.fake.endAsync).toHaveBeenCalledWith(true);
  });
});
