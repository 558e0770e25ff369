import { sha256 } from './envelope';

/**
 * The hash chains of an election's record: its accepted submissions, and its operators' actions,
 * each a chain of its own. Every entry's hash is SHA-256(the hash before ‖ SHA-256(the entry's
 * content)), from 32 zero bytes. Changing, dropping or reordering one entry breaks every hash
 * after it; whoever recorded a chain's head (its last hash) can tell a record rewritten since.
 */
export const CHAIN_START: Buffer = Buffer.alloc(32);

/** The hash of the entry after `previous` whose content is `content`. */
export function chainNext(previous: Uint8Array, content: Uint8Array): Buffer {
  return chainLink(previous, sha256(content));
}

/** The same, from the SHA-256 of the content. */
export function chainLink(previous: Uint8Array, contentHash: Uint8Array): Buffer {
  return sha256(Buffer.concat([previous, contentHash]));
}

/**
 * Text as a PostgreSQL text column keeps it, so that what is chained is what is stored: a lone
 * surrogate (which UTF-8 cannot carry) and NUL (which the column refuses) become U+FFFD.
 */
export function storableText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replaceAll('\u0000', '\ufffd');
}

/** An operator's action as it is chained. */
export interface ChainedAction {
  operator: string;
  action: string;
  electionId: string;
  detail: string;
  at: Date;
}

/** The content of an operator's action in its chain: its fields as a JSON array, the time in ISO 8601 (milliseconds). */
export function actionContent(a: ChainedAction): Buffer {
  return Buffer.from(JSON.stringify([a.operator, a.action, a.electionId, a.detail, a.at.toISOString()]));
}
