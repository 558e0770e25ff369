import { createServer } from 'node:net';
import { openDatabase } from './database';

describe('openDatabase', () => {
  it('says that it is DATABASE_URL’s database that cannot be reached, and what to do, without its password', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const opening = openDatabase({ url: `postgresql://tally:s3cret-pw@127.0.0.1:${port}/shailoo` });
    await expect(opening).rejects.toThrow(
      `cannot open the database of DATABASE_URL=postgresql://tally:***@127.0.0.1:${port}/shailoo (ECONNREFUSED): start PostgreSQL there, or fix DATABASE_URL`,
    );
    await expect(opening).rejects.not.toThrow('s3cret-pw');
  });
});
