/** The schematic map of the regions, coloured by the share reporting or by the leading party. */
import { tileMap } from '../charts';
import { $, partyColour } from '../format';
import { REGION_NAMES } from '../i18n';
import { state, t } from '../state';

/** A region's fill and note: grey outside the election, else its share reporting or its leader. */
function colouring(id: string): { fill: string; note: string } {
  const r = state.regions.get(id);
  if (!r) return { fill: '#e6e6e6', note: t('notInElection') };
  const share = r.precinctsTotal ? r.precinctsReporting / r.precinctsTotal : 0;
  const leader = [...r.parties].sort((a, b) => b.votes - a.votes)[0];
  if (state.colourBy === 'leader') {
    return {
      fill: leader && leader.votes > 0 ? partyColour(leader.id) : '#cfd8dc',
      note: leader && leader.votes > 0 ? leader.name : t('waiting'),
    };
  }
  return { fill: `hsl(140, ${20 + share * 50}%, ${88 - share * 50}%)`, note: `${t('reporting')}: ${r.precinctsReporting}/${r.precinctsTotal}` };
}

export function renderMap(): void {
  const tiles = Object.keys(REGION_NAMES).map((id) => ({
    id,
    label: REGION_NAMES[id][state.lang],
    ...colouring(id),
    active: state.regions.has(id),
    selected: state.region === id,
  }));
  $('map').innerHTML = tileMap(tiles);
  const all = $('all-regions') as HTMLButtonElement;
  all.textContent = t('allRegions');
  all.hidden = !state.region;
}
