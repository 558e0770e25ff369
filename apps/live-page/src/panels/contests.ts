/**
 * The candidate contests: a board of the single-member districts (leader, margin, reporting, the
 * winner once final) and each village council's seats with the women's reserve worked out.
 */
import type { ContestResults, ContestSelection } from '@shailoo/contracts';
import { $, esc, num, partyName, pct } from '../format';
import { state, t } from '../state';

/** A candidate's name in the page's language (the Russian form on the Russian page), with a ♀ for a woman. */
function candidate(s: Pick<ContestSelection, 'name' | 'nameRu' | 'sex'> | undefined): string {
  if (!s) return '—';
  const name = state.lang === 'ru' && s.nameRu ? s.nameRu : s.name;
  return `${esc(name)}${s.sex === 'F' ? ' <span class="woman" title="♀">♀</span>' : ''}`;
}

function nominee(s: ContestSelection): string {
  return s.partyId ? esc(partyName(s.partyId)) : esc(t('selfNominated'));
}

function districtRow(c: ContestResults): string {
  const byId = new Map(c.selections.map((s) => [s.id, s]));
  const leader = c.leader ? byId.get(c.leader.id) : undefined;
  const winner = c.status === 'final' && c.elected.length ? byId.get(c.elected[0]) : undefined;
  const outcome = c.outcome.final ?? c.outcome.provisional;
  const rule = outcome?.system === 'single-member' ? outcome.single.tie?.rule : undefined;
  const tie = rule ? ` <small>(${esc(t(rule === 'lot' ? 'tieByLot' : 'tieRegisteredEarlier'))})</small>` : '';
  return `<tr data-contest="${esc(c.contestId)}" data-status="${c.status}">
    <th scope="row">${esc(c.name)}</th>
    <td>${candidate(leader)}${leader ? ` <small>${nominee(leader)}</small>` : ''}</td>
    <td>${c.margin === null ? '—' : num(c.margin)}</td>
    <td>${c.precinctsReporting}/${c.precinctsTotal}</td>
    <td class="winner">${winner ? `✓ ${candidate(winner)}${tie}` : esc(t('undecided'))}</td></tr>`;
}

function council(c: ContestResults): string {
  const outcome = c.outcome.final ?? c.outcome.provisional;
  const byId = new Map(c.selections.map((s) => [s.id, s]));
  if (outcome?.system !== 'village-council') return `<h3>${esc(c.name)}</h3><p>${esc(t('waiting'))}</p>`;
  const a = outcome.council;
  const row = (id: string, reserved: boolean) => {
    const s = byId.get(id)!;
    const votes = c.status === 'final' ? s.finalVotes : s.votes;
    return `<li data-candidate="${esc(id)}" class="${reserved ? 'reserved' : ''}">${candidate(s)} — ${num(votes)}${reserved ? ` <small>${esc(t('reservedSeat'))}</small>` : ''}</li>`;
  };
  const women = a.elected.filter((id) => byId.get(id)?.sex === 'F').length;
  return `<div class="council" data-contest="${esc(c.contestId)}" data-status="${c.status}">
    <h3>${esc(c.name)} <small>${esc(t(c.status))} · ${c.precinctsReporting}/${c.precinctsTotal}</small></h3>
    <p>${esc(t('reserveWorking'))}: ⌈${pct(c.womenReserve, 0)} × ${c.seats}⌉ = <b>${a.reserved}</b>${a.shortOfWomen ? ` (${esc(t('shortOfWomen'))}: ${a.shortOfWomen})` : ''} · ${esc(t('womenElected'))}: <b data-women="${women}">${women}</b> / ${c.seats}</p>
    <ol>${a.reservedTo.map((id) => row(id, true)).join('')}${a.general.map((id) => row(id, false)).join('')}</ol></div>`;
}

export function renderContests(): void {
  const districts = state.contests.filter((c) => c.system === 'single-member');
  const councils = state.contests.filter((c) => c.system === 'village-council');
  $('contests-panel').hidden = !districts.length && !councils.length;
  $('h-districts').textContent = t('districts');
  $('h-districts').hidden = !districts.length;
  $('h-councils').textContent = t('councils');
  $('h-councils').hidden = !councils.length;
  const decided = districts.filter((c) => c.status === 'final').length;
  $('districts').innerHTML = districts.length
    ? `<p>${esc(t('winnersDecided'))}: <b data-decided="${decided}">${decided}</b> / ${districts.length}</p>
      <table><thead><tr><th>${esc(t('district'))}</th><th>${esc(t('leader'))}</th><th>${esc(t('margin'))}</th><th>${esc(t('reporting'))}</th><th>${esc(t('winner'))}</th></tr></thead>
      <tbody>${districts.map(districtRow).join('')}</tbody></table>`
    : '';
  $('councils').innerHTML = councils.map(council).join('');
}
