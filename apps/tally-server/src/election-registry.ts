import { Inject, Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { definitionHash, ElectionDefinition, precinctsOf, Territory } from '../../../libs/election/src';
import { publicKeyFromRaw } from '../../../libs/platform/src/keys';
import { Database } from '../../../libs/persistence/src';
import { isTopicLevel } from '../../../libs/contracts/src/topics';
import { DATABASE } from './tally-config';

export interface DeviceRegistration {
  id: string;
  precinctId: string;
  kind: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
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
}

export class RegistrationError extends Error {}

/** The elections and devices the server accepts results for; keys are built once and cached. */
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
    const precinctIds = new Set(precinctsOf(definition.territory).map((p) => p.id));
    const keys = devices.map((d) => {
      if (!isTopicLevel(d.id)) throw new RegistrationError(`device id ${JSON.stringify(d.id)} cannot be a topic level`);
      if (!precinctIds.has(d.precinctId)) throw new RegistrationError(`device ${d.id}: no precinct ${d.precinctId} in ${definition.id}`);
      const other = this.devices.get(d.id);
      if (other && other.electionId !== definition.id) throw new RegistrationError(`device ${d.id} is registered for ${other.electionId}`);
      try {
        return { d, raw: Buffer.from(d.publicKey, 'base64'), key: publicKeyFromRaw(Buffer.from(d.publicKey, 'base64')) };
      } catch (err) {
        throw new RegistrationError(`device ${d.id}: ${(err as Error).message}`);
      }
    });
    if (!isTopicLevel(definition.id)) throw new RegistrationError(`election id ${JSON.stringify(definition.id)} cannot be a topic level`);
    await this.db.prisma.$transaction([
      this.db.prisma.election.upsert({
        where: { id: definition.id },
        create: { id: definition.id, name: definition.name, definitionHash: hash, definition: definition as any },
        update: {},
      }),
      ...keys.map(({ d, raw }) =>
        this.db.prisma.device.upsert({
          where: { id: d.id },
          create: { id: d.id, electionId: definition.id, precinctId: d.precinctId, kind: d.kind, publicKey: raw },
          update: { precinctId: d.precinctId, kind: d.kind, publicKey: raw },
        }),
      ),
    ]);
    for (const { d, key } of keys) this.devices.set(d.id, { id: d.id, electionId: definition.id, precinctId: d.precinctId, kind: d.kind, key });
    return this.remember(definition);
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
    };
    this.elections.set(definition.id, entry);
    return entry;
  }
}
