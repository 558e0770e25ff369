import { PartyListAllocation, TerritoryResults } from '@shailoo/election';

/** Provisional seats from the boxes; final ones once every precinct reported or an operator closed the count. */
export interface SeatsView {
  status: 'provisional' | 'final';
  closedBy: 'all-reported' | 'operator' | null;
  provisional: PartyListAllocation | null;
  final: PartyListAllocation | null;
}

/** What `GET /api/elections/{id}/results` answers for a territory (the whole election by default). */
export interface ElectionResults extends TerritoryResults {
  electionId: string;
  electionName: string;
  definitionHash: string;
  /** The territory's figures per party: preliminary and final votes, and the current seats (election level only). */
  parties: { id: string; name: string; order: number; unnamed?: boolean; votes: number; finalVotes: number; seats: number | null }[];
  seatsStatus: SeatsView['status'];
  updatedAt: string | null;
}
