/**
 * The trainers' live page (bundled by esbuild into one script, served with index.html and style.css):
 * the start-up, the controls' wiring, and the re-reading of the results. The state is in state.ts,
 * the server's calls in api.ts, the event stream in stream.ts, each panel in panels/.
 */
import { contests, countryResults, elections, regionResults, seats } from './api';
import { $ } from './format';
import { LANGS } from './i18n';
import { renderBoard } from './panels/board';
import { renderContests } from './panels/contests';
import { pollSimulation, renderConsole, wireConsole } from './panels/console';
import { renderDetail } from './panels/detail';
import { renderMap } from './panels/map';
import { renderResults } from './panels/results';
import { renderStatic } from './panels/static';
import { renderSummary } from './panels/summary';
import { renderTicker } from './panels/ticker';
import { renderTurnout } from './panels/turnout';
import { ColourBy, setLang, state, stats, t } from './state';
import { loadStations } from './stations';
import { listen } from './stream';

function renderAll(): void {
  renderConsole();
  renderStatic();
  renderSummary();
  renderMap();
  renderBoard();
  renderTurnout();
  renderResults();
  renderContests();
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
    const [country, regions, seatsView, contestList] = await Promise.all([countryResults(id), regionResults(id), seats(id), contests(id)]);
    state.country = country;
    state.regions = new Map(regions.map((r) => [r.territoryId, r]));
    state.seats = seatsView;
    state.contests = contestList;
    renderSummary();
    renderMap();
    renderTurnout();
    renderResults();
    renderContests();
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

function wireLanguages(): void {
  for (const l of LANGS) {
    $(`lang-${l}`).addEventListener('click', () => {
      setLang(l);
      localStorage.setItem('shailoo-lang', l);
      const url = new URL(location.href);
      url.searchParams.set('lang', l);
      history.replaceState(null, '', url);
      renderAll();
    });
  }
}

/** The map: its colouring, and a region chosen (by click, Enter or space) to narrow the board and target the console. */
function wireMap(): void {
  $('colour').addEventListener('change', (e) => {
    state.colourBy = (e.target as HTMLSelectElement).value as ColourBy;
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
}

/** The board: all regions again, and a station selected (or unselected) for its detail and the console. */
function wireBoard(): void {
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
  wireLanguages();
  wireMap();
  wireConsole();
  wireBoard();
  renderStatic();
  const known = await elections();
  if (!state.electionId) state.electionId = known.at(-1)?.id ?? null;
  if (!state.electionId) {
    $('election').textContent = t('noElection');
    setTimeout(() => location.reload(), 2000);
    return;
  }
  listen(refresh);
  void pollSimulation();
  await loadStations();
  refresh();
  await refreshing;
  renderAll();
  stats.readyMs = performance.now() - t0;
  document.body.dataset.ready = 'true';
}

void start();
