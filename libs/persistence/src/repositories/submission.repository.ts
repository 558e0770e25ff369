import { Inject, Injectable } from '@nestjs/common';
import { MessageKind, Payload, PrecinctReport, SUPERSEDING_KINDS } from '@shailoo/election';
import { CHAIN_START, chainLink } from '@shailoo/contracts';
import { Database, DATABASE, SqlQuery } from '../database';

/** A verified message, ready to store: a precinct report, its election and the signed envelope it came in. */
/**
 * A verified message, ready to store: a precinct report, its election and the signed envelope it
 * came in; `keyGeneration`, the generation of the device's key its signature was verified with (the
 * store refuses it if an operator has given the device another key since).
 */
export type Submission = PrecinctReport & { electionId: string; bodyHash: Buffer; envelope: Buffer; keyGeneration?: number };

/**
 * inserted: stored now; duplicate: the same message was stored before; conflict: the key holds
 * another one; stale: a later message of the same device, precinct and kind is stored (of the
 * SUPERSEDING_KINDS), so this one would never count; revoked: an operator revoked its device, or
 * gave it another key than the one this was verified with (whichever instance recorded it), before
 * this could be stored.
 */
export type StoreOutcome = 'inserted' | 'duplicate' | 'conflict' | 'stale' | 'revoked';

/** A stored submission with its place in the log (ids increase with every insert). */
export interface StoredSubmission {
  id: bigint;
  submission: Submission;
  receivedAt: Date;
}

/** The channel a commit of new rows is announced on (LISTEN/NOTIFY). */
export const LOG_CHANNEL = 'shailoo_log';

/** A place in the log as followers read it: (transaction id, row id), in that order. */
export interface LogPosition {
  xid: bigint;
  id: bigint;
}

/** What a follower needs of a row to tell whether it applied it already. */
export interface LogKey extends LogPosition {
  deviceId: string;
  sequence: number;
}

/** A row the INSERT stored, with the SHA-256 of its envelope as stored. */
interface StoredRow {
  /** int8: a number from PGlite (a bigint past 2^53), a string from node-postgres. */
  id: bigint | string;
  election_id: string;
  device_id: string;
  sequence: number;
  body_hash: Uint8Array;
  envelope_hash: Uint8Array;
}

interface ChainHeadRow {
  election_id: string;
  hash: Uint8Array;
  length: bigint | number | string;
}

const storedKey = (deviceId: string, sequence: number, bodyHash: Uint8Array) => `${deviceId}\u0000${sequence}\u0000${Buffer.from(bodyHash).toString('hex')}`;

