import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenBuckets } from '@shailoo/platform';
import { credentialMessage, OperatorAuth, OperatorRequest } from './operator-auth';
import { RequestLimits } from './tally-config';

/** The client addresses whose buckets are kept; the oldest are forgotten past this (a forgotten client starts with a full burst). */
const CLIENTS_KEPT = 100_000;

/** How long a refused request's body may go on arriving (discarded) before its connection is cut. */
const LINGER_MS = 1000;

/** A refused body up to this size is read and discarded, keeping the connection. */
const SMALL_BODY = 64 * 1024;

const UNLIMITED = /^\/(?:metrics|api\/health(?:\/|$))/;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refusal's status, reason (as counted), message, and headers. */
type Refusal = [status: number, reason: string, message: string, headers?: Record<string, string>];

/** The body a request's headers announce: its length, or chunks of no length said. */
const bodyOf = (req: IncomingMessage) => ({ declared: Number(req.headers['content-length'] ?? 0), chunked: req.headers['transfer-encoding'] !== undefined });

type Req = IncomingMessage & OperatorRequest & { ip?: string; path?: string };

/**
 * The HTTP server's first step, ahead of the body parser: a client over its rate is answered 429;
 * a state-changing request is authenticated from its headers alone — without an operator's
 * credential it is answered 401 and its connection closed before a byte of its body is read — and
 * an operator's body must be within the size limit and arrive in time. Every refusal is logged and
 * counted by reason (shailoo_http_refused_total).
 */
export function requestGate(auth: OperatorAuth, limits: RequestLimits, refused: (reason: string) => void, now: () => number = Date.now) {
  const logger = new Logger('RequestGate');
  const buckets = limits.perSecond === null ? null : new TokenBuckets(limits.perSecond, limits.burst, CLIENTS_KEPT);
  const withinRate = (client: string): boolean => buckets?.take(client, now()) ?? true;
  const refuse = (req: Req, res: ServerResponse, ...[status, reason, message, headers = {}]: Refusal) => {
    refused(reason);
    logger.warn(`${req.method} ${req.url?.slice(0, 200)} from ${req.ip ?? req.socket.remoteAddress} refused: ${reason}`);
    if (res.headersSent) return void req.destroy();
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify({ statusCode: status, reason, message }));
    // A large body is neither parsed nor read past the stream's first 16 kB (a read of nothing marks
    // it taken, so Node does not discard the rest at the cost of reading it): the client, held back
    // by TCP, reads the answer; a second later the connection is cut. A small one Node discards.
    const { declared, chunked } = bodyOf(req);
    if (!req.complete && (declared > SMALL_BODY || chunked)) {
      req.read(0);
      const cut = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      req.once('end', () => clearTimeout(cut));
      req.once('close', () => clearTimeout(cut));
    }
  };

  /** What the headers alone say of a request: why it is refused, or null. Sets `req.operator` for an operator's. */
  const admit = async (req: Req): Promise<Refusal | null> => {
    const { declared, chunked } = bodyOf(req);
    if (READS.has(req.method ?? 'GET'))
      return declared > SMALL_BODY || chunked ? [413, 'body-too-large', `a ${req.method} carries no body worth reading`] : null;
    const who = await auth.identify(req);
    if (typeof who === 'string') return [401, who, credentialMessage(who)];
    req.operator = who;
    if (declared > limits.maxBodyBytes) return [413, 'body-too-large', `a body of at most ${limits.maxBodyBytes} bytes, got ${declared}`];
    return null;
  };

  const gate = async (req: Req, res: ServerResponse, next: (err?: unknown) => void): Promise<void> => {
    const path = req.path ?? (req.url ?? '/').split('?')[0];
    if (!UNLIMITED.test(path) && !withinRate(req.ip ?? req.socket.remoteAddress ?? '')) {
      return refuse(req, res, 429, 'rate-limited', `more than ${limits.perSecond} requests a second from this address: slow down`, { 'retry-after': '1' });
    }
    let refusal: Refusal | null;
    try {
      refusal = await admit(req);
    } catch (err) {
      // The store could not say who this is: nothing is let through, and nothing of the stack is shown.
      logger.error(`admitting ${req.method} ${req.url?.slice(0, 200)}: ${(err as Error).message}`);
      refusal = [503, 'admission-failed', 'the server cannot check credentials now: try again in a moment'];
    }
    if (refusal) return refuse(req, res, ...refusal);
    const { declared, chunked } = bodyOf(req);
    if (!READS.has(req.method ?? 'GET') && (declared > 0 || chunked)) {
      const timer = setTimeout(() => {
        refuse(req, res, 408, 'slow-body', `the body took more than ${limits.bodyTimeoutMs} ms to arrive`);
        // A client this slow does not keep its connection: it is cut once it had time to read the answer.
        setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      }, limits.bodyTimeoutMs);
      const done = () => clearTimeout(timer);
      req.once('end', done);
      req.once('close', done);
      res.once('close', done);
    }
    next();
  };

  /**
   * A client that asks `Expect: 100-continue` sends its body only when told to: it is told only once
   * its headers are admitted (Node would tell every client at once). Then the request goes on as any.
   */
  const beforeContinue = (dispatch: (req: IncomingMessage, res: ServerResponse) => void) => (req: Req, res: ServerResponse) => {
    admit(req).then(
      (refusal) => {
        if (refusal) return refuse(req, res, ...refusal);
        res.writeContinue();
        dispatch(req, res);
      },
      (err: Error) => {
        logger.error(`admitting ${req.method} ${req.url?.slice(0, 200)}: ${err.message}`);
        refuse(req, res, 503, 'admission-failed', 'the server cannot check credentials now: try again in a moment');
      },
    );
  };

  return { gate, beforeContinue };
}
