import { CHAIN_START, chainNext } from '@shailoo/contracts';
import { ElectionDefinition } from '@shailoo/election';
import { Database, openDatabase } from '../database';
import { ElectionRepository } from './election.repository';
import { Submission, SubmissionRepository } from './submission.repository';

// Real sockets and an in-process PostgreSQL on a 2-core machine shared with the rest of the suite: a deadline, not a speed goal.
jest.setTimeout(30_000);

describe(SubmissionRepository.name, () => {
  let db: Database;
  let sut: SubmissionRepository;
  // The store checks nothing of the definition: only that the election's row exists.
  const definition = { id: 'store-spec', name: 'Store spec' } as ElectionDefinition;
  const [p1, p2] = ['store-spec-p1', 'store-spec-p2'];

  /** A message of device `d`: its kind, precinct and sequence, and a body hash telling bodies apart. */
  const message = (kind: Submission['kind'], sequence: number, body = 'a', precinctId = p1, deviceId = 'box-1'): Submission =>
    ({
      kind,
      electionId: definition.id,
      precinctId,
      deviceId,
      sequence,
      payload: kind === 'turnout' ? { hour: sequence, voters: 10 } : { votes: {}, invalidBallots: 0, againstAll: 0, ballotsInBox: 0 },
      bodyHash: Buffer.from(body),
      envelope: Buffer.from(body),
    }) as Submission;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await new ElectionRepository(db).save(definition, 'hash', []);
    sut = new SubmissionRepository(db);
  });
  afterAll(() => db.close());

  it('says of each row whether it was inserted, a duplicate, another body under a stored key, or stale', async () => {
    expect(await sut.insertBatch([message('result', 2), message('result', 5, 'a', p1, 'box-2')])).toEqual(['inserted', 'inserted']);
    expect(
      await sut.insertBatch([
        message('result', 2), // the same again
        message('result', 2, 'b'), // another body, same key
        message('result', 1), // older than the stored 2 of the same device, kind and precinct
        message('result', 3),
        message('protocol', 1, 'a', p1, 'box-3'), // another device: not stale
      ]),
    ).toEqual(['duplicate', 'conflict', 'stale', 'inserted', 'inserted']);
  });

  it('tells apart two rows of a batch under one key by their bodies: the stored one is inserted, the stale one is not', async () => {
    // The commission's device: protocol 9 stored; a stale protocol 8 and a new turnout reusing sequence 8 in one batch.
    expect(await sut.insertBatch([message('protocol', 9, 'p9', p1, 'commission-1')])).toEqual(['inserted']);
    expect(await sut.insertBatch([message('protocol', 8, 'p8', p1, 'commission-1'), message('turnout', 8, 't8', p1, 'commission-1')])).toEqual([
      'conflict',
      'inserted',
    ]);
  });

  it('never calls stale a turnout snapshot (each hour counts on its own) nor a message for another precinct', async () => {
    expect(await sut.insertBatch([message('turnout', 20, 'a', p1, 'id-1'), message('turnout', 12, 'a', p1, 'id-1')])).toEqual(['inserted', 'inserted']);
    expect(await sut.insertBatch([message('result', 4, 'a', p2, 'box-2')])).toEqual(['inserted']);
  });

  it('refuses the rows of a device revoked, or given another key than the one they were verified with, whoever recorded it', async () => {
    const devices = new ElectionRepository(db);
    const key = (fill: number) => Buffer.alloc(32, fill);
    await devices.save(definition, 'hash', [
      { id: 'box-r', precinctId: p1, kind: 'ballot-box', publicKey: key(1) },
      { id: 'box-k', precinctId: p2, kind: 'ballot-box', publicKey: key(2) },
    ]);
    const verifiedWith = (m: Submission, generation: number) => ({ ...m, keyGeneration: generation });
    expect(await sut.insertBatch([verifiedWith(message('result', 1, 'r1', p1, 'box-r'), 0), verifiedWith(message('result', 1, 'k1', p2, 'box-k'), 0)])).toEqual(
      ['inserted', 'inserted'],
    );
    expect(await devices.revoke('box-r')).toBeInstanceOf(Date);
    expect(await devices.rekey('box-k', key(3))).toMatchObject({ generation: 1 });
    expect(
      await sut.insertBatch([
        verifiedWith(message('result', 2, 'r2', p1, 'box-r'), 0),
        verifiedWith(message('result', 2, 'k2', p2, 'box-k'), 0), // verified with the old key by an instance that had not heard
        verifiedWith(message('result', 3, 'k3', p2, 'box-k'), 1),
      ]),
    ).toEqual(['revoked', 'revoked', 'inserted']);
  });

  it('chains what it stores: each row its place and hash, the head their last', async () => {
    const links = await db.prisma.submissionChain.findMany({ where: { electionId: definition.id }, orderBy: { seq: 'asc' } });
    const rows = new Map((await db.prisma.submission.findMany({ where: { electionId: definition.id } })).map((r) => [r.id, r]));
    // Every stored row is chained, once.
    expect(links.map((l) => l.submissionId).sort()).toEqual([...rows.keys()].sort());
    const chained = links.map((l) => rows.get(l.submissionId)!);
    let hash = CHAIN_START;
    links.forEach((link, i) => {
      expect(Number(link.seq)).toBe(i + 1);
      hash = chainNext(hash, chained[i].envelope);
      expect(Buffer.from(link.hash)).toEqual(hash);
    });
    const head = await db.prisma.chainHead.findUnique({ where: { electionId_chain: { electionId: definition.id, chain: 'submission' } } });
    expect([Buffer.from(head!.hash), Number(head!.length)]).toEqual([hash, chained.length]);
  });
});
