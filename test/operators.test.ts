import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATOR_ROLES, OperatorRepository } from '@shailoo/persistence';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle, tokenHash } from '@shailoo/tally-server';
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

  it('holds each operator to their roles, and refuses a revoked or expired token: 403 and 401, counted', async () => {
    const operators = new OperatorRepository(server.database);
    const closer = 'closer-token-0123456789abcdefghij';
    const expired = 'expired-token-0123456789abcdefghij';
    await operators.add('closer', tokenHash(closer), ['close']);
    await operators.add('expired', tokenHash(expired), OPERATOR_ROLES, new Date(Date.now() - 1000));
    const other = syntheticElection(2, 'operators-2', 'operators-2');
    const registering = await registerOverHttp(server.httpUrl, { definition: other.definition, devices: other.devices }, closer);
    expect(registering.status).toBe(403);
    expect(registering.body.message).toBe('operator closer may not do this: it needs the role register (theirs: close)');
    const device = election.devices[0].id;
    const revoking = await fetch(`${server.httpUrl}/api/elections/operators/devices/${device}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${closer}` },
    });
    expect(revoking.status).toBe(403);
    expect(server.registry.device(device)!.revokedAt).toBeNull();
    // Closing and reopening a count is theirs to do.
    expect((await fetch(`${server.httpUrl}/api/elections/operators/reopen`, { method: 'POST', headers: { authorization: `Bearer ${closer}` } })).status).toBe(
      201,
    );
    expect((await close(server.httpUrl, 'operators', expired)).status).toBe(401);
    expect(await operators.revoke('closer', new Date())).toBe(true);
    const revoked = await close(server.httpUrl, 'operators', closer);
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { message: string }).message).toMatch(/not an operator’s \(or it was revoked, or it expired\)/);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="missing-role"\} 2$/m);
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="unknown-credential"\} 3$/m);
    expect(JSON.stringify(await getJson(`${server.httpUrl}/api/elections/operators/export/nist-eel`))).toContain('operator:closer');
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

  it('lists operators with their roles and expiry, never a token, and revokes one', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [...CLI, 'operator', ...args], { env: { ...process.env, ...CLI_ENV, PGLITE_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
    const bob = cli('add', 'bob', '--roles', 'close', '--expires', '2h');
    expect(bob.status).toBe(0);
    expect(bob.stderr).toMatch(/operator bob added \(close; until \d{4}-/);
    expect(cli('add', 'eve', '--roles', 'admin').stderr).toMatch(/roles are register, close, revoke, comma-separated/);
    const listed = cli('list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^alice\tregister,close,revoke\tadded \S+\tactive$/m);
    expect(listed.stdout).toMatch(/^bob\tclose\tadded \S+\tuntil \S+$/m);
    expect(listed.stdout).not.toContain(bob.stdout.trim());
    expect(cli('revoke', 'bob').status).toBe(0);
    expect(cli('list').stdout).toMatch(/^bob\tclose\tadded \S+\trevoked \S+$/m);
    const again = cli('revoke', 'bob');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/no active operator named bob/);
  });
});
