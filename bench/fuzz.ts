import { recordCouncilDay } from '@shailoo/scenario';
import { startTallyServer, tallySettings } from '@shailoo/tally-server';
import { EmbeddedBroker } from '@shailoo/transport';
import { brokerGarbageRun, corpusProblems, feedCorpus, GarbagePlan, garbageProblems, hostileCorpus } from '@shailoo/fuzz';

/**
 * npm run fuzz — the hostile corpus at full size, then MQTT-level garbage at the broker; exits 1 on
 * any problem. `npm test` runs a 10,000 sample of the corpus and a small garbage plan.
 *   FUZZ_PAYLOADS (100000)  payloads in the corpus, through the real ingest pipeline (PGlite)
 *   FUZZ_SEED (fuzz)        seed of the corpus and of the garbage
 *   FUZZ_STATIONS (1000)    genuine stations closing their polls during the garbage
 */
async function main(): Promise<void> {
  const payloads = Number(process.env.FUZZ_PAYLOADS ?? 100_000);
  const seed = process.env.FUZZ_SEED ?? 'fuzz';
  const stations = Number(process.env.FUZZ_STATIONS ?? 1000);
  const problems: string[] = [];

  const recorded = recordCouncilDay('Кайыңды', seed);
  const broker = await EmbeddedBroker.start(0);
  const server = await startTallyServer(tallySettings({ mqttUrl: broker.url, port: 0 }));
  try {
    await server.registry.register(recorded.day.definition, recorded.devices);
    const corpus = hostileCorpus(recorded, payloads, seed);
    const report = await feedCorpus(server, recorded, corpus);
    console.log(
      `corpus: ${report.payloads} payloads in ${report.seconds.toFixed(1)} s (${Math.round(report.payloads / report.seconds)}/s): ` +
        `${report.accepted} accepted, ${report.duplicates} duplicates, rejected ${JSON.stringify(report.rejectedByReason)}`,
    );
    console.log(`corpus: tallied ${JSON.stringify(report.tallied)}; the accepted results imply ${JSON.stringify(report.expected)}`);
    problems.push(...corpusProblems(report).map((p) => `corpus: ${p}`));
  } finally {
    await server.close();
    await broker.close();
  }

  const plan: GarbagePlan = {
    malformed: 2000,
    random: 5000,
    oversizedPackets: 200,
    oversizedPayloads: 200,
    flood: 5000,
    anonymousPublishes: 1000,
    wildSubscriptions: 40,
    badPasswords: 500,
    slowloris: 500,
    seed,
  };
  const garbage = await brokerGarbageRun(plan, stations, 5000);
  console.log(
    `broker: ${garbage.outcome.connections} garbage connections (${garbage.outcome.closedByBroker} closed by the broker) in ${garbage.seconds.toFixed(1)} s; ` +
      `refused ${JSON.stringify(garbage.refusals)}`,
  );
  console.log(
    `broker: the tally server rejected ${JSON.stringify(garbage.serverRejected)}, dropped ${JSON.stringify(garbage.serverDropped)}, banned ${garbage.devicesBanned}; ` +
      `${garbage.acknowledged}/${garbage.stations} stations acknowledged, tally ${garbage.exact ? 'exact' : 'WRONG'}, broker ${garbage.brokerAlive ? 'alive' : 'DOWN'}`,
  );
  problems.push(...garbageProblems(garbage).map((p) => `broker: ${p}`));

  for (const p of problems) console.error(`fuzz: ${p}`);
  console.log(problems.length ? `fuzz: ${problems.length} problems` : 'fuzz: no crash, every refusal counted, tallies exact');
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
