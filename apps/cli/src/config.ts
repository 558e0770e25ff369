import { InvalidArgumentError } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { cityCouncil2021 } from '@shailoo/election';
import { OPERATOR_ROLES, OperatorRole } from '@shailoo/persistence';

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable the command reads, checked once. Empty variables count as unset. */
const ENV = z.object({
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|tcp|ssl|wss?):\/\//, 'must be an mqtt://, mqtts://, tcp://, ssl://, ws:// or wss:// URL')
    .optional(),
  MQTT_PORT: port.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGLITE_DIR: z.string().optional(),
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  VOTER_SEED: z.string().default('kaiyndy-2021'),
  REMOTE_SHARE: z.coerce.number().min(0).max(1).default(0.01),
  // The tally server accepts it as an operator's; the client commands send it with --register.
  /** 1: the tally server also logs Nest's start-up lines (a line per route). */
  LOG_VERBOSE: z.enum(['0', '1']).optional(),
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters (use `shailoo-sim operator add` for a random one)').optional(),
  // Derives the broker passwords of the services and devices; without it the embedded broker's is kept in BROKER_SECRET_FILE.
  BROKER_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  BROKER_SECRET_FILE: z.string().optional(),
  // Mosquitto's password file, which the tally server writes (deploy/broker/mosquitto.conf).
  BROKER_PASSWORD_FILE: z.string().optional(),
  // Several tally servers on one Mosquitto and PostgreSQL: the shared subscription group they join.
  MQTT_SHARED_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or - (a topic level)')
    .optional(),
  // What a tally server does in a group on one PostgreSQL: all (default), ingest (verify, store, acknowledge) or aggregate (follow, serve reads, publish).
  TALLY_ROLE: z.enum(['all', 'ingest', 'aggregate']).optional(),
  // Requests a second one client address may make of the tally server's HTTP API (bursts of three times that); 0 lifts the limit.
  HTTP_RATE_LIMIT: z.coerce.number().min(0).optional(),
  // PEM files: HTTPS and an mqtts-only embedded broker with this key and certificate (chain);
  // TLS_CA, the certificates a broker's must chain to (the certificate itself when unset).
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  TLS_CA: z.string().optional(),
});

/** Variables whose values never appear in a message. */
const SECRET = new Set(['OPERATOR_TOKEN', 'BROKER_SECRET']);

export type Env = z.infer<typeof ENV>;

export class ConfigError extends Error {}

/** Reads and checks the environment; a bad value fails with a message that names its variable. */
export function getEnv(raw: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k in ENV.shape && v !== ''));
  const parsed = ENV.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`${issue.path.join('.')}=${SECRET.has(name) ? '"***"' : JSON.stringify(present[name])}: ${issue.message}`);
  }
  return parsed.data;
}

/** Where a durable service keeps its embedded database when neither DATABASE_URL nor PGLITE_DIR says. */
export const DEFAULT_DATA_DIRS = { tallyServer: '.shailoo/data', identification: '.shailoo/identification' };

/**
 * The store a service opens: PostgreSQL from DATABASE_URL, or the embedded database in PGLITE_DIR,
 * or on disk in `fallbackDir` — never in memory unless asked (`PGLITE_DIR=memory://`): a server
 * that acknowledges a result must still have it after a restart.
 */
export function durableStore(env: Env, fallbackDir: string): { url?: string; dataDir?: string } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const dir = env.PGLITE_DIR ?? fallbackDir;
  return { dataDir: dir.startsWith('memory://') ? dir : resolve(dir) };
}

/**
 * The broker secret of a tally server: BROKER_SECRET, or for the embedded broker (and for a
 * Mosquitto whose password file the server writes) one kept in BROKER_SECRET_FILE — by default
 * `broker-secret` beside the embedded store's directory, or in ./.shailoo — made on first start, so
 * devices keep their passwords across restarts; with a store in memory, a secret of this process
 * only. An external broker without a secret is open.
 */
export function brokerAccess(env: Env, store: { dataDir?: string }): { secret?: string; described: string } {
  const passwordFile = env.BROKER_PASSWORD_FILE ? `, password file ${env.BROKER_PASSWORD_FILE}` : '';
  if (env.BROKER_SECRET) return { secret: env.BROKER_SECRET, described: `secured (BROKER_SECRET${passwordFile})` };
  if (env.MQTT_URL && !env.BROKER_PASSWORD_FILE) return { described: 'open: MQTT_URL without BROKER_SECRET, the broker decides who may do what' };
  if (!env.BROKER_SECRET_FILE && store.dataDir?.startsWith('memory://')) {
    return { secret: randomBytes(32).toString('base64url'), described: `secured (a secret of this process: the store is in memory${passwordFile})` };
  }
  const file = resolve(env.BROKER_SECRET_FILE ?? join(store.dataDir ? dirname(store.dataDir) : '.shailoo', 'broker-secret'));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { secret: readFileSync(file, 'utf8').trim(), described: `secured (secret in ${file}${passwordFile})` };
}

