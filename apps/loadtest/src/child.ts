import { ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { moduleRunner, profiling } from '@shailoo/transport';

/**
 * Forks one of this directory's modules as a child process with an IPC channel: the compiled
 * JavaScript when running from dist, the TypeScript source through ts-node in tests.
 */
export function forkSibling(name: string, args: string[] = []): ChildProcess {
  const { file, execArgv } = moduleRunner(__dirname, name);
  return fork(file, args, {
    execArgv: [...execArgv, ...profiling()],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * The next message of a child process (or of a fleet member, which emits the same events) that
 * satisfies `match`; rejects if it ends first, saying where it ran when that is not here.
 */
export function nextMessage<T>(source: EventEmitter & { where?: string; ended?: string | null }, match: (m: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    // A member that ended already will say nothing more.
    if (source.ended) return reject(new Error(`a load-test process at ${source.where} ended: ${source.ended}`));
    const onMessage = (m: T) => {
      if (!match(m)) return;
      source.off('message', onMessage);
      source.off('exit', onExit);
      resolve(m);
    };
    const onExit = (why: unknown) => {
      source.off('message', onMessage);
      const where = source.where && source.where !== 'local' ? ` at ${source.where}` : '';
      reject(new Error(`a load-test process${where} ended: ${typeof why === 'string' ? why : `exit code ${why}`}`));
    };
    source.on('message', onMessage);
    source.once('exit', onExit);
  });
}
