import { Authority } from './identification-device';
import { votingPrecinct } from '@shailoo/voters';

/** The precinct's own view of one voter, one vote: its voters (remote applicants included), once each. */
export function precinctAuthority(precinctId: string): Authority {
  const identified = new Set<string>();
  return (voter) => {
    if (votingPrecinct(voter) !== precinctId) return { ok: false, reason: 'other-precinct' };
    if (identified.has(voter.pin)) return { ok: false, reason: 'already-identified' };
    identified.add(voter.pin);
    return { ok: true };
  };
}
