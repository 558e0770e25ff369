import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** How often the holder touches its lock. */
const HEARTBEAT_MS = 2000;
/** A lock untouched this long has no living holder, wherever that holder ran. */
export const LOCK_STALE_MS = 10_000;

/** Who holds a lock: enough to tell, from anywhere, whether it is this very process or one provably dead. */
interface Holder {
  host: string;
  /** The kernel's boot: a PID means nothing across reboots. */
  boot: string;
  /** The PID namespace: containers on one host each have their own PID 1. */
  pidNamespace: string;
  pid: number;
  /** This opening's own mark: the holder checks at each heartbeat that the lock is still its own. */
  nonce: string;
}

export interface DirectoryLock {
  release(): void;
}

/**
 * Takes `<dir>.lock` for this process, across containers and hosts sharing the volume, as
 * PostgreSQL's postmaster.pid and proper-lockfile decide together: the file names its holder (host,
 * boot, PID namespace, PID) and the holder touches it every two seconds. Another opener takes it
 * over at once only when the holder is provably dead (same host, boot and PID namespace, and no
 * such process); otherwise it watches the file for LOCK_STALE_MS and takes it only if nobody
 * touched it meanwhile (a container restarted after a crash waits those 10 s). A holder that finds its lock taken over stops its process: two writers corrupt the
 * store, and the one that lost its lock cannot know what the other wrote.
 */
export async function lockDirectory(dir: string, what: string, sleep = delay): Promise<DirectoryLock> {
  const file = `${dir.replace(/\/+$/, '')}.lock`;
  const me: Holder = { host: hostname(), boot: bootId(), pidNamespace: pidNamespace(), pid: process.pid, nonce: randomUUID() };
  for (;;) {
    if (create(file, me)) break;
    const found = read(file);
    if (found && found.holder.nonce === me.nonce) break;
    if (found && !provablyDead(found.holder, me)) {
      const touched = await watch(file, found.touchedAt, sleep);
      if (touched) throw new Error(`${what} in ${dir} is open in process ${describe(found.holder)}; it serves one process (share PostgreSQL instead)`);
    }
    // Dead or silent for LOCK_STALE_MS: taken over, then read back (another opener may have raced us).
    writeFileSync(file, JSON.stringify(me));
    await sleep(50);
    if (read(file)?.holder.nonce === me.nonce) break;
  }
  const heartbeat = setInterval(() => {
    if (read(file)?.holder.nonce !== me.nonce) {
      clearInterval(heartbeat);
      setImmediate(() => {
        throw new Error(`the lock of ${what} in ${dir} was taken over by another process; stopping before two writers corrupt it`);
      });
      return;
    }
    const now = new Date();
    utimesSync(file, now, now);
  }, HEARTBEAT_MS).unref();
  return {
    release: () => {
      clearInterval(heartbeat);
      if (read(file)?.holder.nonce === me.nonce) rmSync(file, { force: true });
    },
  };
}

function create(file: string, me: Holder): boolean {
  try {
    writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function read(file: string): { holder: Holder; touchedAt: number } | null {
  try {
    const touchedAt = statSync(file).mtimeMs;
    const text = readFileSync(file, 'utf8');
    // A lock of the old form held only a PID: a holder that cannot be told apart is watched like a stranger.
    const holder = /^\d+$/.test(text.trim()) ? { host: '', boot: '', pidNamespace: '', pid: Number(text), nonce: '' } : (JSON.parse(text) as Holder);
    return { holder, touchedAt };
  } catch {
    return null;
  }
}

/** Whether the holder ran here (this host, this boot, this PID namespace) and its process is gone. */
function provablyDead(holder: Holder, me: Holder): boolean {
  if (holder.host !== me.host || holder.boot !== me.boot || holder.pidNamespace !== me.pidNamespace || !me.pidNamespace) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Watches the lock until it is touched (true) or stays untouched for LOCK_STALE_MS by this
 * process's own clock (false): another host's clock, which stamped the file, may be off.
 */
async function watch(file: string, since: number, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    const found = read(file);
    if (!found) return false;
    if (found.touchedAt !== since) return true;
    const left = LOCK_STALE_MS - (Date.now() - started);
    if (left <= 0) return false;
    await sleep(Math.min(HEARTBEAT_MS / 4, left));
  }
}

function describe(h: Holder): string {
  return h.host ? `${h.pid} on ${h.host}` : String(h.pid);
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
