import { TallyServerHandle } from '@shailoo/tally-server';
import { allocateCityCouncil, ballotsOf, closingTime, total } from '@shailoo/election';
import { ManualClock } from '@shailoo/platform';
import { transmit } from '@shailoo/modem';
import { recordCouncilDay, RecordedDay } from '@shailoo/scenario';
import { NCNAME, validateEel, validateErr } from './nist-schemas';
import { embeddedStack, eventually, getJson, Stack } from './stack';
import { TEST_OPERATOR_TOKEN } from './server-process';

jest.setTimeout(60_000);

/**
 * A whole day of Batken's 10 precincts through the real broker and database: turnout snapshots,
 * identification reports, box results and manual protocols, with one fault at each of five
 * precincts. Totals, flags and seats must be exactly what the messages imply.
 */
describe('full election day through the tally server', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let recorded: RecordedDay;
  let url: string;
  const events: string[] = [];
  let stream: AbortController;

  beforeAll(async () => {
    recorded = recordCouncilDay('Баткен', 'full-day', {
      1: ['manual-miscount'],
      2: ['box-failed'],
      3: ['identification-short'],
      4: ['double-vote'],
      9: ['silent'],
    });
    stack = await embeddedStack();
    // The server's clock stands at 23:00, an hour past the reporting deadline (close + 2 h).
    const clock = new ManualClock(closingTime(recorded.day.definition.date) + 3 * 3_600_000);
    server = await stack.startServer({}, { clock });
    await server.registry.register(recorded.day.definition, recorded.devices);
    url = `${server.httpUrl}/api/elections/${recorded.day.definition.id}`;
    stream = new AbortController();
    void fetch(`${url}/events`, { signal: stream.signal })
      .then(async (res) => {
        const decoder = new TextDecoder();
        for await (const chunk of res.body as any)
          events.push(
            ...decoder
              .decode(chunk)
              .split('\n')
              .filter((l) => l.startsWith('event:')),
          );
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const byDevice = new Map<string, typeof recorded.messages>();
    for (const m of recorded.messages) byDevice.set(m.deviceId, [...(byDevice.get(m.deviceId) ?? []), m]);
    const uplink = { brokerUrl: stack.brokerUrl, clock: new ManualClock(), resendMs: 60_000 };
    await Promise.all(
      [...byDevice.values()].map(async (list) => {
        for (const m of list) await transmit(m.envelope, recorded.day.definition.id, m.kind, uplink);
      }),
    );
  });

  afterAll(async () => {
    stream.abort();
    await server.close();
    await stack.close();
  });

  const precinct = (i: number) => recorded.day.boxes[i].box.identity.precinctId;
  const counted = (i: number) => !['box-failed', 'silent'].some((f) => recorded.faults[precinct(i)].includes(f as any));

  it('adds up the preliminary figures from the boxes and the final ones from the protocols', async () => {
    const r = await getJson(`${url}/results`);
    expect(r.precinctsTotal).toBe(10);
    expect(r.precinctsReporting).toBe(9);
    expect(r.precinctsWithProtocol).toBe(9);
    const boxes = recorded.day.boxes.filter((_, i) => counted(i));
    const sum = (list: typeof boxes, party: string) => list.reduce((s, b) => s + (b.count.votes[party] ?? 0), 0);
    for (const p of recorded.day.dataset.parties) expect(r.preliminary.votes[p.id]).toBe(sum(boxes, p.id));
    // The final count: every reporting precinct's protocol. Manual miscounts move votes, not totals.
    const reporting = recorded.day.boxes.filter((_, i) => !recorded.faults[precinct(i)].includes('silent'));
    expect(r.final.ballotsInBox).toBe(reporting.reduce((s, b) => s + ballotsOf(b.count), 0));
    expect(total(r.final.votes)).toBe(reporting.reduce((s, b) => s + total(b.count.votes), 0));
    const byRegion = await getJson(`${url}/results?level=region`);
    expect(byRegion).toHaveLength(1);
    expect(byRegion[0].final).toEqual(r.final);
    expect(byRegion[0].name).toBe('Баткен облусу');
    const atTwenty = r.turnoutTimeline.find((t: any) => t.hour === 20);
    expect(atTwenty.precinctsReporting).toBe(9);
    expect(atTwenty.voters).toBe(reporting.reduce((s, _b, i) => s + recorded.day.votes.precincts[recorded.day.boxes.indexOf(reporting[i])].participated, 0));
    expect(r.turnoutTimeline.map((t: any) => t.hour)).toEqual([10, 14, 16, 18, 20]);
  });

  it('flags exactly the injected faults, precinct by precinct', async () => {
    const expected: Record<number, string[]> = {
      1: ['box-manual-mismatch'],
      2: ['manual-only'],
      3: ['box-exceeds-identified', 'identified-below-issued'],
      4: ['double-votes'],
      9: ['not-reported'],
    };
    for (let i = 0; i < 10; i++) {
      const p = await getJson(`${url}/precincts/${precinct(i)}`);
      expect([i, p.flags.map((f: any) => f.kind).sort()]).toEqual([i, (expected[i] ?? []).sort()]);
    }
    const mismatch = (await getJson(`${url}/precincts/${precinct(1)}`)).flags[0].details.differences;
    expect(Object.values(mismatch).sort()).toEqual([-1, 1]);
    const manualOnly = await getJson(`${url}/precincts/${precinct(2)}`);
    expect(manualOnly.boxResults).toEqual([]);
    expect(manualOnly.manualProtocol.boxFailed).toBe(true);
    expect(manualOnly.manualProtocol.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    const root = await getJson(`${url}/results`);
    expect(root.flags).toEqual({
      'box-manual-mismatch': 1,
      'manual-only': 1,
      'box-exceeds-identified': 1,
      'identified-below-issued': 1,
      'double-votes': 1,
      'not-reported': 1,
    });
  });

  it('keeps seats provisional until an operator closes the count, then final on the final figures', async () => {
    const before = await getJson(`${url}/seats`);
    expect(before.status).toBe('provisional');
    expect(before.final).toBeNull();
    const r = await getJson(`${url}/results`);
    expect(before.provisional.seats).toEqual(
      allocateCityCouncil({ seats: 31, participated: r.preliminary.ballotsInBox, votes: r.preliminary.votes, seed: r.definitionHash }).seats,
    );
    const closed = (await (await fetch(`${url}/close`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } })).json()) as any;
    expect(closed.status).toBe('final');
    expect(closed.closedBy).toBe('operator');
    expect(closed.final.seats).toEqual(
      allocateCityCouncil({ seats: 31, participated: r.final.ballotsInBox, votes: r.final.votes, seed: r.definitionHash }).seats,
    );
    expect(total(closed.final.seats)).toBe(31);
    expect(closed.final.rounds[0].rows.length).toBeGreaterThan(0);
  });

  it('exports a NIST results report that validates against the official schema', async () => {
    const report = await getJson(`${url}/export/nist-err`);
    const ok = validateErr(report);
    expect(validateErr.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(report.Status).toBe('unofficial-partial');
    expect(report.IsTest).toBe(true);
    const contest = report.Election[0].Contest[0];
    expect([contest.SubUnitsReported, contest.TotalSubUnits]).toEqual([9, 10]);
    const seats = contest.ContestSelection.flatMap((s: any) => s.VoteCounts.filter((v: any) => v.Type === 'seats'));
    expect(seats.reduce((s: number, v: any) => s + v.Count, 0)).toBe(31);
    const precinctCounts = contest.ContestSelection[0].VoteCounts.filter((v: any) => v.Type === 'total');
    expect(precinctCounts).toHaveLength(9);
    const ids = JSON.stringify(report)
      .match(/"@id":"[^"]*"/g)!
      .map((s) => s.slice(7, -1));
    expect(ids.every((id) => NCNAME.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(validateErr({ ...report, Status: 'preliminary' })).toBe(false);
    expect(validateErr({ ...report, GpUnit: [{ ...report.GpUnit[0], Extra: 1 }] })).toBe(false);
  });

  it('exports the devices’ events and the operator’s close as a NIST event log that validates', async () => {
    const log = await getJson(`${url}/export/nist-eel`);
    const ok = validateEel(log);
    expect(validateEel.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const events = log.Device.filter((d: any) => !d.Id.startsWith('operator:')).flatMap((d: any) => d.Event);
    expect(events).toHaveLength(recorded.messages.length);
    const operator = log.Device.find((d: any) => d.Id === 'operator:environment');
    expect(operator.Event.map((e: any) => e.Type)).toEqual(['operator-close-count']);
    expect(log.Device.find((d: any) => d.Id.startsWith('aeu-')).Type).toBe('scan-single');
    expect(validateEel({ ...log, Device: [{ ...log.Device[0], Event: [{ ...events[0], Disposition: 'maybe' }] }] })).toBe(false);
  });

  it('streamed every change as server-sent events', async () => {
    // Events go out in batches of 100 ms: the close's is on its way.
    await eventually(async () => events.includes('event: closed'), 5000, 'the closed event');
    expect(events.filter((e) => e === 'event: submission').length).toBe(recorded.messages.length);
  });
});
