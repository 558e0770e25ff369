import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@shailoo/contracts';
import { Database, DATABASE } from '../database';

export interface RejectionEntry {
  topic: string;
  reason: string;
  detail: string;
  raw: Buffer;
  /** The device, where its signature verified (otherwise anyone could be named). */
  deviceId?: string;
}

/** The quarantine: every rejected message with its raw bytes, reason and time. */
@Injectable()
export class RejectionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async add(entry: RejectionEntry): Promise<void> {
    await this.db.prisma.rejection.create({ data: { ...entry, raw: new Uint8Array(entry.raw) } });
  }

  /** The newest rejections; with an election, those whose topic names it. */
  list(limit: number, electionId?: string) {
    return this.db.prisma.rejection.findMany({
      where: electionId ? { topic: { startsWith: Topics.uplinkPrefix(electionId) } } : undefined,
      orderBy: { id: 'desc' },
      take: limit,
    });
  }

  /** Rejected messages of an election from devices whose signature verified, in order, for its event log. */
  eventLog(electionId: string) {
    return this.db.prisma.rejection.findMany({
      where: { topic: { startsWith: Topics.uplinkPrefix(electionId) }, deviceId: { not: null } },
      select: { deviceId: true, reason: true, detail: true, receivedAt: true, raw: true },
      orderBy: { id: 'asc' },
    });
  }

  count(): Promise<number> {
    return this.db.prisma.rejection.count();
  }
}
