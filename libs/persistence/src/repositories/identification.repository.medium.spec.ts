import { ElectionDefinition } from '@shailoo/election';
import { Database, openDatabase } from '../database';
import { ElectionRepository } from './election.repository';
import { IdentificationRecord, IdentificationRepository } from './identification.repository';

// Opening a database runs its migrations: seconds on a busy 2-core machine, past Jest's 5 s default.
jest.setTimeout(30_000);

const definition: ElectionDefinition = {
  id: 'ident-spec',
  name: 'ident-spec',
  type: 'city-council',
  date: '2021-04-11',
  territory: { id: 'city', name: 'city', level: 'district', children: [] },
  contests: [],
};

// On the embedded database, and on PostgreSQL when the tests have one (TEST_DATABASE_URL).
const targets = [{ name: 'PGlite', url: undefined }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL }] : [])];

describe.each(targets)('IdentificationRepository on $name', ({ url }) => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ url });
    await db.prisma.identification.deleteMany({ where: { electionId: definition.id } });
    await new ElectionRepository(db).save(definition, 'x', []);
  });
  afterAll(async () => {
    if (!db) return;
    await db.prisma.identification.deleteMany({ where: { electionId: definition.id } });
    await db.close();
  });

  it('records the first identification of a PIN once (a group of requests at once, the same PIN twice among them), exactly as given', async () => {
    const sut = new IdentificationRepository(db);
    const at = (ms: number) => new Date(Date.UTC(2021, 3, 11, 2, 0, 0, ms));
    const record = (pin: string, ms: number, precinctId = 'p1'): IdentificationRecord => ({
      electionId: definition.id,
      pin,
      precinctId,
      deviceId: `bio-${precinctId}`,
      method: ms % 2 ? 'face' : 'fingerprint',
      identifiedAt: at(ms),
      offline: ms % 3 === 0,
    });
    const first = await Promise.all([record('111', 1), record('222', 123), record('111', 7, 'p2'), record('333', 999)].map((r) => sut.recordFirst(r)));
    expect(first).toEqual([true, true, false, true]);
    expect(await sut.recordFirst(record('222', 5))).toBe(false);
    expect(await sut.first(definition.id, '222')).toMatchObject({ precinctId: 'p1', method: 'face', identifiedAt: at(123), offline: true });
    expect(await sut.first(definition.id, '333')).toMatchObject({ identifiedAt: at(999), offline: true, method: 'face', deviceId: 'bio-p1' });
    expect(await sut.count()).toBeGreaterThanOrEqual(3);
  });
});
