/** The board's legend: each station state's colour and how many stations (of the chosen region) are in it. */
import { $, esc } from '../format';
import { Word } from '../i18n';
import { state, t } from '../state';
import { stationState } from '../stations';

const LEGEND: [Word, string][] = [
  ['state.not-open', 'idle'],
  ['state.open', 'open'],
  ['state.identified', 'ident'],
  ['state.box', 'box'],
  ['state.protocol', 'protocol'],
  ['state.hand-count', 'hand'],
  ['state.flagged', 'flag'],
];

export function renderLegend(): void {
  const counts = new Map<string, number>();
  for (const s of state.stations.values()) {
    if (state.region && s.region !== state.region) continue;
    const key = stationState(s).key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  $('legend').innerHTML = LEGEND.map(
    ([k, cls]) => `<span class="key"><i class="cell ${cls}"></i>${esc(t(k))} <b data-count="${esc(k)}">${counts.get(k) ?? 0}</b></span>`,
  ).join('');
}