/** The log of accepted messages. (device_id, sequence) is the idempotency key: a resend inserts nothing. */
@Injectable()
export class SubmissionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Writes rows with one multi-row INSERT … ON CONFLICT DO NOTHING (Prisma's createMany is several
   * times slower here: see bench/store) and says, row by row, what became of each. The rows stored
   * are appended to their elections' hash chains in the same transaction, under the chains' heads
   * locked after the INSERT (a transaction slow to insert holds no other instance back) until the
   * commit: each row gets its place and hash in its chain (a `submission_chain` row), whichever instance stored it.
   */
  async insertBatch(rows: Submission[]): Promise<StoreOutcome[]> {
    // One statement of nine array parameters whatever the batch's size: its text never changes,
    // and the engine parses nine arrays instead of nine parameters a row.
    const column = <T>(f: (r: Submission) => T) => rows.map(f);
    const elections = [...new Set(rows.map((r) => r.electionId))].sort();
    // On the driver itself (Database.transaction): Prisma's cost per query and per transaction was a
    // third of the whole store's on the embedded database.
    const inserted = await this.db.transaction(async (query) => {
      // Whoever follows the log (other instances) is told at commit: NOTIFY is delivered then, and not at all on a rollback.
      const stored = await query<StoredRow>(
        `WITH ins AS (
          INSERT INTO submission (election_id, precinct_id, device_id, sequence, kind, payload, body_hash, envelope)
          SELECT u.election_id, u.precinct_id, u.device_id, u.sequence, u.kind, u.payload, u.body_hash, u.envelope
          FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::bytea[], $8::bytea[], $9::int[])
            AS u(election_id, precinct_id, device_id, sequence, kind, payload, body_hash, envelope, generation)
          -- Stale: a later message of the device's that this one would never replace is stored (whichever instance stored it).
          WHERE (u.kind <> ALL($10::text[]) OR NOT EXISTS (
            SELECT 1 FROM submission s
            WHERE s.device_id = u.device_id AND s.sequence > u.sequence AND s.kind = u.kind AND s.precinct_id = u.precinct_id))
          -- Revoked, or given another key than the one this was verified with: by an operator, on whichever instance, before this commits.
          AND NOT EXISTS (
            SELECT 1 FROM device d WHERE d.id = u.device_id AND (d.revoked_at IS NOT NULL OR (u.generation >= 0 AND d.generation <> u.generation)))
          ON CONFLICT (device_id, sequence) DO NOTHING
          RETURNING id, election_id, device_id, sequence, body_hash, sha256(envelope) AS envelope_hash)
        SELECT ins.* FROM ins, (SELECT pg_notify($11, '')) AS told
        ORDER BY ins.id`,
        [
          column((r) => r.electionId),
          column((r) => r.precinctId),
          column((r) => r.deviceId),
          column((r) => r.sequence),
          column((r) => r.kind),
          column((r) => JSON.stringify(r.payload)),
          column((r) => r.bodyHash),
          column((r) => r.envelope),
          column((r) => r.keyGeneration ?? -1),
          SUPERSEDING_KINDS,
          LOG_CHANNEL,
        ],
      );
      if (stored.length) {
        const lockHeads = () =>
          query<ChainHeadRow>(
            `SELECT election_id, hash, length FROM chain_head WHERE chain = 'submission' AND election_id = ANY($1::text[])
            ORDER BY election_id FOR UPDATE`,
            [elections],
          );
        let heads = await lockHeads();
        if (heads.length < elections.length) {
          // An election registered without its heads (by an older version): made once, then locked like the others.
          await query(
            `INSERT INTO chain_head (election_id, chain, hash) SELECT e, 'submission', $2::bytea FROM unnest($1::text[]) AS e ON CONFLICT DO NOTHING`,
            [elections, CHAIN_START],
          );
          heads = await lockHeads();
        }
        await this.chain(query, stored, heads);
      }
      return stored;
    });
    const key = (deviceId: string, sequence: number) => `${deviceId}\u0000${sequence}`;
    // By key and body: of two rows of a batch under one key, the one stored is the one whose body came back.
    const insertedKeys = new Set(inserted.map((r) => storedKey(r.device_id, Number(r.sequence), r.body_hash)));
    const outcomes: StoreOutcome[] = [];
    const claimed = new Set<string>();
    const toCheck: number[] = [];
    rows.forEach((r, i) => {
      const k = key(r.deviceId, r.sequence);
      if (insertedKeys.has(storedKey(r.deviceId, r.sequence, r.bodyHash)) && !claimed.has(k)) {
        claimed.add(k);
        outcomes[i] = 'inserted';
      } else toCheck.push(i);
    });
    if (toCheck.length) {
      const stored = await this.db.prisma.submission.findMany({
        where: { OR: toCheck.map((i) => ({ deviceId: rows[i].deviceId, sequence: rows[i].sequence })) },
        select: { deviceId: true, sequence: true, bodyHash: true },
      });
      const hashes = new Map(stored.map((s) => [key(s.deviceId, s.sequence), Buffer.from(s.bodyHash)]));
      for (const i of toCheck) {
        const stored = hashes.get(key(rows[i].deviceId, rows[i].sequence));
        outcomes[i] = !stored ? 'stale' : stored.equals(rows[i].bodyHash) ? 'duplicate' : 'conflict';
      }
      const unstored = toCheck.filter((i) => outcomes[i] === 'stale').map((i) => rows[i].deviceId);
      if (unstored.length) {
        const devices = new Map(
          (await this.db.prisma.device.findMany({ where: { id: { in: unstored } }, select: { id: true, revokedAt: true, generation: true } })).map((d) => [
            d.id,
            d,
          ]),
        );
        for (const i of toCheck) {
          const d = devices.get(rows[i].deviceId);
          const generation = rows[i].keyGeneration ?? -1;
          if (outcomes[i] === 'stale' && d && (d.revokedAt !== null || (generation >= 0 && d.generation !== generation))) outcomes[i] = 'revoked';
        }
      }
    }
    return outcomes;
  }

  /** Appends the rows just stored to their elections' chains, whose heads this transaction holds: each row's hash and place. */
  private async chain(query: SqlQuery, stored: StoredRow[], heads: ChainHeadRow[]): Promise<void> {
    const head = new Map<string, { hash: Buffer; length: bigint; added: number }>(
      heads.map((h) => [h.election_id, { hash: Buffer.from(h.hash), length: BigInt(h.length), added: 0 }]),
    );
    const places: bigint[] = [];
    const hashes = stored.map((s) => {
      const h = head.get(s.election_id)!;
      // The hash of the envelope as stored (of two copies of one message in a batch, the one the INSERT kept).
      h.hash = chainLink(h.hash, Buffer.from(s.envelope_hash));
      h.added++;
      places.push(h.length + BigInt(h.added));
      return h.hash;
    });
    const moved = [...head].filter(([, h]) => h.added > 0);
    await query(
      `WITH chained AS (
        INSERT INTO submission_chain (submission_id, election_id, seq, hash)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bytea[]))
      UPDATE chain_head SET hash = u.h, length = chain_head.length + u.n
      FROM unnest($5::text[], $6::bytea[], $7::bigint[]) AS u(e, h, n)
      WHERE chain_head.election_id = u.e AND chain_head.chain = 'submission'`,
      [
        stored.map((s) => BigInt(s.id)),
        stored.map((s) => s.election_id),
        places,
        hashes,
        moved.map(([e]) => e),
        moved.map(([, h]) => h.hash),
        moved.map(([, h]) => BigInt(h.added)),
      ],
    );
  }

  /** Whether exactly this message (same body) is stored under its key. */
  async isStored(deviceId: string, sequence: number, bodyHash: Buffer): Promise<boolean> {
    const stored = await this.db.prisma.submission.findUnique({ where: { deviceId_sequence: { deviceId, sequence } }, select: { bodyHash: true } });
    return !!stored && Buffer.from(stored.bodyHash).equals(bodyHash);
  }

  /** The log after `cursor`, in order, at most `limit` rows (without the envelopes). */
  async after(cursor: bigint, limit: number): Promise<StoredSubmission[]> {
    return this.read({ id: { gt: cursor } }, limit);
  }

  /** Where the finished part of the log ends now: the oldest transaction still running (every row below it is committed or never will be). */
  async horizon(): Promise<LogPosition> {
    const [{ xmin }] = await this.db.prisma.$queryRaw<{ xmin: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
    return { xid: BigInt(xmin), id: BigInt(0) };
  }

  /**
   * The keys of the finished log after `from`, in (transaction, id) order, at most `limit`, and the
   * horizon they were read below — one statement, one snapshot. A row whose transaction still runs
   * is not read yet (nor anything after it): it will be, whenever it commits.
   */
  async finishedAfter(from: LogPosition, limit: number): Promise<{ horizon: LogPosition; keys: LogKey[] }> {
    const rows = await this.db.prisma.$queryRaw<
      { horizon: string; id: bigint | null; xid: string | null; device_id: string | null; sequence: number | null }[]
    >`
      WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT h.xmin::text AS horizon, s.id, s.xid::text AS xid, s.device_id, s.sequence
      FROM h LEFT JOIN LATERAL (
        SELECT id, xid, device_id, sequence FROM submission
        WHERE (xid, id) > (${from.xid.toString()}::xid8, ${from.id}::bigint) AND xid < h.xmin
        ORDER BY xid, id LIMIT ${limit}) s ON true`;
    return {
      horizon: { xid: BigInt(rows[0].horizon), id: BigInt(0) },
      keys: rows.filter((r) => r.id !== null).map((r) => ({ id: BigInt(r.id!), xid: BigInt(r.xid!), deviceId: r.device_id!, sequence: Number(r.sequence) })),
    };
  }

  /** These rows of the log. */
  async byIds(ids: bigint[]): Promise<StoredSubmission[]> {
    return this.read({ id: { in: ids } }, ids.length);
  }

  private async read(where: { id: { gt: bigint } | { in: bigint[] } }, limit: number): Promise<StoredSubmission[]> {
    const rows = await this.db.prisma.submission.findMany({ where, orderBy: { id: 'asc' }, take: limit, omit: { envelope: true } });
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.receivedAt,
      submission: {
        kind: r.kind as MessageKind,
        electionId: r.electionId,
        precinctId: r.precinctId,
        deviceId: r.deviceId,
        sequence: r.sequence,
        payload: r.payload as unknown as Payload,
        bodyHash: Buffer.from(r.bodyHash),
        envelope: Buffer.alloc(0),
      } as Submission,
    }));
  }

  /** An election's accepted messages in order of receipt, for its event log. */
  eventLog(electionId: string): Promise<{ deviceId: string; sequence: number; kind: string; receivedAt: Date; bodyHash: Uint8Array; precinctId: string }[]> {
    return this.db.prisma.submission.findMany({
      where: { electionId },
      select: { deviceId: true, sequence: true, kind: true, receivedAt: true, bodyHash: true, precinctId: true },
      orderBy: { id: 'asc' },
    });
  }

  count(where: { kind?: MessageKind; deviceId?: string } = {}): Promise<number> {
    return this.db.prisma.submission.count({ where });
  }
}
