import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get, IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sha256, Topics, v1 } from '@shailoo/contracts';
import { RecordedDay, recordCouncilDay } from '@shailoo/scenario';
import { AuditExport, DEFAULT_REQUEST_LIMITS, IngestService, TallyServerHandle, verifyAudit } from '@shailoo/tally-server';
import { CLI, CLI_ENV, freePort, registerOverHttp, ServerProcess, startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';
import { embeddedStack, getJson, Stack } from './stack';

jest.setTimeout(120_000);

/** A process's resident memory now, in bytes (Linux). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/**
 * An anonymous POST that declares a `bytes`-long JSON body: it sends `sent` bytes of it (all by
 * default, in 64 kB writes as the server takes them) and gives up once the answer is in. The status
 * line of the answer, and how long after the request began its first byte came.
 */
function anonymousUpload(http: string, bytes: number, sent = bytes): Promise<{ status: string; ms: number }> {
  const { port, hostname } = new URL(http);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const started = performance.now();
    let ms = NaN;
    let answer = '';
    const opening = Buffer.from('{"definition":{"id":"flood","pad":"');
    const chunk = Buffer.alloc(1 << 16, 'x');
    let left = sent - opening.length;
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!socket.write(piece)) return socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(`POST /api/elections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`);
      socket.write(opening);
      pump();
    });
    socket.on('data', (d) => {
      if (!answer) ms = performance.now() - started;
      answer += d;
      // The answer is in: the client gives up its upload.
      if (answer.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ status: answer.split('\r\n')[0], ms }));
  });
}

describe('nothing is read before it is allowed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-trust-'));
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ PGLITE_DIR: dir, DATABASE_URL: '', MQTT_URL: '', MQTT_PORT: String(await freePort()) });
  });
  afterAll(async () => {
    await stopProcess(server.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers anonymous 30 MB registrations 401 before their bodies, and a flood of them costs the server less than 50 MB', async () => {
    const pid = server.child.pid!;
    const MB30 = 30 * 1024 * 1024;
    // Warm: the first requests of a kind take a server started from its sources (ts-node) tens of milliseconds more.
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 8 }, () => anonymousUpload(server.http, MB30, 256 * 1024)));
    // Each answered without waiting for the 30 MB it announces (a server that read bodies first would never answer these).
    const prompt = await Promise.all(Array.from({ length: 8 }, () => anonymousUpload(server.http, MB30, 256 * 1024)));
    const before = rss(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 10);
    const flood: { status: string; ms: number }[] = [];
    try {
      for (let round = 0; round < 3; round++) flood.push(...(await Promise.all(Array.from({ length: 8 }, () => anonymousUpload(server.http, MB30)))));
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `anonymous 30 MB registrations: answered in ${Math.max(...prompt.map((a) => a.ms)).toFixed(1)} ms at most; a flood of 24 (8 at once) in ${Math.max(...flood.map((a) => a.ms)).toFixed(1)} ms at most, server RSS +${((peak - before) / 2 ** 20).toFixed(1)} MB at peak`,
    );
    expect([...prompt, ...flood].map((a) => a.status)).toEqual(Array(32).fill('HTTP/1.1 401 Unauthorized'));
    expect(Math.max(...prompt.map((a) => a.ms))).toBeLessThan(100);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
    const health = performance.now();
    expect((await fetch(`${server.http}/api/health`)).status).toBe(200);
    expect(performance.now() - health).toBeLessThan(1000);
    expect(await (await fetch(`${server.http}/metrics`)).text()).toMatch(/^shailoo_http_refused_total\{reason="no-credential"\} 56$/m);
  });

  it('holds a client opening 10,000 event streams to its cap, and its requests to its rate, while the live page keeps working', async () => {
    const definition = recordCouncilDay('Кайыңды', 'trust-streams').day.definition;
    expect((await registerOverHttp(server.http, { definition, devices: [] })).status).toBe(201);
    const events = `${server.http}/api/elections/${definition.id}/events`;
    // The rogue client comes from another loopback address than the page's.
    const rogue = new Agent({ keepAlive: true, maxSockets: 64, localAddress: '127.0.0.2' });
    const errors: string[] = [];
    const open = () =>
      new Promise<IncomingMessage>((resolve, reject) => get(events, { agent: rogue }, resolve).on('error', reject)).then(
        (r) => {
          if (r.statusCode !== 200) r.resume();
          return r;
        },
        (err: Error) => (errors.push(err.message), { statusCode: 0 } as IncomingMessage),
      );
    const statuses = new Map<number, number>();
    const held: IncomingMessage[] = [];
    const page: number[] = [];
    let pageStream: IncomingMessage | null = null;
    try {
      for (let i = 0; i < 10_000; i += 500) {
        const batch = await Promise.all(Array.from({ length: 500 }, open));
        for (const r of batch) {
          statuses.set(r.statusCode!, (statuses.get(r.statusCode!) ?? 0) + 1);
          if (r.statusCode === 200) held.push(r);
        }
        // Meanwhile the live page: its HTML, the results, and an event stream of its own.
        page.push((await fetch(`${server.http}/`)).status, (await fetch(`${server.http}/api/elections/${definition.id}/results`)).status);
        if (!pageStream) {
          pageStream = await new Promise<IncomingMessage>((resolve, reject) => get(events, { agent: false }, resolve).on('error', reject));
          page.push(pageStream.statusCode!);
        }
      }
      console.log(`10,000 event streams asked: ${JSON.stringify(Object.fromEntries(statuses))}; errors ${errors.length}: ${[...new Set(errors)].join(', ')}`);
      expect(held.length).toBeLessThanOrEqual(20);
      expect(held.length).toBeGreaterThan(0);
      expect((statuses.get(429) ?? 0) + held.length).toBe(10_000);
      expect(page.every((s) => s === 200)).toBe(true);
      const metrics = await (await fetch(`${server.http}/metrics`)).text();
      expect(metrics).toMatch(/^shailoo_event_streams (\d+)$/m);
      expect(Number(/^shailoo_event_streams (\d+)$/m.exec(metrics)![1])).toBe(held.length + 1);
      expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="rate-limited"\} \d+$/m);
    } finally {
      held.forEach((r) => r.destroy());
      pageStream?.destroy();
      rogue.destroy();
    }
  });
});

