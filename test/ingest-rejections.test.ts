import { IngestService } from '@shailoo/tally-server';
import { TallyServerHandle } from '@shailoo/tally-server';
import { TallyMetrics } from '@shailoo/tally-server';
import { signPrecinctResult, Topics, v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { CouncilDay, deviceRegistrations, prepareCouncilDay } from '@shailoo/scenario';
import { embeddedStack, Stack } from './stack';
import { total } from '@shailoo/election';

jest.setTimeout(30_000);

/** Every rejection reason, driven through the real pipeline (PGlite, no mocks), one message each. */
describe('ingest refuses bad input with a stated reason and never moves a tally', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let ingest: IngestService;
  let day: CouncilDay;
  let other: CouncilDay;

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    day = prepareCouncilDay('Кайыңды', 'rejections');
    other = prepareCouncilDay('Баткен', 'rejections');
    await server.registry.register(day.definition, deviceRegistrations(day));
    await server.registry.register(other.definition, deviceRegistrations(other));
    ingest = server.app.get(IngestService);
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  const box = () => day.boxes[0];
  const id = () => box().box.identity;
  function result(overrides: Partial<v1.IPrecinctResult> = {}): v1.IPrecinctResult {
    const { count } = box();
    const votes = Object.entries(count.votes).map(([partyId, v]) => ({ partyId, votes: v }));
    return {
      electionId: id().electionId,
      definitionHash: Buffer.from(day.hash, 'hex'),
      precinctId: id().precinctId,
      deviceId: id().deviceId,
      sequence: 1,
      votes,
      invalidBallots: count.invalidBallots,
      ballotsInBox: votes.reduce((s, v) => s + v.votes, 0) + count.invalidBallots,
      closedAtMs: Date.UTC(2021, 3, 11, 14),
      ...overrides,
    };
  }
  const sign = (r: v1.IPrecinctResult, key: DeviceKey = id().key) => signPrecinctResult(r, key);
  const topic = (deviceId = id().deviceId, electionId = id().electionId) => Topics.result(electionId, deviceId);
  const envelope = (fields: Partial<v1.ISignedEnvelope>) =>
    Buffer.from(v1.SignedEnvelope.encode({ version: 1, kind: v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, deviceId: id().deviceId, ...fields }).finish());

  it.each<[string, () => [string, Buffer]]>([
    ['malformed-envelope', () => [topic(), Buffer.from([0xff, 0xff, 0xff, 0xff])]],
    ['malformed-envelope', () => [topic(), sign(result()).subarray(0, 40)]],
    ['unsupported-version', () => [topic(), envelope({ version: 2, body: Buffer.alloc(3), signature: Buffer.alloc(64) })]],
    ['unsupported-kind', () => [topic(), envelope({ kind: v1.PayloadKind.PAYLOAD_KIND_UNSPECIFIED })]],
    ['topic-mismatch', () => [topic(day.boxes[1].box.identity.deviceId), sign(result())]],
    ['unknown-device', () => [topic('aeu-nobody'), envelope({ deviceId: 'aeu-nobody', body: Buffer.alloc(3), signature: Buffer.alloc(64) })]],
    ['bad-signature', () => [topic(), sign(result(), DeviceKey.fromSeed(Buffer.alloc(32, 9)))]],
    ['malformed-body', () => [topic(), envelope({ body: Buffer.from([0x0a, 0xff]), signature: id().key.sign(Buffer.from([0x0a, 0xff])) })]],
    [
      'device-mismatch',
      () => {
        const body = v1.PrecinctResult.encode(result({ deviceId: day.boxes[1].box.identity.deviceId })).finish();
        return [topic(), envelope({ body, signature: id().key.sign(body) })];
      },
    ],
    ['topic-mismatch', () => [topic(), sign(result({ electionId: other.definition.id }))]],
    [
      'device-mismatch',
      () => [topic(id().deviceId, other.definition.id), sign(result({ electionId: other.definition.id, definitionHash: Buffer.from(other.hash, 'hex') }))],
    ],
    ['unknown-election', () => [topic(id().deviceId, 'kg-1999'), sign(result({ electionId: 'kg-1999' }))]],
    ['definition-mismatch', () => [topic(), sign(result({ definitionHash: Buffer.alloc(32, 1) }))]],
    ['wrong-precinct', () => [topic(), sign(result({ precinctId: day.boxes[1].box.identity.precinctId }))]],
    ['unknown-party', () => [topic(), sign(result({ votes: [{ partyId: 'p99', votes: 1 }], ballotsInBox: 1, invalidBallots: 0 }))]],
    ['out-of-range', () => [topic(), sign(result({ votes: [{ partyId: 'p1', votes: 100000 }], invalidBallots: 0, ballotsInBox: 100000 }))]],
    ['out-of-range', () => [topic(), sign(result({ sequence: 0 }))]],
    ['out-of-range', () => [topic(), sign(result({ closedAtMs: 8.64e15 }))]],
    ['out-of-range', () => [topic(), sign(result({ againstAll: 3, ballotsInBox: (result().ballotsInBox ?? 0) + 3 }))]],
    ['control-relation', () => [topic(), sign(result({ ballotsInBox: (result().ballotsInBox ?? 0) + 1 }))]],
  ])('%s', async (reason, make) => {
    const before = server.tally.results(day.definition.id);
    const [t, raw] = make();
    const outcome = await ingest.ingest(t, raw);
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.rejection.reason).toBe(reason);
    expect(server.tally.results(day.definition.id)).toEqual(before);
  });

  it('refuses a replayed older sequence and a reused sequence, but takes resends', async () => {
    expect((await ingest.ingest(topic(), sign(result({ sequence: 5 })))).status).toBe('accepted');
    expect((await ingest.ingest(topic(), sign(result({ sequence: 5 })))).status).toBe('duplicate');
    const counted = server.tally.results(day.definition.id);
    const replay = await ingest.ingest(
      topic(),
      sign(result({ sequence: 4, invalidBallots: 0, ballotsInBox: (result().ballotsInBox ?? 0) - (result().invalidBallots ?? 0) })),
    );
    expect(replay.status === 'rejected' && replay.rejection.reason).toBe('stale-sequence');
    const reused = await ingest.ingest(
      topic(),
      sign(result({ sequence: 5, invalidBallots: 0, ballotsInBox: (result().ballotsInBox ?? 0) - (result().invalidBallots ?? 0) })),
    );
    expect(reused.status === 'rejected' && reused.rejection.reason).toBe('sequence-reused');
    expect(server.tally.results(day.definition.id)).toEqual(counted);
  });

  it('keeps every refused message in the quarantine with its reason, and counts them', async () => {
    const rows = await server.database.prisma.rejection.findMany();
    const counted = await server.app.get(TallyMetrics).rejectedByReason();
    expect(rows).toHaveLength(22);
    expect(total(counted)).toBe(22);
    for (const [reason, n] of Object.entries(counted)) expect(rows.filter((r) => r.reason === reason)).toHaveLength(n);
    expect(rows.every((r) => r.raw.length > 0 && r.detail.length > 0)).toBe(true);
  });
});
