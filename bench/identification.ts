import { performance } from 'node:perf_hooks';
import { startIdentificationService } from '@shailoo/identification';
import { DeviceIds, deviceRegistration, v1 } from '@shailoo/contracts';
import { cityCouncil2021, cityCouncilDefinition, definitionHash, precinctsOf } from '@shailoo/election';
import { DeviceKey, SystemClock } from '@shailoo/platform';
import { openDatabase } from '@shailoo/persistence';
import { EmbeddedBroker } from '@shailoo/transport';
import { IdentificationLink } from '@shailoo/identification-device';
import { benchJson } from './bench-json';

/**
 * bench:identification — identification requests answered per second by the identification
 * service on the embedded broker and database: Jalal-Abad's 50,126 voters in 25 precincts, one
 * device per precinct, each asking about its own voters, BENCH_IN_FLIGHT (8) requests at a time.
 *   BENCH_REQUESTS (20000)   identifications
 */
const N = Number(process.env.BENCH_REQUESTS ?? 20_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const SEED = 'bench-identification';

async function main(): Promise<void> {
  const definition = cityCouncilDefinition(cityCouncil2021('Жалал-Абад'));
  const hash = definitionHash(definition);
  const broker = await EmbeddedBroker.start(0);
  const database = await openDatabase({});
  const service = await startIdentificationService({ mqttUrl: broker.url, voterSeed: SEED, remoteShare: 0, clock: new SystemClock() }, database);
  const precincts = precinctsOf(definition.territory).map((p) => p.id);
  const devices = precincts.map((p) =>
    deviceRegistration(DeviceIds.identification(p, 1), p, 'identification', DeviceKey.derive(SEED, DeviceIds.identification(p, 1)).publicKey),
  );
  await service.registry.register(definition, devices);
  const voters = service.service.voters(definition.id)!;
  const links = await Promise.all(
    devices.map(async (d) => {
      const link = new IdentificationLink(broker.url, d.id, DeviceKey.derive(SEED, d.id));
      await link.start();
      return { link, precinctId: d.precinctId, queue: voters.listOf(d.precinctId).map((v) => v.pin) };
    }),
  );
  console.log(`bench:identification — ${N} requests from ${links.length} devices, ${IN_FLIGHT} in flight each, embedded aedes + PGlite`);
  let asked = 0;
  let identified = 0;
  const start = performance.now();
  await Promise.all(
    links.flatMap(({ link, precinctId, queue }) =>
      Array.from({ length: IN_FLIGHT }, async () => {
        while (asked < N && queue.length) {
          asked++;
          const pin = queue.pop()!;
          const r = await link.ask(
            { electionId: definition.id, definitionHash: hash, precinctId },
            { pin, method: v1.IdentificationMethod.IDENTIFICATION_METHOD_FINGERPRINT, identifiedAtMs: Date.now() },
          );
          if (r.outcome === v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED) identified++;
        }
      }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  const stored = await service.identifications.count();
  console.log(`answered: ${asked} in ${seconds.toFixed(2)} s = ${(asked / seconds).toFixed(0)} identifications/s (${identified} identified, ${stored} stored)`);
  benchJson({ requests: asked, inFlight: IN_FLIGHT, devices: links.length, seconds, perSecond: asked / seconds, identified, stored });
  for (const { link } of links) await link.stop();
  await service.close();
  await database.close();
  await broker.close();
  if (stored !== identified) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
