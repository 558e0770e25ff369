/** The polling stations of the board: where each lies, what it has sent, and the state that colours its square. */
import type { Territory } from '@shailoo/election';
import { everyPrecinct, territories } from './api';
import { Word } from './i18n';
import { Kind, state, Station } from './state';

type Place = { region: string; district: string };

/** Each precinct's region and district: the territories do not change, so they are read once. */
let places: Promise<Map<string, Place>> | null = null;

async function placesOf(id: string): Promise<Map<string, Place>> {
  const place = new Map<string, Place>();
  const walk = (node: Territory, region: string, district: string) => {
    const r = node.level === 'region' ? node.id : region;
    const d = node.level === 'district' ? node.name : district;
    if (node.level === 'precinct') place.set(node.id, { region: r, district: d });
    for (const child of node.children ?? []) walk(child, r, d);
  };
  walk(await territories(id), '', '');
  return place;
}

/**
 * Every station from the precincts' results (flags, hand counts), keeping what the event stream has
 * already shown; the ids of those whose square would now look different.
 */
export async function loadStations(): Promise<string[]> {
  const id = state.electionId!;
  places ??= placesOf(id).catch((err) => {
    places = null;
    throw err;
  });
  const [place, precincts] = await Promise.all([places, everyPrecinct(id)]);
  const changed: string[] = [];
  for (const p of precincts) {
    const seen = new Set<Kind>();
    if (p.precinctsReporting) seen.add('result');
    if (p.precinctsWithProtocol) seen.add('protocol');
    if (p.turnoutTimeline?.length) seen.add('turnout');
    const known = state.stations.get(p.territoryId);
    const station: Station = {
      id: p.territoryId,
      name: p.name,
      region: place.get(p.territoryId)?.region ?? '',
      district: place.get(p.territoryId)?.district ?? '',
      seen: new Set([...seen, ...(known?.seen ?? [])]),
      flags: Object.entries(p.flags)
        .filter(([, n]) => n)
        .map(([k]) => k),
      // Counted by hand only: the box failed (or jammed) and sent nothing.
      boxFailed: !!p.flags?.['manual-only'],
    };
    state.stations.set(p.territoryId, station);
    if (!known || stationState(known).key !== stationState(station).key || known.flags.join() !== station.flags.join()) changed.push(station.id);
  }
  state.reportingCount = [...state.stations.values()].filter((x) => x.seen.has('result') || x.seen.has('protocol')).length;
  // A page opened once precincts have reported starts its chart where the count stands, not empty.
  if (!state.reporting.length && state.reportingCount) state.reporting.push([Date.now(), state.reportingCount]);
  return changed;
}

/** A station's state on the board: its words and the class of its square. */
export function stationState(s: Station): { key: Word; cls: string } {
  if (s.boxFailed && s.seen.has('protocol')) return { key: 'state.hand-count', cls: 'hand' };
  if (s.flags.some((f) => f !== 'not-reported')) return { key: 'state.flagged', cls: 'flag' };
  if (s.seen.has('protocol')) return { key: 'state.protocol', cls: 'protocol' };
  if (s.seen.has('result')) return { key: 'state.box', cls: 'box' };
  if (s.seen.has('identification')) return { key: 'state.identified', cls: 'ident' };
  if (s.seen.has('turnout')) return { key: 'state.open', cls: 'open' };
  return { key: 'state.not-open', cls: 'idle' };
}
