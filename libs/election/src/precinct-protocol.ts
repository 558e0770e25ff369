import { validBallots } from './count';

/**
 * The figures of a precinct protocol and the control relations (контрольные соотношения) a
 * commission checks before signing. Figures that a source does not have are left out, and the
 * relations that need them are not checked.
 */
export interface ProtocolFigures {
  ballotsReceived?: number;
  ballotsIssued?: number;
  ballotsUnused?: number;
  ballotsSpoiled?: number;
  ballotsInBox?: number;
  validBallots?: number;
  invalidBallots?: number;
  votes?: Record<string, number>;
  againstAll?: number;
  identifiedVoters?: number;
}

export type ControlRelation = 'received-balance' | 'box-within-issued' | 'box-balance' | 'valid-balance' | 'identified-covers-issued' | 'non-negative';

export interface ProtocolViolation {
  relation: ControlRelation;
  message: string;
  figures: Record<string, number>;
}

/** Checks every relation whose figures are present and returns each one broken. */
export function checkProtocol(p: ProtocolFigures): ProtocolViolation[] {
  const out: ProtocolViolation[] = [];
  const notCount = (name: string, value: unknown) => {
    if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) {
      out.push({ relation: 'non-negative', message: `${name} must be a whole number ≥ 0, got ${value}`, figures: { [name]: value } });
    }
  };
  for (const name in p) if (name !== 'votes') notCount(name, p[name as keyof ProtocolFigures]);
  for (const party in p.votes) notCount(`votes.${party}`, p.votes[party]);
  const { ballotsReceived: received, ballotsIssued: issued, ballotsUnused: unused, ballotsSpoiled: spoiled } = p;
  if (defined(received, issued, unused, spoiled) && received !== issued! + unused! + spoiled!) {
    out.push({
      relation: 'received-balance',
      message: `ballots received (${received}) ≠ issued (${issued}) + unused (${unused}) + spoiled (${spoiled})`,
      figures: { ballotsReceived: received!, ballotsIssued: issued!, ballotsUnused: unused!, ballotsSpoiled: spoiled! },
    });
  }
  if (defined(p.ballotsInBox, issued) && p.ballotsInBox! > issued!) {
    out.push({
      relation: 'box-within-issued',
      message: `ballots in the box (${p.ballotsInBox}) > ballots issued (${issued})`,
      figures: { ballotsInBox: p.ballotsInBox!, ballotsIssued: issued! },
    });
  }
  if (defined(p.ballotsInBox, p.validBallots, p.invalidBallots) && p.ballotsInBox !== p.validBallots! + p.invalidBallots!) {
    out.push({
      relation: 'box-balance',
      message: `ballots in the box (${p.ballotsInBox}) ≠ valid (${p.validBallots}) + invalid (${p.invalidBallots})`,
      figures: { ballotsInBox: p.ballotsInBox!, validBallots: p.validBallots!, invalidBallots: p.invalidBallots! },
    });
  }
  if (p.votes && defined(p.validBallots)) {
    const sum = validBallots({ votes: p.votes, againstAll: p.againstAll });
    if (sum !== p.validBallots) {
      out.push({
        relation: 'valid-balance',
        message: `valid ballots (${p.validBallots}) ≠ the sum of votes${p.againstAll !== undefined ? ' and against all' : ''} (${sum})`,
        figures: { validBallots: p.validBallots!, sumOfVotes: sum },
      });
    }
  }
  if (defined(p.identifiedVoters, issued) && p.identifiedVoters! < issued!) {
    out.push({
      relation: 'identified-covers-issued',
      message: `identified voters (${p.identifiedVoters}) < ballots issued (${issued})`,
      figures: { identifiedVoters: p.identifiedVoters!, ballotsIssued: issued! },
    });
  }
  return out;
}

function defined(...xs: (number | undefined)[]): boolean {
  return xs.every((x) => x !== undefined);
}
