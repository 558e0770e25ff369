import { checkElection, decodeEventLog, loadScenario, replayEventLog, runScenario, RunResult, runSummary, RunTimeoutError } from '@shailoo/scenario-runner';
import { total } from '@shailoo/election';

jest.setTimeout(240_000);

/** Scenarios end to end on the embedded stack: determinism, the oracle, replay, faults. */
describe('a scenario’s election day', () => {
  let first: RunResult;
  let second: RunResult;

  beforeAll(async () => {
    first = await runScenario(loadScenario('kaiyndy-2021'), { seed: 's' });
    second = await runScenario(loadScenario('kaiyndy-2021'), { seed: 's' });
  });

  it('gives a byte-identical event log for the same scenario and seed, and another for another seed', async () => {
    expect(first.eventLog.equals(second.eventLog)).toBe(true);
    expect(first.report.eventLogSha256).toBe(second.report.eventLogSha256);
    const log = decodeEventLog(first.eventLog);
    expect(log.messages.length).toBe(first.report.messages.uplink + first.report.messages.identification);
    expect(first.report.messages.identification).toBeGreaterThan(2000);
    const other = await runScenario(loadScenario('kaiyndy-2021'), { seed: 't' });
    expect(other.report.eventLogSha256).not.toBe(first.report.eventLogSha256);
  });

  it('gives the same log at another wall-clock speed (5,000× instead of as fast as answers come)', async () => {
    const paced = await runScenario(loadScenario('kaiyndy-2021'), { seed: 's', speed: 5000 });
    expect(paced.report.speed).toBe(5000);
    expect(paced.eventLog.equals(first.eventLog)).toBe(true);
  });

  it('publishes Kaiyndy’s 21 seats as published in 2021, every precinct reported, and the oracle agrees', () => {
    const { report } = first;
    expect(report.precinctsReported).toBe(report.precincts);
    expect(report.oracle).toMatchObject({ ok: true, mismatches: [] });
    const [id] = Object.keys(report.published);
    expect(report.published[id].seatsStatus).toBe('final');
    expect(total(report.published[id].seats)).toBe(21);
    expect(report.datasetSeats[id]).toMatchObject({ matches: true });
    expect(report.published[id].votes).toEqual(report.truth[id].votes);
    // A person reads the seats by party name, the largest first.
    const seatsLine = runSummary(report).split('\n')[1];
    const [topId, topSeats] = Object.entries(report.published[id].seats).sort(([, a], [, b]) => b - a)[0];
    expect(seatsLine).toContain(`: seats (final) ${report.published[id].parties[topId]} ${topSeats}, `);
    expect(report.published[id].parties[topId]).not.toBe(topId);
  });

  it('catches a tally that counts a precinct twice or shows shares above the whole', () => {
    const [id] = Object.keys(first.evidence);
    const { definition, hash, precincts, published } = first.evidence[id];
    const doubled = structuredClone(published);
    const party = Object.keys(doubled.results.final.votes)[0];
    doubled.results.final.votes[party] += precincts[0].manual.votes[party];
    const verdict = checkElection(definition, hash, precincts, doubled);
    expect(verdict.ok).toBe(false);
    expect(verdict.mismatches.map((m) => m.what)).toEqual(expect.arrayContaining(['final votes', 'party votes within valid ballots']));
    expect(checkElection(definition, hash, precincts, published).ok).toBe(true);
  });

  it('replays the recorded day into a fresh tally server with the same published result', async () => {
    const replay = await replayEventLog(decodeEventLog(first.eventLog));
    expect(replay.eventLogSha256).toBe(first.report.eventLogSha256);
    expect(replay.published).toEqual(first.report.published);
  });
});

describe('a night that goes wrong', () => {
  it('ends with every precinct reported and the oracle satisfied after a regional modem outage, a broker restart and a tally-server restart', async () => {
    const { report } = await runScenario(loadScenario('batken-2021-outage'));
    expect(report.precinctsReported).toBe(report.precincts);
    expect(report.oracle.mismatches).toEqual([]);
    expect(report.oracle.ok).toBe(true);
    expect(report.faults.map((f) => [f.fault.kind, f.injected])).toEqual([
      ['modems-down', true],
      ['broker-restart', true],
      ['tally-server-restart', true],
    ]);
    // Batken's modems were down until 21:30: its stations' last messages got through only after.
    expect(String(report.faults[0].caused.lastReportedAt) >= '2021-04-11 21:30').toBe(true);
    expect(report.faults[2].caused).toMatchObject({ stoppedAt: '2021-04-11 20:10', startedAt: '2021-04-11 20:20' });
    // Failed boxes and slips of the hand are named, not silenced.
    expect(report.oracle.expectedDifferences['box-failed'] + report.oracle.expectedDifferences['hand-count-slip']).toBeGreaterThan(0);
  });
});

describe('a run always ends', () => {
  const kaiyndy = loadScenario('kaiyndy-2021');

  it('gives up, at the transmission deadline on the virtual clock, the stations whose modems never got through, and says what they were sending', async () => {
    // Kaiyndy's modems go down at 19:00 and stay down past the deadline (one hour after the close).
    const scenario = { ...kaiyndy, transmitWithinHours: 1, faults: [{ kind: 'modems-down' as const, region: 'Чүй облусу', from: '19:00', until: '23:59' }] };
    const { report } = await runScenario(scenario, { seed: 's' });
    expect(report.precinctsReported).toBe(0);
    expect(report.givenUp).toHaveLength(report.precincts);
    for (const station of report.givenUp) {
      expect(station.stage).toBe('transmission');
      const unacknowledged = Object.values(station.unacknowledged).flat();
      // The box's result at 20:00 and the commission's protocol never got through.
      expect(unacknowledged.some((id) => id.startsWith('result:'))).toBe(true);
      expect(unacknowledged.some((id) => id.startsWith('protocol:'))).toBe(true);
    }
    // What was sent before the outage was counted; the oracle says the count is short.
    expect(report.oracle.ok).toBe(false);
  });

  it('fails past its real-time limit, naming the stations and messages it still waits for', async () => {
    // At one virtual second per real second the day would take thirteen hours.
    const started = Date.now();
    const run = runScenario({ ...kaiyndy, speed: 1 }, { seed: 's', timeoutMs: 2_000 });
    await expect(run).rejects.toThrow(RunTimeoutError);
    await expect(run).rejects.toThrow(/the run did not end within 2\.0 s: virtual clock at 2021-04-11 07:\d\d; 4 station\(s\) not done: \S+ \(/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
