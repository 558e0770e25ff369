import { loadScenario, Scenario } from './scenario';

/**
 * The demo's day: the shipped kaiyndy-2021 scenario (every voter identified online, boxes and
 * hands counting exactly, a few voters trying twice) for any 2021 council and seed — so the
 * demo is a scenario run, with its oracle, its live page and its console.
 */
export function demoScenario(council: string | number, seed: string): Scenario {
  return { ...loadScenario('kaiyndy-2021'), name: 'demo', election: { source: 'city-council-2021', council }, seed };
}