describe('an operator’s body: within its size, and in time', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer({ requestLimits: { ...DEFAULT_REQUEST_LIMITS, maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  /** A raw request (headers, then `body`): the status line of its answer, as soon as it comes. */
  const raw = (head: string, body = '') =>
    new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.httpUrl).port), '127.0.0.1');
      let answer = '';
      socket.on('connect', () => socket.write(`${head}\r\n\r\n${body}`));
      socket.on('data', (d) => {
        answer += d;
        if (answer.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(answer.split('\r\n')[0]));
    });
  const registration = (declared: number, extra = '') =>
    `POST /api/elections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}${extra}`;

  it('refuses a body over the limit from its headers (413), and cuts one that does not arrive in time (408); both counted', async () => {
    const started = performance.now();
    expect(await raw(registration(2 * 1024 * 1024, `\r\nAuthorization: Bearer ${TEST_OPERATOR_TOKEN}`), '{')).toBe('HTTP/1.1 413 Payload Too Large');
    expect(performance.now() - started).toBeLessThan(1000);
    const slow = performance.now();
    expect(await raw(registration(1000, `\r\nAuthorization: Bearer ${TEST_OPERATOR_TOKEN}`), '{  ')).toBe('HTTP/1.1 408 Request Timeout');
    expect(performance.now() - slow).toBeGreaterThanOrEqual(290);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="body-too-large"\} 1$/m);
    expect(metrics).toMatch(/^shailoo_http_refused_total\{reason="slow-body"\} 1$/m);
  });

  it('reads no body with a read, and tells an anonymous client that expects 100-continue not to send its body', async () => {
    expect(await raw(`GET /api/elections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}`, '{')).toBe(
      'HTTP/1.1 413 Payload Too Large',
    );
    expect(await raw(registration(1024 * 1024, '\r\nExpect: 100-continue'))).toBe('HTTP/1.1 401 Unauthorized');
    expect(await raw(registration(2, `\r\nAuthorization: Bearer ${TEST_OPERATOR_TOKEN}\r\nExpect: 100-continue`))).toBe('HTTP/1.1 100 Continue');
  });
});

