/** The turnout chart (today against 2021) and the chart of precincts reporting over the session. */
import { lineChart } from '../charts';
import { $, num, pct } from '../format';
import { state, t } from '../state';

/** The 2021 reference turnout of the issue (CEC's reported figures), hour → share. */
const REFERENCE_2021: [number, number][] = [
  [8, 0],
  [10, 0.0291],
  [14, 0.1635],
  [16, 0.2247],
  [18, 0.2836],
  [20, 0.3494],
];

/**
 * The turnout curve: an hour counts once as many precincts have reported it as reported the
 * earliest one (a half-reported hour would dip).
 */
export function turnoutPoints(): [number, number][] {
  const timeline = state.country?.turnoutTimeline ?? [];
  const full = Math.max(0, ...timeline.map((p) => p.precinctsReporting));
  return timeline.filter((p) => p.precinctsReporting >= full).map((p) => [p.hour, p.share]);
}

export function renderTurnout(): void {
  const today = turnoutPoints();
  $('turnout').innerHTML = lineChart(
    [
      { name: t('reference2021'), points: REFERENCE_2021, colour: '#9e9e9e', dashed: true },
      { name: t('today'), points: today.length ? [[8, 0], ...today] : [], colour: '#1565c0' },
    ],
    { xMin: 8, xMax: 20, yMax: 0.4, xLabel: (x) => `${x}:00`, yLabel: (y) => pct(y, 0) },
  );
  const start = state.reporting[0]?.[0] ?? 0;
  const series = state.reporting.map(([at, n]) => [(at - start) / 1000, n] as [number, number]);
  const total = state.country?.precinctsTotal ?? 1;
  $('reporting-title').textContent = t('reportingChart');
  $('reporting').innerHTML = lineChart([{ name: t('reporting'), points: series, colour: '#2e7d32' }], {
    xMin: 0,
    xMax: Math.max(10, series.at(-1)?.[0] ?? 10),
    yMax: total,
    xLabel: (x) => `${Math.round(x)} s`,
    yLabel: (y) => num(Math.round(y)),
  });
}
