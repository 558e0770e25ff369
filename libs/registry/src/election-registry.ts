import { Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { DEVICE_KINDS, DeviceKind, DeviceRegistration, idProblem, isDeviceKind } from '@shailoo/contracts';
import { Contest, contestsAt, definitionHash, ElectionDefinition, precinctsOf, selectionIds, Territory, walkTerritories } from '@shailoo/election';
import { DeviceRow, ElectionRepository } from '@shailoo/persistence';
import { publicKeyFromRaw } from '@shailoo/platform';

export interface RegisteredDevice {
  id: string;
  electionId: string;
  precinctId: string;
  kind: DeviceKind;
  key: KeyObject;
  /** When an operator revoked it (ms), or null: a revoked device's messages and broker logins are refused. */
  revokedAt: number | null;
  /** Its key's generation: 0 as registered, moved on by each re-registration with a new key. */
  generation: number;
  /** The raw keys it held before, oldest first. */
  previousKeys: Buffer[];
}

export interface RegisteredElection {
  definition: ElectionDefinition;
  hash: string;
  hashBytes: Buffer;
  precincts: Map<string, Territory>;
  partyIds: Set<string>;
  /** Each precinct's territories, from the root down to the precinct's parent. */
  ancestors: Map<string, string[]>;
  /** Each precinct's contests (contestsAt): the first is its messages' own count, the others their `contests`. */
  contestsAt: Map<string, Contest[]>;
  /** Each contest's ballot lines: its parties' or candidates' ids. */
  selections: Map<string, Set<string>>;
}

export class RegistrationError extends Error {}

/**
 * What makes a definition one the services cannot serve — an id that is not an id (see
 * ID_PATTERN: ids become topic levels), a territory id used twice — or null.
 */
export function definitionProblem(definition: ElectionDefinition): string | null {
  const problem = idProblem('election id', definition.id);
  if (problem) return problem;
  const seen = new Set<string>();
  for (const { territory } of walkTerritories(definition.territory)) {
    const p = idProblem(`${territory.level ?? 'territory'} id`, territory.id);
    if (p) return p;
    if (seen.has(territory.id)) return `territory id ${territory.id} is used twice`;
    seen.add(territory.id);
  }
  const contests = new Set<string>();
  for (const contest of definition.contests) {
    const p =
      idProblem('contest id', contest.id) ??
      (contest.parties ?? []).map((party) => idProblem('party id', party.id)).find(Boolean) ??
      (contest.candidates ?? []).map((c) => idProblem('candidate id', c.id)).find(Boolean);
    if (p) return p;
    if (contests.has(contest.id)) return `contest id ${contest.id} is used twice`;
    contests.add(contest.id);
    if (!seen.has(contest.territoryId)) return `contest ${contest.id} covers territory ${contest.territoryId}, which is not in the definition`;
    const candidates = contest.candidates ?? [];
    if (new Set(candidates.map((c) => c.id)).size !== candidates.length) return `contest ${contest.id} lists a candidate twice`;
    // A tie goes to the candidate registered earlier: the registration numbers must say who that is.
    const numbers = candidates.filter((c) => c.registration !== undefined).map((c) => c.registration);
    if (numbers.length && (numbers.length !== candidates.length || new Set(numbers).size !== numbers.length))
      return `contest ${contest.id}: every candidate needs a registration number of their own, or none does`;
  }
  return null;
}

/** The elections and their devices that the CEC's services accept messages from; keys are built once and cached. */
@Injectable()
export class ElectionRegistry {
  private readonly elections = new Map<string, RegisteredElection>();
  private readonly devices = new Map<string, RegisteredDevice>();

  constructor(private readonly store: ElectionRepository) {}

  /**
   * Loads every election and device from the store; the closed elections' close times are
   * returned. A stored definition that cannot be served (stored before its ids were checked) is
   * left out with its devices, and named in `unservable`: it never stops a service from starting.
   */
  async load(): Promise<Map<string, Date>> {
    const closed = new Map<string, Date>();
    for (const e of await this.store.elections()) {
      if (!this.servable(e.definition)) continue;
      this.remember(e.definition);
      if (e.closedAt) closed.set(e.definition.id, e.closedAt);
    }
    for (const d of await this.store.devices()) if (this.elections.has(d.electionId)) this.devices.set(d.id, registered(d));
    return closed;
  }

  /** Stored elections left out because they cannot be served: why, by id (shortened). */
  readonly unservable = new Map<string, string>();

  private servable(definition: ElectionDefinition): boolean {
    const problem = definitionProblem(definition);
    if (problem) this.unservable.set(String(definition.id).slice(0, 64), problem);
    return problem === null;
  }

  /** Registers an election with its devices; registering the same again changes nothing. */
  async register(definition: ElectionDefinition, devices: DeviceRegistration[]): Promise<RegisteredElection> {
    const hash = definitionHash(definition);
    const known = this.elections.get(definition.id);
    if (known && known.hash !== hash) throw new RegistrationError(`election ${definition.id} is already registered with another definition (${known.hash})`);
    const problem = definitionProblem(definition);
    if (problem) throw new RegistrationError(problem);
    const precinctIds = new Set(precinctsOf(definition.territory).map((p) => p.id));
    const fresh: { d: DeviceRegistration; raw: Buffer; key: KeyObject }[] = [];
    for (const d of devices) {
      if (!isDeviceKind(d.kind)) throw new RegistrationError(`device ${d.id}: kind must be one of ${DEVICE_KINDS.join(', ')}, got ${JSON.stringify(d.kind)}`);
      const idIssue = idProblem('device id', d.id);
      if (idIssue) throw new RegistrationError(idIssue);
      if (!precinctIds.has(d.precinctId)) throw new RegistrationError(`device ${d.id}: no precinct ${d.precinctId} in ${definition.id}`);
      const raw = Buffer.from(d.publicKey ?? '', 'base64');
      let key: KeyObject;
      try {
        key = publicKeyFromRaw(raw);
      } catch (err) {
        throw new RegistrationError(`device ${d.id}: ${(err as Error).message}`);
      }
      const other = this.devices.get(d.id);
      if (!other) fresh.push({ d, raw, key });
      // The same again changes nothing, with the key it was registered with even after an operator gave it another.
      else if (
        other.electionId !== definition.id ||
        other.precinctId !== d.precinctId ||
        !(other.key.equals(key) || other.previousKeys.some((k) => k.equals(raw)))
      ) {
        throw new RegistrationError(`device ${d.id} is already registered (${other.electionId}, ${other.precinctId}) with another key or place`);
      }
    }
    await this.store.save(
      definition,
      hash,
      fresh.map(({ d, raw }) => ({ id: d.id, precinctId: d.precinctId, kind: d.kind, publicKey: raw })),
    );
    for (const { d, key } of fresh)
      this.devices.set(d.id, {
        id: d.id,
        electionId: definition.id,
        precinctId: d.precinctId,
        kind: d.kind,
        key,
        revokedAt: null,
        generation: 0,
        previousKeys: [],
      });
    return this.remember(definition);
  }

  /**
   * Elections another service sharing the database registered since: their definitions and
   * devices, loaded once. Returns the ids loaded.
   */
  async loadNew(): Promise<string[]> {
    const fresh = (await this.store.electionIds()).filter((id) => !this.elections.has(id));
    for (const id of fresh) {
      if (this.unservable.has(id.slice(0, 64))) continue;
      const e = await this.store.election(id);
      if (!e || !this.servable(e.definition)) continue;
      for (const d of await this.store.devices(id)) if (!this.devices.has(d.id)) this.devices.set(d.id, registered(d));
      this.remember(e.definition);
    }
    return fresh;
  }

  private lastReload = 0;

  /**
   * A device this instance has not seen, looked up in the store: another service sharing the
   * database may have registered it. Reloads at most once a second, so unknown ids cannot flood
   * the database.
   */
  async findDevice(id: string, now = Date.now()): Promise<RegisteredDevice | undefined> {
    const known = this.devices.get(id);
    if (known || now - this.lastReload < 1000) return known;
    this.lastReload = now;
    const row = await this.store.device(id);
    if (!row) return undefined;
    if (!this.elections.has(row.electionId)) {
      const e = await this.store.election(row.electionId);
      if (!e || !this.servable(e.definition)) return undefined;
      this.remember(e.definition);
    }
    const device = registered(row);
    this.devices.set(id, device);
    return device;
  }

  /** Revokes a registered device from now on; when (ms), or null when it was revoked already. */
  async revoke(id: string): Promise<number | null> {
    const device = this.devices.get(id);
    if (!device) throw new RegistrationError(`device ${id} is not registered`);
    const at = await this.store.revoke(id);
    if (!at) {
      await this.followDevices();
      return null;
    }
    device.revokedAt = at.getTime();
    return device.revokedAt;
  }

  /** Gives a registered device a new key (base64 of its 32 raw bytes): its generation moves on, a revocation is lifted. */
  async rekey(id: string, publicKey: string): Promise<RegisteredDevice> {
    if (!this.devices.has(id)) throw new RegistrationError(`device ${id} is not registered`);
    const raw = Buffer.from(publicKey, 'base64');
    try {
      publicKeyFromRaw(raw);
    } catch (err) {
      throw new RegistrationError(`device ${id}: ${(err as Error).message}`);
    }
    const row = await this.store.rekey(id, raw);
    const device = registered(row!);
    this.devices.set(id, device);
    return device;
  }

  /** Takes in the revocations and new keys another instance recorded; the devices whose state changed. */
  async followDevices(): Promise<RegisteredDevice[]> {
    const changed: RegisteredDevice[] = [];
    for (const row of await this.store.changedDevices()) {
      const known = this.devices.get(row.id);
      if (!known || (known.revokedAt === (row.revokedAt?.getTime() ?? null) && known.generation === (row.generation ?? 0))) continue;
      const now = registered(row);
      this.devices.set(row.id, now);
      changed.push(now);
    }
    return changed;
  }

  election(id: string): RegisteredElection | undefined {
    return this.elections.get(id);
  }

  device(id: string): RegisteredDevice | undefined {
    return this.devices.get(id);
  }

  deviceIds(): IterableIterator<string> {
    return this.devices.keys();
  }

  allElections(): RegisteredElection[] {
    return [...this.elections.values()];
  }

  private remember(definition: ElectionDefinition): RegisteredElection {
    const entry = registeredElection(definition);
    this.elections.set(definition.id, entry);
    return entry;
  }
}

/** A definition with what the services look up in it: its hash, precincts, parties, each precinct's ancestors. */
export function registeredElection(definition: ElectionDefinition): RegisteredElection {
  const hash = definitionHash(definition);
  const precincts = [...walkTerritories(definition.territory)].filter((t) => t.territory.level === 'precinct');
  return {
    definition,
    hash,
    hashBytes: Buffer.from(hash, 'hex'),
    precincts: new Map(precinctsOf(definition.territory).map((p) => [p.id, p])),
    partyIds: new Set(definition.contests.flatMap((c) => (c.parties ?? []).map((p) => p.id))),
    ancestors: new Map(precincts.map((t) => [t.territory.id, t.ancestors])),
    contestsAt: new Map(precincts.map((t) => [t.territory.id, contestsAt(definition, [...t.ancestors, t.territory.id])])),
    selections: new Map(definition.contests.map((c) => [c.id, new Set(selectionIds(c))])),
  };
}

function registered(d: DeviceRow): RegisteredDevice {
  return {
    id: d.id,
    electionId: d.electionId,
    precinctId: d.precinctId,
    kind: d.kind as DeviceKind,
    key: publicKeyFromRaw(d.publicKey),
    revokedAt: d.revokedAt ? d.revokedAt.getTime() : null,
    generation: d.generation ?? 0,
    previousKeys: (d.previousKeys ?? []).map((k) => Buffer.from(k)),
  };
}