describe('a count anyone can check: the chained record and verify-export', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let recorded: RecordedDay;
  let record: AuditExport;
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-audit-'));

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    recorded = recordCouncilDay('Кайыңды', 'trust-audit');
    expect((await registerOverHttp(server.httpUrl, { definition: recorded.day.definition, devices: recorded.devices })).status).toBe(201);
    const ingest = server.app.get(IngestService);
    const id = recorded.day.definition.id;
    for (const m of recorded.messages) expect((await ingest.ingest(Topics.uplink(id, m.deviceId, m.kind), m.envelope)).status).toBe('accepted');
    const close = await fetch(`${server.httpUrl}/api/elections/${id}/close`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } });
    expect(close.status).toBe(201);
    record = await getJson<AuditExport>(`${server.httpUrl}/api/elections/${id}/export/audit`);
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verifyFile = (bundle: AuditExport) => {
    const file = join(dir, `record-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(bundle));
    return spawnSync(process.execPath, [...CLI, 'verify-export', file], { env: { ...process.env, ...CLI_ENV }, encoding: 'utf8', timeout: 60_000 });
  };
  const copy = (): AuditExport => JSON.parse(JSON.stringify(record));

  it('exports every accepted message and operator’s action as chains, and verify-export recounts them to what was published', () => {
    expect(record.submissions).toHaveLength(recorded.messages.length);
    expect(record.submissions.every((s) => /^[0-9a-f]{64}$/.test(s.chainHash!))).toBe(true);
    expect(record.heads.submission).toEqual({ hash: record.submissions.at(-1)!.chainHash, length: recorded.messages.length });
    expect(record.operatorActions.map((a) => a.action)).toEqual(['register-election', 'close-count']);
    const run = verifyFile(record);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok: the chains hold, every message is signed, and the published count is the recount/m);
    expect(run.stdout).toContain(`submission chain head: ${record.heads.submission.hash} after ${recorded.messages.length} entries`);
    expect(run.stdout).toMatch(/seats \(final\): /);
  });

  it('lists a precinct’s stored messages with the body hashes its acknowledgements carry', () => {
    const precinctId = recorded.messages[0].precinctId;
    const run = spawnSync(process.execPath, [...CLI, 'verify-export', '-', '--precinct', precinctId, '--json'], {
      env: { ...process.env, ...CLI_ENV },
      input: JSON.stringify(record),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout).precinct as { deviceId: string; kind: string; sequence: number; bodySha256: string }[];
    const mine = recorded.messages.filter((m) => m.precinctId === precinctId);
    expect(listed).toHaveLength(mine.length);
    mine.forEach((m, k) => {
      const body = v1.SignedEnvelope.decode(m.envelope).body;
      expect(listed[k]).toMatchObject({ deviceId: m.deviceId, kind: m.kind, bodySha256: sha256(body).toString('hex') });
    });
  });

  it('names a changed vote: its signature, its chain entry and the recount', () => {
    const bundle = copy();
    const i = recorded.messages.findIndex((m) => m.kind === 'result');
    const envelope = v1.SignedEnvelope.decode(Buffer.from(bundle.submissions[i].envelope, 'base64'));
    const result = v1.PrecinctResult.decode(envelope.body);
    result.votes[0].votes! += 10;
    envelope.body = v1.PrecinctResult.encode(result).finish();
    bundle.submissions[i].envelope = Buffer.from(v1.SignedEnvelope.encode(envelope).finish()).toString('base64');
    const run = verifyFile(bundle);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `submission #${i + 1} (received ${bundle.submissions[i].receivedAt}) does not match its chain hash: it was changed after it was recorded`,
    );
    expect(run.stdout).toContain(`submission #${i + 1} (box result of device ${recorded.messages[i].deviceId}) is not signed by any key the device held`);
    expect(run.stdout).toMatch(/the published figures are not the recount of the signed messages/);
  });

  it('names a changed operator’s action, a dropped submission, and published figures that are not the recount', () => {
    const action = copy();
    action.operatorActions[1].detail = 'closed the count early, by mistake';
    expect(verifyAudit(action).problems).toEqual([
      expect.stringMatching(/^operator action #2 \(close-count by environment at .*\) does not match its chain hash: it was changed/),
    ]);

    const dropped = copy();
    const j = recorded.messages.findIndex((m) => m.kind === 'protocol');
    dropped.submissions.splice(j, 1);
    const problems = verifyAudit(dropped).problems;
    expect(problems[0]).toMatch(
      new RegExp(
        `^submission #${j + 1} \\(received .*\\) does not follow the entry before it: an entry between them was dropped \\(the chain's head counts 1 more`,
      ),
    );
    expect(problems.some((p) => /the published figures are not the recount/.test(p))).toBe(true);

    const published = copy();
    const root = published.published.territories.find((t) => t.territoryId === recorded.day.definition.territory.id)!;
    const party = Object.keys(root.final.votes)[0];
    root.final.votes[party] += 100;
    expect(verifyAudit(published).problems).toEqual([
      expect.stringContaining(
        `territory ${root.territoryId}: the published figures are not the recount of the signed messages (final.votes.${party}: recounted`,
      ),
    ]);
  });

  it('refuses a file that is not an election’s record, saying what to save', () => {
    const file = join(dir, 'not-a-record.json');
    writeFileSync(file, '{"hello":1}');
    const run = spawnSync(process.execPath, [...CLI, 'verify-export', file], { env: { ...process.env, ...CLI_ENV }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not an election's record \(shailoo-audit\/1\): save GET \/api\/elections\/\{id\}\/export\/audit/);
  });
});
