/** The ticker: the latest events of the stream, newest first. */
import { $, esc } from '../format';
import { state } from '../state';
import { coalesced } from '../schedule';

/** An event at the top of the ticker (the newest 200 are kept). */
export function tick(kind: string, text: string): void {
  state.ticker.unshift({ at: Date.now(), kind, text });
  state.ticker.length = Math.min(state.ticker.length, 200);
}

export function renderTicker(): void {
  $('ticker').innerHTML = state.ticker
    .slice(0, 40)
    .map((e) => `<li class="ev-${esc(e.kind)}"><time>${new Date(e.at).toLocaleTimeString('en-GB')}</time> ${esc(e.text)}</li>`)
    .join('');
}

export const scheduleTicker = coalesced(() => renderTicker(), 250);
