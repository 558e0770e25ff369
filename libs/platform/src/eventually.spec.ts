import { eventually } from './eventually';

describe(eventually.name, () => {
  it('resolves with the first truthy answer, asking again after falsy answers and errors', async () => {
    let asked = 0;
    const answer = await eventually(
      () => {
        asked++;
        if (asked === 1) throw new Error('not yet');
        return asked >= 3 && `ready after ${asked}`;
      },
      1000,
      'ready',
      1,
    );
    expect(answer).toBe('ready after 3');
  });

  it('fails after its deadline, naming what it waited for and the last error', async () => {
    await expect(
      eventually(
        async () => {
          throw new Error('connection refused');
        },
        30,
        'the broker',
        5,
      ),
    ).rejects.toThrow(/timed out after 30 ms waiting for the broker: connection refused/);
  });
});
