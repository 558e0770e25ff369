import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticElection } from '@shailoo/scenario';
import { freePort, registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { getJson } from './stack';

jest.setTimeout(120_000);

/** Each server in a PID namespace of its own, as in its own container: each is PID 1 there. */
const CONTAINER = ['unshare', '--pid', '--fork', '--kill-child'];
const canUnshare = spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0;
if (!canUnshare) console.warn('store-lock.test: unshare --pid is not permitted here (not root?); the test is skipped');

/**
 * Two containers sharing one volume: two `tally-server`s in separate PID namespaces on one
 * PGLITE_DIR. The second is refused while the first runs (both are PID 1, so a lock that names
 * only a PID cannot tell them apart); once the first is killed, a third takes the store over after
 * its lock has gone untouched, and finds what the first stored.
 */
(canUnshare ? describe : describe.skip)('the embedded store across PID namespaces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = async () => ({ PGLITE_DIR: join(dir, 'data'), MQTT_URL: '', DATABASE_URL: '', MQTT_PORT: String(await freePort()) });

  it('refuses a second server while the first holds the store, and hands it over once the first is dead', async () => {
    const election = syntheticElection(3, 'lock', 'lock');
    const first = await startServerProcess(await env(), dir, CONTAINER);
    try {
      expect((await registerOverHttp(first.http, { definition: election.definition, devices: election.devices })).status).toBe(201);
      const second = await startServerProcess(await env(), dir, CONTAINER).then(
        (s) => s.child.kill('SIGKILL') && 'the second server came up',
        (err: Error) => err.message,
      );
      expect(second).toMatch(/the embedded database in .* is open in process 1 on /);
      // The first is still the one serving.
      expect((await getJson(`${first.http}/api/elections/${election.definition.id}/results`)).precinctsTotal).toBe(3);
    } finally {
      expect(await stopProcess(first.child, 'SIGKILL')).toBeNull();
    }
    const started = Date.now();
    const third = await startServerProcess(await env(), dir, CONTAINER);
    try {
      // It could not know the first was dead (another namespace): it waited for the lock to go stale.
      expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
      expect((await getJson(`${third.http}/api/elections/${election.definition.id}/results`)).precinctsTotal).toBe(3);
    } finally {
      // unshare ignores SIGTERM while it waits: the signal goes to the server inside, as a container runtime sends it to PID 1.
      const exited = stopProcess(third.child, 'SIGCONT');
      process.kill(Number(readFileSync(`/proc/${third.child.pid}/task/${third.child.pid}/children`, 'utf8').trim()), 'SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