/**
 * The tally server's TLS from TLS_CERT and TLS_KEY (its own key and certificate, for HTTPS and the
 * embedded broker) and TLS_CA (what a broker's certificate must chain to; for the embedded broker
 * the certificate itself when unset).
 */
export function tlsFiles(env: Env): { server: { key: string; cert: string } | null; ca?: string } {
  if (!env.TLS_CERT !== !env.TLS_KEY) throw new ConfigError('TLS_CERT and TLS_KEY go together: the PEM certificate (chain) and its private key');
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`${name}=${JSON.stringify(path)}: ${(err as Error).message}`);
    }
  };
  const server = env.TLS_CERT ? { cert: read('TLS_CERT', env.TLS_CERT), key: read('TLS_KEY', env.TLS_KEY!) } : null;
  const ca = env.TLS_CA ? read('TLS_CA', env.TLS_CA) : env.MQTT_URL ? undefined : server?.cert;
  return { server, ca };
}

/** A commander argument parser from a zod schema: a bad flag value names the flag and the rule. */
export function flag<T>(schema: z.ZodType<T>): (value: string) => T {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0].message);
    return parsed.data;
  };
}

/** A URL of one of `schemes` with a host, or `rule` as the reason. */
const urlOf = (schemes: string[], rule: string) =>
  z.string().refine((s) => {
    try {
      const u = new URL(s);
      return schemes.includes(u.protocol) && u.hostname !== '';
    } catch {
      return false;
    }
  }, rule);

export const Flags = {
  share: flag(z.coerce.number().min(0).max(1)),
  positive: flag(z.coerce.number().positive()),
  speed: flag(z.union([z.literal('max'), z.coerce.number().positive()], { error: 'a positive number (virtual seconds per real second) or max' })),
  mqttUrl: flag(
    urlOf(['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:'], 'an MQTT URL with its scheme: mqtt://host:port (mqtts:// for TLS), e.g. mqtt://127.0.0.1:1883'),
  ),
  httpUrl: flag(urlOf(['http:', 'https:'], "the tally server's HTTP address with its scheme: http://host:port, e.g. http://127.0.0.1:3000")),
  precinct: flag(z.coerce.number().int().min(1)),
  count: flag(z.coerce.number().int().min(1)),
  nonNegative: flag(z.coerce.number().min(0)),
  port: flag(z.coerce.number().int().min(0).max(65535)),
  qos: flag(z.union([z.literal('0'), z.literal('1')]).transform(Number)),
  /** A 2021 city council with results, by number or city name; an unknown one is refused listing those there are. */
  council: (value: string): string | number => {
    const council = /^\d+$/.test(value) ? Number(value) : value;
    try {
      cityCouncil2021(council);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
    return council;
  },
  /** Operator roles, comma-separated: each one of OPERATOR_ROLES, at least one. */
  roles: flag(
    z
      .string()
      .transform((s) => [...new Set(s.split(',').map((r) => r.trim()))])
      .refine((roles) => roles.every((r) => (OPERATOR_ROLES as readonly string[]).includes(r)), `roles are ${OPERATOR_ROLES.join(', ')}, comma-separated`)
      .transform((roles) => roles as OperatorRole[]),
  ),
  /** When a token expires: an ISO 8601 time, or a duration from now (30m, 12h, 3d); never in the past. */
  expiry: (value: string): Date => {
    const duration = /^(\d+)([mhd])$/.exec(value);
    const at = duration
      ? new Date(Date.now() + Number(duration[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 'm' | 'h' | 'd'])
      : new Date(value);
    if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('an ISO 8601 time (2026-12-31T18:00Z) or a duration from now (30m, 12h, 3d)');
    if (at.getTime() <= Date.now()) throw new InvalidArgumentError(`${value} is past: a token must expire in the future`);
    return at;
  },
  /** `A-B`: from minute A to minute B (decimals allowed) of link time. */
  outage: flag(
    z
      .string()
      .regex(/^\d+(\.\d+)?-\d+(\.\d+)?$/, 'an outage is A-B, from minute A to minute B, e.g. 1-11')
      .transform((s) => s.split('-').map(Number) as [number, number])
      .refine(([a, b]) => b > a, 'an outage ends after it begins'),
  ),
};
