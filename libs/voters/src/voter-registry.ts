import { createHash } from 'node:crypto';
import { definitionHash, ElectionDefinition, precinctsOf, Sex } from '@shailoo/election';
import { Random } from '@shailoo/platform';

/** A voter on the electronic list: only voters who passed biometric registration are on it. */
export interface Voter {
  /** 14 digits: sex (1 female, 2 male), birth date DDMMYYYY, 5 digits. */
  pin: string;
  sex: Sex;
  birthDate: string;
  /** The precinct whose list holds the voter. */
  precinctId: string;
  /** Set when the voter applied to vote remotely: only this precinct may let them vote. */
  remotePrecinctId?: string;
  /** Synthetic biometric templates enrolled at registration (hex). */
  readonly fingerprint: string;
  readonly face: string;
}

/**
 * A voter of the synthetic list: only the PIN, the precinct and the list's seed are kept. Sex and
 * birth date are read from the PIN (it encodes both), and the biometric templates are derived from
 * the seed and the PIN when first read: a country's 3.7 million voters would otherwise carry 0.5 GB
 * of hex nobody reads, and 0.2 GB of dates and letters the PIN already says.
 */
class ListedVoter implements Voter {
  remotePrecinctId?: string;

  constructor(
    readonly pin: string,
    readonly precinctId: string,
    private readonly seed: string,
  ) {}

  get sex(): Sex {
    return this.pin[0] === '1' ? 'F' : 'M';
  }

  get birthDate(): string {
    const pin = this.pin;
    return `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  }

  get fingerprint(): string {
    return this.template('fingerprint');
  }

  get face(): string {
    return this.template('face');
  }

  private template(kind: string): string {
    return createHash('sha256').update(`${this.seed}/${kind}/${this.pin}`).digest('hex');
  }
}

export interface RegistryOptions {
  seed: string;
  /** Share of voters who applied for remote voting at another precinct (none by default). */
  remoteShare?: number;
}

/** Where a voter may vote: the remote precinct if they applied for one, their own otherwise. */
export function votingPrecinct(voter: Voter): string {
  return voter.remotePrecinctId ?? voter.precinctId;
}

/** A well-formed PIN for a voter of this sex born on this date (YYYY-MM-DD). */
export function makePin(sex: Sex, birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  return `${sex === 'F' ? 1 : 2}${d}${m}${y}${String(serial % 100_000).padStart(5, '0')}`;
}

/** Whether a PIN has the real format and the voter is 18 or older on election day. */
export function validPin(pin: string, electionDate: string): boolean {
  const m = /^([12])(\d{2})(\d{2})(\d{4})\d{5}$/.exec(pin);
  if (!m) return false;
  const [, , dd, mm, yyyy] = m;
  const born = new Date(`${yyyy}-${mm}-${dd}T00:00:00Z`);
  if (Number.isNaN(born.getTime()) || born.getUTCDate() !== Number(dd)) return false;
  const [ey, em, ed] = electionDate.split('-').map(Number);
  const eighteenth = Date.UTC(Number(yyyy) + 18, Number(mm) - 1, Number(dd));
  return eighteenth <= Date.UTC(ey, em - 1, ed);
}

/**
 * The synthetic voter list of an election: each precinct gets as many voters as its registered
 * count, aged 18 to 85 on election day, each with enrolled biometrics; a share of them applied to
 * vote at another precinct. Each precinct draws from its own seeded stream, so adding a precinct
 * changes no other precinct's voters.
 */
export class VoterRegistry {
  private static readonly built = new Map<string, WeakRef<VoterRegistry>>();
  private static readonly forget = new FinalizationRegistry<string>((key) => {
    if (!VoterRegistry.built.get(key)?.deref()) VoterRegistry.built.delete(key);
  });

  /**
   * The list of this definition and options, built once for everyone in the process who asks while
   * it is in use (a country's takes ~15 s and ~0.9 GB: a simulated day's stations and the
   * identification service in the same process would otherwise build it twice). The list is never
   * changed once built, so whoever holds it may share it. `hash` is the definition's, if the caller
   * has it already (a country's takes a canonical serialization of 2,494 precincts).
   */
  static of(definition: ElectionDefinition, options: RegistryOptions, hash = definitionHash(definition)): VoterRegistry {
    const key = JSON.stringify([hash, options.seed, options.remoteShare ?? 0]);
    const known = VoterRegistry.built.get(key)?.deref();
    if (known) return known;
    const list = new VoterRegistry(definition, options);
    VoterRegistry.built.set(key, new WeakRef(list));
    VoterRegistry.forget.register(list, key);
    return list;
  }

  private readonly byPin = new Map<string, Voter>();
  private readonly byPrecinct = new Map<string, Voter[]>();
  private readonly byVotingPrecinct = new Map<string, Voter[]>();

  constructor(definition: ElectionDefinition, options: RegistryOptions) {
    const precincts = precinctsOf(definition.territory);
    const [ey, em, ed] = definition.date.split('-').map(Number);
    for (const p of precincts) {
      const rng = Random.stream(options.seed, `voters/${p.id}`);
      const list: Voter[] = [];
      for (let i = 0; i < (p.registeredVoters ?? 0); i++) {
        const sex: Sex = rng.next() < 0.52 ? 'F' : 'M';
        const age = rng.int(18, 85);
        const born = new Date(Date.UTC(ey - age - 1, em - 1, ed) + rng.int(1, 364) * 86_400_000);
        const birthDate = born.toISOString().slice(0, 10);
        let pin = makePin(sex, birthDate, rng.int(0, 99_999));
        while (this.byPin.has(pin)) pin = makePin(sex, birthDate, rng.int(0, 99_999));
        const voter = new ListedVoter(pin, p.id, options.seed);
        if (precincts.length > 1 && rng.next() < (options.remoteShare ?? 0)) {
          const others = precincts.filter((o) => o.id !== p.id);
          voter.remotePrecinctId = others[rng.int(0, others.length - 1)].id;
        }
        this.byPin.set(pin, voter);
        list.push(voter);
      }
      this.byPrecinct.set(p.id, list);
    }
    for (const p of precincts) this.byVotingPrecinct.set(p.id, []);
    for (const v of this.byPin.values()) this.byVotingPrecinct.get(votingPrecinct(v))!.push(v);
  }

  find(pin: string): Voter | undefined {
    return this.byPin.get(pin);
  }

  /** The voters on a precinct's list (remote applicants included, as the list shows them). */
  listOf(precinctId: string): readonly Voter[] {
    return this.byPrecinct.get(precinctId) ?? [];
  }

  /** Voters who may vote at a precinct: its own who did not apply elsewhere, and remote applicants to it. */
  votersAt(precinctId: string): Voter[] {
    return [...(this.byVotingPrecinct.get(precinctId) ?? [])];
  }

  get size(): number {
    return this.byPin.size;
  }
}
