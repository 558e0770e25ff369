import { Inject, Injectable } from '@nestjs/common';
import { Database, DATABASE } from '../database';

export interface OperatorActionRow {
  operator: string;
  action: string;
  electionId: string;
  detail: string;
  at: Date;
}

/** Operators (by the hash of their token) and the log of what they did. */
@Injectable()
export class OperatorRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Adds an operator; false when the name is taken. */
  async add(name: string, tokenHash: Buffer): Promise<boolean> {
    const inserted = await this.db.prisma.$executeRaw`
      INSERT INTO operator (name, token_hash) VALUES (${name}, ${tokenHash}) ON CONFLICT (name) DO NOTHING`;
    return inserted === 1;
  }

  /** How many operators the store knows. */
  count(): Promise<number> {
    return this.db.prisma.operator.count();
  }

  async byTokenHash(tokenHash: Buffer): Promise<string | null> {
    const row = await this.db.prisma.operator.findUnique({ where: { tokenHash: new Uint8Array(tokenHash) }, select: { name: true } });
    return row?.name ?? null;
  }

  async log(action: Omit<OperatorActionRow, 'at'>): Promise<void> {
    await this.db.prisma.operatorAction.create({ data: action });
  }

  actions(electionId: string): Promise<OperatorActionRow[]> {
    return this.db.prisma.operatorAction.findMany({
      where: { electionId },
      orderBy: { id: 'asc' },
      select: { operator: true, action: true, electionId: true, detail: true, at: true },
    });
  }
}
