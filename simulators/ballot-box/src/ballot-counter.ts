import { v1 } from '@shailoo/contracts';
import { BallotCount, bishkekTime, total } from '@shailoo/election';
import { Random } from '@shailoo/platform';
import { Delivery, UplinkOptions } from '@shailoo/modem';
import { BallotBox } from './ballot-box';

/** The life of an automatic counting ballot box (АЭУ) on election day. */
export type BoxState = 'installed' | 'zero-report' | 'open' | 'closed' | 'protocol-printed' | 'transmitted' | 'acknowledged' | 'failed';

/**
 * A ballot as the voter marked it: `partyId` names the line marked (a party, or a candidate on a
 * candidate ballot); `contestId` says which of the precinct's ballots it is (absent: the first).
 */
export type Ballot = ({ mark: 'party'; partyId: string } | { mark: 'blank' } | { mark: 'over-marked' } | { mark: 'no-protective-ink' }) & {
  contestId?: string;
};

/** What the scanner keeps for one contest's ballots. */
interface ContestTally {
  name: string;
  lines: { id: string; name: string }[];
  votes: Record<string, number>;
  invalid: { blank: number; 'over-marked': number; unreadable: number };
}

/** How the scanner sorted a ballot. It never hands one back to the voter. */
export type Reading = 'valid' | 'blank' | 'over-marked' | 'unreadable';

export class BoxStateError extends Error {
  constructor(
    readonly state: BoxState,
    action: string,
  ) {
    super(`cannot ${action} a box that is ${state}`);
  }
}

export interface BallotCounterOptions {
  /** The parties in ballot order, as the box was configured. */
  parties: { id: string; name: string }[];
  electionName: string;
  random: Random;
  /** Chance that a validly marked ballot is read as unreadable (a faint dot). */
  misreadRate?: number;
  /** Ballots already inside when the box is installed (a box must be empty to open). */
  preloaded?: number;
  /** The precinct's further contests (a district's candidates beside the lists): the box reads their ballots too. */
  contests?: { id: string; name: string; lines: { id: string; name: string }[] }[];
}

/**
 * The АЭУ's scanner and counter as an explicit state machine:
 * installed → zero report → open → closed → protocol printed → transmitted → acknowledged,
 * or failed (jam, power) at any point before it closes, after which the commission counts by hand.
 */
export class BallotCounter {
  private current: BoxState = 'installed';
  private inside: number;
  private readonly first: ContestTally;
  private readonly further = new Map<string, ContestTally>();
  private closedAtMs = 0;
  private envelope: Buffer | null = null;
  failure: { reason: string; atMs: number } | null = null;

  constructor(
    readonly box: BallotBox,
    private readonly options: BallotCounterOptions,
  ) {
    this.inside = options.preloaded ?? 0;
    const tally = (name: string, lines: { id: string; name: string }[]): ContestTally => ({
      name,
      lines,
      votes: Object.fromEntries(lines.map((l) => [l.id, 0])),
      invalid: { blank: 0, 'over-marked': 0, unreadable: 0 },
    });
    this.first = tally(options.electionName, options.parties);
    for (const c of options.contests ?? []) this.further.set(c.id, tally(c.name, c.lines));
  }

  get state(): BoxState {
    return this.current;
  }

  /** Ballots in the box so far. */
  get ballots(): number {
    return this.inside;
  }

  /** Prints the zero report; the box must be empty. */
  printZeroReport(atMs: number): string {
    this.expect('installed', 'print the zero report of');
    const lines = this.header('НӨЛДҮК ОТЧЕТ / ZERO REPORT', atMs);
    lines.push(`Урнадагы бюллетендер / ballots inside: ${this.inside}`, this.inside === 0 ? 'Урна бош / box is empty' : 'УРНА БОШ ЭМЕС / BOX IS NOT EMPTY');
    this.current = 'zero-report';
    return lines.join('\n');
  }

  /** Opens for voting; refuses unless the zero report showed an empty box. */
  open(): void {
    this.expect('zero-report', 'open');
    if (this.inside !== 0) throw new BoxStateError(this.current, `open (${this.inside} ballots inside)`);
    this.current = 'open';
  }

  /** Reads one ballot of any of its contests and sorts it; invalid ones are counted as such, never returned. */
  read(ballot: Ballot): Reading {
    this.expect('open', 'read a ballot in');
    this.inside++;
    // A ballot of a contest the box was not configured with is sorted among the first contest's invalid ones.
    const tally = ballot.contestId === undefined ? this.first : this.further.get(ballot.contestId);
    let reading: Reading;
    if (tally && ballot.mark === 'party' && ballot.partyId in tally.votes) {
      reading = this.options.random.next() < (this.options.misreadRate ?? 0) ? 'unreadable' : 'valid';
    } else if (ballot.mark === 'blank' || ballot.mark === 'over-marked') reading = ballot.mark;
    else reading = 'unreadable';
    const into = tally ?? this.first;
    if (reading === 'valid') into.votes[(ballot as { partyId: string }).partyId]++;
    else into.invalid[reading]++;
    return reading;
  }

