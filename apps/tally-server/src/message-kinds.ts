import { int64ToNumber, isRefusalReason, MessageKind, SENDERS, v1 } from '@shailoo/contracts';
import {
  checkProtocol,
  Contest,
  ContestCount,
  ContestProtocol,
  DoubleVoteRecord,
  isCandidateContest,
  ELECTION_DAY,
  IdentificationPayload,
  Payload,
  ProtocolFigures,
  ProtocolPayload,
  ResultPayload,
  TurnoutPayload,
  validBallots,
} from '@shailoo/election';
import { AcceptedKind, PayloadHeader, RegisteredElection } from '@shailoo/registry';
import { Rejection } from './quarantine';

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

type Outcome<P> = { payload: P } | { rejection: Rejection };
const refuse = (reason: Rejection['reason'], detail: string): { rejection: Rejection } => ({ rejection: { reason, detail } });

/** How each kind of payload is recognized (its kind is also the last level of its uplink topic), decoded and checked. */
export interface KindSpec<P extends Payload = Payload> extends AcceptedKind<PayloadHeader & Record<string, any>> {
  kind: MessageKind;
  validate(message: any, election: RegisteredElection, voters: number): Outcome<P>;
}

function time(value: unknown, what: string): number | { rejection: Rejection } {
  const ms = int64ToNumber(value as number);
  return ms >= EARLIEST && ms <= LATEST ? ms : refuse('out-of-range', `${what} ${ms} ms is not a date this century`);
}

/** A contest's ballot lines: its own (a precinct no contest covers answers with all the definition's parties, as before contests). */
function linesOf(contest: Contest | undefined, election: RegisteredElection): Set<string> {
  return contest ? election.selections.get(contest.id)! : election.partyIds;
}

function voteMap(
  list: { id: string; votes: number }[],
  contest: Contest | undefined,
  election: RegisteredElection,
): Record<string, number> | { rejection: Rejection } {
  const lines = linesOf(contest, election);
  const what = contest && isCandidateContest(contest) ? 'candidate' : 'party';
  const votes: Record<string, number> = {};
  for (const { id, votes: count } of list) {
    if (!lines.has(id))
      return refuse('unknown-party', `${what} ${id} is not on the ballot${contest && contest !== election.definition.contests[0] ? ` of ${contest.id}` : ''}`);
    if (id in votes) return refuse('out-of-range', `${what} ${id} is counted twice`);
    votes[id] = count;
  }
  return votes;
}

/** The votes of a count, per line of the contest's ballot, and "against all" only where the ballot has that line. */
function countedVotes(
  list: { id: string; votes: number }[],
  againstAll: number,
  contest: Contest | undefined,
  election: RegisteredElection,
): Record<string, number> | { rejection: Rejection } {
  if (againstAll > 0 && !(contest ?? election.definition.contests[0])?.againstAll)
    return refuse('out-of-range', 'votes against all on a ballot without that line');
  return voteMap(list, contest, election);
}

const partyLines = (list: v1.IPartyVotes[]) => list.map((v) => ({ id: v.partyId ?? '', votes: v.votes ?? 0 }));
const selectionLines = (list: v1.ISelectionVotes[]) => list.map((v) => ({ id: v.selectionId ?? '', votes: v.votes ?? 0 }));

/** What a box result and a protocol are checked for alike: a time this century, parties on the ballot, no more ballots than voters. */
function checkCount(
  at: unknown,
  when: string,
  count: { votes: v1.IPartyVotes[]; againstAll: number; precinctId: string },
  ballots: number,
  ballotsAre: string,
  election: RegisteredElection,
  voters: number,
): { atMs: number; votes: Record<string, number> } | { rejection: Rejection } {
  const atMs = time(at, when);
  if (typeof atMs !== 'number') return atMs;
  const votes = countedVotes(partyLines(count.votes), count.againstAll, election.contestsAt.get(count.precinctId)?.[0], election);
  if ('rejection' in votes) return votes as { rejection: Rejection };
  if (ballots > voters) return refuse('out-of-range', `${ballots} ballots ${ballotsAre} a precinct with ${voters} voters`);
  return { atMs, votes };
}

