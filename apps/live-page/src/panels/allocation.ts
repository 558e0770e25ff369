/** The allocation's working: threshold, Hare quota, each party's quotient, remainder and seats, the cap and the lots. */
import type { HareWorking, PartyListAllocation } from '@shailoo/election';
import { $, esc, num, partyColour, partyName, pct } from '../format';
import { state, t } from '../state';

/** The seats shown: the final allocation once the count is closed, the provisional one before. */
export interface Shown {
  a: PartyListAllocation;
  status: 'final' | 'provisional';
}

export function shownAllocation(): Shown | null {
  if (state.seats?.final) return { a: state.seats.final, status: 'final' };
  if (state.seats?.provisional) return { a: state.seats.provisional, status: 'provisional' };
  return null;
}

/** A row per party that passed, in the order of the server's working, ranked by remainder. */
function partyRows(round: HareWorking | undefined): string {
  const ranked = [...(round?.rows ?? [])].sort((x, y) => y.remainder - x.remainder);
  return (round?.rows ?? [])
    .map(
      (r) => `<tr data-party="${esc(r.id)}"><th scope="row"><i class="swatch" style="background:${partyColour(r.id)}"></i>${esc(partyName(r.id))}</th>
      <td>${num(r.votes)}</td><td>${r.quotient.toFixed(3)}</td><td>${r.integerSeats}</td><td>${r.remainder.toFixed(3)}</td>
      <td>${ranked.indexOf(r) + 1}</td><td>${r.remainderSeat ? '+1' : ''}</td><td class="seats" data-seats="${r.seats}">${r.seats}</td></tr>`,
    )
    .join('');
}

/** Why a party failed, in the page's language: its share, the threshold it was under, and where. */
function failure(f: PartyListAllocation['failed'][number]): string {
  if (!f.under) return f.reason ?? '';
  const where = f.under.regions?.length ? ` ${t('underThresholdIn')} ${f.under.regions.join(', ')}` : '';
  return `${pct(f.share)} — ${t('underThreshold')} ${pct(f.under.threshold, 1)}${where}`;
}

function failedRows(a: PartyListAllocation): string {
  return a.failed
    .map(
      (f) =>
        `<tr class="failed"><th scope="row">${esc(partyName(f.id))}</th><td>${num(f.votes)}</td><td colspan="6">${esc(t('failed'))}: ${esc(failure(f))}</td></tr>`,
    )
    .join('');
}

export function renderAllocation(al: Shown | null): void {
  if (!al) {
    $('allocation').textContent = t('waiting');
    return;
  }
  const { a } = al;
  const round = a.rounds[0];
  const total = Object.values(a.seats).reduce((s, n) => s + n, 0);
  $('allocation').innerHTML =
    `<p>${esc(t('threshold'))}: ${pct(a.threshold.share, 0)} × ${num(a.thresholdBase.count)} = ${num(a.threshold.votesToPass)} · ${esc(t('quota'))} = ${num(round?.totalVotes ?? 0)} ÷ ${round?.seats ?? 0} = <b>${a.quota.toFixed(3)}</b> <small>(${esc(t('quotaExplained'))})</small></p>
    <table><thead><tr><th>${esc(t('party'))}</th><th>${esc(t('votes'))}</th><th>${esc(t('quotient'))}</th><th>${esc(t('integerSeats'))}</th><th>${esc(t('remainder'))}</th><th>${esc(t('rank'))}</th><th>${esc(t('remainderSeat'))}</th><th>${esc(t('seats'))}</th></tr></thead>
    <tbody>${partyRows(round)}${failedRows(a)}</tbody><tfoot><tr><th>${esc(t('seats'))}</th><td colspan="6"></td><td data-total-seats="${total}">${total}</td></tr></tfoot></table>
    <p>${esc(t('cap'))}: ${a.capped.length ? a.capped.map((c) => esc(partyName(c.id))).join(', ') : esc(t('none'))} · ${esc(t('lots'))}: ${a.lots.length || esc(t('none'))}</p>`;
}
