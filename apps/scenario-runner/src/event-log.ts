import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Reader, Writer } from 'protobufjs/minimal';
import { DeviceRegistration, deviceRegistration, int64ToNumber, v1 } from '@shailoo/contracts';
import { canonicalJson, ElectionDefinition } from '@shailoo/election';
import { ScenarioError } from './scenario';

/** One message a device sent, at its virtual time. */
export interface LoggedMessage {
  atMs: number;
  topic: string;
  payload: Buffer;
}

export interface EventLog {
  scenario: string;
  seed: string;
  elections: { definition: ElectionDefinition; devices: DeviceRegistration[] }[];
  /** In the log's order: virtual time, then topic, then payload bytes. */
  messages: LoggedMessage[];
}

/** Bytes of each chunk a {@link MessageLog} copies payloads into. */
const LOG_CHUNK = 1 << 20;

/**
 * The messages of a run as the devices send them, held compactly: a country's day logs 1.3 million.
 * Each payload is copied into the log's own chunks, for as it comes it is a slice of Node's shared
 * 8 kB buffer pool, and one kept slice keeps its whole slab alive; a topic seen before is kept once.
 */
export class MessageLog {
  readonly messages: LoggedMessage[] = [];
  private readonly topics = new Map<string, string>();
  private chunk = Buffer.allocUnsafeSlow(LOG_CHUNK);
  private used = 0;

  add(atMs: number, topic: string, payload: Uint8Array): void {
    let known = this.topics.get(topic);
    if (known === undefined) this.topics.set(topic, (known = topic));
    this.messages.push({ atMs, topic: known, payload: this.keep(payload) });
  }

  private keep(payload: Uint8Array): Buffer {
    if (payload.length > LOG_CHUNK / 16) {
      const own = Buffer.allocUnsafeSlow(payload.length);
      own.set(payload);
      return own;
    }
    if (this.used + payload.length > LOG_CHUNK) {
      this.chunk = Buffer.allocUnsafeSlow(LOG_CHUNK);
      this.used = 0;
    }
    const kept = this.chunk.subarray(this.used, this.used + payload.length);
    kept.set(payload);
    this.used += payload.length;
    return kept;
  }
}

const FORMAT = 1;

/** The log's order: the same set of messages always comes out in the same sequence. */
function compareMessages(a: LoggedMessage, b: LoggedMessage): number {
  return a.atMs - b.atMs || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) || Buffer.compare(a.payload, b.payload);
}

function delimited(bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(Writer.create().uint32(bytes.length).finish()), bytes]);
}

/** The log's bytes (see proto/shailoo/v1/event_log.proto): a header, then every message in order. */
export function encodeEventLog(log: EventLog): Buffer {
  const header = v1.EventLogHeader.encode({
    format: FORMAT,
    scenario: log.scenario,
    seed: log.seed,
    elections: log.elections.map((e) => ({
      definitionJson: canonicalJson(e.definition),
      devices: e.devices.map((d) => ({ id: d.id, precinctId: d.precinctId, kind: d.kind, publicKey: Buffer.from(d.publicKey, 'base64') })),
    })),
  }).finish();
  const entries = [...log.messages].sort(compareMessages).map((m) => delimited(v1.EventLogEntry.encode(m).finish()));
  return Buffer.concat([delimited(header), ...entries]);
}

export function decodeEventLog(bytes: Buffer): EventLog {
  const reader = Reader.create(bytes);
  const header = v1.EventLogHeader.decode(reader, reader.uint32());
  if (header.format !== FORMAT) throw new Error(`event log format ${header.format}; this version reads format ${FORMAT}`);
  const messages: LoggedMessage[] = [];
  while (reader.pos < reader.len) {
    const e = v1.EventLogEntry.decode(reader, reader.uint32());
    messages.push({ atMs: int64ToNumber(e.atMs), topic: e.topic, payload: Buffer.from(e.payload) });
  }
  return {
    scenario: header.scenario,
    seed: header.seed,
    elections: header.elections.map((e) => ({
      definition: JSON.parse(String(e.definitionJson)) as ElectionDefinition,
      devices: (e.devices ?? []).map((d) =>
        deviceRegistration(String(d.id), String(d.precinctId), d.kind as DeviceRegistration['kind'], d.publicKey ?? new Uint8Array()),
      ),
    })),
    messages,
  };
}

export function writeEventLog(file: string, log: EventLog): string {
  const bytes = encodeEventLog(log);
  writeFileSync(file, bytes);
  return sha256Hex(bytes);
}

/** Reads an event log written by `run --record`; anything else (a scenario file, say) is refused saying what it is. */
export function readEventLog(file: string): { log: EventLog; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ScenarioError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return { log: decodeEventLog(bytes), sha256: sha256Hex(bytes) };
  } catch (err) {
    const text = bytes.subarray(0, 4096).toString('utf8');
    const what =
      /^\s*(\{|[\w-]+:)/.test(text) && /\b(name|election|seed)\b/.test(text)
        ? 'it looks like a scenario file: run it with `shailoo-sim run <file>`'
        : 'it is not one';
    throw new ScenarioError(
      `${basename(file)} is not an event log (${(err as Error).message}): replay reads what \`shailoo-sim run <scenario> --record <file>\` wrote; ${what}`,
    );
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
