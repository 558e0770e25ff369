import { ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { freePort, TEST_OPERATOR_TOKEN } from './server-process';
import { Burst, burst } from './burst';
import { embeddedStack, eventually, Stack } from './stack';

jest.setTimeout(120_000);

const RULES = join(__dirname, '..', 'deploy', 'prometheus');
const PRECINCTS = 40;
const installed = spawnSync('prometheus', ['--version']).status === 0;
if (!installed) console.warn('prometheus.test: Debian’s prometheus is not installed (apt-get install prometheus; .ci/run does); skipped');

/**
 * Debian's Prometheus scrapes a running tally server with the alert rules compose ships: the
 * ingest rate, the runtime series and the leader come back from its query API, and promtool
 * passes the rules and their unit tests.
 */
(installed ? describe : describe.skip)('Prometheus scraping a tally server', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let stations: Burst | undefined;
  let prometheus: ChildProcess;
  let api = '';
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-prometheus-'));

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: [${join(RULES, 'alerts.yml')}]`,
        'scrape_configs:',
        '  - job_name: tally-server',
        `    static_configs: [{ targets: ["${new URL(server.httpUrl).host}"] }]`,
      ].join('\n'),
    );
    prometheus = spawn(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: 'ignore' },
    );
    await eventually(async () => (await fetch(`${api}/-/ready`).catch(() => null))?.ok === true, 30_000, 'Prometheus ready');
  });

  afterAll(async () => {
    await stations?.stop();
    prometheus?.kill('SIGTERM');
    await server?.close();
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const query = async (expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> => {
    const body = (await (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as any;
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data.result;
  };

  it('returns the ingest rate, the runtime series and the leader from a query', async () => {
    const election = syntheticElection(PRECINCTS, 'prometheus', 'prometheus');
    // Scraped before anything arrives: the counter's growth is seen, not only its final value.
    const targets = await eventually(
      async () => {
        const body = (await (await fetch(`${api}/api/v1/targets`)).json()) as any;
        const [target] = body.data.activeTargets;
        return target?.health === 'up' ? target : null;
      },
      15_000,
      'the tally server scraped',
    );
    expect(targets.lastError).toBe('');
    const answer = await fetch(`${server.httpUrl}/api/elections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_OPERATOR_TOKEN}` },
      body: JSON.stringify({ definition: election.definition, devices: election.devices }),
    });
    expect(answer.status).toBe(201);
    // Spread over a few seconds so that several scrapes see the counter grow.
    stations = burst(election.messages, election.definition.id, { brokerUrl: stack.brokerUrl, clock: new SystemClock() }, 100);
    const acks = await stations.done;
    expect(acks.every((d) => d.ack.status === v1.AckStatus.ACK_STATUS_ACCEPTED)).toBe(true);

    const rate = await eventually(
      async () => {
        const [sample] = await query('sum by (kind) (rate(shailoo_messages_ingested_total[1m]))');
        return sample && Number(sample.value[1]) > 0 ? sample : null;
      },
      30_000,
      'an ingest rate above zero',
    );
    expect(rate.metric.kind).toBe('result');
    const reporting = await eventually(
      async () => {
        const [s] = await query('shailoo_precincts_reporting');
        return s && Number(s.value[1]) === PRECINCTS ? s : null;
      },
      15_000,
      'every precinct reporting',
    );
    expect(reporting.metric.election).toBe(election.definition.id);
    expect(Number((await query('up{job="tally-server"}'))[0].value[1])).toBe(1);
    expect(Number((await query('shailoo_leader'))[0].value[1])).toBe(1);
    expect((await query('nodejs_eventloop_lag_p99_seconds')).length).toBe(1);
    expect(Number((await query('process_resident_memory_bytes'))[0].value[1])).toBeGreaterThan(10e6);
    const rules = (await (await fetch(`${api}/api/v1/rules`)).json()) as any;
    expect(rules.data.groups[0].rules.map((r: { name: string }) => r.name)).toEqual([
      'StationsSilentAfterClose',
      'RejectionSpike',
      'IngestStalled',
      'NoLeader',
      'TallyInstanceDown',
    ]);
  });

  it('passes promtool on the alert rules and their unit tests', async () => {
    const run = promisify(execFile);
    expect((await run('promtool', ['check', 'rules', 'alerts.yml'], { cwd: RULES })).stdout).toMatch(/SUCCESS: 5 rules found/);
    expect((await run('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: RULES })).stdout).toMatch(/SUCCESS/);
  });
});
