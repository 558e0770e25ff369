import { Inject, Injectable } from '@nestjs/common';
import { Database, DATABASE } from '../database';

export interface RejectionEntry {
  topic: string;
  reason: string;
  detail: string;
  raw: Buffer;
  /** The device, where its signature verified (otherwise anyone could be named). */
  deviceId?: string;
  /** The election its topic names, if any. */
  electionId?: string;
}

/** A page of the quarantine: its rows without their bytes, newest first. */
export interface RejectionPage {
  items: { id: bigint; receivedAt: Date; topic: string; deviceId: string | null; reason: string; detail: string; bytes: number }[];
  /** The id to ask `before` for the next page; null on the last. */
  next: bigint | null;
}

/** The quarantine: every rejected message with its raw bytes, reason and time. */
@Injectable()
export class RejectionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async add(entry: RejectionEntry): Promise<void> {
    await this.db.prisma.rejection.create({ data: { ...entry, raw: new Uint8Array(entry.raw) } });
  }

  /** One election's rejections, newest first, `limit` at a time from before `before`; the bytes only by their length (see raw). */
  async page(electionId: string, limit: number, before?: bigint): Promise<RejectionPage> {
    const rows = await this.db.prisma.rejection.findMany({
      where: { electionId, ...(before !== undefined ? { id: { lt: before } } : {}) },
      select: { id: true, receivedAt: true, topic: true, deviceId: true, reason: true, detail: true, raw: true },
      orderBy: { id: 'desc' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map(({ raw, ...r }) => ({ ...r, bytes: raw.length }));
    return { items, next: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** The raw bytes of one rejection of an election (null: no such row). */
  async raw(electionId: string, id: bigint): Promise<Buffer | null> {
    const row = await this.db.prisma.rejection.findFirst({ where: { id, electionId }, select: { raw: true } });
    return row && Buffer.from(row.raw);
  }

  /** Rejected messages of an election from devices whose signature verified, in order, for its event log. */
  eventLog(electionId: string): Promise<{ deviceId: string | null; reason: string; detail: string; receivedAt: Date; raw: Uint8Array }[]> {
    return this.db.prisma.rejection.findMany({
      where: { electionId, deviceId: { not: null } },
      select: { deviceId: true, reason: true, detail: true, receivedAt: true, raw: true },
      orderBy: { id: 'asc' },
    });
  }

  count(): Promise<number> {
    return this.db.prisma.rejection.count();
  }
}
