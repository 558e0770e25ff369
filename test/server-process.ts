import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TallyApi } from '@shailoo/contracts';
import { deviceBrokerUrl } from '@shailoo/transport';

/** Node's arguments that run the `shailoo-sim` command from source, with the @shailoo/* paths resolved. */
export const CLI = [
  '-r',
  require.resolve('ts-node/register/transpile-only'),
  '-r',
  require.resolve('tsconfig-paths/register'),
  join(__dirname, '..', 'apps', 'cli', 'src', 'main.ts'),
];
/** The environment those arguments need, wherever the process's working directory is. */
export const CLI_ENV = { TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') };

export interface ServerProcess {
  child: ChildProcess;
  http: string;
  mqtt: string;
  /** Where it keeps its store, as it says at start. */
  store: string;
}

/** The operator token the test servers accept (OPERATOR_TOKEN) and the tests send. */
export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789';

/**
 * `shailoo-sim tally-server` as its own process, configured only by environment, as in
 * docker-compose; `launcher` runs it under another command (`unshare --pid --fork`, say).
 */
export function startServerProcess(env: Record<string, string>, cwd?: string, launcher: string[] = []): Promise<ServerProcess> {
  const [command, ...args] = [...launcher, process.execPath, ...CLI, 'tally-server'];
  const child = spawn(command, args, {
    env: { ...process.env, ...CLI_ENV, PORT: '0', MQTT_PORT: '0', OPERATOR_TOKEN: TEST_OPERATOR_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{"event":"listening"'));
      if (line) {
        const { http, mqtt, store } = JSON.parse(line);
        resolve({ child, http, mqtt, store });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code, signal) => reject(new Error(`tally-server exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

/** Each device's URL at a secured broker, with the password its registration returned (the plain URL on an open broker). */
export function deviceUrl(brokerUrl: string, credentials: Record<string, string> | undefined, deviceId: string): string {
  return deviceBrokerUrl(brokerUrl, deviceId, credentials?.[deviceId]);
}

/** Stops the process with a signal and resolves with its exit code (null when the signal killed it). */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** A registration, answered whatever its status (`null`: without a credential). */
export async function registerOverHttp(http: string, body: unknown, token: string | null = TEST_OPERATOR_TOKEN): Promise<{ status: number; body: any }> {
  const { status, body: answer } = await new TallyApi(http).request('POST', '/api/elections', body, token);
  return { status, body: answer };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
