/** Small helpers of the page's HTML: elements by id, escaping, numbers, times, party colours and names. */
import { state, t } from './state';

export const $ = (id: string) => document.getElementById(id)!;
export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
// One formatter per locale: toLocaleString makes a new one on every call (a tenth of the page's work during a burst).
const formats = new Map<string, Intl.NumberFormat>();
export const num = (n: number) => {
  const locale = state.lang === 'en' ? 'en-GB' : 'ru-RU';
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
};
/** A simulated clock's time of day in Bishkek (UTC+6). */
export const bishkekTime = (ms: number) => new Date(ms + 6 * 3_600_000).toISOString().slice(11, 16);

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

/** A party's colour: its place in the election's list of parties. */
export const partyColour = (id: string) => {
  const ids = state.country?.parties.map((p) => p.id) ?? [];
  return PALETTE[Math.max(0, ids.indexOf(id)) % PALETTE.length];
};
/** A party's name as the data has it; one the source does not name, in the page's language by its ballot order. */
export const partyName = (id: string) => {
  const party = state.country?.parties.find((p) => p.id === id);
  if (!party) return id;
  return party.unnamed ? `${t('unnamedParty')} ${party.order}` : party.name;
};
