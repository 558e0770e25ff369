/** The figures at the top: registered voters, precincts reporting, turnout, the event stream's connection. */
import { $, esc, num, pct } from '../format';
import { state, t } from '../state';
import { turnoutPoints } from './turnout';

export function renderSummary(): void {
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
