import { loadtestOptions, LoadtestOptionsError, SOCKETS_PER_PROCESS } from './options';

describe('loadtest options', () => {
  it('dials by default, keeps each process under the socket limit, and takes two processes from 10,000 stations', () => {
    expect(loadtestOptions({ stations: 500 })).toMatchObject({ dial: true, processes: 1, sessions: 500, mode: 'burst', qos: 1 });
    expect(loadtestOptions({ stations: 100_000 })).toMatchObject({ dial: true, processes: 2, sessions: 2000 });
    expect(loadtestOptions({ stations: 40_000, dial: false, broker: 'mqtt://x', register: 'http://x' }).processes).toBe(
      Math.ceil(40_000 / SOCKETS_PER_PROCESS),
    );
  });

  it('shares the processes out over load agents, and counts the sockets over all of them', () => {
    expect(loadtestOptions({ stations: 60_000, dial: false, broker: 'mqtt://x', register: 'http://x', agents: ['a:1', 'b:2'] }).processes).toBe(2);
    expect(
      loadtestOptions({ stations: 20_000, dial: false, processes: 1, broker: 'mqtt://x', register: 'http://x', agents: ['a:1', '[::1]:2'] }),
    ).toMatchObject({
      processes: 1,
    });
  });

  it('ignores flags left unset', () => {
    expect(loadtestOptions({ stations: 10, processes: undefined, seed: undefined })).toMatchObject({ processes: 1, seed: 'loadtest' });
  });

  it.each([
    [{ stations: 0 }, /--stations must be a whole number/],
    [{ stations: 30_000, dial: false }, /embedded broker is one process/],
    [{ stations: 30_000, dial: false, processes: 1, broker: 'mqtt://x', register: 'http://x' }, /sockets a process: use --processes 2 or --dial/],
    [{ stations: 10, loss: 1 }, /--loss must be in \[0, 1\)/],
    [{ stations: 10, broker: 'mqtt://x' }, /--broker and --register go together/],
    [{ stations: 10, link: 'lte' as never }, /--link must be one of ideal, 2g, 3g/],
    [{ stations: 10, agents: ['agent-1'] }, /--agents takes host:port,host:port…: a load agent's address is host:port, got "agent-1"/],
    [{ stations: 10, agents: ['agent-1:70000'] }, /is host:port, got "agent-1:70000"/],
  ])('refuses %o', (flags, message) => {
    expect(() => loadtestOptions(flags)).toThrow(LoadtestOptionsError);
    expect(() => loadtestOptions(flags)).toThrow(message);
  });
});
