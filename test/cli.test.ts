import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMqtt, EmbeddedBroker } from '@shailoo/transport';
import { CLI, CLI_ENV } from './server-process';
import { eventually } from './stack';

jest.setTimeout(60_000);

/** `shailoo-sim allocate` as a person runs it. */
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    env: { ...process.env, ...CLI_ENV },
    input,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shailoo-sim allocate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-cli-'));
  const file = join(dir, 'votes.json');
  writeFileSync(file, JSON.stringify({ system: 'city-council', seats: 31, participated: 5068, votes: { a: 1586, b: 1336, c: 787, d: 394, e: 284, f: 220 } }));

  it('prints the allocation and its working as JSON', () => {
    const { code, stdout } = run(['allocate', '--input', file]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.seats).toEqual({ a: 12, b: 10, c: 6, d: 3 });
    expect(out.passed).toEqual(['a', 'b', 'c', 'd']);
    expect(out.quota).toBeCloseTo(4103 / 31, 6);
    expect(out.failed.map((f: any) => f.id)).toEqual(['e', 'f']);
  });

  it('prints a table with --table, reading standard input with -', () => {
    const { code, stdout } = run(
      ['allocate', '--input', '-', '--table'],
      JSON.stringify({ system: 'city-council', seats: 21, participated: 100, votes: { a: 60, b: 40 } }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Hare quota 100 \/ 21 = 4\.7619/);
  });

  it('names the field at fault and exits 2, without a stack trace', () => {
    const { code, stderr } = run(['allocate', '--input', '-'], JSON.stringify({ system: 'city-council', seats: 21, participated: 100, votes: { a: 'many' } }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/votes\.a must be a whole number/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const missing = run(['allocate', '--input', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
  });
});

describe('shailoo-sim configuration', () => {
  /** The command with only these variables of ours set. */
  const runWith = (args: string[], vars: Record<string, string>) => {
    const r = spawnSync(process.execPath, [...CLI, ...args], { env: { PATH: process.env.PATH, ...CLI_ENV, ...vars }, encoding: 'utf8' });
    return { code: r.status, stderr: r.stderr };
  };

  it('refuses a bad variable, naming it, with exit 2', () => {
    const r = runWith(['tally-server'], { MQTT_URL: 'localhost:1883' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MQTT_URL="localhost:1883": must be an mqtt:\/\//);
    expect(runWith(['demo', '--exit'], { PORT: '99999' }).stderr).toMatch(/PORT="99999"/);
  });

  it('refuses a bad flag, naming it, with exit 2', () => {
    const r = runWith(['station', '--broker', 'mqtt://127.0.0.1:1', '--box-failure-rate', '2'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--box-failure-rate <p>' argument '2' is invalid/);
  });

  it('says what is wrong and what to give instead, for each mistake a newcomer makes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-mistakes-'));
    writeFileSync(join(dir, 'my-day.yaml'), 'name: my-day\nelection:\n  source: city-council-2021\n  council: 1\nspeed: fast\n');
    const cases: [string[], number, RegExp][] = [
      [['--version'], 0, /^$/],
      [['link-proxy', '--to', '127.0.0.1:1883'], 2, /--to <url>' argument '127\.0\.0\.1:1883' is invalid\. an MQTT URL with its scheme: mqtt:\/\/host:port/],
      [
        ['run', 'kaiyndy-2021', '--speed', 'fast'],
        2,
        /--speed <factor>' argument 'fast' is invalid\. a positive number \(virtual seconds per real second\) or max/,
      ],
      [
        ['station', '--broker', 'mqtt://127.0.0.1:1', '--council', 'Bishkek'],
        2,
        /no 2021 city council "Bishkek" with results; give one of these by number or by city name as written here: \d+ \S+, /,
      ],
      [['run', join(dir, 'my-day.yaml')], 2, /my-day\.yaml: 3 problems\n {2}description: .*\n {2}seed: .*\n {2}speed: must be a positive number/],
      [['replay', join(dir, 'my-day.yaml')], 2, /my-day\.yaml is not an event log .*it looks like a scenario file: run it with `shailoo-sim run <file>`/],
    ];
    for (const [args, code, message] of cases) {
      const r = runWith(args, {});
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code, stderr: expect.stringMatching(message) });
    }
    expect(spawnSync(process.execPath, [...CLI, '--version'], { env: { PATH: process.env.PATH, ...CLI_ENV }, encoding: 'utf8' }).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version,
    );
  });
});

describe('shailoo-sim loadtest', () => {
  it('refuses bad flags with exit 2 and a reason', () => {
    const persistent = run(['loadtest', '--stations', '30000', '--persistent']);
    expect(persistent.code).toBe(2);
    expect(persistent.stderr).toMatch(/embedded broker is one process and holds at most 15000 sockets/);
    const qos = run(['loadtest', '--stations', '10', '--qos', '2']);
    expect(qos.code).toBe(2);
    expect(qos.stderr).toMatch(/--qos <q>' argument '2' is invalid/);
  });

  it('runs, prints the summary, and writes the JSON report and the per-second CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-lt-'));
    const { code, stdout } = run(['loadtest', '--stations', '60', '--no-baselines', '--report', join(dir, 'r.json'), '--csv', join(dir, 'r.csv')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/checked against the server\s+lost 0, double-counted 0, totals match/);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report).toMatchObject({ stations: 60, accepted: 60, lost: 0, doubleCounted: 0 });
    expect(Object.keys(report.latencyMs)).toEqual(['p50', 'p90', 'p99', 'max', 'count']);
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('second,connected,sent,acknowledged,published,acksPerSec,latencyP50Ms,latencyP99Ms,stationRssMb');
    expect(csv.at(-1)!.split(',')[3]).toBe('60');
  });
});

describe('shailoo-sim link-proxy', () => {
  it('refuses a bad outage or link with exit 2 and a reason', () => {
    const backwards = run(['link-proxy', '--to', 'mqtt://127.0.0.1:1883', '--outage', '5-2']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/an outage ends after it begins/);
    const profile = run(['link-proxy', '--to', 'mqtt://127.0.0.1:1883', '--link', '5g']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/--link must be one of ideal, 2g, 3g/);
  });

  it('carries MQTT to the broker over the modelled link, and says what it did when stopped', async () => {
    const broker = await EmbeddedBroker.start(0);
    const child = spawn(process.execPath, [...CLI, 'link-proxy', '--to', broker.url, '--port', '0', '--link', '3g', '--loss', '0.2', '--speed', '10'], {
      env: { ...process.env, ...CLI_ENV },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    try {
      const listening = await eventually(async () => out.split('\n').find((l) => l.includes('"listening"')), 30_000, 'the proxy to listen');
      const { url, link } = JSON.parse(listening);
      expect(link).toMatchObject({ name: '3g', lossRate: 0.2 });
      const client = await connectMqtt(url, { reconnectPeriod: 0 });
      const echoed = new Promise<string>((resolve) => client.on('message', (_t, p) => resolve(p.toString())));
      await client.subscribeAsync('proxy/test', { qos: 1 });
      await client.publishAsync('proxy/test', 'through the link', { qos: 1 });
      expect(await echoed).toBe('through the link');
      await client.endAsync();
      child.kill('SIGTERM');
      expect(await new Promise((r) => child.once('exit', r))).toBe(0);
      const [stats, stopped] = out
        .trim()
        .split('\n')
        .slice(-2)
        .map((l) => JSON.parse(l));
      expect(stats).toMatchObject({ event: 'stats', connections: 1 });
      expect(stats.segments).toBeGreaterThanOrEqual(6);
      expect(stopped).toMatchObject({ event: 'stopped', service: 'link-proxy', signal: 'SIGTERM' });
    } finally {
      child.kill('SIGKILL');
      await broker.close();
    }
  });
});
