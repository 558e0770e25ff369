import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';

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
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters (use `shailoo-sim operator add` for a random one)').optional(),
});

/** Variables whose values never appear in a message. */
const SECRET = new Set(['OPERATOR_TOKEN']);

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

/** A commander argument parser from a zod schema: a bad flag value names the flag and the rule. */
export function flag<T>(schema: z.ZodType<T>): (value: string) => T {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0].message);
    return parsed.data;
  };
}

export const Flags = {
  share: flag(z.coerce.number().min(0).max(1)),
  positive: flag(z.coerce.number().positive()),
  speed: flag(z.union([z.literal('max'), z.coerce.number().positive()])),
  precinct: flag(z.coerce.number().int().min(1)),
  count: flag(z.coerce.number().int().min(1)),
  nonNegative: flag(z.coerce.number().min(0)),
  port: flag(z.coerce.number().int().min(0).max(65535)),
  qos: flag(z.union([z.literal('0'), z.literal('1')]).transform(Number)),
  council: flag(z.string().transform((s) => (/^\d+$/.test(s) ? Number(s) : s))),
};
