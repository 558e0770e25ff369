/** The board's legend: each station state's colour and how many stations (of the chosen region) are in it. */
import { $, esc } from '../format';
import { Word } from '../i18n';
import { state, Station, t } from '../state';
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

/** Each counted station's state as it was counted, and how many stations are in each (of the region counted). */
const countedAs = new Map<string, Word>();
const counts = new Map<Word, number>();
let countedRegion: string | null = null;

/** The legend counted again over every station (of the chosen region): when the whole board is drawn. */
export function renderLegend(): void {
  countedAs.clear();
  counts.clear();
  countedRegion = state.region;
  for (const s of state.stations.values()) count(s);
  $('legend').innerHTML = LEGEND.map(
    ([k, cls]) => `<span class="key"><i class="cell ${cls}"></i>${esc(t(k))} <b data-count="${esc(k)}">${counts.get(k) ?? 0}</b></span>`,
  ).join('');
}

/**
 * The counts after these stations changed: only theirs move (a board of 10,000 stations takes
 * hundreds of events a second, and recounting all of them every frame held the page back).
 */
export function updateLegend(changed: Iterable<Station>): void {
  if (countedRegion !== state.region) return renderLegend();
  const moved = new Set<Word>();
  for (const s of changed) {
    const was = countedAs.get(s.id);
    const now = count(s);
    if (was !== now) [was, now].forEach((k) => k && moved.add(k));
  }
  for (const k of moved) {
    const el = document.querySelector<HTMLElement>(`#legend [data-count="${k}"]`);
    if (el) el.textContent = String(counts.get(k) ?? 0);
  }
}

/** Counts a station in its state now (out of the one it was counted in); its state, or undefined outside the region. */
function count(s: Station): Word | undefined {
  if (state.region && s.region !== state.region) return undefined;
  const key = stationState(s).key;
  const was = countedAs.get(s.id);
  if (was === key) return key;
  if (was) counts.set(was, (counts.get(was) ?? 1) - 1);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  countedAs.set(s.id, key);
  return key;
}
