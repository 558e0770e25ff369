import { Clock } from '@shailoo/platform';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { TIMERS } from './tally-config';
import { TallyMetrics } from './tally-metrics';

/** A read's answer while its version holds; never older than this, since some figures depend on the time (a precinct silent past the deadline). */
const MAX_AGE_MS = 60_000;
/**
 * While the tally changes, an answer is rebuilt only once it is this many times as old as it took
 * to build (and at most a second old): building one answer costs at most a fifth of the time, however
 * many readers ask during a burst — a 4-precinct answer is rebuilt within a millisecond or two, a
 * 10,000-precinct one about once a second.
 */
const BUILD_SHARE = 5;
const MAX_STALE_MS = 1000;
/** Answers kept (an election's reads by territory, level and page); the oldest go first. */
const MAX_ENTRIES = 10_000;

/** What an answer depends on: an epoch that must match (an operator's close), and a count of changes that may lag a little. */
export interface ViewVersion {
  epoch: string;
  changes: number;
}

interface Entry {
  version: ViewVersion;
  at: number;
  buildMs: number;
  body: Buffer;
  etag: string;
}

/**
 * The public reads' answers, serialized once and served as the same bytes to every reader, with an
 * ETag (a reader that has them gets 304). An answer is rebuilt when its election's tally has
 * changed (no sooner than BUILD_SHARE times its building time), and at least every minute.
 */
@Injectable()
export class ViewCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly metrics: TallyMetrics,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {}

  /** Answers `request` with the view `key` at `version`, built by `build` when what is kept will not do; `exact` (an operator's read) never takes an answer that lags a change. */
  send(
    request: IncomingMessage,
    response: ServerResponse,
    view: { key: string; version: ViewVersion; exact: boolean },
    build: () => unknown,
    headers: Record<string, string> = {},
  ): void {
    const entry = this.entry(view, build);
    response.setHeader('etag', entry.etag);
    response.setHeader('cache-control', 'public, max-age=1');
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.headers['if-none-match'] === entry.etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(entry.body);
  }

  private entry({ key, version, exact }: { key: string; version: ViewVersion; exact: boolean }, build: () => unknown): Entry {
    const now = this.timers.now();
    const kept = this.entries.get(key);
    if (kept && kept.version.epoch === version.epoch && now - kept.at < MAX_AGE_MS) {
      const lagAllowed = exact ? 0 : Math.min(MAX_STALE_MS, kept.buildMs * BUILD_SHARE);
      if (kept.version.changes === version.changes || now - kept.at < lagAllowed) return kept;
    }
    const started = performance.now();
    const body = Buffer.from(JSON.stringify(build()));
    const buildMs = performance.now() - started;
    this.metrics.viewBuilds.inc({ view: key.split('|')[0] });
    const entry = { version, at: now, buildMs, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}
