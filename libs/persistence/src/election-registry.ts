import { Inject, Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { definitionHash, ElectionDefinition, precinctsOf, Territory, walkTerritories } from '../../election/src';
import { publicKeyFromRaw } from '../../platform/src/keys';
import { Database, DATABASE } from './database';
import { isTopicLevel } from '../../contracts/src/topics';

export interface DeviceRegistration {
  id: string;
  precinctId: string;
  kind: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

/** A device's registration: its place and the raw public key of its signing key, base64. */
export function deviceRegistration(id: string, precinctId: string, kind: string, publicKey: Uint8Array): DeviceRegistration {
  return { id, precinctId, kind, publicKey: Buffer.from(publicKey).toString('base64') };
}

export interface RegisteredDevice {
  id: string;
  electionId: string;
  precinctId: string;
  kind: string;
  key: KeyObject;
}

export interface RegisteredElection {
  definition: ElectionDefinition;
  hash: string;
  hashBytes: Buffer;
  precincts: Map<string, Territory>;
  partyIds: Set<string>;
  /** Each precinct's territories, from the root down to the precinct's parent. */
  ancestors: Map<string, string[]>;
}

export class RegistrationError extends Error {}

/** The elections and their devices that the CEC's services accept messages from; keys are built once and cached. */
@Injectable()
export class ElectionRegistry {
  private readonly elections = new Map<string, RegisteredElection>();
  private readonly devices = new Map<string, RegisteredDevice>();

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async load(): Promise<void> {
    for (const e of await this.db.prisma.election.findMany()) this.remember(e.definition as unknown as ElectionDefinition);
    for (const d of await this.db.prisma.device.findMany()) {
      this.devices.set(d.id, { id: d.id, electionId: d.electionId, precinctId: d.precinctId, kind: d.kind, key: publicKeyFromRaw(d.publicKey) });
    }
  }

  /** Registers an election with its devices; registering the same again changes nothing. */
  async register(definition: ElectionDefinition, devices: DeviceRegistration[]): Promise<RegisteredElection> {
    const hash = definitionHash(definition);
    const known = this.elections.get(definition.id);
    if (known && known.hash !== hash) throw new RegistrationError(`election ${definition.id} is already registered with another definition (${known.hash})`);
    if (!isTopicLevel(definition.id)) throw new RegistrationError(`election id ${JSON.stringify(definition.id)} cannot be a topic level`);
    const precinctIds = new Set(precinctsOf(definition.territory).map((p) => p.id));
    const fresh: { d: DeviceRegistration; raw: Buffer; key: KeyObject }[] = [];
    for (const d of devices) {
      if (!isTopicLevel(d.id)) throw new RegistrationError(`device id ${JSON.stringify(d.id)} cannot be a topic level`);
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
      else if (other.electionId !== definition.id || other.precinctId !== d.precinctId || !other.key.equals(key)) {
        throw new RegistrationError(`device ${d.id} is already registered (${other.electionId}, ${other.precinctId}) with another key or place`);
      }
    }
    const prisma = this.db.prisma;
    await prisma.$transaction([
      prisma.election.upsert({
        where: { id: definition.id },
        create: { id: definition.id, name: definition.name, definitionHash: hash, definition: definition as any },
        update: {},
      }),
      ...chunks(fresh, 5000).map((chunk) =>
        prisma.device.createMany({
          data: chunk.map(({ d, raw }) => ({ id: d.id, electionId: definition.id, precinctId: d.precinctId, kind: d.kind, publicKey: new Uint8Array(raw) })),
          skipDuplicates: true,
        }),
      ),
    ]);
    for (const { d, key } of fresh) this.devices.set(d.id, { id: d.id, electionId: definition.id, precinctId: d.precinctId, kind: d.kind, key });
    return this.remember(definition);
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
    const row = await this.db.prisma.device.findUnique({ where: { id } });
    if (!row) return undefined;
    if (!this.elections.has(row.electionId)) {
      const e = await this.db.prisma.election.findUnique({ where: { id: row.electionId } });
      if (e) this.remember(e.definition as unknown as ElectionDefinition);
    }
    const device = { id: row.id, electionId: row.electionId, precinctId: row.precinctId, kind: row.kind, key: publicKeyFromRaw(row.publicKey) };
    this.devices.set(id, device);
    return device;
  }

  election(id: string): RegisteredElection | undefined {
    return this.elections.get(id);
  }

  device(id: string): RegisteredDevice | undefined {
    return this.devices.get(id);
  }

  allElections(): RegisteredElection[] {
    return [...this.elections.values()];
  }

  private remember(definition: ElectionDefinition): RegisteredElection {
    const hash = definitionHash(definition);
    const entry: RegisteredElection = {
      definition,
      hash,
      hashBytes: Buffer.from(hash, 'hex'),
      precincts: new Map(precinctsOf(definition.territory).map((p) => [p.id, p])),
      partyIds: new Set(definition.contests.flatMap((c) => (c.parties ?? []).map((p) => p.id))),
      ancestors: new Map([...walkTerritories(definition.territory)].filter((t) => t.territory.level === 'precinct').map((t) => [t.territory.id, t.ancestors])),
    };
    this.elections.set(definition.id, entry);
    return entry;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
