import { allocateCityCouncil, allocateParliamentList, PartyListAllocation, RegionFigures, total } from '@shailoo/election';

export class InputError extends Error {}

interface AllocateInput {
  system: 'city-council' | 'parliament-list';
  seats: number;
  participated: number;
  votes: Record<string, number>;
  againstAll?: number;
  regions?: Record<string, RegionFigures>;
  cap?: number;
  seed?: string;
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new InputError(`${field} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return value;
}

function voteMap(value: unknown, field: string): Record<string, number> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`${field} must be an object of party → votes`);
  const out: Record<string, number> = {};
  for (const [party, v] of Object.entries(value)) out[party] = count(v, `${field}.${party}`);
  if (Object.keys(out).length === 0) throw new InputError(`${field} names no party`);
  return out;
}

/** Checks the documented input shape, naming the first field that is wrong. */
export function parseAllocateInput(text: string): AllocateInput {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`input is not JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError('input must be a JSON object');
  if (data.system !== 'city-council' && data.system !== 'parliament-list') {
    throw new InputError(`system must be "city-council" or "parliament-list", got ${JSON.stringify(data.system)}`);
  }
  const seats = count(data.seats, 'seats');
  if (seats === 0) throw new InputError('seats must be at least 1');
  const votes = voteMap(data.votes, 'votes');
  const participated = count(data.participated, 'participated');
  const partyVotes = total(votes);
  const againstAll = data.againstAll === undefined ? undefined : count(data.againstAll, 'againstAll');
  if (participated < partyVotes + (againstAll ?? 0))
    throw new InputError(`participated (${participated}) is less than the votes cast (${partyVotes + (againstAll ?? 0)})`);
  const input: AllocateInput = { system: data.system, seats, participated, votes, againstAll, seed: data.seed === undefined ? undefined : String(data.seed) };
  if (data.system === 'parliament-list') {
    if (!data.regions || typeof data.regions !== 'object' || Array.isArray(data.regions) || Object.keys(data.regions).length === 0) {
      throw new InputError('regions must be an object of region → {participated, votes} for parliament-list');
    }
    input.regions = Object.fromEntries(
      Object.entries<any>(data.regions).map(([name, r]) => {
        if (!r || typeof r !== 'object') throw new InputError(`regions.${name} must be {participated, votes}`);
        return [name, { participated: count(r.participated, `regions.${name}.participated`), votes: voteMap(r.votes, `regions.${name}.votes`) }];
      }),
    );
    input.cap = data.cap === undefined ? undefined : count(data.cap, 'cap');
  }
  return input;
}

export function allocate(input: AllocateInput): PartyListAllocation {
  const figures = { seats: input.seats, participated: input.participated, votes: input.votes, againstAll: input.againstAll, seed: input.seed };
  return input.system === 'city-council' ? allocateCityCouncil(figures) : allocateParliamentList({ ...figures, regions: input.regions!, cap: input.cap });
}

/** The allocation and its working as a table for people. */
export function allocationTable(a: PartyListAllocation): string {
  const first = a.rounds[0];
  const lines = [
    `${a.system}: ${total(a.seats)} seats; threshold base ${a.thresholdBase.kind} = ${a.thresholdBase.count}`,
    `Hare quota ${first.totalVotes} / ${first.seats} = ${first.quota.toFixed(4)}`,
    '',
    `${'Party'.padEnd(24)} ${'Votes'.padStart(9)} ${'Quotient'.padStart(9)} ${'Int'.padStart(4)} ${'Rem.'.padStart(7)} ${'+1'.padStart(3)} ${'Seats'.padStart(5)}`,
  ];
  for (const round of a.rounds) {
    if (round !== first) lines.push(`— excess over the cap shared again: ${round.seats} seats, quota ${round.quota.toFixed(4)}`);
    for (const r of round.rows) {
      lines.push(
        `${r.id.padEnd(24)} ${String(r.votes).padStart(9)} ${r.quotient.toFixed(4).padStart(9)} ${String(r.integerSeats).padStart(4)} ${r.remainder.toFixed(4).padStart(7)} ${(r.remainderSeat ? '+1' : '').padStart(3)} ${String(a.seats[r.id]).padStart(5)}`,
      );
    }
  }
  for (const f of a.failed) lines.push(`${f.id.padEnd(24)} ${String(f.votes).padStart(9)}  did not pass: ${f.reason}`);
  for (const c of a.capped) lines.push(`cap: ${c.id} would have had ${c.uncapped}, keeps ${c.seats}`);
  for (const l of a.lots) lines.push(`lot (${l.purpose}) among ${l.tied.join(', ')}: ${l.order.join(' > ')}`);
  if (a.unallocated) lines.push(`unallocated: ${a.unallocated}`);
  return lines.join('\n');
}
