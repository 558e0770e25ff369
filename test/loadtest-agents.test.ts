import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LoadtestReport, loadtestOptions, runLoadtest, verdict } from '@shailoo/loadtest';
import { CLI, CLI_ENV, stopProcess } from './server-process';

jest.setTimeout(180_000);

const STATIONS = 300;

interface Agent {
  child: ChildProcess;
  address: string;
}

/** `shailoo-sim loadtest agent` as a process of its own, on a loopback address of its own (as on another machine). */
async function startAgent(host: string): Promise<Agent> {
  const child = spawn(process.execPath, [...CLI, 'loadtest', 'agent', '--listen', `${host}:0`], {
    env: { ...process.env, ...CLI_ENV },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const event = line.startsWith('{') ? JSON.parse(line) : {};
    if (event.event === 'listening') return { child, address: event.agent };
  }
  throw new Error(`the load agent on ${host} exited before listening`);
}

/** What a run's report says of the stations and of the check against the server, whatever ran them. */
const outcome = (r: LoadtestReport) => ({
  stations: r.stations,
  sent: r.sent,
  acknowledged: r.acknowledged,
  accepted: r.accepted,
  rejected: r.rejected,
  unacknowledged: r.unacknowledged,
  lost: r.lost,
  doubleCounted: r.doubleCounted,
  countedUnacknowledged: r.countedUnacknowledged,
  totalsMatch: r.totalsMatch,
  problems: r.problems,
  latencies: r.latencyMs.count,
});

/**
 * The load from many machines: three load agents, each its own process on its own loopback address,
 * run the stations of one coordinator (`loadtest --agents`), which merges their figures. The merged
 * report equals a one-process run's on the same seed; an agent killed mid-run is reported with the
 * stations it held, and the check of the rest stays exact.
 */
describe('loadtest --agents', () => {
  let agents: Agent[] = [];
  beforeEach(async () => {
    agents = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map(startAgent));
  });
  afterEach(async () => {
    await Promise.all(agents.map((a) => stopProcess(a.child)));
  });

  it('shares the stations over three agents and merges one report equal to a one-process run on the same seed', async () => {
    const options = { stations: STATIONS, seed: 'lt-agents', baselines: false, resendMs: 2000 };
    const alone = await runLoadtest(loadtestOptions({ ...options, processes: 1 }));
    const merged = await runLoadtest(loadtestOptions({ ...options, processes: 1, agents: agents.map((a) => a.address) }));
    expect(outcome(alone)).toMatchObject({ acknowledged: STATIONS, lost: 0, doubleCounted: 0, totalsMatch: true });
    expect(outcome(merged)).toEqual(outcome(alone));
    expect(merged.agents!.map((a) => a.agent)).toEqual(agents.map((a) => a.address));
    for (const a of merged.agents!) {
      expect(a).toMatchObject({ processes: 1, stations: STATIONS / 3, acknowledged: STATIONS / 3, died: null });
      expect(a.cpuMs).toBeGreaterThan(0);
      expect(a.peakRssMb).toBeGreaterThan(0);
    }
    expect(merged.latencyMs.p50).toBeLessThanOrEqual(merged.latencyMs.p99);
    expect(verdict(merged)).toBeNull();
  });

  it('reports an agent that dies mid-run with the stations it held; the rest of the report stays exact', async () => {
    const [, victim] = agents;
    let killed = false;
    const r = await runLoadtest(
      loadtestOptions({
        stations: STATIONS,
        seed: 'lt-agents-death',
        baselines: false,
        mode: 'steady',
        intervalS: 6,
        resendMs: 2000,
        processes: 1,
        agents: agents.map((a) => a.address),
      }),
      {
        progress: (p) => {
          if (!killed && p.phase === 'running' && p.acknowledged >= 30) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        },
      },
    );
    expect(killed).toBe(true);
    const dead = r.agents!.find((a) => a.agent === victim.address)!;
    expect(dead.died).toMatchObject({ stations: [{ from: STATIONS / 3, to: (2 * STATIONS) / 3 }] });
    expect(r.agents!.filter((a) => a.died === null)).toHaveLength(2);
    // The others' stations all acknowledged and counted once; the dead agent's are unacknowledged, whatever the server got of them.
    expect(r).toMatchObject({ acknowledged: (2 * STATIONS) / 3, unacknowledged: STATIONS / 3, lost: 0, doubleCounted: 0, totalsMatch: true });
    expect(r.latencyMs.count).toBe((2 * STATIONS) / 3);
    expect(verdict(r)).toContain(`agent ${victim.address} died`);
  });
});
