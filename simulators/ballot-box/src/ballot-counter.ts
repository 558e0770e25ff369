import { v1 } from '@shailoo/contracts';
import { BallotCount, bishkekTime, total } from '@shailoo/election';
import { Random } from '@shailoo/platform';
import { Delivery, UplinkOptions } from '@shailoo/modem';
import { BallotBox } from './ballot-box';

/** The life of an automatic counting ballot box (АЭУ) on election day. */
export type BoxState = 'installed' | 'zero-report' | 'open' | 'closed' | 'protocol-printed' | 'transmitted' | 'acknowledged' | 'failed';

/** A ballot as the voter marked it. */
export type Ballot = { mark: 'party'; partyId: string } | { mark: 'blank' } | { mark: 'over-marked' } | { mark: 'no-protective-ink' };

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
}

/**
 * The АЭУ's scanner and counter as an explicit state machine:
 * installed → zero report → open → closed → protocol printed → transmitted → acknowledged,
 * or failed (jam, power) at any point before it closes, after which the commission counts by hand.
 */
export class BallotCounter {
  private current: BoxState = 'installed';
  private inside: number;
  private readonly votes: Record<string, number>;
  private readonly invalid = { blank: 0, 'over-marked': 0, unreadable: 0 };
  private closedAtMs = 0;
  private envelope: Buffer | null = null;
  failure: { reason: string; atMs: number } | null = null;

  constructor(
    readonly box: BallotBox,
    private readonly options: BallotCounterOptions,
  ) {
    this.inside = options.preloaded ?? 0;
    this.votes = Object.fromEntries(options.parties.map((p) => [p.id, 0]));
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

  /** Reads one ballot and sorts it; invalid ones are counted as such, never returned. */
  read(ballot: Ballot): Reading {
    this.expect('open', 'read a ballot in');
    this.inside++;
    let reading: Reading;
    if (ballot.mark === 'party' && ballot.partyId in this.votes) {
      reading = this.options.random.next() < (this.options.misreadRate ?? 0) ? 'unreadable' : 'valid';
    } else if (ballot.mark === 'blank' || ballot.mark === 'over-marked') reading = ballot.mark;
    else reading = 'unreadable';
    if (reading === 'valid') this.votes[(ballot as { partyId: string }).partyId]++;
    else this.invalid[reading]++;
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

  count(): BallotCount {
    const { blank, 'over-marked': over, unreadable } = this.invalid;
    return { votes: { ...this.votes }, invalidBallots: blank + over + unreadable };
  }

  /** The printed protocol, laid out like the box's paper printout. */
  printProtocol(): string {
    this.expect('closed', 'print the protocol of');
    const count = this.count();
    const valid = total(count.votes);
    const width = Math.max(...this.options.parties.map((p) => p.name.length), 38);
    const lines = this.header('ЖЫЙЫНТЫК ПРОТОКОЛ / RESULTS PROTOCOL', this.closedAtMs);
    const row = (label: string, n: number) => `${label.padEnd(width + 4)} ${String(n).padStart(8)}`;
    lines.push(
      row('Урнадагы бюллетендер / ballots in the box', this.inside),
      row('Жарактуу / valid', valid),
      row('Жараксыз / invalid', count.invalidBallots),
      `  бош / blank ${this.invalid.blank}, ашык белгиленген / over-marked ${this.invalid['over-marked']}, окулбаган / unreadable ${this.invalid.unreadable}`,
      '-'.repeat(width + 14),
      ...this.options.parties.map((p, i) => row(`${String(i + 1).padStart(2)}. ${p.name}`, count.votes[p.id])),
      '-'.repeat(width + 14),
      `Аныктаманын хэши / definition: ${this.box.identity.definitionHash.slice(0, 16)}…`,
    );
    this.current = 'protocol-printed';
    return lines.join('\n');
  }

  /** Sends the signed result over the modem until the CEC acknowledges it. */
  async transmit(options: UplinkOptions): Promise<Delivery> {
    if (this.current !== 'protocol-printed' && this.current !== 'transmitted') throw new BoxStateError(this.current, 'transmit from');
    this.envelope ??= this.box.seal(this.count(), this.closedAtMs).envelope;
    this.current = 'transmitted';
    const delivery = await this.box.transmit(this.envelope, options);
    if (delivery.ack.status === v1.AckStatus.ACK_STATUS_ACCEPTED || delivery.ack.status === v1.AckStatus.ACK_STATUS_DUPLICATE) this.current = 'acknowledged';
    return delivery;
  }

  private header(title: string, atMs: number): string[] {
    const { deviceId, precinctId } = this.box.identity;
    const at = bishkekTime(atMs);
    return [
      'АВТОМАТТЫК ЭСЕПТӨӨЧҮ УРНА / АЭУ',
      title,
      this.options.electionName,
      `Участок / precinct: ${precinctId}   Урна / box: ${deviceId}`,
      `Убакыт / time: ${at}`,
      '='.repeat(44),
    ];
  }

  private expect(state: BoxState, action: string): void {
    if (this.current !== state) throw new BoxStateError(this.current, action);
  }
}

/** The ballots behind a count, in a seeded random order: what the voters fed the box. */
export function ballotsFor(count: BallotCount, random: Random): Ballot[] {
  const ballots: Ballot[] = [];
  for (const [partyId, n] of Object.entries(count.votes)) for (let i = 0; i < n; i++) ballots.push({ mark: 'party', partyId });
  const kinds: Ballot[] = [{ mark: 'blank' }, { mark: 'over-marked' }, { mark: 'no-protective-ink' }];
  for (let i = 0; i < count.invalidBallots; i++) ballots.push(kinds[i % kinds.length]);
  return random.shuffle(ballots);
}
