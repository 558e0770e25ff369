/** The ticker: the latest events of the stream, newest first. */
import { $, bishkekTime, esc } from '../format';
import { state } from '../state';
import { coalesced } from '../schedule';

/**
 * An event at the top of the ticker (the newest 200 are kept), at the election's time (Bishkek)
 * while a simulation drives the day — the console's clock —, at the wall clock's otherwise.
 */
export function tick(kind: string, text: string): void {
  const sim = state.simulation;
  // The clock was read up to a second ago: on since then at its pace (as fast as it goes: as read).
  const running = sim && !sim.paused && sim.speed !== 'max' ? (Date.now() - state.simulationReadAt) * sim.speed : 0;
  const at = sim ? bishkekTime(sim.virtualMs + running) : new Date().toLocaleTimeString('en-GB');
  state.ticker.unshift({ at, kind, text });
  state.ticker.length = Math.min(state.ticker.length, 200);
}

export function renderTicker(): void {
  $('ticker').innerHTML = state.ticker
    .slice(0, 40)
    .map((e) => `<li class="ev-${esc(e.kind)}"><time>${esc(e.at)}</time> ${esc(e.text)}</li>`)
    .join('');
}

export const scheduleTicker = coalesced(() => renderTicker(), 250);
