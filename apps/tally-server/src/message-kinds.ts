import { int64ToNumber, isRefusalReason, MessageKind, SENDERS, v1 } from '@shailoo/contracts';
import {
  checkProtocol,
  DoubleVoteRecord,
  ELECTION_DAY,
  IdentificationPayload,
  Payload,
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

function voteMap(list: v1.IPartyVotes[], election: RegisteredElection): Record<string, number> | { rejection: Rejection } {
  const votes: Record<string, number> = {};
  for (const { partyId, votes: count } of list) {
    const id = partyId ?? '';
    if (!election.partyIds.has(id)) return refuse('unknown-party', `party ${id} is not on the ballot`);
    if (id in votes) return refuse('out-of-range', `party ${id} is counted twice`);
    votes[id] = count ?? 0;
  }
  return votes;
}

/** The votes of a count, per party on the ballot, and "against all" only where the ballot has that line. */
function countedVotes(list: v1.IPartyVotes[], againstAll: number, election: RegisteredElection): Record<string, number> | { rejection: Rejection } {
  if (againstAll > 0 && !election.definition.contests[0]?.againstAll) return refuse('out-of-range', 'votes against all on a ballot without that line');
  return voteMap(list, election);
}

/** What a box result and a protocol are checked for alike: a time this century, parties on the ballot, no more ballots than voters. */
function checkCount(
  at: unknown,
  when: string,
  count: { votes: v1.IPartyVotes[]; againstAll: number },
  ballots: number,
  ballotsAre: string,
  election: RegisteredElection,
  voters: number,
): { atMs: number; votes: Record<string, number> } | { rejection: Rejection } {
  const atMs = time(at, when);
  if (typeof atMs !== 'number') return atMs;
  const votes = countedVotes(count.votes, count.againstAll, election);
  if ('rejection' in votes) return votes as { rejection: Rejection };
  if (ballots > voters) return refuse('out-of-range', `${ballots} ballots ${ballotsAre} a precinct with ${voters} voters`);
  return { atMs, votes };
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
    const valid = validBallots({ votes, againstAll: r.againstAll });
    const violations = checkProtocol({ ballotsInBox: r.ballotsInBox, validBallots: valid, invalidBallots: r.invalidBallots, votes, againstAll: r.againstAll });
    if (violations.length) return refuse('control-relation', violations.map((v) => v.message).join('; '));
    return { payload: { votes, invalidBallots: r.invalidBallots, againstAll: r.againstAll, ballotsInBox: r.ballotsInBox, closedAtMs } };
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
    const payload: ProtocolPayload = {
      ballotsReceived: p.ballotsReceived,
      ballotsIssued: p.ballotsIssued,
      ballotsUnused: p.ballotsUnused,
      ballotsSpoiled: p.ballotsSpoiled,
      ballotsInBox: p.ballotsInBox,
      validBallots: p.validBallots,
      invalidBallots: p.invalidBallots,
      votes,
      againstAll: p.againstAll,
      boxFailed: p.boxFailed,
      signedAtMs,
    };
    const violations = checkProtocol(payload);
    if (violations.length) return refuse('control-relation', violations.map((v) => v.message).join('; '));
    return { payload };
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
