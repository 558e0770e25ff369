import { createHash } from 'node:crypto';

/** Levels of the territory tree, top down. */
export type TerritoryLevel = 'country' | 'region' | 'district' | 'precinct';

export interface Territory {
  id: string;
  name: string;
  level: TerritoryLevel;
  /** Registered voters; on a precinct it is the voter list's size, above it the sum below. */
  registeredVoters?: number;
  children?: Territory[];
}

export interface Party {
  id: string;
  name: string;
  /** Registration order: the order on the ballot. */
  order: number;
  /** The source does not name it (a party that won nothing): a reader names it in their own language, by its order. */
  unnamed?: boolean;
}

export type Sex = 'F' | 'M';

export interface Candidate {
  id: string;
  /** The name in its Kyrgyz form (патронимы with уулу / кызы), as on the Kyrgyz ballot. */
  name: string;
  /** The name in its Russian form (отчество), as on the Russian ballot. */
  nameRu?: string;
  sex: Sex;
  /** Ballot order. */
  order: number;
  /** The party that nominated the candidate; self-nominated when absent. */
  partyId?: string;
  /** The order in which the commission registered the candidates, from 1: a tie at the top goes to the earlier (see allocateSingleMember). */
  registration?: number;
}

export type ElectoralSystem = 'city-council' | 'parliament-list' | 'single-member' | 'village-council';

/** Whose count the threshold percentage is taken of; see libs/election/src/threshold.ts. */
export type ThresholdBase = 'participated' | 'valid' | 'party-votes';

export interface ContestRules {
  /** Share of the base a party needs, e.g. 0.07. */
  threshold?: number;
  thresholdBase?: ThresholdBase;
  /** Share needed in every region as well (parliament: 0.005). */
  regionalThreshold?: number;
  /** Most seats one party may hold (parliament: 27). */
  cap?: number;
  /** Share of seats reserved for women (village council: 0.3). */
  womenReserve?: number;
}

export interface Contest {
  id: string;
  name: string;
  system: ElectoralSystem;
  seats: number;
  /** The territory the contest covers (its district). */
  territoryId: string;
  againstAll: boolean;
  parties?: Party[];
  candidates?: Candidate[];
  rules: ContestRules;
}

export type ElectionType = 'city-council' | 'parliament' | 'village-council';

export interface ElectionDefinition {
  id: string;
  name: string;
  type: ElectionType;
  /** ISO date of election day. */
  date: string;
  territory: Territory;
  contests: Contest[];
}

/**
 * JSON with object keys sorted at every depth: the same definition always serializes to the
 * same bytes, whatever order its keys were written in. Arrays keep their order (it is meaningful:
 * registration order, territory order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot serialize ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha-256 of the canonical serialization, hex. Every result carries it. */
export function definitionHash(definition: ElectionDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** Every territory of the tree, depth first, with its ancestors' ids (root first). */
export function* walkTerritories(root: Territory, ancestors: string[] = []): Generator<{ territory: Territory; ancestors: string[] }> {
  yield { territory: root, ancestors };
  for (const child of root.children ?? []) yield* walkTerritories(child, [...ancestors, root.id]);
}

/** Each precinct's path: its territories from the root down to the precinct itself. */
export function precinctPaths(root: Territory): Map<string, string[]> {
  return new Map(
    [...walkTerritories(root)]
      .filter(({ territory }) => territory.level === 'precinct')
      .map(({ territory, ancestors }) => [territory.id, [...ancestors, territory.id]]),
  );
}

export function precinctsOf(root: Territory): Territory[] {
  return [...walkTerritories(root)].filter((t) => t.territory.level === 'precinct').map((t) => t.territory);
}

export function registeredVoters(territory: Territory): number {
  if (territory.level === 'precinct' || !territory.children?.length) return territory.registeredVoters ?? 0;
  return territory.children.reduce((sum, c) => sum + registeredVoters(c), 0);
}

/** Systems whose ballot lists candidates rather than parties. */
export const isCandidateContest = (contest: Pick<Contest, 'system'>): boolean => contest.system === 'single-member' || contest.system === 'village-council';

/** A contest's ballot, line by line: its candidates, or its parties. */
export function ballotLines(contest: Contest): (Candidate | Party)[] {
  return isCandidateContest(contest) ? (contest.candidates ?? []) : (contest.parties ?? []);
}

/** The ids a contest's ballot lists: its parties, or its candidates. */
export const selectionIds = (contest: Contest): string[] => ballotLines(contest).map((l) => l.id);

/**
 * The contests whose ballots a precinct's voters get, in the definition's order: those whose
 * territory is on the precinct's path (root first, the precinct last). The first is the contest a
 * message's own count is of; a message carries the others' counts beside it.
 */
export function contestsAt(definition: ElectionDefinition, path: readonly string[]): Contest[] {
  const on = new Set(path);
  return definition.contests.filter((c) => on.has(c.territoryId));
}
