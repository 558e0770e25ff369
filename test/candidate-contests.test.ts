import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ContestResults, signPrecinctResult, v1 } from '@shailoo/contracts';
import { ballotsOf, jogorkuKenesh2021, total } from '@shailoo/election';
import { Modem, transmit } from '@shailoo/modem';
import { SystemClock } from '@shailoo/platform';
import { checkElection, loadScenario, parseScenario, runScenario } from '@shailoo/scenario-runner';
import { deviceRegistrations, ElectionDay, prepareElectionDay } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { validateErr } from './nist-schemas';
import { embeddedStack, Stack } from './stack';

jest.setTimeout(300_000);

/** Contests of candidates end to end: the scenarios through the whole stack, the oracle on every contest. */
describe('candidate contests in a scenario’s day', () => {
  it('ayil-kenesh-2021: every village council’s seats final, the women’s reserve held, the oracle satisfied', async () => {
    const { report, evidence } = await runScenario(loadScenario('ayil-kenesh-2021'));
    expect(report.precinctsReported).toBe(report.precincts);
    expect(report.oracle.mismatches).toEqual([]);
    const [id] = Object.keys(report.published);
    const councils = evidence[id].published.contests;
    expect(councils.map((c) => [c.system, c.seats, c.status])).toEqual([
      ['village-council', 7, 'final'],
      ['village-council', 11, 'final'],
      ['village-council', 15, 'final'],
      ['village-council', 21, 'final'],
    ]);
    for (const c of councils) {
      const outcome = c.outcome.final!;
      if (outcome.system !== 'village-council') throw new Error('a village council');
      expect(c.elected).toHaveLength(c.seats);
      expect(outcome.council.reserved).toBe(Math.ceil(0.3 * c.seats));
      expect(c.selections.filter((s) => s.elected && s.sex === 'F').length).toBeGreaterThanOrEqual(outcome.council.reserved);
      expect(c.selections.filter((s) => s.reservedSeat).map((s) => s.id)).toEqual(expect.arrayContaining(outcome.council.reservedTo));
      // Each council counts only its own precincts' ballots.
      expect(c.precinctsTotal).toBeLessThan(report.precincts);
    }
    expect(councils.reduce((s, c) => s + c.precinctsTotal, 0)).toBe(report.precincts);
    // The oracle reads the contests: a council whose published elected are changed is caught.
    const doctored = structuredClone(evidence[id].published);
    doctored.contests[0].elected.reverse();
    const { definition, hash, precincts } = evidence[id];
    expect(checkElection(definition, hash, precincts, doctored).mismatches.map((m) => m.what)).toContain('village council elected');
  });

  it('jogorku-kenesh-2021 in part (Talas and Naryn): both ballots at every precinct, the district winners final, the oracle satisfied for both contests', async () => {
    const scenario = parseScenario(
      {
        name: 'jk-talas-naryn',
        description: 'Talas and Naryn of the 2021 parliament: three single-member districts and the lists',
        election: { source: 'jogorku-kenesh-2021', regions: ['talas', 'naryn'] },
        seed: 'jk-part',
        identification: 'local',
      },
      'test',
    );
    const { report, evidence } = await runScenario(scenario);
    expect(report.precinctsReported).toBe(report.precincts);
    expect(report.oracle.mismatches).toEqual([]);
    const [id] = Object.keys(report.published);
    const contests = evidence[id].published.contests;
    const districts = contests.filter((c) => c.system === 'single-member');
    expect(districts).toHaveLength(3);
    for (const d of districts) {
      expect(d).toMatchObject({ status: 'final', precinctsReporting: d.precinctsTotal });
      expect(d.elected).toHaveLength(1);
      // The winner has the most final votes.
      const most = Math.max(...d.selections.map((s) => s.finalVotes));
      expect(d.selections.find((s) => s.id === d.elected[0])!.finalVotes).toBe(most);
      expect(d.margin).toBe(d.leader!.votes - d.runnerUp!.votes);
    }
    // Every voter got both ballots: each district's ballots add up to the lists' in its precincts.
    const list = contests.find((c) => c.system === 'parliament-list')!;
    expect(districts.reduce((s, d) => s + d.final.ballotsInBox, 0)).toBe(list.final.ballotsInBox);
    expect(total(report.published[id].seats)).toBeGreaterThan(0);
    expect(report.datasetSeats[id]).toBeNull();
  });
});

