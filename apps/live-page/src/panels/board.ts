/**
 * The board: a square per polling station, grouped by district. Drawn whole when the region, the
 * selection or the faults change; otherwise only the squares of stations that changed are redrawn,
 * once a frame (thousands of events a second).
 */
import { $, esc } from '../format';
import { Word } from '../i18n';
import { recordShown, state, Station, t } from '../state';
import { coalesced } from '../schedule';
import { stationState } from '../stations';
import { renderLegend, updateLegend } from './legend';

/** Stations changed since the board was last drawn: only their squares are redrawn. */
const dirty = new Set<string>();
const cells = new Map<string, HTMLElement>();
let cellsScheduled = false;

export const scheduleBoard = coalesced(() => renderBoard(), 250);

/** These stations' squares again, in the next frame. */
export function redrawCells(ids: Iterable<string>): void {
  for (const id of ids) dirty.add(id);
  if (cellsScheduled) return;
  cellsScheduled = true;
  requestAnimationFrame(() => {
    cellsScheduled = false;
    updateCells();
  });
}

function cellLabel(s: Station, key: Word): string {
  return `${s.name}: ${t(key)}${s.flags.length ? ` (${s.flags.map((f) => t(`flag.${f}` as Word)).join(', ')})` : ''}`;
}

function cellClass(s: Station, cls: string): string {
  return `cell ${cls}${state.selected === s.id ? ' selected' : ''}${state.faulted.get(s.id)?.length ? ' faulted' : ''}`;
}

function updateCells(): void {
  const now = Date.now();
  const changed: Station[] = [];
  for (const id of dirty) {
    const s = state.stations.get(id);
    const el = cells.get(id);
    if (!s || !el) continue;
    changed.push(s);
    const st = stationState(s);
    el.className = cellClass(s, st.cls);
    el.title = cellLabel(s, st.key);
    el.setAttribute('aria-label', el.title);
  }
  dirty.clear();
  updateLegend(changed);
  recordShown(now);
}

function cell(s: Station): string {
  const st = stationState(s);
  const label = cellLabel(s, st.key);
  const faults = state.faulted.get(s.id) ?? [];
  return `<button class="${cellClass(s, st.cls)}" data-faults="${esc(faults.join(' '))}" data-precinct="${esc(s.id)}" title="${esc(label)}" aria-label="${esc(label)}"></button>`;
}

export function renderBoard(): void {
  const now = Date.now();
  const shown = [...state.stations.values()].filter((s) => !state.region || s.region === state.region);
  const byDistrict = new Map<string, Station[]>();
  for (const s of shown) byDistrict.set(s.district, [...(byDistrict.get(s.district) ?? []), s]);
  const parts: string[] = [];
  for (const [district, stations] of byDistrict) {
    if (byDistrict.size > 1) parts.push(`<h3>${esc(district)}</h3>`);
    parts.push('<div class="cells">');
    for (const s of stations) parts.push(cell(s));
    parts.push('</div>');
  }
  const board = $('board');
  board.innerHTML = parts.join('');
  cells.clear();
  for (const el of board.querySelectorAll<HTMLElement>('[data-precinct]')) cells.set(el.dataset.precinct!, el);
  dirty.clear();
  renderLegend();
  recordShown(now);
}
