import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '@shailoo/platform';
import { startTallyServer, TallyServerHandle, TallyServerOptions, TallySettings, tallySettings } from '@shailoo/tally-server';
import { EmbeddedBroker } from '@shailoo/transport';
import { metricSamples, v1 } from '@shailoo/contracts';
import { startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';

/** Where a test's tally server gets its broker and database. */
export interface Stack {
  name: string;
  brokerUrl: string;
  databaseUrl?: string;
  startServer(settings?: Partial<TallySettings>, options?: TallyServerOptions): Promise<TallyServerHandle>;
  close(): Promise<void>;
}

/** The embedded defaults: aedes on a free port, PGlite in memory. */
export async function embeddedStack(): Promise<Stack> {
  const broker = await EmbeddedBroker.start(0);
  return {
    name: 'embedded aedes + PGlite',
    brokerUrl: broker.url,
    startServer: (settings = {}, options = {}) =>
      startTallyServer(tallySettings({ mqttUrl: broker.url, port: 0, operatorToken: TEST_OPERATOR_TOKEN, ...settings }), options),
    close: () => broker.close(),
  };
}

/**
 * Mosquitto and PostgreSQL from TEST_MQTT_URL and TEST_DATABASE_URL (.ci/run starts both on
 * loopback). Each stack gets a database of its own, dropped at the end.
 */
export async function externalStack(): Promise<Stack> {
  const mqttUrl = process.env.TEST_MQTT_URL!;
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `shailoo_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    name: 'Mosquitto + PostgreSQL',
    brokerUrl: mqttUrl,
    databaseUrl,
    startServer: (settings = {}, options = {}) =>
      startTallyServer(tallySettings({ mqttUrl, databaseUrl, port: 0, operatorToken: TEST_OPERATOR_TOKEN, ...settings }), options),
    close: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const externalConfigured = Boolean(process.env.TEST_MQTT_URL && process.env.TEST_DATABASE_URL);

export async function getJson<T = any>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A server's results once every one of `precincts` precincts reports. */
export function allReported(http: string, electionId: string, precincts: number, timeoutMs = 30_000): Promise<any> {
  return eventually(
    async () => {
      const r = await getJson(`${http}/api/elections/${electionId}/results`);
      return r.precinctsReporting === precincts ? r : null;
    },
    timeoutMs,
    `all ${precincts} precincts reporting`,
  );
}

export { eventually };

/**
 * The tally servers of a fault test: two on Mosquitto + PostgreSQL (one shared subscription, each
 * following the stored log), one on the embedded stack.
 */
export async function startGroup(stack: Stack, overrides: Partial<TallySettings> = {}): Promise<TallyServerHandle[]> {
  if (!stack.databaseUrl) return [await stack.startServer(overrides)];
  const sharedGroup = `tally-${randomBytes(3).toString('hex')}`;
  return [await stack.startServer({ sharedGroup, ...overrides }), await stack.startServer({ sharedGroup, ...overrides })];
}

/** First-time stores of messages a server counted (shailoo_messages_ingested_total, all kinds). */
export async function ingestedCount(http: string): Promise<number> {
  const text = await (await fetch(`${http}/metrics`)).text();
  return metricSamples(text, 'shailoo_messages_ingested_total').reduce((n, s) => n + s.value, 0);
}

/** Every delivery ended acknowledged as stored: accepted, or a duplicate of what was stored before (a resend). */
export function expectAllStored(deliveries: { ack: { status: v1.AckStatus } }[]): void {
  expect(deliveries.filter((d) => ![v1.AckStatus.ACK_STATUS_ACCEPTED, v1.AckStatus.ACK_STATUS_DUPLICATE].includes(d.ack.status))).toEqual([]);
}

/**
 * Every server answers, once all precincts report, exactly the totals the stations sent, and
 * they all answer the same results and seats; nothing sits in quarantine.
 */
export async function expectExactEverywhere(
  https: string[],
  election: { definition: { id: string }; messages: unknown[]; totals: { votes: Record<string, number>; ballotsInBox: number } },
): Promise<void> {
  const id = election.definition.id;
  const answers = [];
  for (const http of https) {
    const r = await allReported(http, id, election.messages.length, 30_000);
    expect(r.preliminary.ballotsInBox).toBe(election.totals.ballotsInBox);
    expect(r.preliminary.votes).toEqual(election.totals.votes);
    expect(
      (await getJson<{ items: { reason: string; detail: string }[] }>(`${http}/api/elections/${id}/quarantine`)).items.map((i) => `${i.reason}: ${i.detail}`),
    ).toEqual([]);
    answers.push({ preliminary: r.preliminary, seats: await getJson(`${http}/api/elections/${id}/seats`) });
  }
  for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
}

/**
 * After a server process was stopped mid-burst: starts it again on the same store and broker, lets
 * the stations' resends finish, expects the exact count, and stops it (SIGTERM, exit 0).
 */
export async function restartAndExpectExact(
  env: Record<string, string>,
  deliveries: Promise<{ ack: { status: v1.AckStatus } }[]>,
  election: Parameters<typeof expectExactEverywhere>[1],
): Promise<void> {
  const server = await startServerProcess(env);
  try {
    expectAllStored(await deliveries);
    await expectExactEverywhere([server.http], election);
    expect(await stopProcess(server.child)).toBe(0);
  } finally {
    await stopProcess(server.child, 'SIGKILL');
  }
}
