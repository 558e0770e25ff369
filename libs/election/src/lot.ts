import { createHash } from 'node:crypto';

/**
 * Drawing of lots, deterministic for a seed: each tied contender gets a ticket,
 * sha-256(seed, purpose, id), and tickets are ranked in ascending byte order.
 * The same seed and contenders always draw the same way; another seed, another draw.
 */
export function drawLots(ids: readonly string[], seed: string, purpose: string): string[] {
  const ticket = (id: string) => createHash('sha256').update(`${seed}\u0000${purpose}\u0000${id}`).digest('hex');
  return ids
    .map((id) => ({ id, t: ticket(id) }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .map((x) => x.id);
}

/** A lot that decided something, kept in an allocation's working so a reader sees it. */
export interface LotRecord {
  purpose: string;
  tied: string[];
  order: string[];
}
