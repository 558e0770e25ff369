import { Inject, Injectable } from '@nestjs/common';
import { CHAIN_START } from '@shailoo/contracts';
import { ElectionDefinition } from '@shailoo/election';
import { Database, DATABASE } from '../database';

export interface DeviceRow {
  id: string;
  electionId: string;
  precinctId: string;
  kind: string;
  publicKey: Uint8Array;
  /** Set when an operator revoked it. */
  revokedAt?: Date | null;
  /** Moved on by each re-registration with a new key (0: the key it was registered with). */
  generation?: number;
  /** The keys it held before, oldest first. */
  previousKeys?: Uint8Array[];
}

export interface ElectionRow {
  definition: ElectionDefinition;
  closedAt: Date | null;
}

/** Elections, their devices, and operators' decisions about them. */
@Injectable()
export class ElectionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async elections(): Promise<ElectionRow[]> {
    const rows = await this.db.prisma.election.findMany({ select: { definition: true, closedAt: true } });
    return rows.map((r) => ({ definition: r.definition as unknown as ElectionDefinition, closedAt: r.closedAt }));
  }

  /** Every device, or one election's. */
  devices(electionId?: string): Promise<DeviceRow[]> {
    return this.db.prisma.device.findMany(electionId ? { where: { electionId } } : undefined);
  }

  /**
   * Runs `use` with every registered device (its id, whether it is revoked, its key's generation),
   * one caller at a time across all processes sharing the store (a transaction's advisory lock,
   * `key`): whoever runs last saw every device registered, revoked or re-keyed before it.
   */
  async withEveryDevice(key: number, use: (devices: { id: string; revoked: boolean; generation: number }[]) => Promise<void>): Promise<void> {
    await this.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key})`;
        const rows = await tx.device.findMany({ select: { id: true, revokedAt: true, generation: true } });
        await use(rows.map((r) => ({ id: r.id, revoked: r.revokedAt !== null, generation: r.generation })));
      },
      { maxWait: 60_000, timeout: 60_000 },
    );
  }

  /** The ids of the registered elections (cheap: no definitions). */
  async electionIds(): Promise<string[]> {
    return (await this.db.prisma.election.findMany({ select: { id: true } })).map((r) => r.id);
  }

  device(id: string): Promise<DeviceRow | null> {
    return this.db.prisma.device.findUnique({ where: { id } });
  }

  async election(id: string): Promise<ElectionRow | null> {
    const r = await this.db.prisma.election.findUnique({ where: { id }, select: { definition: true, closedAt: true } });
    return r && { definition: r.definition as unknown as ElectionDefinition, closedAt: r.closedAt };
  }

  /** Stores an election (once) and devices not stored yet, in one transaction. */
  async save(definition: ElectionDefinition, hash: string, devices: Omit<DeviceRow, 'electionId'>[]): Promise<void> {
    const prisma = this.db.prisma;
    await prisma.$transaction([
      prisma.election.upsert({
        where: { id: definition.id },
        create: { id: definition.id, name: definition.name, definitionHash: hash, definition: definition as any },
        update: {},
      }),
      prisma.$executeRaw`
        INSERT INTO chain_head (election_id, chain, hash) VALUES (${definition.id}, 'submission', ${CHAIN_START}), (${definition.id}, 'action', ${CHAIN_START})
        ON CONFLICT DO NOTHING`,
      // One INSERT of arrays per 20,000 devices (Prisma's createMany compiles each row: minutes for a load test's 100,000).
      ...chunks(devices, 20_000).map(
        (chunk) => prisma.$executeRaw`
          INSERT INTO device (id, election_id, precinct_id, kind, public_key)
          SELECT id, ${definition.id}, precinct_id, kind, public_key
          FROM unnest(${chunk.map((d) => d.id)}::text[], ${chunk.map((d) => d.precinctId)}::text[], ${chunk.map((d) => d.kind)}::text[], ${chunk.map((d) => Buffer.from(d.publicKey))}::bytea[])
            AS d(id, precinct_id, kind, public_key)
          ON CONFLICT (id) DO NOTHING`,
      ),
    ]);
  }

  /**
   * Revokes a device at the store's time (the clock its submissions are received by): when, or
   * null when it is unknown or revoked already.
   */
  async revoke(id: string): Promise<Date | null> {
    const [row] = await this.db.prisma.$queryRaw<{ revoked_at: Date }[]>`
      UPDATE device SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL RETURNING revoked_at`;
    return row?.revoked_at ?? null;
  }

  /** Gives a device a new key: the one it held joins its previous keys, its generation moves on, a revocation is lifted. Its row after, or null for an unknown device. */
  async rekey(id: string, publicKey: Uint8Array): Promise<DeviceRow | null> {
    const [row] = await this.db.prisma.$queryRaw<{ id: string }[]>`
      UPDATE device SET previous_keys = array_append(previous_keys, public_key), public_key = ${Buffer.from(publicKey)}, generation = generation + 1, revoked_at = NULL
      WHERE id = ${id} RETURNING id`;
    return row ? this.device(id) : null;
  }

  /** The devices revoked or given a new key since registration: cheap, for instances that follow one another's changes. */
  changedDevices(): Promise<DeviceRow[]> {
    return this.db.prisma.device.findMany({ where: { OR: [{ revokedAt: { not: null } }, { generation: { gt: 0 } }] } });
  }

  /** Records an operator's close of the count, or (null) its reopening. */
  async close(id: string, at: Date | null): Promise<void> {
    await this.db.prisma.election.update({ where: { id }, data: { closedAt: at } });
  }

  /** Every election's close time (null: open): cheap, for instances that follow one another's closes. */
  async closes(): Promise<Map<string, Date | null>> {
    const rows = await this.db.prisma.election.findMany({ select: { id: true, closedAt: true } });
    return new Map(rows.map((r) => [r.id, r.closedAt]));
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
