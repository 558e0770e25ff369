import { ContestCounts, ContestOutcome, ElectoralSystem, PartyListAllocation, Sex, TerritoryResults } from '@shailoo/election';

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

/** One line of a contest's ballot with its votes: a party, or a candidate. */
export interface ContestSelection {
  id: string;
  /** A candidate's name in its Kyrgyz form; a party's name. */
  name: string;
  /** A candidate's name in its Russian form. */
  nameRu?: string;
  sex?: Sex;
  /** The party that nominated a candidate; absent for a self-nominated one and for a party. */
  partyId?: string;
  order: number;
  /** Preliminary (boxes) and final (protocols, the boxes elsewhere) votes. */
  votes: number;
  finalVotes: number;
  /** Whether elected on the current outcome (final once decided, provisional before); seats for a party. */
  elected: boolean;
  seats?: number;
  /** Elected to a seat reserved for women (village councils). */
  reservedSeat?: boolean;
}

/** What `GET /api/elections/{id}/contests/{contestId}/results` answers; `GET /api/elections/{id}/contests` lists them all. */
export interface ContestResults extends ContestCounts {
  electionId: string;
  contestId: string;
  name: string;
  system: ElectoralSystem;
  seats: number;
  /** The territory the contest covers (a district for a single-member or village contest, the country for the lists). */
  territoryId: string;
  againstAll: boolean;
  /** Share of the seats reserved for women (village councils; 0 elsewhere). */
  womenReserve: number;
  /** In ballot order. */
  selections: ContestSelection[];
  /** The first two as the outcome ranks them (a tie as the law decides it), on the boxes' figures until the contest is final, then on the final ones; and the votes between them. */
  leader: { id: string; name: string; votes: number } | null;
  runnerUp: { id: string; name: string; votes: number } | null;
  margin: number | null;
  /** Provisional on the boxes until every precinct of the contest has reported or an operator closed the count; then final on the final figures. */
  status: SeatsView['status'];
  closedBy: SeatsView['closedBy'];
  /** The law's outcome on the boxes' figures, and on the final figures once decided, with its working. */
  outcome: { provisional: ContestOutcome | null; final: ContestOutcome | null };
  /** Who holds the seats on the current outcome: a district's winner, a village council's elected (reserved seats first), a list's parties with seats. */
  elected: string[];
}
