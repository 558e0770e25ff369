import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A `shailoo-sim tally-server` process of a bench, and the HTTP address it said it listens on. */
export interface TallyProcess {
  child: ChildProcess;
  http: string;
}

/** Starts `shailoo-sim tally-server` with `env` added to ours; resolves once it says it listens (its later output is read and dropped). */
export async function startTallyProcess(env: Record<string, string>): Promise<TallyProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'shailoo-sim.js'), 'tally-server'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let http: string | null = null;
  for await (const line of createInterface({ input: child.stdout! })) {
    const event = /^\{.*\}$/.test(line) ? (JSON.parse(line) as { event?: string; http?: string }) : {};
    if (event.event === 'listening') {
      http = event.http!;
      break;
    }
  }
  // Leaving the loop paused the stream: the server's further lines are read, never left to fill the pipe.
  child.stdout!.resume();
  if (http === null) throw new Error('a tally server exited before listening');
  return { child, http };
}
