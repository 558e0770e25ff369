/** The page's state: what it has read from the server, what the trainer chose, and what it measures of itself. */
import type { ContestResults, ElectionResults, SeatsView } from '@shailoo/contracts';
import { isLang, Lang, translator, Word } from './i18n';

/** What a station has sent so far (the kinds of the event stream's submissions). */
export type Kind = 'turnout' | 'identification' | 'result' | 'protocol';

/** One polling station (a precinct) as the board shows it. */
export interface Station {
  id: string;
  name: string;
  region: string;
  district: string;
  seen: Set<Kind>;
  flags: string[];
  boxFailed: boolean;
}

/** What `GET /api/simulation` answers while a simulation drives the server. */
export interface Simulation {
  paused: boolean;
  speed: number | 'max';
  virtualMs: number;
  kinds: string[];
}

export type ColourBy = 'reporting' | 'leader';

export interface TickerEntry {
  /** When it came, by the page's clock (ms). */
  wallMs: number;
  /** The election's time then (HH:MM, Bishkek) where a simulation's clock had been read. */
  election: string | null;
  text: string;
  kind: string;
}

const params = new URLSearchParams(location.search);
export const state = {
  lang: (isLang(params.get('lang')) ? params.get('lang') : (localStorage.getItem('shailoo-lang') ?? 'ky')) as Lang,
  electionId: params.get('election'),
  country: null as ElectionResults | null,
  regions: new Map<string, ElectionResults>(),
  seats: null as SeatsView | null,
  /** Every contest of the election (the candidate contests get a panel of their own). */
  contests: [] as ContestResults[],
  stations: new Map<string, Station>(),
  colourBy: 'reporting' as ColourBy,
  region: null as string | null,
  selected: null as string | null,
  ticker: [] as TickerEntry[],
  reporting: [] as [number, number][],
  reportingCount: 0,
  connected: false,
  /** The simulation's console, when a simulation drives the server (404 otherwise: read-only). */
  simulation: null as Simulation | null,
  /** When (page's clock, ms) `simulation` was read. */
  simulationReadAt: 0,
  faulted: new Map<string, string[]>(),
  consoleStatus: '',
};
if (!isLang(state.lang)) state.lang = 'ky';

let translate = translator(state.lang);
/** A word in the page's language. */
export const t = (w: Word): string => translate(w);

export function setLang(l: Lang): void {
  state.lang = l;
  translate = translator(l);
}

/** What the page measures of itself (read by the browser test and the benchmark). */
export const stats = { readyMs: 0, latenciesMs: [] as number[], events: 0 };
(window as unknown as { shailooLive: typeof stats }).shailooLive = stats;

/** When the server stored each submission not yet shown on the board (the `at` of its event). */
export const pendingShown: number[] = [];

/** The board has shown every pending submission at `now`: their latencies are measured. */
export function recordShown(now: number): void {
  for (const at of pendingShown.splice(0)) stats.latenciesMs.push(now - at);
}
