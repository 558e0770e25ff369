/** The results: each party's share as a bar (with the threshold line once there is an allocation), its votes and seats. */
import { bars } from '../charts';
import { $, partyColour, partyName, pct } from '../format';
import { state, t } from '../state';
import { renderAllocation, shownAllocation } from './allocation';

export function renderResults(): void {
  const c = state.country;
  if (!c) return;
  const al = shownAllocation();
  const parties = [...c.parties].sort((x, y) => y.votes - x.votes);
  const base = al?.a.thresholdBase.count || parties.reduce((s, p) => s + p.votes, 0) || 1;
  const threshold = al ? { share: al.a.threshold.share, label: `${t('threshold')} ${pct(al.a.threshold.share, 0)}` } : undefined;
  $('seat-status').textContent = `${t('seats')}: ${t(al?.status ?? 'waiting')}`;
  $('results').innerHTML = bars(
    parties.map((p) => {
      // Final seats come from the commissions' protocols: so do the votes shown with them.
      const votes = al?.status === 'final' ? p.finalVotes : p.votes;
      return { id: p.id, label: partyName(p.id), value: votes / base, colour: partyColour(p.id), seats: al?.a.seats[p.id] ?? 0, votes };
    }),
    { threshold, format: (v) => pct(v), seatsLabel: t('seats') },
  );
  renderAllocation(al);
}
