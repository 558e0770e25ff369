#!/usr/bin/env node
// The package as a user gets it: `npm pack` (which builds), the tarball installed with production
// dependencies only in an empty directory, then what a user does with it, on each Node given
// (CONSUMER_NODES: node executables separated by ':'; this one by default):
//   1. `npx shailoo-sim demo --exit` prints the 21 seats and that they match the published result;
//   2. `npx shailoo-sim loadtest --stations 200` passes its own check;
//   3. a TypeScript test importing `shailoo-sim/testing`, and a program embedding the tally server from
//      `shailoo-sim`, type-check (`tsc --strict`), and the test passes under Jest;
//   4. an ES module imports `shailoo-sim` and `shailoo-sim/testing` by name and passes under `node --test`.
// Prints the tarball's size, and each install's time and weight. Every step has a deadline.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.join(__dirname, '..');
const fixture = path.join(repo, 'test', 'fixture-consumer');
const nodes = (process.env.CONSUMER_NODES || process.execPath).split(':').filter(Boolean);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shailoo-consumer-'));
const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function run(what, command, args, { cwd, env, timeoutMs = 600_000, quiet = false } = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    throw new Error(`consumer check failed: ${what} (${why} after ${seconds} s)`);
  }
  if (!quiet) console.log(`consumer: ${what}: ok (${seconds} s)`);
  return { stdout: r.stdout, seconds: Number(seconds) };
}

function diskUsage(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += diskUsage(p);
    else if (entry.isFile()) bytes += fs.statSync(p).size;
  }
  return bytes;
}

function check(node, tarball) {
  const version = run('node --version', node, ['--version'], { quiet: true }).stdout.trim();
  const dir = path.join(work, `consumer-${version}`);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(fixture)) if (fs.statSync(path.join(fixture, f)).isFile()) fs.copyFileSync(path.join(fixture, f), path.join(dir, f));
  // npm and npx run on the Node under test; the consumer's compiler and test runner are this repository's.
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, npm_config_update_notifier: 'false' };
  const install = run(`${version}: npm i --omit=dev ${path.basename(tarball)}`, 'npm', ['i', '--omit=dev', '--no-audit', '--no-fund', tarball], {
    cwd: dir,
    env,
  });
  const weight = diskUsage(path.join(dir, 'node_modules'));
  console.log(`consumer: ${version}: installed in ${install.seconds} s, node_modules ${MB(weight)}`);

  const demo = run(`${version}: npx shailoo-sim demo --exit`, 'npx', ['--no', 'shailoo-sim', 'demo', '--exit'], { cwd: dir, env }).stdout;
  if (!/^Total\s+\d+\s+21\s*$/m.test(demo) || !demo.includes('Seats match the published result.'))
    throw new Error(`consumer check failed: the demo did not print 21 seats matching the published result:\n${demo}`);
  run(`${version}: npx shailoo-sim loadtest --stations 200`, 'npx', ['--no', 'shailoo-sim', 'loadtest', '--stations', '200'], { cwd: dir, env });

  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.typeRoots = [path.join(repo, 'node_modules', '@types')];
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  run(`${version}: tsc --noEmit --strict`, node, [require.resolve('typescript/bin/tsc'), '--noEmit', '--strict', '-p', dir], { cwd: dir, env });
  const jestConfig = {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/*.test.ts'],
    transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: path.join(dir, 'tsconfig.json') }] },
  };
  fs.writeFileSync(path.join(dir, 'jest.config.json'), JSON.stringify(jestConfig));
  // PGlite loads its WebAssembly with import(): Jest runs such a package only with vm modules on (as this project's own suite does).
  const jest = [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    path.join(repo, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--ci',
    '--runInBand',
    '--config',
    path.join(dir, 'jest.config.json'),
  ];
  run(`${version}: jest stations.test.ts`, node, jest, { cwd: dir, env, timeoutMs: 300_000 });
  run(`${version}: node --test esm.test.mjs`, node, ['--test', 'esm.test.mjs'], { cwd: dir, env });
  return { version, installSeconds: install.seconds, weight };
}

try {
  const packed = run('npm pack (builds first)', 'npm', ['pack', '--json', '--pack-destination', work], { cwd: repo });
  const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  const tarball = path.join(work, filename);
  console.log(`consumer: ${filename}: ${MB(size)} packed, ${MB(unpackedSize)} unpacked, ${entryCount} files`);
  const results = nodes.map((node) => check(node, tarball));
  for (const r of results) console.log(`consumer: ${r.version}: all four checks passed (install ${r.installSeconds} s, ${MB(r.weight)})`);
} finally {
  if (!process.env.CONSUMER_KEEP) fs.rmSync(work, { recursive: true, force: true });
}
