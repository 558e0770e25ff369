import { isLang, Lang, LANGS, REGION_NAMES, translator, Word } from './i18n';
import { bars, lineChart, tileMap } from './charts';

interface PartyLine {
  id: string;
  name: string;
  votes: number;
  finalVotes: number;
  seats: number;
}
interface Results {
  territoryId: string;
  name: string;
  level: string;
  electionName: string;
  registeredVoters: number;
  precinctsTotal: number;
  precinctsReporting: number;
  precinctsWithProtocol: number;
  turnout: number;
  turnoutTimeline: { hour: number; share: number; precinctsReporting: number }[];
  flags: Record<string, number>;
  parties: PartyLine[];
  seatsStatus: string;
}
/** A row of the allocation as the server's JSON has it (libs/election's HareRow; the page bundles none of the library). */
interface Row {
  id: string;
  votes: number;
  quotient: number;
  integerSeats: number;
  remainder: number;
  remainderSeat: boolean;
  seats: number;
}
interface Allocation {
  system: string;
  seats: Record<string, number>;
  rounds: { seats: number; totalVotes: number; quota: number; rows: Row[]; remainderSeats: number; lots: unknown[] }[];
  capped: string[];
  lots: unknown[];
  quota: number;
  passed: string[];
  failed: { id: string; votes: number; share: number; reason: string }[];
  thresholdBase: { kind: string; count: number };
}
interface Seats {
  status: string;
  provisional: Allocation | null;
  final: Allocation | null;
}
interface Territory {
  id: string;
  name: string;
  level: string;
  children?: Territory[];
}
type Kind = 'turnout' | 'identification' | 'result' | 'protocol';
interface Station {
  id: string;
  name: string;
  region: string;
  district: string;
  seen: Set<Kind>;
  flags: string[];
  boxFailed: boolean;
}

/** The 2021 reference turnout of the issue (CEC's reported figures), hour → share. */
const REFERENCE_2021: [number, number][] = [
  [8, 0],
  [10, 0.0291],
  [14, 0.1635],
  [16, 0.2247],
  [18, 0.2836],
  [20, 0.3494],
];
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

const params = new URLSearchParams(location.search);
const state = {
  lang: (isLang(params.get('lang')) ? params.get('lang') : (localStorage.getItem('shailoo-lang') ?? 'ky')) as Lang,
  electionId: params.get('election'),
  country: null as Results | null,
  regions: new Map<string, Results>(),
  seats: null as Seats | null,
  stations: new Map<string, Station>(),
  colourBy: 'reporting' as 'reporting' | 'leader',
  region: null as string | null,
  selected: null as string | null,
  ticker: [] as { at: number; text: string; kind: string }[],
  reporting: [] as [number, number][],
  reportingCount: 0,
  connected: false,
  /** The simulation's console, when a simulation drives the server (404 otherwise: read-only). */
  simulation: null as null | { paused: boolean; speed: number | 'max'; virtualMs: number; kinds: string[] },
  faulted: new Map<string, string[]>(),
  consoleStatus: '',
};
if (!isLang(state.lang)) state.lang = 'ky';
let t = translator(state.lang);

/** What the page measures of itself (read by the browser test and the benchmark). */
const stats = { readyMs: 0, latenciesMs: [] as number[], events: 0 };
(window as unknown as { shailooLive: typeof stats }).shailooLive = stats;

const $ = (id: string) => document.getElementById(id)!;
const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const num = (n: number) => n.toLocaleString(state.lang === 'en' ? 'en-GB' : 'ru-RU');

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Every precinct's results, read a page at a time (the server gives at most 5,000 a request). */
async function everyPrecinct(id: string): Promise<any[]> {
  const precincts: any[] = [];
  for (;;) {
    const res = await fetch(`/api/elections/${id}/results?level=precinct&limit=5000&offset=${precincts.length}`);
    if (!res.ok) throw new Error(`precincts of ${id}: ${res.status}`);
    const page = (await res.json()) as any[];
    precincts.push(...page);
    if (!page.length || precincts.length >= Number(res.headers.get('x-total-count'))) return precincts;
  }
}