/** Text-format bytes for protoc: every byte as an octal escape. */
const protoBytes = (b: Uint8Array) => `"${[...b].map((x) => `\\${x.toString(8).padStart(3, '0')}`).join('')}"`;

/** protoc's encoding of a text-format message of proto/shailoo/v1/results.proto: what a client written from the .proto files alone sends. */
function protocEncode(type: string, text: string): Buffer {
  const root = join(__dirname, '..', 'proto');
  return execFileSync('protoc', [`--encode=shailoo.v1.${type}`, `-I${root}`, join(root, 'shailoo/v1/results.proto')], { input: text });
}

describe('an external client’s messages beside contests', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let day: ElectionDay;
  const clock = new SystemClock();

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    const jk = jogorkuKenesh2021({ regions: ['talas'] });
    day = prepareElectionDay(jk.definition, jk.seats, jk.turnout, 'external', jk.definition.contests[0].rules.threshold);
    await server.registry.register(day.definition, deviceRegistrations(day));
  });
  afterAll(async () => {
    await server?.close();
    await stack?.close();
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.httpUrl}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  };

  it('accepts an old single-contest result encoded by protoc and counts it for the lists alone; a two-contest one counts the district too', async () => {
    const { box, count, contests } = day.boxes[0];
    const { electionId, precinctId, deviceId, key } = box.identity;
    const closedAt = Date.UTC(2021, 10, 28, 14);
    const text = [
      `election_id: "${electionId}"`,
      `definition_hash: ${protoBytes(Buffer.from(day.hash, 'hex'))}`,
      `precinct_id: "${precinctId}"`,
      `device_id: "${deviceId}"`,
      'sequence: 1',
      ...Object.entries(count.votes).map(([party, n]) => `votes { party_id: "${party}" votes: ${n} }`),
      `invalid_ballots: ${count.invalidBallots}`,
      `ballots_in_box: ${ballotsOf(count)}`,
      `closed_at_ms: ${closedAt}`,
    ].join('\n');
    const body = protocEncode('PrecinctResult', text);
    const envelope = protocEncode(
      'SignedEnvelope',
      `version: 1\nkind: PAYLOAD_KIND_PRECINCT_RESULT\ndevice_id: "${deviceId}"\nbody: ${protoBytes(body)}\nsignature: ${protoBytes(key.sign(body))}`,
    );
    const delivered = await transmit(envelope, electionId, 'result', { brokerUrl: stack.brokerUrl, clock, resendMs: 1000 });
    expect(delivered.ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);

    const all = await get<ContestResults[]>(`/api/elections/${electionId}/contests`);
    const listId = all.find((c) => c.system === 'parliament-list')!.contestId;
    const [districtId] = Object.keys(contests);
    const list = await get<ContestResults>(`/api/elections/${electionId}/contests/${listId}/results`);
    expect(list).toMatchObject({ precinctsReporting: 1, preliminary: { votes: count.votes, ballotsInBox: ballotsOf(count) } });
    const district = await get<ContestResults>(`/api/elections/${electionId}/contests/${districtId}/results`);
    expect(district).toMatchObject({ precinctsReporting: 0, leader: null, elected: [] });
    expect((await fetch(`${server.httpUrl}/api/elections/${electionId}/contests/nowhere/results`)).status).toBe(404);

    // Another box of the same district sends both ballots' counts (as the simulated АЭУ does).
    const second = day.boxes.find((b, i) => i > 0 && Object.keys(b.contests)[0] === districtId)!;
    const envelope2 = second.box.seal(second.count, closedAt, second.contests).envelope;
    expect((await transmit(envelope2, electionId, 'result', { brokerUrl: stack.brokerUrl, clock, resendMs: 1000 })).ack.status).toBe(
      v1.AckStatus.ACK_STATUS_ACCEPTED,
    );
    const after = await get<ContestResults>(`/api/elections/${electionId}/contests/${districtId}/results`);
    expect(after).toMatchObject({ precinctsReporting: 1, preliminary: { votes: second.contests[districtId].votes } });
    expect(after.leader!.votes).toBe(Math.max(...Object.values(second.contests[districtId].votes)));
  });

  it('exports the district as a NIST CandidateContest with its CandidateSelections, valid against the official schema', async () => {
    const id = day.definition.id;
    const report = await get<any>(`/api/elections/${id}/export/nist-err`);
    const ok = validateErr(report);
    expect(validateErr.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const [election] = report.Election;
    const districts = election.Contest.filter((c: any) => c['@type'] === 'ElectionResults.CandidateContest');
    const contest = day.definition.contests.find((c) => c.system === 'single-member' && c.id === Object.keys(day.boxes[0].contests)[0])!;
    const exported = districts.find((c: any) => c.Name === contest.name);
    expect(exported).toMatchObject({ VoteVariation: 'plurality', NumberElected: 1, VotesAllowed: 1, SubUnitsReported: 1 });
    expect(exported.ContestSelection).toHaveLength(contest.candidates!.length);
    // The counts are the second box's (the first sent the lists alone), for each candidate.
    const second = day.boxes.find((b, i) => i > 0 && b.contests[contest.id])!;
    const counts = exported.ContestSelection.map((sel: any) => sel.VoteCounts[0]?.Count);
    expect(counts).toEqual(contest.candidates!.map((c) => second.contests[contest.id].votes[c.id]));
    const candidates = new Map(election.Candidate.map((c: any) => [c['@id'], c]));
    const leader = exported.ContestSelection.reduce((a: any, b: any) => (b.VoteCounts[0].Count > a.VoteCounts[0].Count ? b : a));
    expect(candidates.get(leader.CandidateIds[0])).toMatchObject({ PostElectionStatus: 'projected-winner' });
    expect(report.Person.length).toBe(day.definition.contests.reduce((n, c) => n + (c.candidates?.length ?? 0), 0));
  });

  it('refuses a result that counts a district its precinct does not vote in, with a reason, and moves no tally', async () => {
    const { box, count } = day.boxes[1];
    const jk = jogorkuKenesh2021();
    const elsewhere = jk.definition.contests.find((c) => c.system === 'single-member' && !day.definition.contests.some((d) => d.id === c.id))!;
    const { electionId, precinctId, deviceId, key } = box.identity;
    const before = await get<ContestResults[]>(`/api/elections/${electionId}/contests`);
    const envelope = signPrecinctResult(
      {
        electionId,
        definitionHash: Buffer.from(day.hash, 'hex'),
        precinctId,
        deviceId,
        sequence: 7,
        votes: Object.entries(count.votes).map(([partyId, votes]) => ({ partyId, votes })),
        invalidBallots: count.invalidBallots,
        ballotsInBox: ballotsOf(count),
        closedAtMs: Date.UTC(2021, 10, 28, 14),
        contests: [{ contestId: elsewhere.id, votes: [{ selectionId: elsewhere.candidates![0].id, votes: 1 }], ballotsInBox: 1 }],
      },
      key,
    );
    // A refusal is answered, but a box keeps resending until it is accepted: listen for the answer, then power off.
    let answered!: (ack: v1.Ack) => void;
    const refusal = new Promise<v1.Ack>((resolve) => (answered = resolve));
    const modem = new Modem({
      deviceId,
      brokerUrl: stack.brokerUrl,
      clock,
      resendMs: 5000,
      onAck: (ack) => ack.status === v1.AckStatus.ACK_STATUS_REJECTED && answered(ack),
    });
    modem.start();
    void modem.send(envelope, electionId, 'result');
    const ack = await refusal.finally(() => modem.stop());
    expect(ack.reason).toContain('unknown-contest');
    expect(ack.reason).toContain(elsewhere.id);
    expect(await get<ContestResults[]>(`/api/elections/${electionId}/contests`)).toEqual(before);
  });
});