/**
 * The counts of a message's further contests (beside its precinct's first), each checked as the
 * first is: a contest the precinct votes in, once; lines of its ballot; no more ballots than
 * voters; its own control relations. `figures` reads one contest's figures (a box's or a protocol's).
 */
function furtherContests<P>(
  list: v1.IContestCount[],
  precinctId: string,
  election: RegisteredElection,
  voters: number,
  figures: (c: v1.IContestCount, votes: Record<string, number>) => P & ContestCount & ProtocolFigures,
): Record<string, P> | { rejection: Rejection } {
  const here = election.contestsAt.get(precinctId) ?? [];
  const out: Record<string, P> = {};
  for (const c of list) {
    const id = c.contestId ?? '';
    const contest = here.find((x) => x.id === id);
    if (!contest) return refuse('unknown-contest', `contest ${JSON.stringify(id)} is not voted in at precinct ${precinctId}`);
    if (contest === here[0])
      return refuse('unknown-contest', `contest ${id} is precinct ${precinctId}'s first: the message's own count, not one of its contests`);
    if (id in out) return refuse('out-of-range', `contest ${id} is counted twice`);
    const votes = countedVotes(selectionLines(c.votes ?? []), c.againstAll ?? 0, contest, election);
    if ('rejection' in votes) return votes as { rejection: Rejection };
    const f = figures(c, votes);
    const ballots = Math.max(f.ballotsInBox, f.ballotsIssued ?? 0);
    if (ballots > voters) return refuse('out-of-range', `contest ${id}: ${ballots} ballots in a precinct with ${voters} voters`);
    const violations = relationsOf(f);
    if (violations.length) return refuse('control-relation', `contest ${id}: ${violations.map((v) => v.message).join('; ')}`);
    out[id] = f;
  }
  return out;
}

/** The control relations a count breaks; a box's count has no valid ballots of its own: they are its votes. */
function relationsOf(f: ContestCount & ProtocolFigures) {
  return checkProtocol({ validBallots: validBallots(f), ...f });
}

/** A box's count of one contest. */
function boxCount(c: v1.IContestCount | v1.PrecinctResult, votes: Record<string, number>): ContestCount {
  return { votes, invalidBallots: c.invalidBallots ?? 0, againstAll: c.againstAll ?? 0, ballotsInBox: c.ballotsInBox ?? 0 };
}

/** A protocol's figures of one contest. */
function protocolCount(p: v1.IContestCount | v1.ManualProtocol, votes: Record<string, number>): ContestProtocol {
  return {
    ballotsReceived: p.ballotsReceived ?? 0,
    ballotsIssued: p.ballotsIssued ?? 0,
    ballotsUnused: p.ballotsUnused ?? 0,
    ballotsSpoiled: p.ballotsSpoiled ?? 0,
    ballotsInBox: p.ballotsInBox ?? 0,
    validBallots: p.validBallots ?? 0,
    invalidBallots: p.invalidBallots ?? 0,
    votes,
    againstAll: p.againstAll ?? 0,
  };
}

const result: KindSpec<ResultPayload> = {
  kind: 'result',
  name: 'box result',
  deviceKinds: SENDERS.result,
  decode: (body) => v1.PrecinctResult.decode(body),
  validate(r: v1.PrecinctResult, election, voters) {
    const checked = checkCount(r.closedAtMs, 'closing time', r, r.ballotsInBox, 'in the box of', election, voters);
    if ('rejection' in checked) return checked;
    const { atMs: closedAtMs, votes } = checked;
    const violations = relationsOf(boxCount(r, votes));
    if (violations.length) return refuse('control-relation', violations.map((v) => v.message).join('; '));
    const contests = furtherContests(r.contests, r.precinctId, election, voters, boxCount);
    if ('rejection' in contests) return contests as { rejection: Rejection };
    const payload: ResultPayload = { votes, invalidBallots: r.invalidBallots, againstAll: r.againstAll, ballotsInBox: r.ballotsInBox, closedAtMs };
    return { payload: r.contests.length ? { ...payload, contests: contests as Record<string, ContestCount> } : payload };
  },
};

