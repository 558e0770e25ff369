/** The page's fixed words: title, headings, the language buttons and the map's colour choice. */
import { $ } from '../format';
import { LANGS } from '../i18n';
import { state, t } from '../state';

export function renderStatic(): void {
  document.documentElement.lang = state.lang;
  document.title = `${state.country?.electionName ?? 'shailoo-sim'} — ${t('title')}`;
  $('title').textContent = t('title');
  $('lang-label').textContent = t('language');
  for (const l of LANGS) $(`lang-${l}`).setAttribute('aria-pressed', String(l === state.lang));
  $('h-map').textContent = t('map');
  $('h-board').textContent = t('board');
  $('board-hint').textContent = t('boardHint');
  $('h-turnout').textContent = t('turnoutChart');
  $('h-results').textContent = t('results');
  $('h-allocation').textContent = t('allocation');
  $('h-ticker').textContent = t('ticker');
  $('colour-label').textContent = t('colourBy');
  ($('colour-reporting') as HTMLOptionElement).textContent = t('byReporting');
  ($('colour-leader') as HTMLOptionElement).textContent = t('byLeader');
}
