import { Figures } from './figures';
import { boxContestFigures, boxFigures, contestFigures, PrecinctState } from './precinct';

/** The key the message's own count goes under, to compare only the further contests here. */
const FIRST = '';

/** The reconciliation flags of a precinct, each counted per territory above it. */
export const FLAG_KINDS = [
  'box-exceeds-identified',
  'box-manual-mismatch',
  'manual-only',
  'not-reported',
  'double-votes',
  'identified-below-issued',
  'over-registered',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface PrecinctFlag {
  kind: FlagKind;
  message: string;
  details: Record<string, unknown>;
}

/**
 * The reconciliation of one precinct: what disagrees, what is missing, what was found at sync.
 * `not-reported` depends on the time: it is raised once `now` is past the reporting deadline.
 */
export function precinctFlags(p: PrecinctState | undefined, now: number, deadline: number, registeredVoters = 0): PrecinctFlag[] {
  const flags: PrecinctFlag[] = [];
  const box = p ? boxFigures(p) : null;
  const protocol = p?.protocol?.payload;
  const reports = [...(p?.identification.values() ?? [])].map((r) => r.payload);
  const identified = reports.reduce((s, r) => s + r.identifiedByFingerprint + r.identifiedByFace, 0);
  if (!box && !protocol && now > deadline) {
    flags.push({
      kind: 'not-reported',
      message: `no result ${Math.round((now - deadline) / 60000)} min after the reporting deadline`,
      details: { deadline: new Date(deadline).toISOString() },
    });
  }
  if (box && reports.length && box.ballotsInBox > identified) {
    flags.push({
      kind: 'box-exceeds-identified',
      message: `${box.ballotsInBox} ballots in the box, ${identified} voters identified`,
      details: { ballotsInBox: box.ballotsInBox, identified },
    });
  }
  if (protocol && reports.length && identified < protocol.ballotsIssued) {
    flags.push({
      kind: 'identified-below-issued',
      message: `${protocol.ballotsIssued} ballots issued, ${identified} voters identified`,
      details: { ballotsIssued: protocol.ballotsIssued, identified },
    });
  }
  if (protocol && !box) {
    flags.push({
      kind: 'manual-only',
      message: protocol.boxFailed ? 'the box failed: counted by hand only' : 'manual protocol without a box result',
      details: { boxFailed: protocol.boxFailed },
    });
  }
  if (protocol && box) {
    const differences = figureDifferences(box, protocol);
    // The further contests (a district's candidates beside the lists), compared contest by contest
    // where both counted it (a box or protocol without a contest's count leaves it to the other).
    const boxes = boxContestFigures(p!, FIRST);
    const contests: Record<string, Record<string, number>> = {};
    for (const [id, hand] of contestFigures(protocol, FIRST)) {
      const counted = boxes.get(id);
      const d = id === FIRST || !counted ? {} : figureDifferences(counted, hand);
      if (Object.keys(d).length) contests[id] = d;
    }
    if (Object.keys(differences).length || Object.keys(contests).length) {
      const all = Object.keys(contests).length ? { ...differences, contests } : differences;
      flags.push({
        kind: 'box-manual-mismatch',
        message: `box and manual count differ (box − manual): ${JSON.stringify(all)}`,
        details: { differences, ...(Object.keys(contests).length ? { contests } : {}) },
      });
    }
  }
  // Each message was checked against the list on its own; several devices of one precinct are checked together here.
  const over = { ballotsInBox: box?.ballotsInBox ?? 0, identified, ballotsIssued: protocol?.ballotsIssued ?? 0 };
  if (registeredVoters > 0 && Math.max(over.ballotsInBox, over.identified, over.ballotsIssued) > registeredVoters) {
    flags.push({
      kind: 'over-registered',
      message: `more than the ${registeredVoters} registered voters: ${over.ballotsInBox} ballots in ${p?.boxes.size ?? 0} box(es), ${identified} identified, ${over.ballotsIssued} issued`,
      details: { registeredVoters, ...over, boxes: p?.boxes.size ?? 0 },
    });
  }
  const doubles = reports.flatMap((r) => r.doubleVotes);
  if (doubles.length)
    flags.push({ kind: 'double-votes', message: `${doubles.length} voter(s) identified here and elsewhere`, details: { doubleVotes: doubles } });
  return flags;
}

/** What a box counted minus what the commission counted, per party or candidate, invalid and against all; only the differences. */
export function figureDifferences(box: Figures, manual: Figures): Record<string, number> {
  const differences: Record<string, number> = {};
  for (const id of new Set([...Object.keys(box.votes), ...Object.keys(manual.votes)])) {
    const d = (box.votes[id] ?? 0) - (manual.votes[id] ?? 0);
    if (d) differences[id] = d;
  }
  if (box.invalidBallots !== manual.invalidBallots) differences.invalid = box.invalidBallots - manual.invalidBallots;
  if (box.againstAll !== manual.againstAll) differences.againstAll = box.againstAll - manual.againstAll;
  return differences;
}
