/** The ticker: the latest events of the stream, newest first. */
import { $, bishkekTime, esc } from '../format';
import { state, TickerEntry } from '../state';
import { coalesced } from '../schedule';

/** The election's time (Bishkek) at `wallMs` of the page's clock, from the simulation's clock as last read; null without one. */
function electionTime(wallMs: number): string | null {
  const sim = state.simulation;
  if (!sim) return null;
  // Read up to a second ago: on (or back) from there at its pace; as fast as it goes, as read.
  const running = !sim.paused && sim.speed !== 'max' ? (wallMs - state.simulationReadAt) * sim.speed : 0;
  return bishkekTime(sim.virtualMs + running);
}

/**
 * An event at the top of the ticker (the newest 200 are kept), at the election's time while a
 * simulation drives the day — the console's clock —, at the wall clock's otherwise.
 */
export function tick(kind: string, text: string): void {
  const wallMs = Date.now();
  state.ticker.unshift({ wallMs, election: electionTime(wallMs), kind, text });
  state.ticker.length = Math.min(state.ticker.length, 200);
}

/** When an entry happened, as shown: an event that came before the simulation's clock was first read gets its time then. */
const shownTime = (e: TickerEntry) => e.election ?? electionTime(e.wallMs) ?? new Date(e.wallMs).toLocaleTimeString('en-GB');

export function renderTicker(): void {
  $('ticker').innerHTML = state.ticker
    .slice(0, 40)
    .map((e) => `<li class="ev-${esc(e.kind)}"><time>${esc(shownTime(e))}</time> ${esc(e.text)}</li>`)
    .join('');
}

export const scheduleTicker = coalesced(() => renderTicker(), 250);
