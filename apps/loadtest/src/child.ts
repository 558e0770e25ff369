import { ChildProcess, fork } from 'node:child_process';
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

/** The next IPC message of a child that satisfies `match`; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, match: (m: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T) => {
      if (!match(m)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`a load-test process exited with ${code}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
