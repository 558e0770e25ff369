import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, ScriptTarget, transpileModule } from 'typescript';
import { freePort } from './server-process';

jest.setTimeout(900_000);

const ROOT = join(__dirname, '..');
/** At most this many stations in a documented load test: the walkthrough checks that the commands work, the benches measure. */
const MAX_STATIONS = 300;

interface Block {
  lang: string;
  file?: string;
  body: string;
  line: number;
}

/** The README's fenced blocks marked `walkthrough` (```sh walkthrough, ```yaml walkthrough file=x), in order. */
function walkthroughBlocks(readme: string): Block[] {
  const blocks: Block[] = [];
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+) walkthrough(?: file=(\S+))?\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ lang: open[1], file: open[2], body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

/**
 * One documented TypeScript test, run as its reader would run it: its import of the package's
 * testing entry resolved to this checkout, with Jest's `expect` and an `it` that runs at once.
 */
function tsProgram(block: Block): string {
  const source = [
    `const { expect } = require(${JSON.stringify(require.resolve('expect'))});`,
    'const it = (name: string, fn: () => Promise<void>) => fn().then(() => console.log(`ok: ${name}`));',
    block.body.replace("from 'shailoo-sim/testing'", `from ${JSON.stringify(join(ROOT, 'dist', 'apps', 'scenario-runner', 'src', 'testing.js'))}`),
  ].join('\n');
  // Compiled as a reader's test suite would be, then run by plain Node.
  return transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022 } }).outputText;
}

/**
 * The README's walkthrough, run: every block marked `walkthrough` in "Security model",
 * "Scenarios", "Use it in your tests" and "Load testing", in order, in one bash session on a fresh
 * directory — `node bin/shailoo-sim.js` being this checkout's build, the documented ports swapped
 * for free ones, load tests held to a few hundred stations. A command that fails stops it, naming the
 * README line of its block.
 */
beforeAll(() => {
  // `node bin/shailoo-sim.js` runs the build, as it does for a reader (npm start builds it).
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
});

it('runs the README’s documented commands in order, as written', async () => {
  const blocks = walkthroughBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  expect(blocks.map((b) => b.lang)).toEqual(['sh', 'sh', 'yaml', 'sh', 'ts', 'sh']);
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-readme-'));
  const [http, mqtt] = [await freePort(), await freePort()];
  /** The documented ports, swapped for the free ones. */
  const localize = (text: string) => text.replace(/127\.0\.0\.1:3000/g, `127.0.0.1:${http}`).replace(/127\.0\.0\.1:1883/g, `127.0.0.1:${mqtt}`);
  const script = ['set -euo pipefail', "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT"];
  try {
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    for (const block of blocks) {
      if (block.file) {
        // Written where the reader meets it, as they would save it.
        script.push(`cat > ${block.file} <<'WALKTHROUGH_FILE'\n${block.body}\nWALKTHROUGH_FILE`);
        continue;
      }
      let body = block.body;
      if (block.lang === 'ts') {
        writeFileSync(join(dir, `readme-${block.line}.js`), localize(tsProgram(block)));
        body = `node readme-${block.line}.js`;
      }
      body = body
        .replace(/node bin\/shailoo-sim\.js/g, `node ${JSON.stringify(join(ROOT, 'bin', 'shailoo-sim.js'))}`)
        .replace(/(node \S+ tally-server)/g, `PORT=${http} MQTT_PORT=${mqtt} $1`)
        .replace(/--stations (\d+)/g, (_, n: string) => `--stations ${Math.min(Number(n), MAX_STATIONS)}`);
      script.push(`echo "== README.md line ${block.line}" >&2`, body);
    }
    const text = script
      .join('\n')
      .replace(/127\.0\.0\.1:3000/g, `127.0.0.1:${http}`)
      .replace(/127\.0\.0\.1:1883/g, `127.0.0.1:${mqtt}`);
    writeFileSync(join(dir, 'walkthrough.sh'), text);
    const env = { PATH: process.env.PATH!, HOME: dir };
    const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
      // A process group of its own: past the deadline the shell and whatever it started in the background go together.
      const child = spawn('bash', ['walkthrough.sh'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (out += c));
      const deadline = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 840_000);
      child.on('exit', (code) => {
        clearTimeout(deadline);
        resolve({ code, out });
      });
    });
    const lastBlock = run.out.match(/== README\.md line \d+/g)?.at(-1);
    expect({ code: run.code, failedIn: run.code === 0 ? null : lastBlock, tail: run.code === 0 ? '' : run.out.slice(-3000) }).toEqual({
      code: 0,
      failedIn: null,
      tail: '',
    });
    // What each part of the walkthrough should have said.
    expect(run.out).toContain('"id":"example-2026"');
    expect(run.out).toContain('oracle: every published figure matches the truth');
    expect(run.out).toContain('ok: counts every station');
    // Both load tests, the embedded and the external: every station acknowledged, nothing lost; the duplicates the server counted are this run's.
    const sentAcked = [...run.out.matchAll(/sent \/ acknowledged +(\d+) \/ (\d+) \(accepted \d+, duplicates (\d+), rejected 0/g)];
    expect(sentAcked.map((m) => Number(m[2]))).toEqual([MAX_STATIONS, MAX_STATIONS]);
    expect(run.out.match(/lost 0, double-counted 0, totals match/g)).toHaveLength(2);
    const serverDuplicates = [...run.out.matchAll(/server counters +duplicates (\d+)/g)].map((m) => Number(m[1]));
    // A duplicate whose answer a station no longer waited for is the server's to count alone, so at least the stations' own; the harness's before are not in it.
    expect(serverDuplicates.at(-1)).toBeGreaterThanOrEqual(Number(sentAcked.at(-1)![3]));
    expect(serverDuplicates.at(-1)).toBeLessThanOrEqual(MAX_STATIONS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