  /** A jam or power loss: the box stops; the commission switches to an ordinary box. */
  fail(reason: string, atMs: number): void {
    if (['closed', 'protocol-printed', 'transmitted', 'acknowledged', 'failed'].includes(this.current)) {
      throw new BoxStateError(this.current, 'fail');
    }
    this.failure = { reason, atMs };
    this.current = 'failed';
  }

  /** Polls close: the count is final. */
  close(atMs: number): BallotCount {
    this.expect('open', 'close');
    this.closedAtMs = atMs;
    this.current = 'closed';
    return this.count();
  }

  /** The count of the first contest's ballots. */
  count(): BallotCount {
    return countOf(this.first);
  }

  /** The count of each further contest's ballots, by contest id. */
  contestCounts(): Record<string, BallotCount> {
    return Object.fromEntries([...this.further].map(([id, t]) => [id, countOf(t)]));
  }

  /** The printed protocols, one per contest, laid out like the box's paper printout. */
  printProtocol(): string {
    this.expect('closed', 'print the protocol of');
    const protocols = [this.first, ...this.further.values()].map((t) => this.protocolOf(t));
    this.current = 'protocol-printed';
    return protocols.join('\n\n');
  }

  private protocolOf(t: ContestTally): string {
    const count = countOf(t);
    const valid = total(count.votes);
    const width = Math.max(...t.lines.map((p) => p.name.length), 38);
    const lines = this.header('ЖЫЙЫНТЫК ПРОТОКОЛ / RESULTS PROTOCOL', this.closedAtMs, t.name);
    const row = (label: string, n: number) => `${label.padEnd(width + 4)} ${String(n).padStart(8)}`;
    lines.push(
      row('Урнадагы бюллетендер / ballots in the box', valid + count.invalidBallots),
      row('Жарактуу / valid', valid),
      row('Жараксыз / invalid', count.invalidBallots),
      `  бош / blank ${t.invalid.blank}, ашык белгиленген / over-marked ${t.invalid['over-marked']}, окулбаган / unreadable ${t.invalid.unreadable}`,
      '-'.repeat(width + 14),
      ...t.lines.map((p, i) => row(`${String(i + 1).padStart(2)}. ${p.name}`, count.votes[p.id])),
      '-'.repeat(width + 14),
      `Аныктаманын хэши / definition: ${this.box.identity.definitionHash.slice(0, 16)}…`,
    );
    return lines.join('\n');
  }

  /** Sends the signed result over the modem until the CEC acknowledges it. */
  async transmit(options: UplinkOptions): Promise<Delivery> {
    if (this.current !== 'protocol-printed' && this.current !== 'transmitted') throw new BoxStateError(this.current, 'transmit from');
    this.envelope ??= this.box.seal(this.count(), this.closedAtMs, this.contestCounts()).envelope;
    this.current = 'transmitted';
    const delivery = await this.box.transmit(this.envelope, options);
    if (delivery.ack.status === v1.AckStatus.ACK_STATUS_ACCEPTED || delivery.ack.status === v1.AckStatus.ACK_STATUS_DUPLICATE) this.current = 'acknowledged';
    return delivery;
  }

  private header(title: string, atMs: number, contest = this.options.electionName): string[] {
    const { deviceId, precinctId } = this.box.identity;
    const at = bishkekTime(atMs);
    return [
      'АВТОМАТТЫК ЭСЕПТӨӨЧҮ УРНА / АЭУ',
      title,
      contest,
      `Участок / precinct: ${precinctId}   Урна / box: ${deviceId}`,
      `Убакыт / time: ${at}`,
      '='.repeat(44),
    ];
  }

  private expect(state: BoxState, action: string): void {
    if (this.current !== state) throw new BoxStateError(this.current, action);
  }
}

/** The ballots behind a count, in a seeded random order: what the voters fed the box (of `contestId`'s ballot, the first when absent). */
export function ballotsFor(count: BallotCount, random: Random, contestId?: string): Ballot[] {
  const of = contestId === undefined ? {} : { contestId };
  const ballots: Ballot[] = [];
  for (const [partyId, n] of Object.entries(count.votes)) for (let i = 0; i < n; i++) ballots.push({ mark: 'party', partyId, ...of });
  const kinds: Ballot[] = [
    { mark: 'blank', ...of },
    { mark: 'over-marked', ...of },
    { mark: 'no-protective-ink', ...of },
  ];
  for (let i = 0; i < count.invalidBallots; i++) ballots.push(kinds[i % kinds.length]);
  return random.shuffle(ballots);
}

function countOf(t: ContestTally): BallotCount {
  const { blank, 'over-marked': over, unreadable } = t.invalid;
  return { votes: { ...t.votes }, invalidBallots: blank + over + unreadable };
}
