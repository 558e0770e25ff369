import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time a process (all its threads) has used so far, in ms, from /proc (Linux): utime and stime,
 * fields 14 and 15 of stat(5), in clock ticks of 10 ms. Null when it cannot be read (gone, or not Linux).
 */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** CPU time (ms, all threads) of these processes, from /proc; one gone since it was listed counts nothing. */
export function processesCpuMs(pids: readonly number[]): number {
  return pids.reduce((ms, pid) => ms + (processCpuMs(pid) ?? 0), 0);
}

/** The processes whose command is `name` (/proc/<pid>/comm: PostgreSQL's postmaster and backends, Mosquitto). */
export function processesNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}