const protocol: KindSpec<ProtocolPayload> = {
  kind: 'protocol',
  name: 'manual protocol',
  deviceKinds: SENDERS.protocol,
  decode: (body) => v1.ManualProtocol.decode(body),
  validate(p: v1.ManualProtocol, election, voters) {
    const checked = checkCount(p.signedAtMs, 'signing time', p, p.ballotsIssued, 'issued in', election, voters);
    if ('rejection' in checked) return checked;
    const { atMs: signedAtMs, votes } = checked;
    const payload: ProtocolPayload = { ...protocolCount(p, votes), boxFailed: p.boxFailed, signedAtMs };
    const violations = checkProtocol(payload);
    if (violations.length) return refuse('control-relation', violations.map((v) => v.message).join('; '));
    const contests = furtherContests(p.contests, p.precinctId, election, voters, protocolCount);
    if ('rejection' in contests) return contests as { rejection: Rejection };
    return { payload: p.contests.length ? { ...payload, contests: contests as Record<string, ContestProtocol> } : payload };
  },
};

const identification: KindSpec<IdentificationPayload> = {
  kind: 'identification',
  name: 'identification report',
  deviceKinds: SENDERS.identification,
  decode: (body) => v1.IdentificationReport.decode(body),
  validate(r: v1.IdentificationReport, _election, voters) {
    const closedAtMs = time(r.closedAtMs, 'closing time');
    if (typeof closedAtMs !== 'number') return closedAtMs;
    const identified = r.identifiedByFingerprint + r.identifiedByFace;
    if (identified > voters) return refuse('out-of-range', `${identified} identified in a precinct with ${voters} voters`);
    const refused: Record<string, number> = {};
    for (const { reason, count } of r.refused) {
      if (!isRefusalReason(reason ?? '')) return refuse('out-of-range', `unknown refusal reason ${JSON.stringify(reason)}`);
      refused[reason!] = (refused[reason!] ?? 0) + (count ?? 0);
    }
    const doubleVotes: DoubleVoteRecord[] = [];
    for (const d of r.doubleVotes) {
      const hereAtMs = time(d.hereAtMs, 'identification time');
      const thereAtMs = time(d.thereAtMs, 'identification time');
      if (typeof hereAtMs !== 'number') return hereAtMs;
      if (typeof thereAtMs !== 'number') return thereAtMs;
      doubleVotes.push({ voterRef: d.voterRef ?? '', otherPrecinctId: d.otherPrecinctId ?? '', hereAtMs, thereAtMs });
    }
    return {
      payload: {
        identifiedByFingerprint: r.identifiedByFingerprint,
        identifiedByFace: r.identifiedByFace,
        refused,
        slipsPrinted: r.slipsPrinted,
        doubleVotes,
        closedAtMs,
      },
    };
  },
};

const turnout: KindSpec<TurnoutPayload> = {
  kind: 'turnout',
  name: 'turnout snapshot',
  deviceKinds: SENDERS.turnout,
  decode: (body) => v1.TurnoutSnapshot.decode(body),
  validate(t: v1.TurnoutSnapshot, _election, voters) {
    const takenAtMs = time(t.takenAtMs, 'snapshot time');
    if (typeof takenAtMs !== 'number') return takenAtMs;
    if (t.hour < ELECTION_DAY.opens || t.hour > ELECTION_DAY.closes) return refuse('out-of-range', `hour ${t.hour} is outside polling hours`);
    if (t.voters > voters) return refuse('out-of-range', `${t.voters} voters so far in a precinct with ${voters} voters`);
    return { payload: { hour: t.hour, voters: t.voters, takenAtMs } };
  },
};

export const KIND_SPECS = new Map<number, KindSpec>([
  [v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT, result],
  [v1.PayloadKind.PAYLOAD_KIND_MANUAL_PROTOCOL, protocol],
  [v1.PayloadKind.PAYLOAD_KIND_IDENTIFICATION_REPORT, identification],
  [v1.PayloadKind.PAYLOAD_KIND_TURNOUT_SNAPSHOT, turnout],
]);
