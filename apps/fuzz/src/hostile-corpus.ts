import { MESSAGE_KINDS, MessageKind, REJECTION_REASONS, signPayload, Topics, TOPIC_ROOT, v1 } from '@shailoo/contracts';
import { DeviceKey, Random } from '@shailoo/platform';
import { RecordedDay } from '@shailoo/scenario';
import { IngestOutcome, IngestService, TallyMetrics, TallyServerHandle } from '@shailoo/tally-server';
import { total } from '@shailoo/election';

/** One payload of the corpus: the topic it arrives on and its bytes. */
export type CorpusEntry = [topic: string, raw: Buffer];

/**
 * A corpus of hostile payloads against a recorded day, drawn from `seed`: random bytes on a box's
 * topic (20%), genuine messages mutated — bits flipped, cut short, padded, on the wrong topic,
 * re-signed by an unknown key — (35%), box results re-signed with a registered box's own key but
 * forged counts, precincts, sequences and times (25%), and genuine messages resent (20%).
 */
export function hostileCorpus(recorded: RecordedDay, size: number, seed: string): CorpusEntry[] {
  const rng = new Random(seed);
  const electionId = recorded.day.definition.id;
  const boxes = recorded.day.boxes.map((b) => b.box.identity);
  const keys = new Map(boxes.map((b) => [b.deviceId, b.key]));
  const valid = recorded.messages;
  const topicOf = (m: { kind: MessageKind; deviceId: string }) => Topics.uplink(electionId, m.deviceId, m.kind);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(0, xs.length - 1)];
  let nextSequence = 100;

  /** A box result from a registered box, re-signed with its own key: random counts, sometimes consistent. */
  function forged(): CorpusEntry {
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

  function mutated(): CorpusEntry {
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
        return [topicOf(m), signPayload(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, { deviceId: m.deviceId, electionId }, DeviceKey.fromSeed(rng.bytes(32)))];
    }
  }

  const corpus: CorpusEntry[] = [];
  for (let i = 0; i < size; i++) {
    const roll = rng.next();
    if (roll < 0.2) corpus.push([Topics.uplink(electionId, pick(boxes).deviceId, 'result'), rng.bytes(rng.int(0, 400))]);
    else if (roll < 0.55) corpus.push(mutated());
    else if (roll < 0.8) corpus.push(forged());
    else {
      const m = pick(valid);
      corpus.push([topicOf(m), m.envelope]);
    }
  }
  return corpus;
}

/** What the server made of a corpus, and what it should have made of it. */
export interface CorpusReport {
  payloads: number;
  accepted: number;
  duplicates: number;
  rejectedByReason: Record<string, number>;
  /** Outcomes that are none of accepted, duplicate or rejected, or rejections without a known reason and a detail. */
  unexplained: number;
  /** The box results the accepted payloads imply (each box counts with its highest accepted sequence), and what the server tallied. */
  expected: { ballotsInBox: number; votes: Record<string, number> };
  tallied: { ballotsInBox: number; votes: Record<string, number> };
  /** Rejections in the quarantine and in the Prometheus counter. */
  stored: number;
  counted: number;
  seconds: number;
}

/** Feeds the corpus to the server's ingest pipeline (200 at a time, as a burst would) and checks the outcome. */
export async function feedCorpus(server: TallyServerHandle, recorded: RecordedDay, corpus: CorpusEntry[]): Promise<CorpusReport> {
  const electionId = recorded.day.definition.id;
  const ingest = server.app.get(IngestService);
  const started = performance.now();
  const outcomes: IngestOutcome[] = [];
  for (let i = 0; i < corpus.length; i += 200) outcomes.push(...(await Promise.all(corpus.slice(i, i + 200).map(([t, raw]) => ingest.ingest(t, raw)))));
  const seconds = (performance.now() - started) / 1000;

  const rejectedByReason: Record<string, number> = {};
  let unexplained = 0;
  for (const o of outcomes) {
    if (o.status === 'rejected') {
      rejectedByReason[o.rejection.reason] = (rejectedByReason[o.rejection.reason] ?? 0) + 1;
      if (!REJECTION_REASONS.includes(o.rejection.reason) || !o.rejection.detail) unexplained++;
    } else if (o.status !== 'accepted' && o.status !== 'duplicate') unexplained++;
  }

  const latest = new Map<string, v1.PrecinctResult>();
  corpus.forEach(([, raw], i) => {
    if (outcomes[i].status === 'rejected') return;
    const envelope = v1.SignedEnvelope.decode(raw);
    if (envelope.kind !== v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT) return;
    const r = v1.PrecinctResult.decode(envelope.body);
    if ((latest.get(r.deviceId)?.sequence ?? -1) < r.sequence) latest.set(r.deviceId, r);
  });
  const expected = { ballotsInBox: 0, votes: {} as Record<string, number> };
  for (const r of latest.values()) {
    for (const v of r.votes) expected.votes[v.partyId!] = (expected.votes[v.partyId!] ?? 0) + v.votes!;
    expected.ballotsInBox += r.ballotsInBox;
  }
  const results = server.tally.results(electionId)!;
  const parties = recorded.day.dataset.parties.map((p) => p.id);
  const only = (votes: Record<string, number>) => Object.fromEntries(parties.map((p) => [p, votes[p] ?? 0]));
  const counted = Object.values(await server.app.get(TallyMetrics).rejectedByReason()).reduce((a, b) => a + b, 0);
  return {
    payloads: corpus.length,
    accepted: outcomes.filter((o) => o.status === 'accepted').length,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    rejectedByReason,
    unexplained,
    expected: { ballotsInBox: expected.ballotsInBox, votes: only(expected.votes) },
    tallied: { ballotsInBox: results.preliminary.ballotsInBox, votes: only(results.preliminary.votes) },
    stored: await server.rejections.count(),
    counted,
    seconds,
  };
}

/** What is wrong with a corpus run, in words; empty when nothing is. */
export function corpusProblems(report: CorpusReport): string[] {
  const problems: string[] = [];
  const rejected = total(report.rejectedByReason);
  if (report.accepted + report.duplicates + rejected !== report.payloads) problems.push('outcomes do not add up to the payloads');
  if (report.unexplained) problems.push(`${report.unexplained} outcomes without a stated reason`);
  if (JSON.stringify(report.tallied) !== JSON.stringify(report.expected))
    problems.push(`tally ${JSON.stringify(report.tallied)} differs from what the accepted results imply ${JSON.stringify(report.expected)}`);
  if (report.stored !== rejected) problems.push(`${report.stored} rejections stored, ${rejected} made`);
  if (report.counted !== rejected) problems.push(`${report.counted} rejections counted, ${rejected} made`);
  return problems;
}
