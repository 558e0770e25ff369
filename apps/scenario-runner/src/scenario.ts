import { load as parseYaml } from 'js-yaml';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { JOGORKU_KENESH_2021_REGIONS } from '@shailoo/election';

const share = z.number().min(0).max(1);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of election day, HH:MM (Bishkek)');
const link = z.enum(['ideal', '3g', '2g']);

/** Something that goes wrong at a time of election day (Bishkek time). */
const FAULT = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modems-down'), region: z.string().min(1), from: clockTime, until: clockTime }).strict(),
  z.object({ kind: z.literal('broker-restart'), at: clockTime, downForMinutes: z.number().min(0).default(1) }).strict(),
  z.object({ kind: z.literal('tally-server-restart'), at: clockTime, downForMinutes: z.number().min(0).default(5) }).strict(),
  z.object({ kind: z.literal('box-jam'), at: clockTime, precinct: z.number().int().min(1), council: z.union([z.string(), z.number()]).optional() }).strict(),
]);

export const SCENARIO = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
    description: z.string().min(1),
    /** A shipped dataset; the country is generated at full scale from the published figures. */
    election: z.discriminatedUnion('source', [
      z.object({ source: z.literal('city-council-2021'), council: z.union([z.string(), z.number()]) }).strict(),
      z.object({ source: z.literal('city-councils-2021') }).strict(),
      z
        .object({
          source: z.literal('jogorku-kenesh-2021'),
          /** Only these regions (ids: bishkek, osh-city, batken, jalal-abad, issyk-kul, naryn, osh, talas, chui): a smaller country with the same precincts and districts there. */
          regions: z
            .array(z.enum(JOGORKU_KENESH_2021_REGIONS as [string, ...string[]]))
            .min(1)
            .optional(),
        })
        .strict(),
      z.object({ source: z.literal('ayil-kenesh-2021') }).strict(),
    ]),
    /** Final turnout as a share of the registered voters; the dataset's by default. Voters arrive along the 2021 curve. */
    turnout: share.optional(),
    seed: z.string().min(1),
    /** Virtual seconds per real second, or max: as fast as the machine goes. */
    speed: z.union([z.literal('max'), z.number().positive()], { error: 'must be a positive number (virtual seconds per real second) or max' }).default('max'),
    /** online: every identification asks the identification service; local: the precinct's own list. */
    identification: z.enum(['online', 'local']).default('online'),
    devices: z
      .object({
        boxFailureRate: share.default(0.074),
        handCountErrorRate: share.default(0.002),
        boxMisreadRate: share.default(0),
        printerFailureRate: share.default(0),
        powerCutRate: share.default(0),
        falseAlreadyIdentifiedRate: share.default(0),
        fingerprintFrr: share.default(0.03),
        faceFrr: share.default(0.1),
        far: share.default(0.0001),
        unreadableRate: share.default(0.002),
      })
      .strict()
      .prefault({}),
    modems: z
      .object({ default: link.default('3g'), regions: z.record(z.string(), link).default({}) })
      .strict()
      .prefault({}),
    /** Share of each station's turnout who also try to vote at another precinct. */
    doubleVoterShare: share.default(0),
    faults: z.array(FAULT).default([]),
    /**
     * Hours after the polls close (virtual time) by which every station's messages must be
     * acknowledged; a station still waiting then is given up, and the report names it and what it
     * was still sending.
     */
    transmitWithinHours: z.number().positive().default(12),
  })
  .strict();

export type Scenario = z.infer<typeof SCENARIO>;
export type Fault = z.infer<typeof FAULT>;

/** A scenario file that does not parse or does not match the schema; the message names the field. */
export class ScenarioError extends Error {}

/** Checks a parsed scenario; a bad one throws a ScenarioError naming `source` and every field at fault, one per line. */
export function parseScenario(raw: unknown, source: string): Scenario {
  const parsed = SCENARIO.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new ScenarioError(problems.length === 1 ? `${source}: ${problems[0]}` : `${source}: ${problems.length} problems\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** The directory of the shipped scenarios, found from this file whether run from sources or from dist. */
export function shippedScenarioDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'scenario-runner', 'scenarios');
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
  }
  throw new Error('the shipped scenarios (apps/scenario-runner/scenarios) are missing from this installation');
}

/** Every shipped scenario, by name. */
export function shippedScenarios(): Scenario[] {
  const dir = shippedScenarioDir();
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => readScenarioFile(join(dir, f)));
}

/** A scenario by shipped name or by file path (.yaml, .yml or .json). */
export function loadScenario(nameOrFile: string): Scenario {
  if (/\.(ya?ml|json)$/.test(nameOrFile) || nameOrFile.includes('/')) return readScenarioFile(nameOrFile);
  const file = ['yaml', 'yml', 'json'].map((ext) => join(shippedScenarioDir(), `${nameOrFile}.${ext}`)).find(existsSync);
  if (!file)
    throw new ScenarioError(
      `no scenario named ${nameOrFile}; shipped: ${shippedScenarios()
        .map((s) => s.name)
        .join(', ')}`,
    );
  return readScenarioFile(file);
}

function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ScenarioError(`${basename(file)}: not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseScenario(raw, basename(file));
}

/** Minutes past midnight of an HH:MM. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
