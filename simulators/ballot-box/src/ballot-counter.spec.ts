import { DeviceKey } from '@shailoo/platform';
import { Random } from '@shailoo/platform';
import { BallotBox } from './ballot-box';
import { ballotsFor, BallotCounter, BoxStateError } from './ballot-counter';

const parties = [
  { id: 'p1', name: 'Ала-Тоо Кыргыз Жери' },
  { id: 'p2', name: 'Ынтымак' },
];
const CLOSE = Date.UTC(2021, 3, 11, 14);

function counter(options: { misreadRate?: number; preloaded?: number } = {}) {
  const box = new BallotBox({
    deviceId: 'aeu-1',
    electionId: 'e',
    precinctId: 'p001',
    definitionHash: 'ab'.repeat(32),
    key: DeviceKey.fromSeed(Buffer.alloc(32, 1)),
  });
  return new BallotCounter(box, { parties, electionName: 'Баткен шаардык кеңеши', random: new Random('counter'), ...options });
}

describe('BallotCounter (АЭУ)', () => {
  it('walks installed → zero report → open → closed → protocol printed', () => {
    const c = counter();
    expect(c.state).toBe('installed');
    expect(c.printZeroReport(CLOSE - 13 * 3_600_000)).toMatch(/Урна бош \/ box is empty/);
    expect(c.state).toBe('zero-report');
    c.open();
    expect(c.state).toBe('open');
    expect(c.read({ mark: 'party', partyId: 'p1' })).toBe('valid');
    expect(c.close(CLOSE)).toEqual({ votes: { p1: 1, p2: 0 }, invalidBallots: 0 });
    const printed = c.printProtocol();
    expect(c.state).toBe('protocol-printed');
    expect(printed).toMatch(/ЖЫЙЫНТЫК ПРОТОКОЛ/);
    expect(printed).toMatch(/ 1\. Ала-Тоо Кыргыз Жери +1$/m);
    expect(printed).toMatch(/Убакыт \/ time: 2021-04-11 20:00/);
  });

  it('refuses to open unless the zero report showed an empty box', () => {
    const c = counter({ preloaded: 3 });
    expect(c.printZeroReport(0)).toMatch(/BOX IS NOT EMPTY/);
    expect(() => c.open()).toThrow(BoxStateError);
    expect(() => c.open()).toThrow(/3 ballots inside/);
    expect(c.state).toBe('zero-report');
  });

  it('refuses every step out of order', () => {
    const c = counter();
    expect(() => c.open()).toThrow(/cannot open a box that is installed/);
    expect(() => c.read({ mark: 'blank' })).toThrow(/cannot read a ballot in a box that is installed/);
    expect(() => c.close(CLOSE)).toThrow(BoxStateError);
    expect(() => c.printProtocol()).toThrow(BoxStateError);
    c.printZeroReport(0);
    expect(() => c.printZeroReport(0)).toThrow(BoxStateError);
    c.open();
    c.close(CLOSE);
    expect(() => c.read({ mark: 'blank' })).toThrow(/closed/);
    expect(() => c.fail('jam', CLOSE)).toThrow(BoxStateError);
  });

  it('sorts invalid ballots and counts them, never handing one back', () => {
    const c = counter();
    c.printZeroReport(0);
    c.open();
    const readings = [
      c.read({ mark: 'blank' }),
      c.read({ mark: 'over-marked' }),
      c.read({ mark: 'no-protective-ink' }),
      c.read({ mark: 'party', partyId: 'not-on-ballot' }),
      c.read({ mark: 'party', partyId: 'p2' }),
    ];
    expect(readings).toEqual(['blank', 'over-marked', 'unreadable', 'unreadable', 'valid']);
    expect(c.ballots).toBe(5);
    expect(c.close(CLOSE)).toEqual({ votes: { p1: 0, p2: 1 }, invalidBallots: 4 });
  });

  it('misreads a valid mark as invalid at the configured rate', () => {
    const c = counter({ misreadRate: 0.1 });
    c.printZeroReport(0);
    c.open();
    const n = 20_000;
    for (let i = 0; i < n; i++) c.read({ mark: 'party', partyId: 'p1' });
    const { invalidBallots, votes } = c.close(CLOSE);
    expect(invalidBallots + votes.p1).toBe(n);
    expect(invalidBallots / n).toBeGreaterThan(0.09);
    expect(invalidBallots / n).toBeLessThan(0.11);
  });

  it('stops when it fails; nothing can be read or closed after', () => {
    const c = counter();
    c.printZeroReport(0);
    c.open();
    c.read({ mark: 'party', partyId: 'p1' });
    c.fail('paper jam', CLOSE - 3_600_000);
    expect(c.state).toBe('failed');
    expect(c.failure).toEqual({ reason: 'paper jam', atMs: CLOSE - 3_600_000 });
    expect(() => c.read({ mark: 'blank' })).toThrow(BoxStateError);
    expect(() => c.close(CLOSE)).toThrow(BoxStateError);
  });

  it('reads back exactly the count its ballots were made from', () => {
    const count = { votes: { p1: 120, p2: 75 }, invalidBallots: 7 };
    const ballots = ballotsFor(count, new Random('b'));
    expect(ballots).toHaveLength(202);
    const c = counter();
    c.printZeroReport(0);
    c.open();
    ballots.forEach((b) => c.read(b));
    expect(c.close(CLOSE)).toEqual(count);
  });
});
