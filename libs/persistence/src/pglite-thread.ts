import { messages } from '@electric-sql/pglite';
import { ownBytesIn } from '@shailoo/platform';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A row parser as PGlite takes them (per type OID): the column's text and its type. */
type Parser = (text: string, typeId: number) => unknown;

export interface QueryOptions {
  rowMode?: 'object' | 'array';
  parsers?: Record<number, Parser>;
}

export interface QueryResult<R = any> {
  rows: R[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** What the store and Prisma's PGlite adapter use of a PGlite, or of one of its transactions. */
export interface PGliteQueries {
  query<R = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
  exec(sql: string): Promise<QueryResult[]>;
}

export interface PGliteTransaction extends PGliteQueries {
  rollback(): Promise<void>;
}

/** PGlite's entry point, which the thread loads too. */
const PGLITE = require.resolve('@electric-sql/pglite');
/** Node has WebAssembly as a global; the project's type libraries declare only its types. */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
type PGliteModules = { pglite: WebAssembly.Module; initdb: WebAssembly.Module };
let modules: Promise<PGliteModules> | null = null;

/**
 * PGlite's two Wasm modules (the database, and initdb that makes a fresh one), compiled once for
 * the process and kept: each thread is handed them (a module posted to a thread shares its
 * compiled code) instead of compiling its own and freeing it when it ends. Wasm code compiled and
 * freed thread after thread is what aborts Node 24 at random (V8's "Check failed:
 * jit_page_->allocations_.erase(addr) == 1", nodejs/node#64500); it also saves each open the compile.
 */
function compiled(): Promise<PGliteModules> {
  const compile = async (file: string) => wasm.compile(await readFile(join(dirname(PGLITE), file)));
  modules ??= Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(([pglite, initdb]) => ({ pglite, initdb }));
  return modules;
}

/**
 * The worker: one PGlite, each request answered in turn. A transaction is PGlite's own, begun by
 * its first statement (one message, not two) and held open while the calling thread sends the
 * others; its steps run one after another (a ROLLBACK is done before the step that ends the
 * transaction). Row parsers cannot cross threads: the columns of the types the caller parses come
 * back as PGlite's text, parsed on the calling side. Bytes are posted as arrays of their own
 * (ownBytesIn: a view of a socket's read would post the whole read).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite, messages } = require(workerData.module);
const db = new PGlite(workerData.dataDir, { pgliteWasmModule: workerData.pglite, initdbWasmModule: workerData.initdb });
const txs = new Map();
const raw = (oids) => oids && Object.fromEntries(oids.map((oid) => [oid, (text) => text]));
const options = (m) => ({ rowMode: m.rowMode, parsers: raw(m.raw) });
const plain = (r) => ({ rows: r.rows, fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), affectedRows: r.affectedRows });
const failure = (err) => ({ message: String((err && err.message) || err), database: err instanceof messages.DatabaseError,
  fields: Object.fromEntries(['code', 'severity', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'dataType', 'constraint', 'where', 'routine', 'file', 'line']
    .filter((k) => err && err[k] !== undefined).map((k) => [k, err[k]])) });
function begin() {
  const t = {};
  t.steps = new Promise((begun) => {
    t.done = db.transaction((tx) => new Promise((end, abort) => { Object.assign(t, { tx, end, abort }); begun(); }));
    t.done.catch((err) => { t.failed = t.failed || err; begun(); });
  });
  return t;
}
async function run(m, t) {
  // A transaction that never began answers every step with why; one already ended, as PGlite does.
  if (m.tx && !t) { if (m.op === 'commit' || m.op === 'abort') return null; throw new Error('Transaction is closed'); }
  if (t && !t.tx) { if (m.op === 'abort') return null; throw t.failed; }
  const on = t ? t.tx : db;
  switch (m.op) {
    case 'ready': await db.waitReady; return null;
    case 'query': return plain(await on.query(m.sql, m.params, options(m)));
    case 'exec': return (await on.exec(m.sql)).map(plain);
    case 'rollback': return t.tx.rollback();
    case 'commit': t.end(); return t.done.then(() => null);
    case 'abort': t.abort(new Error('rolled back by its caller')); return t.done.then(() => null, () => null);
    case 'close': await db.close(); return null;
  }
}
const post = (answer) => parentPort.postMessage(answer);
parentPort.on('message', (m) => {
  if (m.begin) txs.set(m.tx, begin());
  const t = m.tx && txs.get(m.tx);
  if (m.op === 'commit' || m.op === 'abort') txs.delete(m.tx);
  const answer = (result) => post({ id: m.id, result });
  const fail = (err) => post({ id: m.id, error: failure(err) });
  if (t) t.steps = t.steps.then(() => run(m, t).then(answer, fail));
  else run(m).then(answer, fail);
});
parentPort.on('messageerror', (err) => { throw err; });`;

interface Request {
  op: 'ready' | 'query' | 'exec' | 'rollback' | 'commit' | 'abort' | 'close';
  tx?: number;
  /** This statement begins transaction `tx`. */
  begin?: boolean;
  sql?: string;
  params?: unknown[];
  rowMode?: 'object' | 'array';
  raw?: number[];
}

interface Failure {
  message: string;
  database: boolean;
  fields: Record<string, unknown>;
}

/**
 * The embedded PostgreSQL (PGlite) on a thread of its own: its Wasm, its wire protocol and its
 * file writes were half of the server's main thread under a burst, with stalls readers felt. The
 * calling thread posts statements and gets rows; a transaction stays one of PGlite's, committed
 * (on disk) before `transaction` resolves. The worker holds the process open only while a request
 * is out, as an idle PGlite in the same thread would not.
 */
export class PGliteThread implements PGliteQueries {
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: Failure }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (error) p?.reject(rebuild(error));
      else p?.resolve(result);
    });
    const fail = (err: Error) => {
      this.dead = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    // A message that cannot be read leaves a request unanswered: no request is waited for after that (the worker throws on one too).
    worker.on('messageerror', (err) => {
      fail(err);
      void worker.terminate();
    });
    worker.on('exit', (code) => fail(new Error(`the embedded database's thread stopped (exit ${code})`)));
  }

  /** Opens PGlite at `dataDir` (unset or memory:// in memory) on a new thread. */
  static async open(dataDir?: string): Promise<PGliteThread> {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: PGLITE, dataDir, ...(await compiled()) } });
    const thread = new PGliteThread(worker);
    try {
      await thread.call({ op: 'ready' });
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return thread;
  }

  query<R = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    return this.queryIn((request) => this.call(request), sql, params, options);
  }

  exec(sql: string): Promise<QueryResult[]> {
    return this.call({ op: 'exec', sql });
  }

  /** `fn`'s statements in one transaction: committed when it resolves, rolled back when it throws (or it called rollback). */
  async transaction<T>(fn: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextId++;
    let begun = false;
    let ended = false;
    const send = <R>(request: Request): Promise<R> => {
      if (ended) return Promise.reject(new Error('Transaction is closed'));
      const first = !begun;
      begun = true;
      return this.call({ ...request, tx, begin: first });
    };
    const handle: PGliteTransaction = {
      query: (sql, params, options) => this.queryIn(send, sql, params, options),
      exec: (sql) => send({ op: 'exec', sql }),
      rollback: () => send({ op: 'rollback' }),
    };
    // As PGlite does, `fn` is called after this returns its promise (Prisma's adapter counts on it).
    await Promise.resolve();
    let result: T;
    try {
      result = await fn(handle);
    } catch (err) {
      ended = true;
      // The caller hears its own error (with its SQLSTATE), whatever became of the rollback.
      if (begun) await this.call({ op: 'abort', tx }).catch(() => undefined);
      throw err;
    }
    ended = true;
    if (begun) await this.call({ op: 'commit', tx });
    return result;
  }

  async close(): Promise<void> {
    if (!this.dead) await this.call({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }

  private async queryIn<R>(send: <A>(request: Request) => Promise<A>, sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    const parsers = options?.parsers;
    const result: QueryResult<R> = await send({
      op: 'query',
      sql,
      params: ownBytesIn(params),
      rowMode: options?.rowMode,
      raw: parsers && Object.keys(parsers).map(Number),
    });
    if (parsers) parseColumns(result, parsers, options?.rowMode === 'array');
    return result;
  }

  private call<T>(request: Request): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Posted first: a parameter that cannot be posted fails this call alone and leaves nothing waiting.
      this.worker.postMessage({ ...request, id });
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
    });
  }
}

/** Parses, on this side, the columns the worker left as text. */
function parseColumns(result: QueryResult, parsers: Record<number, Parser>, arrays: boolean): void {
  result.fields.forEach((field, i) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    const key = arrays ? i : field.name;
    for (const row of result.rows) if (row[key] !== null) row[key] = parse(row[key], field.dataTypeID);
  });
}

/** The worker's error as PGlite would have thrown it: a DatabaseError with its SQLSTATE and details where it was one. */
function rebuild(f: Failure): Error {
  const err = f.database ? new messages.DatabaseError(f.message, 0, 'error') : new Error(f.message);
  return Object.assign(err, f.fields);
}
