import { Inject, Injectable } from '@nestjs/common';
import { actionContent, CHAIN_START, chainNext, storableText } from '@shailoo/contracts';
import { Database, DATABASE } from '../database';

export interface OperatorActionRow {
  operator: string;
  action: string;
  electionId: string;
  detail: string;
  at: Date;
}

/** What an operator may do: register elections and devices, close (and reopen) a count, revoke devices and re-key them. */
export const OPERATOR_ROLES = ['register', 'close', 'revoke'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** An operator as listed: never the token, only who, what they may do, and until when. */
export interface OperatorRow {
  name: string;
  roles: OperatorRole[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Operators (by the hash of their token) and the log of what they did, a hash chain per election. */
@Injectable()
export class OperatorRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Adds an operator; false when the name is taken. */
  async add(name: string, tokenHash: Buffer, roles: readonly OperatorRole[] = OPERATOR_ROLES, expiresAt: Date | null = null): Promise<boolean> {
    const inserted = await this.db.prisma.$executeRaw`
      INSERT INTO operator (name, token_hash, roles, expires_at) VALUES (${name}, ${tokenHash}, ${[...roles]}::text[], ${expiresAt})
      ON CONFLICT (name) DO NOTHING`;
    return inserted === 1;
  }

  /** How many operators the store knows (revoked and expired ones too). */
  count(): Promise<number> {
    return this.db.prisma.operator.count();
  }

  /** Every operator, by name. */
  async list(): Promise<OperatorRow[]> {
    const rows = await this.db.prisma.operator.findMany({
      orderBy: { name: 'asc' },
      select: { name: true, roles: true, createdAt: true, expiresAt: true, revokedAt: true },
    });
    return rows.map((r) => ({ ...r, roles: r.roles as OperatorRole[] }));
  }

  /** Revokes an operator's token; false when there is no such operator or it was revoked already. */
  async revoke(name: string, at: Date): Promise<boolean> {
    return (await this.db.prisma.operator.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: at } })).count === 1;
  }

  /** The operator a token's hash belongs to, with their roles, while it is neither revoked nor expired at `now`. */
  async byTokenHash(tokenHash: Buffer, now: Date): Promise<{ name: string; roles: OperatorRole[] } | null> {
    const row = await this.db.prisma.operator.findUnique({
      where: { tokenHash: new Uint8Array(tokenHash) },
      select: { name: true, roles: true, expiresAt: true, revokedAt: true },
    });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
    return { name: row.name, roles: row.roles as OperatorRole[] };
  }

  /** Logs an action at the end of its election's chain (whose head it locks). */
  async log(action: Omit<OperatorActionRow, 'at'>, at = new Date()): Promise<void> {
    // Chained exactly as it is kept.
    const entry = {
      operator: storableText(action.operator),
      action: storableText(action.action),
      electionId: action.electionId,
      detail: storableText(action.detail),
      at,
    };
    await this.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO chain_head (election_id, chain, hash) VALUES (${action.electionId}, 'action', ${CHAIN_START}) ON CONFLICT DO NOTHING`;
      const [head] = await tx.$queryRaw<{ hash: Uint8Array }[]>`
        SELECT hash FROM chain_head WHERE election_id = ${action.electionId} AND chain = 'action' FOR UPDATE`;
      const hash = chainNext(head.hash, actionContent(entry));
      await tx.operatorAction.create({ data: { ...entry, chainHash: new Uint8Array(hash) } });
      await tx.$executeRaw`UPDATE chain_head SET hash = ${hash}, length = length + 1 WHERE election_id = ${action.electionId} AND chain = 'action'`;
    });
  }

  /** An election's actions, in order. */
  actions(electionId: string): Promise<OperatorActionRow[]> {
    return this.db.prisma.operatorAction.findMany({
      where: { electionId },
      orderBy: { id: 'asc' },
      select: { operator: true, action: true, electionId: true, detail: true, at: true },
    });
  }
}
