import { Inject, Injectable } from '@nestjs/common';
import { ElectionDefinition } from '@shailoo/election';
import { Database, DATABASE } from '../database';

export interface DeviceRow {
  id: string;
  electionId: string;
  precinctId: string;
  kind: string;
  publicKey: Uint8Array;
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
   * Runs `use` with the ids of every registered device, one caller at a time across all processes
   * sharing the store (a transaction's advisory lock, `key`): whoever runs last saw every device
   * registered before it.
   */
  async withEveryDeviceId(key: number, use: (deviceIds: string[]) => Promise<void>): Promise<void> {
    await this.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key})`;
        await use((await tx.device.findMany({ select: { id: true } })).map((r) => r.id));
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
