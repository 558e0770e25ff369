import { IngestOutcome, IngestService } from '@shailoo/tally-server';
import { TallyMetrics } from '@shailoo/tally-server';
import { TallyServerHandle } from '@shailoo/tally-server';
import { MESSAGE_KINDS, MessageKind, REJECTION_REASONS, signPayload, Topics, TOPIC_ROOT, v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { Random } from '@shailoo/platform';
import { recordCouncilDay, RecordedDay } from '@shailoo/scenario';
import { embeddedStack, Stack } from './stack';

jest.setTimeout(180_000);

/**
 * 10,000 random and mutated payloads through the real pipeline (PGlite, no mocks): none may
 * crash it, each is accepted, a duplicate, or rejected for one of the stated reasons, and the
 * tally is exactly what the accepted box results imply.
 */
describe('a corpus of hostile payloads', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let recorded: RecordedDay;

  beforeAll(async () => {
    recorded = recordCouncilDay('Кайыңды', 'corpus');
    stack = await embeddedStack();
    server = await stack.startServer();
    await server.registry.register(recorded.day.definition, recorded.devices);
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  it('never crashes, always states a reason, and tallies exactly the accepted results', async () => {
    const rng = new Random('hostile-corpus');
    const electionId = recorded.day.definition.id;
    const boxes = recorded.day.boxes.map((b) => b.box.identity);
    const keys = new Map(boxes.map((b) => [b.deviceId, b.key]));
    const valid = recorded.messages;
    const topicOf = (m: { kind: MessageKind; deviceId: string }) => Topics.uplink(electionId, m.deviceId, m.kind);
    const pick = <T>(xs: readonly T[]) => xs[rng.int(0, xs.length - 1)];
    let nextSequence = 100;

    /** A box result from a registered box, re-signed with its own key: random counts, sometimes consistent. */
    function forged(): [string, Buffer] {
      const box = pick(boxes);
      const votes = recorded.day.dataset.parties.map((p) => ({ partyId: rng.int(0, 20) === 0 ? 'p99' : p.id, votes: rng.int(0, 400) }));
      const invalid = rng.int(0, 30);
      const sum = votes.reduce((s, v) => s + v.votes, 0) + invalid;
      const result = {
        electionId,
        definitionHash: Buffer.from(recorded.day.hash, 'hex'),
        precinctId: rng.int(0, 9) === 0 ? pick(boxes).precinctId : box.precinctId,
        deviceId: box.deviceId,
        sequence: rng.int(0, 5) === 0 ? rng.int(0, 120) : nextSequence++,
        votes,
        invalidBallots: invalid,
        ballotsInBox: rng.int(0, 3) === 0 ? rng.int(0, 3000) : sum,
        closedAtMs: rng.int(0, 9) === 0 ? rng.int(0, 2 ** 31) * 1e6 : Date.UTC(2021, 3, 11, 14),
      };
      return [Topics.result(electionId, box.deviceId), signPayload(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, result, keys.get(box.deviceId)!)];
    }

    function mutated(): [string, Buffer] {
      const m = pick(valid);
      const bytes = Buffer.from(m.envelope);
      switch (rng.int(0, 4)) {
        case 0:
          for (let i = rng.int(1, 4); i > 0; i--) bytes[rng.int(0, bytes.length - 1)] ^= 1 << rng.int(0, 7);
          return [topicOf(m), bytes];
        case 1:
          return [topicOf(m), bytes.subarray(0, rng.int(0, bytes.length - 1))];
        case 2:
          return [topicOf(m), Buffer.concat([bytes, rng.bytes(rng.int(1, 40))])];
        case 3:
          return [`${TOPIC_ROOT}/up/${pick([electionId, 'kg-x', ''])}/${pick([m.deviceId, 'aeu-x'])}/${pick([...MESSAGE_KINDS, 'other'])}`, bytes];
        default:
          return [
            topicOf(m),
            signPayload(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, { deviceId: m.deviceId, electionId }, DeviceKey.fromSeed(rng.bytes(32))),
          ];
      }
    }

    const corpus: [string, Buffer][] = [];
    for (let i = 0; i < 10_000; i++) {
      const roll = rng.next();
      if (roll < 0.2) corpus.push([Topics.uplink(electionId, pick(boxes).deviceId, 'result'), rng.bytes(rng.int(0, 400))]);
      else if (roll < 0.55) corpus.push(mutated());
      else if (roll < 0.8) corpus.push(forged());
      else {
        const m = pick(valid);
        corpus.push([topicOf(m), m.envelope]);
      }
    }

    const ingest = server.app.get(IngestService);
    const outcomes: IngestOutcome[] = [];
    for (let i = 0; i < corpus.length; i += 200) outcomes.push(...(await Promise.all(corpus.slice(i, i + 200).map(([t, raw]) => ingest.ingest(t, raw)))));

    const rejected = outcomes.filter((o) => o.status === 'rejected') as Extract<IngestOutcome, { status: 'rejected' }>[];
    expect(outcomes).toHaveLength(10_000);
    expect(outcomes.every((o) => ['accepted', 'duplicate', 'rejected'].includes(o.status))).toBe(true);
    expect(rejected.every((o) => REJECTION_REASONS.includes(o.rejection.reason) && o.rejection.detail.length > 0)).toBe(true);
    expect(new Set(rejected.map((o) => o.rejection.reason)).size).toBeGreaterThanOrEqual(8);
    expect(outcomes.filter((o) => o.status === 'accepted').length).toBeGreaterThan(100);

    // What the accepted box results imply: each box counts with its highest accepted sequence.
    const latest = new Map<string, v1.PrecinctResult>();
    corpus.forEach(([, raw], i) => {
      if (outcomes[i].status === 'rejected') return;
      const envelope = v1.SignedEnvelope.decode(raw);
      if (envelope.kind !== v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT) return;
      const r = v1.PrecinctResult.decode(envelope.body);
      if ((latest.get(r.deviceId)?.sequence ?? -1) < r.sequence) latest.set(r.deviceId, r);
    });
    const expected: Record<string, number> = {};
    let ballots = 0;
    for (const r of latest.values()) {
      for (const v of r.votes) expected[v.partyId!] = (expected[v.partyId!] ?? 0) + v.votes!;
      ballots += r.ballotsInBox;
    }
    const results = server.tally.results(electionId)!;
    expect(results.preliminary.ballotsInBox).toBe(ballots);
    for (const p of recorded.day.dataset.parties) expect(results.preliminary.votes[p.id] ?? 0).toBe(expected[p.id] ?? 0);

    const stored = await server.rejections.count();
    expect(stored).toBe(rejected.length);
    const counted = await server.app.get(TallyMetrics).rejectedByReason();
    expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBe(rejected.length);
  });
});
