import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElectionResults } from '@shailoo/contracts';
import { CouncilDay } from '@shailoo/scenario';
import { demoScenario, formatResultsTable, runScenario, startStations } from '@shailoo/scenario-runner';
import { CLI, CLI_ENV, freePort, ServerProcess, startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';

jest.setTimeout(180_000);

/** `shailoo-sim` as a person runs it, with only the variables given (and a deadline: a hang is a failure). */
function cli(args: string[], vars: Record<string, string> = {}, timeoutMs = 90_000) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { env: { PATH: process.env.PATH, ...CLI_ENV, ...vars }, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What a newcomer meets outside the embedded stack, against one `tally-server` started as the
 * README says (embedded broker, secured; its secret in ./.shailoo/broker-secret beside the store):
 * every command either works or fails at once saying what to set.
 */
describe('one tally server, as a newcomer drives it', () => {
  let dir: string;
  let server: ServerProcess;
  let secret: string;
  const operator = { OPERATOR_TOKEN: TEST_OPERATOR_TOKEN };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shailoo-newcomer-'));
    server = await startServerProcess({ PGLITE_DIR: join(dir, 'data'), MQTT_URL: '' });
    secret = readFileSync(join(dir, 'broker-secret'), 'utf8').trim();
  });
  afterAll(async () => {
    if (server) await stopProcess(server.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the test harness twice against it, as another project’s suite does; without the secret the second says to set it', async () => {
    const options = { broker: server.mqtt, register: server.http, operatorToken: TEST_OPERATOR_TOKEN, timeoutMs: 150_000 };
    for (let run = 1; run <= 2; run++) {
      const stations = await startStations({ ...options, brokerSecret: secret });
      try {
        const report = await stations.closePolls();
        expect({ run, ok: report.oracle.ok, reported: report.precinctsReported }).toEqual({ run, ok: true, reported: report.precincts });
      } finally {
        await stations.stop();
      }
    }
    const withoutSecret = await startStations(options);
    await expect(withoutSecret.closePolls()).rejects.toThrow(/were registered with this tally server before.*set BROKER_SECRET to the tally server's/);
  });

  it('`station` fails at once, saying what to do, when the broker refuses its devices or is not there', async () => {
    const refused = cli(['station', '--broker', server.mqtt, '--council', 'Баткен', '--precinct', '3']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refused device \S+'s subscription .*: register the election and its devices first \(--register/);
    const port = await freePort();
    const absent = cli(['station', '--broker', `mqtt://127.0.0.1:${port}`]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain(`no MQTT broker at 127.0.0.1:${port} (ECONNREFUSED)`);
    const unauthorized = cli(['station', '--broker', server.mqtt, '--register', server.http, '--council', 'Баткен', '--precinct', '3']);
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toMatch(/401 .* — set OPERATOR_TOKEN to an operator's bearer token/);
  });

  it('`station` registered prints what the server answered and exits 0; its devices again, without the secret, are told to set it', () => {
    const first = cli(['station', '--broker', server.mqtt, '--register', server.http, '--council', 'Баткен', '--precinct', '1', '--speed', '36000'], operator);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/\d+ messages acknowledged by the tally server: \d+ stored, 0 already stored, 0 rejected\n/);
    const again = cli(['station', '--broker', server.mqtt, '--register', server.http, '--council', 'Баткен', '--precinct', '1', '--speed', '36000'], {
      ...operator,
      BROKER_SECRET: secret,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/(\d+) messages acknowledged by the tally server: 0 stored, \1 already stored, 0 rejected\n/);
    const noSecret = cli(['station', '--broker', server.mqtt, '--register', server.http, '--council', 'Баткен', '--precinct', '1'], operator);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('were registered with this tally server before');
  });

  it('`identification` without the broker secret fails at once instead of listening to nothing', () => {
    const r = cli(['identification'], { MQTT_URL: server.mqtt, PGLITE_DIR: 'memory://' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refused the identification service's subscription to shailoo/v1/id/+/+/request: set BROKER_SECRET to the tally server's");
  });

  it('`loadtest` against it says which of BROKER_SECRET and OPERATOR_TOKEN is missing, and runs with both', () => {
    const target = ['loadtest', '--stations', '50', '--broker', server.mqtt, '--register', server.http, '--seed', 'newcomer'];
    const noSecret = cli(target, operator);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/refused the run's tools service's (login|subscription).*: set BROKER_SECRET/);
    const noToken = cli(target, { BROKER_SECRET: secret });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/401 .* — set OPERATOR_TOKEN/);
    const both = cli(target, { ...operator, BROKER_SECRET: secret });
    expect({ code: both.code, stderr: both.stderr.split('\n').filter((l) => l.startsWith('shailoo-sim:')) }).toEqual({ code: 0, stderr: [] });
  });

  it('`station` whose devices the server rejects is refused, named, and exits non-zero instead of 0', () => {
    // Unregistered: the tally server rejects the devices' messages and has the broker ban them (run last: it bans those devices).
    const r = cli(['station', '--broker', server.mqtt, '--council', 'Баткен', '--precinct', '2', '--speed', '36000'], { BROKER_SECRET: secret });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /the broker refused device \S+'s login during the day .*register the election and its devices first|rejected \d+ of the station's messages \(unknown-device/,
    );
  });
});

it('`tally-server` without OPERATOR_TOKEN says that nobody can register anything, and how to fix it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-no-operator-'));
  const server = await startServerProcess({ PGLITE_DIR: join(dir, 'data'), MQTT_URL: '', OPERATOR_TOKEN: '' });
  try {
    let stderr = '';
    server.child.stderr!.on('data', (c) => (stderr += c));
    await new Promise((r) => setTimeout(r, 1000));
    expect(stderr).toContain('no OPERATOR_TOKEN and no operator in the store: nobody can register an election');
  } finally {
    await stopProcess(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the demo’s closing table, after a box jammed, prints the figures the final seats were allocated on, and says so', async () => {
  const scenario = { ...demoScenario('Кайыңды', 'jammed'), faults: [{ kind: 'box-jam' as const, at: '11:00', precinct: 1 }] };
  let table = '';
  let results: ElectionResults | null = null;
  await runScenario(scenario, {
    whenDone: async (_, stack, days) => {
      results = await stack.api.results(days[0].definition.id);
      table = formatResultsTable(results, (days[0] as CouncilDay).dataset);
    },
  });
  const r = results! as ElectionResults;
  expect(r.seatsStatus).toBe('final');
  // The jam made the box's count differ from the commission's: the table must show the commission's.
  expect(r.final.ballotsInBox).toBeGreaterThan(r.preliminary.ballotsInBox);
  const turnout = ((r.final.ballotsInBox / r.registeredVoters) * 100).toFixed(2);
  expect(table).toContain(`${r.final.ballotsInBox} ballots of ${r.registeredVoters} voters (${turnout}%), ${r.final.invalidBallots} invalid; seats final`);
  expect(table).toContain("Final figures: the commissions' protocols");
  for (const p of r.parties) expect(table).toMatch(new RegExp(`^${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${p.finalVotes} `, 'm'));
});
