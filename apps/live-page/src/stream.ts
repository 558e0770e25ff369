/**
 * The election's live event stream (server-sent events): each stored submission, rejection, fault
 * and the close of the count. Each event updates the state and schedules the panels it touches —
 * coalesced, since a big election sends thousands a second.
 */
import { Word } from './i18n';
import { redrawCells, scheduleBoard } from './panels/board';
import { renderDetail, scheduleDetail } from './panels/detail';
import { renderSummary } from './panels/summary';
import { scheduleTicker, tick } from './panels/ticker';
import { loadStations } from './stations';
import { Kind, pendingShown, state, stats, t } from './state';

interface Submission {
  kind: Kind;
  precinctId: string;
  deviceId: string;
  /** When the server stored it (the page's latency is measured from it). */
  at?: number;
}
interface Rejection {
  reason: string;
  deviceId?: string;
  detail: string;
}
interface Fault {
  kind: string;
  precinctIds: string[];
  by: string;
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
      // Only the squares whose state or flags changed are drawn again.
      void loadStations().then(redrawCells);
    },
    Math.max(3000, state.stations.size),
  );
}

function onSubmission(d: Submission, refresh: () => void): void {
  stats.events++;
  const s = state.stations.get(d.precinctId);
  if (s && (d.kind === 'result' || d.kind === 'protocol') && !s.seen.has('result') && !s.seen.has('protocol')) {
    state.reportingCount++;
    // A point a quarter of a second at most: a burst of thousands a second would make the chart as many points.
    const now = Date.now();
    const last = state.reporting.at(-1);
    if (last && now - last[0] < 250 && state.reporting.length > 1) last[1] = state.reportingCount;
    else state.reporting.push([now, state.reportingCount]);
  }
  if (s) s.seen.add(d.kind);
  if (d.at) pendingShown.push(d.at);
  if (d.precinctId === state.selected) scheduleDetail();
  tick(d.kind, `${s?.name ?? d.precinctId} · ${t(`event.${d.kind}` as Word)} · ${d.deviceId}`);
  redrawCells([d.precinctId]);
  scheduleTicker();
  scheduleFlags();
  refresh();
}

function onRejection(d: Rejection): void {
  // A message too broken to name its device is said so, not shown as a bare "?".
  tick('rejection', `${t('event.rejection')}: ${d.reason} · ${d.deviceId ?? t('unknownDevice')} · ${d.detail}`);
  scheduleTicker();
}

function onFault(d: Fault): void {
  for (const id of d.precinctIds) state.faulted.set(id, [...(state.faulted.get(id) ?? []), d.kind]);
  const where = d.precinctIds.map((id) => state.stations.get(id)?.name ?? id).join(', ');
  tick('fault', `${t(`fault.${d.kind}` as Word)} · ${where} · ${d.by}`);
  scheduleBoard();
  scheduleTicker();
  if (state.selected && d.precinctIds.includes(state.selected)) void renderDetail();
}

const data = <T>(e: Event) => JSON.parse((e as MessageEvent).data) as T;

/** Follows the election's events; `refresh` reads the results, regions and seats again. */
export function listen(refresh: () => void): void {
  const source = new EventSource(`/api/elections/${state.electionId}/events`);
  source.onopen = () => {
    state.connected = true;
    renderSummary();
  };
  source.onerror = () => {
    state.connected = false;
    renderSummary();
  };
  source.addEventListener('submission', (e) => onSubmission(data<Submission>(e), refresh));
  source.addEventListener('rejection', (e) => onRejection(data<Rejection>(e)));
  source.addEventListener('fault', (e) => onFault(data<Fault>(e)));
  source.addEventListener('closed', () => {
    tick('closed', t('event.closed'));
    scheduleTicker();
    refresh();
  });
}