function stationState(s: Station): { key: Word; cls: string } {
  if (s.boxFailed && s.seen.has('protocol')) return { key: 'state.hand-count', cls: 'hand' };
  if (s.flags.some((f) => f !== 'not-reported')) return { key: 'state.flagged', cls: 'flag' };
  if (s.seen.has('protocol')) return { key: 'state.protocol', cls: 'protocol' };
  if (s.seen.has('result')) return { key: 'state.box', cls: 'box' };
  if (s.seen.has('identification')) return { key: 'state.identified', cls: 'ident' };
  if (s.seen.has('turnout')) return { key: 'state.open', cls: 'open' };
  return { key: 'state.not-open', cls: 'idle' };
}

const partyColour = (id: string) => {
  const ids = state.country?.parties.map((p) => p.id) ?? [];
  return PALETTE[Math.max(0, ids.indexOf(id)) % PALETTE.length];
};
const partyName = (id: string) => state.country?.parties.find((p) => p.id === id)?.name ?? id;

function renderStatic(): void {
  document.documentElement.lang = state.lang;
  document.title = `${state.country?.electionName ?? 'shailoo-sim'} — ${t('title')}`;
  $('title').textContent = t('title');
  $('lang-label').textContent = t('language');
  for (const l of LANGS) $(`lang-${l}`).setAttribute('aria-pressed', String(l === state.lang));
  $('h-map').textContent = t('map');
  $('h-board').textContent = t('board');
  $('board-hint').textContent = t('boardHint');
  $('h-turnout').textContent = t('turnoutChart');
  $('h-results').textContent = t('results');
  $('h-allocation').textContent = t('allocation');
  $('h-ticker').textContent = t('ticker');
  $('colour-label').textContent = t('colourBy');
  ($('colour-reporting') as HTMLOptionElement).textContent = t('byReporting');
  ($('colour-leader') as HTMLOptionElement).textContent = t('byLeader');
}

/**
 * The turnout curve: an hour counts once as many precincts have reported it as reported the
 * earliest one (a half-reported hour would dip).
 */
function turnoutPoints(): [number, number][] {
  const timeline = state.country?.turnoutTimeline ?? [];
  const full = Math.max(0, ...timeline.map((p) => p.precinctsReporting));
  return timeline.filter((p) => p.precinctsReporting >= full).map((p) => [p.hour, p.share]);
}

function renderSummary(): void {
  const c = state.country;
  if (!c) return;
  const latest = turnoutPoints().at(-1)?.[1] ?? 0;
  $('election').textContent = c.electionName;
  $('summary').innerHTML = [
    [t('registered'), num(c.registeredVoters)],
    [t('reporting'), `${num(c.precinctsReporting)} / ${num(c.precinctsTotal)}`],
    [t('turnout'), pct(Math.max(c.turnout, latest))],
    [t('connection'), state.connected ? t('live') : t('reconnecting')],
  ]
    .map(([k, v]) => `<div class="stat"><span>${esc(k)}</span><strong data-stat>${esc(v)}</strong></div>`)
    .join('');
}

function renderMap(): void {
  const tiles = Object.keys(REGION_NAMES).map((id) => {
    const r = state.regions.get(id);
    let fill = '#e6e6e6';
    let note = t('notInElection');
    if (r) {
      const share = r.precinctsTotal ? r.precinctsReporting / r.precinctsTotal : 0;
      const leader = [...r.parties].sort((a, b) => b.votes - a.votes)[0];
      if (state.colourBy === 'leader') {
        fill = leader && leader.votes > 0 ? partyColour(leader.id) : '#cfd8dc';
        note = leader && leader.votes > 0 ? leader.name : t('waiting');
      } else {
        fill = `hsl(140, ${20 + share * 50}%, ${88 - share * 50}%)`;
        note = `${t('reporting')}: ${r.precinctsReporting}/${r.precinctsTotal}`;
      }
    }
    return { id, label: REGION_NAMES[id][state.lang], fill, note, active: !!r, selected: state.region === id };
  });
  $('map').innerHTML = tileMap(tiles);
  const all = $('all-regions') as HTMLButtonElement;
  all.textContent = t('allRegions');
  all.hidden = !state.region;
}

