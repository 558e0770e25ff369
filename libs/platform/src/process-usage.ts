import { readFileSync } from 'node:fs';

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
