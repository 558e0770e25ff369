// The same package from an ES module, under Node's own test runner: named imports of both entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TallyApi, Topics } from 'shailoo-sim';
import { startStations } from 'shailoo-sim/testing';

test('an ES module imports shailoo-sim and shailoo-sim/testing by name, and the day counts exactly', { timeout: 180_000 }, async () => {
  assert.equal(typeof TallyApi, 'function');
  assert.match(Topics.ack('aeu-1'), /aeu-1/);
  const stations = await startStations({ scenario: 'kaiyndy-2021', seed: 'consumer-esm' });
  const report = await stations.closePolls();
  await stations.stop();
  assert.equal(report.precinctsReported, 4);
  const [electionId] = Object.keys(stations.truth);
  assert.deepEqual(report.published[electionId].votes, stations.truth[electionId].votes);
});
