import { mkdtempSync, rmSync } from 'node:fs';
import { get, IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceRegistration, metricSamples, signPrecinctResult, Topics } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { ElectionRepository } from '@shailoo/persistence';
import { CouncilDay, deviceRegistrations, prepareCouncilDay, simulatedDevice } from '@shailoo/scenario';
import { ChangeFeed, IngestService, SubmissionStore, TallyServerHandle } from '@shailoo/tally-server';
import { registerOverHttp, TEST_OPERATOR_TOKEN } from './server-process';
import { embeddedStack, eventually, getJson, Stack } from './stack';

jest.setTimeout(60_000);

/** One rogue client or device, and what it must not do to the count (issue 29). */
describe('one rogue client or device', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let ingest: IngestService;
  let day: CouncilDay;

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    ingest = server.app.get(IngestService);
    day = prepareCouncilDay('Кайыңды', 'rogue');
    expect((await registerOverHttp(server.httpUrl, { definition: day.definition, devices: deviceRegistrations(day) })).status).toBe(201);
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  /** Box `i`'s signed result, as it counted, under `sequence`. */
  function boxResult(i: number, sequence = 1, scale = 1): Buffer {
    const { box, count } = day.boxes[i];
    const votes = Object.entries(count.votes).map(([partyId, v]) => ({ partyId, votes: v * scale }));
    const { identity } = box;
    return signPrecinctResult(
      {
        electionId: identity.electionId,
        definitionHash: Buffer.from(day.hash, 'hex'),
        precinctId: identity.precinctId,
        deviceId: identity.deviceId,
        sequence,
        votes,
        invalidBallots: count.invalidBallots,
        ballotsInBox: votes.reduce((s, v) => s + v.votes, 0) + count.invalidBallots,
        closedAtMs: Date.UTC(2021, 3, 11, 14),
      },
      identity.key,
    );
  }
  const send = (i: number, envelope: Buffer) => ingest.ingest(Topics.result(day.definition.id, day.boxes[i].box.identity.deviceId), envelope);
  const operator = (path: string) =>
    fetch(`${server.httpUrl}/api/elections/${day.definition.id}/${path}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } });

  it('1. event streams: capped per client address (counted refusals), and one whose client stops reading is cut', async () => {
    const url = `${server.httpUrl}/api/elections/${day.definition.id}/events`;
    const open = () => new Promise<IncomingMessage>((resolve, reject) => get(url, { agent: false }, resolve).on('error', reject));
    const streams = await Promise.all(Array.from({ length: 20 }, open));
    expect(streams.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const refusedOne = await open();
    expect(refusedOne.statusCode).toBe(429);
    refusedOne.resume();
    streams.forEach((r) => r.destroy());
    await eventually(async () => /shailoo_event_streams 0/.test(await (await fetch(`${server.httpUrl}/metrics`)).text()), 5_000, 'every stream closed');

    // A client that asks for the stream and never reads it: the server cuts it instead of buffering every event.
    const paused = connect(Number(new URL(server.httpUrl).port), '127.0.0.1');
    paused.write(`GET /api/elections/${day.definition.id}/events HTTP/1.1\r\nHost: x\r\n\r\n`);
    paused.pause();
    const feed = server.app.get(ChangeFeed);
    const big = 'x'.repeat(64 * 1024);
    const slowStreamsCut = async () => /shailoo_http_refused_total\{reason="slow-stream"\} 1/.test(await (await fetch(`${server.httpUrl}/metrics`)).text());
    let sent = 0;
    while (sent < 400 && !(sent % 10 === 0 && (await slowStreamsCut()))) {
      feed.emit({ electionId: day.definition.id, type: 'fault', data: { big } });
      sent++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(sent).toBeLessThan(400);
    paused.destroy();
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/shailoo_http_refused_total\{reason="too-many-streams-from-client"\} 1/);
    expect(metrics).toMatch(/shailoo_http_refused_total\{reason="slow-stream"\} 1/);
  });

  it('7. two boxes of one precinct are checked together against its registered voters, and flagged at every level', async () => {
    const { precinctId } = day.boxes[3].box.identity;
    const registered = day.definition.territory
      .children!.flatMap(function all(t): { id: string; registeredVoters?: number }[] {
        return t.children ? t.children.flatMap(all) : [t];
      })
      .find((t) => t.id === precinctId)!.registeredVoters!;
    // An operator adds a second box to the precinct; each reports 90% of the list.
    const second = simulatedDevice('rogue', 'aeu-second');
    const added = await registerOverHttp(server.httpUrl, {
      definition: day.definition,
      devices: [deviceRegistration(second.deviceId, precinctId, 'ballot-box', second.key.publicKey)],
    });
    expect(added.status).toBe(201);
    const ballots = Math.floor(registered * 0.9);
    const party = day.definition.contests[0].parties![0].id;
    const result = (deviceId: string, key: DeviceKey) =>
      signPrecinctResult(
        {
          electionId: day.definition.id,
          definitionHash: Buffer.from(day.hash, 'hex'),
          precinctId,
          deviceId,
          sequence: 1,
          votes: [{ partyId: party, votes: ballots }],
          invalidBallots: 0,
          ballotsInBox: ballots,
          closedAtMs: Date.UTC(2021, 3, 11, 14),
        },
        key,
      );
    const first = day.boxes[3].box.identity;
    expect((await ingest.ingest(Topics.result(day.definition.id, first.deviceId), result(first.deviceId, first.key))).status).toBe('accepted');
    expect((await ingest.ingest(Topics.result(day.definition.id, second.deviceId), result(second.deviceId, second.key))).status).toBe('accepted');
    const precinct = await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/precincts/${precinctId}`);
    expect(precinct.flags).toContainEqual(
      expect.objectContaining({
        kind: 'over-registered',
        details: expect.objectContaining({ registeredVoters: registered, ballotsInBox: 2 * ballots, boxes: 2 }),
      }),
    );
    for (const level of ['district', 'region']) {
      const territories = await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/results?level=${level}`);
      expect(territories.map((t: { flags: Record<string, number> }) => t.flags['over-registered'] ?? 0).reduce((a: number, b: number) => a + b, 0)).toBe(1);
    }
    expect((await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/results`)).flags['over-registered']).toBe(1);
  });

  it('4. a sequence beyond the store’s column is refused at decode, and a row the database refuses takes no other row of its batch down', async () => {
    const poisoned = await send(2, boxResult(2, 2 ** 31));
    expect(poisoned).toMatchObject({ status: 'rejected', rejection: { reason: 'out-of-range' } });
    expect(poisoned.status === 'rejected' && poisoned.rejection.detail).toMatch(/2147483648 is beyond the largest, 2147483647/);

    // Past the decoder (another column, a future field): the batch of six is written again row by row.
    const store = server.app.get(SubmissionStore);
    const honest = [1, 2, 3, 4, 5].map((i) => ({
      kind: 'turnout' as const,
      electionId: day.definition.id,
      precinctId: day.boxes[0].box.identity.precinctId,
      deviceId: `store-spec-${i}`,
      sequence: 1,
      payload: { hour: 10, voters: 1 },
      bodyHash: Buffer.alloc(32, i),
      envelope: Buffer.from([i]),
    }));
    const outcomes = await Promise.all([...honest, { ...honest[0], deviceId: 'store-spec-bad', sequence: 2 ** 31 }].map((row) => store.save(row as never)));
    expect(outcomes.slice(0, 5)).toEqual(['inserted', 'inserted', 'inserted', 'inserted', 'inserted']);
    expect(outcomes[5]).toEqual({ refused: expect.stringMatching(/out of range for type integer/) });
  });

  it('9. public reads: pages of a level, answers built once a second at most with an ETag, the quarantine a page at a time by exact election, bytes on request', async () => {
    const base = `${server.httpUrl}/api/elections/${day.definition.id}`;
    const page = await fetch(`${base}/results?level=precinct&limit=3&offset=2`);
    expect(page.headers.get('x-total-count')).toBe(String(day.boxes.length));
    expect(((await page.json()) as unknown[]).length).toBe(day.boxes.length - 2);
    expect((await fetch(`${base}/results?level=precinct&limit=-1`)).status).toBe(400);

    const builds = async () =>
      metricSamples(await (await fetch(`${server.httpUrl}/metrics`)).text(), 'shailoo_view_builds_total').find((m) => m.labels.view === 'seats')?.value ?? 0;
    const built = await builds();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/seats`)));
    expect((await builds()) - built).toBe(1);
    const etag = answers[0].headers.get('etag')!;
    expect(answers.every((a) => a.headers.get('etag') === etag)).toBe(true);
    expect((await fetch(`${base}/seats`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // An operator's read never lags a change: a result counted just now shows at once.
    const asOperator = { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } };
    const reporting = async () => ((await (await fetch(`${base}/results`, asOperator)).json()) as { precinctsReporting: number }).precinctsReporting;
    const before = await reporting();
    await fetch(`${base}/results`);
    expect((await send(2, boxResult(2, 5))).status).toBe('accepted');
    expect(await reporting()).toBe(before + 1);

    // Garbage from a registered device: refused, quarantined, listed by size; its bytes one row at a time.
    const device = day.boxes[1].box.identity.deviceId;
    for (let i = 0; i < 3; i++) await ingest.ingest(Topics.result(day.definition.id, device), Buffer.alloc(1000 + i, 0xff));
    const first = await getJson(`${base}/quarantine?limit=2`);
    expect(first.items.map((r: { bytes: number }) => r.bytes)).toEqual([1002, 1001]);
    expect(first.items[0].rawBase64).toBeUndefined();
    const second = await getJson(`${base}/quarantine?limit=2&before=${first.next}`);
    expect(second.items[0].bytes).toBe(1000);
    const raw = await fetch(`${base}/quarantine/${first.items[0].id}/raw`);
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(Buffer.alloc(1002, 0xff));
    // Ids are matched exactly: a pattern names no election.
    for (const pattern of ['%25', '_', 'kg-2021-04-11-cc2_']) expect((await fetch(`${server.httpUrl}/api/elections/${pattern}/quarantine`)).status).toBe(404);
  });

  it('6. a result after the count is closed does not change the final seats; closing twice says so; an operator reopens it', async () => {
    expect((await send(0, boxResult(0))).status).toBe('accepted');
    const close = await operator('close');
    expect(close.status).toBe(201);
    const finalSeats = ((await close.json()) as { final: { seats: unknown } }).final.seats;

    // A box sends a new result after the close (a higher sequence, other figures): refused, quarantined.
    const late = await send(1, boxResult(1, 1, 2));
    expect(late).toMatchObject({ status: 'rejected', rejection: { reason: 'count-closed' } });
    const resend = await send(0, boxResult(0));
    expect(resend.status).toBe('duplicate');
    const seats = await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/seats`);
    expect(seats.final.seats).toEqual(finalSeats);
    expect((await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/quarantine`)).items.map((r: { reason: string }) => r.reason)).toContain(
      'count-closed',
    );

    const again = await operator('close');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/closed already/);

    expect((await operator('reopen')).status).toBe(201);
    expect((await send(1, boxResult(1, 2))).status).toBe('accepted');
    const actions = JSON.stringify(await getJson(`${server.httpUrl}/api/elections/${day.definition.id}/export/nist-eel`));
    expect(actions).toContain('reopen-count');
  });
});

describe('8. ids that reach topics', () => {
  let stack: Stack;
  let dataDir: string;

  beforeAll(async () => {
    stack = await embeddedStack();
    dataDir = mkdtempSync(join(tmpdir(), 'shailoo-ids-'));
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are checked at registration, and a stored definition that cannot be served never stops the server from starting', async () => {
    const day = prepareCouncilDay('Кайыңды', 'ids');
    const withDistrict = (id: string) => {
      const definition = structuredClone(day.definition);
      definition.territory.children![0].id = id;
      return definition;
    };
    let server = await stack.startServer({ dataDir });
    try {
      for (const [definition, problem] of [
        [withDistrict('d#1'), /id "d#1" is not an id/],
        [withDistrict('d'.repeat(66_000)), /id "d{40}"… \(66000 characters\) is not an id/],
        [{ ...day.definition, id: 'e'.repeat(70_000) }, /election id "e{40}"… \(70000 characters\) is not an id/],
      ] as const) {
        const answer = await registerOverHttp(server.httpUrl, { definition, devices: [] });
        expect(answer.status).toBe(400);
        expect(answer.body.message).toMatch(problem);
      }
      expect(await getJson(`${server.httpUrl}/api/elections`)).toEqual([]);
      expect((await registerOverHttp(server.httpUrl, { definition: day.definition, devices: deviceRegistrations(day) })).status).toBe(201);
      // One stored before ids were checked, written to the store directly.
      const unservable = { ...withDistrict('d#1'), id: 'stored-before' };
      await server.app.get(ElectionRepository).save(unservable, 'hash', []);
    } finally {
      await server.close();
    }
    server = await stack.startServer({ dataDir });
    try {
      expect(server.registry.unservable.get('stored-before')).toMatch(/id "d#1" is not an id/);
      expect((await getJson(`${server.httpUrl}/api/elections`)).map((e: { id: string }) => e.id)).toEqual([day.definition.id]);
      expect((await getJson(`${server.httpUrl}/api/health`)).status).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