/** `fn` at most once per `ms`: calls in between are folded into the one pending. */
function coalesced(fn: () => void, ms: number): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      fn();
    }, ms);
  };
}

const scheduleBoard = coalesced(() => renderBoard(), 250);

/** Stations changed since the board was last drawn: only their squares are redrawn (thousands of events a second). */
const dirty = new Set<string>();
const cells = new Map<string, HTMLElement>();
let cellsScheduled = false;
function scheduleCells(): void {
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
  for (const id of dirty) {
    const s = state.stations.get(id);
    const el = cells.get(id);
    if (!s || !el) continue;
    const st = stationState(s);
    el.className = cellClass(s, st.cls);
    el.title = cellLabel(s, st.key);
    el.setAttribute('aria-label', el.title);
  }
  dirty.clear();
  renderLegend();
  for (const at of pendingShown.splice(0)) stats.latenciesMs.push(now - at);
}

const LEGEND: [Word, string][] = [
  ['state.not-open', 'idle'],
  ['state.open', 'open'],
  ['state.identified', 'ident'],
  ['state.box', 'box'],
  ['state.protocol', 'protocol'],
  ['state.hand-count', 'hand'],
  ['state.flagged', 'flag'],
];

function renderLegend(): void {
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

function renderBoard(): void {
  const now = Date.now();
  const shown = [...state.stations.values()].filter((s) => !state.region || s.region === state.region);
  const byDistrict = new Map<string, Station[]>();
  for (const s of shown) byDistrict.set(s.district, [...(byDistrict.get(s.district) ?? []), s]);
  const parts: string[] = [];
  for (const [district, stations] of byDistrict) {
    if (byDistrict.size > 1) parts.push(`<h3>${esc(district)}</h3>`);
    parts.push('<div class="cells">');
    for (const s of stations) {
      const st = stationState(s);
      const label = cellLabel(s, st.key);
      const faults = state.faulted.get(s.id) ?? [];
      parts.push(
        `<button class="${cellClass(s, st.cls)}" data-faults="${esc(faults.join(' '))}" data-precinct="${esc(s.id)}" title="${esc(label)}" aria-label="${esc(label)}"></button>`,
      );
    }
    parts.push('</div>');
  }
  const board = $('board');
  board.innerHTML = parts.join('');
  cells.clear();
  for (const el of board.querySelectorAll<HTMLElement>('[data-precinct]')) cells.set(el.dataset.precinct!, el);
  dirty.clear();
  renderLegend();
  for (const at of pendingShown.splice(0)) stats.latenciesMs.push(now - at);
}

async function renderDetail(): Promise<void> {
  const box = $('detail');
  if (!state.selected || !state.electionId) {
    box.hidden = true;
    return;
  }
  const p = await get<any>(`/api/elections/${state.electionId}/precincts/${encodeURIComponent(state.selected)}`);
  const ident = (p.identificationReports as any[])
    .map(
      (r) =>
        `<li>${esc(t('identification'))} <code>${esc(r.deviceId)}</code>: ${num(r.identifiedByFingerprint + r.identifiedByFace)} ${esc(t('identified'))}</li>`,
    )
    .join('');
  const boxes = (p.boxResults as any[])
    .map((r) => `<li>${esc(t('box'))} <code>${esc(r.deviceId)}</code>: ${num(r.ballotsInBox)} ${esc(t('ballotsInBox'))}</li>`)
    .join('');
  const protocol = p.manualProtocol
    ? `<li>${esc(t('commission'))} <code>${esc(p.manualProtocol.deviceId)}</code>: ${esc(t('state.protocol'))}${p.manualProtocol.boxFailed ? ` — ${esc(t('state.hand-count'))}` : ''}</li>`
    : `<li>${esc(t('commission'))}: ${esc(t('waiting'))}</li>`;
  const flags = Object.entries(p.flags as Record<string, unknown>)
    .filter(([, v]) => v)
    .map(([k]) => `<span class="badge">${esc(t(`flag.${k}` as Word))}</span>`)
    .join(' ');
  const faults = (state.faulted.get(p.precinctId) ?? []).map((k) => `<span class="badge">${esc(t(`fault.${k}` as Word))}</span>`).join(' ');
  box.innerHTML = `<h3>${esc(p.name)}</h3><p>${esc(t('registered'))}: ${num(p.registeredVoters)} ${flags} ${faults}</p><ul>${ident || `<li>${esc(t('identification'))}: ${esc(t('waiting'))}</li>`}${boxes || `<li>${esc(t('box'))}: ${esc(t('waiting'))}</li>`}${protocol}</ul>`;
  box.hidden = false;
}

function renderTurnout(): void {
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

function allocation(): { a: Allocation; status: Word } | null {
  if (state.seats?.final) return { a: state.seats.final, status: 'final' };
  if (state.seats?.provisional) return { a: state.seats.provisional, status: 'provisional' };
  return null;
}

function renderResults(): void {
  const c = state.country;
  if (!c) return;
  const al = allocation();
  const parties = [...c.parties].sort((x, y) => y.votes - x.votes);
  const base = al?.a.thresholdBase.count || parties.reduce((s, p) => s + p.votes, 0) || 1;
  const threshold = !al || al.a.system === 'city-council' ? 0.07 : 0.05;
  $('seat-status').textContent = `${t('seats')}: ${t(al?.status ?? 'waiting')}`;
  $('results').innerHTML = bars(
    parties.map((p) => {
      // Final seats come from the commissions' protocols: so do the votes shown with them.
      const votes = al?.status === 'final' ? p.finalVotes : p.votes;
      return { id: p.id, label: p.name, value: votes / base, colour: partyColour(p.id), seats: al?.a.seats[p.id] ?? 0, votes };
    }),
    { threshold, thresholdLabel: `${t('threshold')} ${pct(threshold, 0)}`, format: (v) => pct(v), seatsLabel: t('seats') },
  );
  if (!al) {
    $('allocation').textContent = t('waiting');
    return;
  }
  const { a } = al;
  const round = a.rounds[0];
  const ranked = [...(round?.rows ?? [])].sort((x, y) => y.remainder - x.remainder);
  const rows = (round?.rows ?? [])
    .map(
      (r) => `<tr data-party="${esc(r.id)}"><th scope="row"><i class="swatch" style="background:${partyColour(r.id)}"></i>${esc(partyName(r.id))}</th>
      <td>${num(r.votes)}</td><td>${r.quotient.toFixed(3)}</td><td>${r.integerSeats}</td><td>${r.remainder.toFixed(3)}</td>
      <td>${ranked.indexOf(r) + 1}</td><td>${r.remainderSeat ? '+1' : ''}</td><td class="seats" data-seats="${r.seats}">${r.seats}</td></tr>`,
    )
    .join('');
  const failed = a.failed
    .map(
      (f) =>
        `<tr class="failed"><th scope="row">${esc(partyName(f.id))}</th><td>${num(f.votes)}</td><td colspan="6">${esc(t('failed'))}: ${esc(f.reason)}</td></tr>`,
    )
    .join('');
  const total = Object.values(a.seats).reduce((s, n) => s + n, 0);
  $('allocation').innerHTML =
    `<p>${esc(t('threshold'))}: ${pct(threshold, 0)} × ${num(base)} = ${num(Math.ceil(threshold * base))} · ${esc(t('quota'))} = ${num(round?.totalVotes ?? 0)} ÷ ${round?.seats ?? 0} = <b>${a.quota.toFixed(3)}</b> <small>(${esc(t('quotaExplained'))})</small></p>
    <table><thead><tr><th>${esc(t('party'))}</th><th>${esc(t('votes'))}</th><th>${esc(t('quotient'))}</th><th>${esc(t('integerSeats'))}</th><th>${esc(t('remainder'))}</th><th>${esc(t('rank'))}</th><th>${esc(t('remainderSeat'))}</th><th>${esc(t('seats'))}</th></tr></thead>
    <tbody>${rows}${failed}</tbody><tfoot><tr><th>${esc(t('seats'))}</th><td colspan="6"></td><td data-total-seats="${total}">${total}</td></tr></tfoot></table>
    <p>${esc(t('cap'))}: ${a.capped.length ? a.capped.map(partyName).map(esc).join(', ') : esc(t('none'))} · ${esc(t('lots'))}: ${a.lots.length || esc(t('none'))}</p>`;
}

function renderTicker(): void {
  $('ticker').innerHTML = state.ticker
    .slice(0, 40)
    .map((e) => `<li class="ev-${esc(e.kind)}"><time>${new Date(e.at).toLocaleTimeString('en-GB')}</time> ${esc(e.text)}</li>`)
    .join('');
}

const bishkekTime = (ms: number) => new Date(ms + 6 * 3_600_000).toISOString().slice(11, 16);

function renderConsole(): void {
  const sim = state.simulation;
  const panel = $('console');
  panel.hidden = !sim;
  if (!sim) return;
  $('h-console').textContent = t('console');
  $('clock-label').textContent = t('clock');
  $('clock').textContent = bishkekTime(sim.virtualMs);
  $('pace').textContent = sim.paused ? `(${t('paused')})` : `(×${sim.speed})`;
  $('token-label').textContent = t('token');
  $('pause').textContent = sim.paused ? t('resume') : t('pause');
  $('speed-label').textContent = t('speed');
  const speed = $('speed') as HTMLSelectElement;
  if (typeof sim.speed === 'number' && ![...speed.options].some((o) => o.value === String(sim.speed))) speed.add(new Option(String(sim.speed)));
  if (document.activeElement !== speed) speed.value = String(sim.speed);
  $('fault-label').textContent = t('fault');
  $('target-label').textContent = t('target');
  $('inject').textContent = t('inject');
  const kinds = $('fault-kind') as HTMLSelectElement;
  const chosen = kinds.value;
  kinds.innerHTML = sim.kinds.map((k) => `<option value="${esc(k)}">${esc(t(`fault.${k}` as Word))}</option>`).join('');
  if (chosen) kinds.value = chosen;
  const station = state.selected ? state.stations.get(state.selected)?.name : null;
  $('target').textContent = station ?? (state.region ? (REGION_NAMES[state.region]?.[state.lang] ?? state.region) : t('chooseTarget'));
  $('console-status').textContent = state.consoleStatus;
}

/** The simulation's state, every second while one drives the server. */
async function pollSimulation(): Promise<void> {
  const res = await fetch('/api/simulation').catch(() => null);
  state.simulation = res?.ok ? await res.json() : null;
  renderConsole();
  if (state.simulation) setTimeout(() => void pollSimulation(), 1000);
}

/** An operator's call of the console, with the token typed in (kept for this tab only). */
async function command(path: string, body: unknown = {}): Promise<void> {
  const token = ($('token') as HTMLInputElement).value.trim();
  sessionStorage.setItem('shailoo-token', token);
  const res = await fetch(`/api/simulation/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  state.consoleStatus = res.ok ? '' : `${t('refused')}: ${res.status} ${answer.message ?? ''}`;
  if (res.ok && 'paused' in answer) state.simulation = answer;
  renderConsole();
}

function renderAll(): void {
  renderConsole();
  renderStatic();
  renderSummary();
  renderMap();
  renderBoard();
  renderTurnout();
  renderResults();
  renderTicker();
  void renderDetail();
}

let refreshing: Promise<void> | null = null;
let refreshAgain = false;
/** Results, regions and seats again, at most one request of each in flight. */
function refresh(): void {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = (async () => {
    const id = state.electionId!;
    const [country, regions, seats] = await Promise.all([
      get<Results>(`/api/elections/${id}/results`),
      get<Results[]>(`/api/elections/${id}/results?level=region`),
      get<Seats>(`/api/elections/${id}/seats`),
    ]);
    state.country = country;
    state.regions = new Map(regions.map((r) => [r.territoryId, r]));
    state.seats = seats;
    renderSummary();
    renderMap();
    renderTurnout();
    renderResults();
  })()
    .catch(() => undefined)
    .finally(() => {
      refreshing = null;
      if (refreshAgain) {
        refreshAgain = false;
        setTimeout(refresh, 300);
      }
    });
}

/** Each precinct's region and district: the territories do not change, so they are read once. */
let places: Promise<Map<string, { region: string; district: string }>> | null = null;

async function placesOf(id: string): Promise<Map<string, { region: string; district: string }>> {
  const place = new Map<string, { region: string; district: string }>();
  const walk = (node: Territory, region: string, district: string) => {
    const r = node.level === 'region' ? node.id : region;
    const d = node.level === 'district' ? node.name : district;
    if (node.level === 'precinct') place.set(node.id, { region: r, district: d });
    for (const child of node.children ?? []) walk(child, r, d);
  };
  walk(await get<Territory>(`/api/elections/${id}/territories`), '', '');
  return place;
}

async function loadStations(): Promise<void> {
  const id = state.electionId!;
  places ??= placesOf(id).catch((err) => {
    places = null;
    throw err;
  });
  const [place, precincts] = await Promise.all([places, everyPrecinct(id)]);
  for (const p of precincts) {
    const seen = new Set<Kind>();
    if (p.precinctsReporting) seen.add('result');
    if (p.precinctsWithProtocol) seen.add('protocol');
    if (p.turnoutTimeline?.length) seen.add('turnout');
    const known = state.stations.get(p.territoryId);
    state.stations.set(p.territoryId, {
      id: p.territoryId,
      name: p.name,
      region: place.get(p.territoryId)?.region ?? '',
      district: place.get(p.territoryId)?.district ?? '',
      seen: new Set([...seen, ...(known?.seen ?? [])]),
      flags: Object.entries(p.flags as Record<string, number>)
        .filter(([, n]) => n)
        .map(([k]) => k),
      // Counted by hand only: the box failed (or jammed) and sent nothing.
      boxFailed: !!p.flags?.['manual-only'],
    });
  }
  state.reportingCount = [...state.stations.values()].filter((x) => x.seen.has('result') || x.seen.has('protocol')).length;
}

let flagsScheduled = false;
/**
 * Flags and hand counts need the precincts' figures: fetched again a few seconds after changes —
 * every 3 s, or every second per thousand precincts on a bigger election (10,000 precincts are ~10 MB).
 */
function scheduleFlags(): void {
  if (flagsScheduled) return;
  flagsScheduled = true;
  setTimeout(
    () => {
      flagsScheduled = false;
      void loadStations().then(() => {
        for (const id of state.stations.keys()) dirty.add(id);
        scheduleCells();
      });
    },
    Math.max(3000, state.stations.size),
  );
}

const pendingShown: number[] = [];

function listen(): void {
  const source = new EventSource(`/api/elections/${state.electionId}/events`);
  source.onopen = () => {
    state.connected = true;
    renderSummary();
  };
  source.onerror = () => {
    state.connected = false;
    renderSummary();
  };
  const push = (kind: string, text: string) => {
    state.ticker.unshift({ at: Date.now(), kind, text });
    state.ticker.length = Math.min(state.ticker.length, 200);
  };
  source.addEventListener('submission', (e) => {
    const d = JSON.parse((e as MessageEvent).data) as { kind: Kind; precinctId: string; deviceId: string; at?: number };
    stats.events++;
    const s = state.stations.get(d.precinctId);
    if (s && (d.kind === 'result' || d.kind === 'protocol') && !s.seen.has('result') && !s.seen.has('protocol')) {
      state.reportingCount++;
      state.reporting.push([Date.now(), state.reportingCount]);
    }
    if (s) s.seen.add(d.kind);
    if (d.at) pendingShown.push(d.at);
    if (d.precinctId === state.selected) scheduleDetail();
    push(d.kind, `${s?.name ?? d.precinctId} · ${t(`event.${d.kind}` as Word)} · ${d.deviceId}`);
    dirty.add(d.precinctId);
    scheduleCells();
    scheduleTicker();
    scheduleFlags();
    refresh();
  });
  source.addEventListener('rejection', (e) => {
    const d = JSON.parse((e as MessageEvent).data) as { reason: string; deviceId?: string; detail: string };
    push('rejection', `${t('event.rejection')}: ${d.reason} · ${d.deviceId ?? '?'} · ${d.detail}`);
    scheduleTicker();
  });
  source.addEventListener('fault', (e) => {
    const d = JSON.parse((e as MessageEvent).data) as { kind: string; precinctIds: string[]; by: string };
    for (const id of d.precinctIds) state.faulted.set(id, [...(state.faulted.get(id) ?? []), d.kind]);
    const where = d.precinctIds.map((id) => state.stations.get(id)?.name ?? id).join(', ');
    push('fault', `${t(`fault.${d.kind}` as Word)} · ${where} · ${d.by}`);
    scheduleBoard();
    scheduleTicker();
    if (state.selected && d.precinctIds.includes(state.selected)) void renderDetail();
  });
  source.addEventListener('closed', () => {
    push('closed', t('event.closed'));
    scheduleTicker();
    refresh();
  });
}

const scheduleDetail = coalesced(() => void renderDetail(), 500);
const scheduleTicker = coalesced(() => renderTicker(), 250);

function wire(): void {
  for (const l of LANGS) {
    $(`lang-${l}`).addEventListener('click', () => {
      state.lang = l;
      t = translator(l);
      localStorage.setItem('shailoo-lang', l);
      const url = new URL(location.href);
      url.searchParams.set('lang', l);
      history.replaceState(null, '', url);
      renderAll();
    });
  }
  $('colour').addEventListener('change', (e) => {
    state.colourBy = (e.target as HTMLSelectElement).value as 'reporting' | 'leader';
    renderMap();
  });
  $('map').addEventListener('click', (e) => {
    const region = (e.target as Element).closest('[data-region]')?.getAttribute('data-region');
    if (!region || !state.regions.has(region)) return;
    state.region = state.region === region ? null : region;
    renderMap();
    renderBoard();
    renderConsole();
  });
  $('map').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      (e.target as Element).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
  });
  ($('token') as HTMLInputElement).value = sessionStorage.getItem('shailoo-token') ?? '';
  $('pause').addEventListener('click', () => void command(state.simulation?.paused ? 'resume' : 'pause'));
  $('speed').addEventListener('change', (e) => void command('speed', { speed: Number((e.target as HTMLSelectElement).value) }));
  $('inject').addEventListener('click', () => {
    const kind = ($('fault-kind') as HTMLSelectElement).value;
    if (state.selected) void command('faults', { kind, precinctId: state.selected });
    else if (state.region) void command('faults', { kind, regionId: state.region });
    else {
      state.consoleStatus = t('chooseTarget');
      renderConsole();
    }
  });
  $('all-regions').addEventListener('click', () => {
    state.region = null;
    renderMap();
    renderBoard();
  });
  $('board').addEventListener('click', (e) => {
    const id = (e.target as Element).closest('[data-precinct]')?.getAttribute('data-precinct');
    if (!id) return;
    state.selected = state.selected === id ? null : id;
    renderBoard();
    renderConsole();
    void renderDetail();
  });
}

async function start(): Promise<void> {
  const t0 = performance.now();
  wire();
  renderStatic();
  const elections = await get<{ id: string; name: string }[]>('/api/elections');
  if (!state.electionId) state.electionId = elections.at(-1)?.id ?? null;
  if (!state.electionId) {
    $('election').textContent = t('noElection');
    setTimeout(() => location.reload(), 2000);
    return;
  }
  listen();
  void pollSimulation();
  await loadStations();
  refresh();
  await refreshing;
  renderAll();
  stats.readyMs = performance.now() - t0;
  document.body.dataset.ready = 'true';
}

void start();
