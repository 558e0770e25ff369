import { ThresholdBase } from './definition';
import { allocateAmongPassed, PartyListAllocation, PartyListInput } from './party-list';
import { applyThreshold, thresholdBaseCount, votesToPass } from './threshold';

export interface CityCouncilRules {
  /** 7% by law. */
  threshold?: number;
  thresholdBase?: ThresholdBase;
}

/**
 * City council (шаардык кеңеш): one city-wide district, party lists. Parties under 7% get
 * nothing; the seats go by Hare quota, largest remainder, among the parties that passed.
 */
export function allocateCityCouncil(input: PartyListInput, rules: CityCouncilRules = {}): PartyListAllocation {
  const threshold = rules.threshold ?? 0.07;
  const kind = rules.thresholdBase ?? 'participated';
  const count = thresholdBaseCount(kind, input);
  const outcomes = applyThreshold(input.votes, count, threshold);
  const passed = outcomes.filter((o) => o.passed);
  const allocation = allocateAmongPassed(passed, input.seats, input.seed ?? '');
  return {
    system: 'city-council',
    ...allocation,
    passed: passed.map((p) => p.id),
    failed: outcomes.filter((o) => !o.passed),
    thresholdBase: { kind, count },
    threshold: { share: threshold, votesToPass: votesToPass(count, threshold) },
  };
}
