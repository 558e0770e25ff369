import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { CLI, CLI_ENV, freePort, registerOverHttp, startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';
import { embeddedStack, getJson, Stack } from './stack';

jest.setTimeout(120_000);

const close = (http: string, id: string, token?: string) =>
  fetch(`${http}/api/elections/${id}/close`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('operators: nobody changes an election without an operator’s credential', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  const election = syntheticElection(3, 'operators', 'operators');
  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
  });
  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  it('refuses a registration without a credential, or with a token that is not an operator’s: 401, counted, nothing registered', async () => {
    const none = await registerOverHttp(server.httpUrl, { definition: election.definition, devices: election.devices }, null);
    expect(none.status).toBe(401);
    expect(none.body.message).toMatch(/operator credential is required: Authorization: Bearer/);
    const wrong = await registerOverHttp(server.httpUrl, { definition: election.definition, devices: election.devices }, 'not-a-token-of-anyone-at-all');
    expect(wrong.status).toBe(401);
    expect(await getJson(`${server.httpUrl}/api/elections`)).toEqual([]);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="no-credential"\} 1$/m);
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="unknown-credential"\} 1$/m);
  });

  it('registers with the operator’s token, and logs a device added later in the event log export', async () => {
    const [first, ...rest] = election.devices;
    expect((await registerOverHttp(server.httpUrl, { definition: election.definition, devices: rest })).status).toBe(201);
    // A rogue registration of a device for an existing precinct needs the credential too.
    expect((await registerOverHttp(server.httpUrl, { definition: election.definition, devices: [first] }, null)).status).toBe(401);
    expect(server.registry.device(first.id)).toBeUndefined();
    expect((await registerOverHttp(server.httpUrl, { definition: election.definition, devices: [first] })).status).toBe(201);
    const eel = await getJson(`${server.httpUrl}/api/elections/operators/export/nist-eel`);
    const events = JSON.stringify(eel);
    expect(events).toContain('operator-register-election');
    expect(events).toContain(`added 1 devices to a registered election: ${first.id}`);
    expect(events).toContain('operator:environment');
  });

  it('refuses an early close without a credential, and the seats stay provisional', async () => {
    expect((await close(server.httpUrl, 'operators')).status).toBe(401);
    expect((await getJson(`${server.httpUrl}/api/elections/operators/seats`)).status).toBe('provisional');
    const closed = await close(server.httpUrl, 'operators', TEST_OPERATOR_TOKEN);
    expect(closed.status).toBe(201);
    expect(((await closed.json()) as { status: string }).status).toBe('final');
  });
});

describe('shailoo-sim operator add', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-operators-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const add = (name: string) =>
    spawnSync(process.execPath, [...CLI, 'operator', 'add', name], {
      env: { ...process.env, ...CLI_ENV, PGLITE_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });

  it('adds an operator whose token, shown once, the server then accepts; a name is taken once', async () => {
    const first = add('alice');
    expect(first.status).toBe(0);
    const token = first.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.stderr).toMatch(/shown once/);
    const again = add('alice');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already an operator named alice/);

    const server = await startServerProcess({ PGLITE_DIR: dir, DATABASE_URL: '', MQTT_URL: '', MQTT_PORT: String(await freePort()), OPERATOR_TOKEN: '' });
    try {
      const election = syntheticElection(2, 'alice', 'alice');
      expect((await registerOverHttp(server.http, { definition: election.definition, devices: election.devices }, TEST_OPERATOR_TOKEN)).status).toBe(401);
      expect((await registerOverHttp(server.http, { definition: election.definition, devices: election.devices }, token)).status).toBe(201);
      expect(JSON.stringify(await getJson(`${server.http}/api/elections/alice/export/nist-eel`))).toContain('operator:alice');
    } finally {
      await stopProcess(server.child);
    }
  });
});
