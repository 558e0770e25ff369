/** SVG and HTML of the page's pictures, as strings: a schematic map, line charts, bars. */

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 9 regions as a schematic tile map (no boundaries to license): roughly where each lies,
 * north up — Talas, Chüy with Bishkek, Issyk-Kul along the top; Jalal-Abad and Naryn in the
 * middle; Batken, Osh region with Osh city in the south.
 */
const TILES: Record<string, [number, number, number, number]> = {
  talas: [0, 0, 1.4, 1],
  bishkek: [1.5, 0, 0.9, 0.7],
  chui: [2.5, 0, 1.6, 1],
  'issyk-kul': [4.2, 0, 1.8, 1.4],
  'jalal-abad': [0, 1.1, 2.3, 1],
  naryn: [2.4, 1.1, 1.7, 1.2],
  batken: [0, 2.2, 1.5, 0.9],
  'osh-city': [1.6, 2.2, 0.8, 0.6],
  osh: [2.5, 2.4, 2.2, 0.9],
};

export function tileMap(tiles: { id: string; label: string; fill: string; note: string; active: boolean; selected: boolean }[]): string {
  const u = 100;
  const cells = tiles
    .map(({ id, label, fill, note, active, selected }) => {
      const [x, y, w, h] = TILES[id];
      const attrs = active ? `tabindex="0" role="button" aria-pressed="${selected}"` : 'aria-disabled="true"';
      return `<g class="tile${active ? ' active' : ''}${selected ? ' selected' : ''}" data-region="${esc(id)}" ${attrs} aria-label="${esc(`${label}: ${note}`)}">
        <rect x="${x * u + 2}" y="${y * u + 2}" width="${w * u - 4}" height="${h * u - 4}" rx="8" fill="${esc(fill)}"/>
        <text x="${(x + w / 2) * u}" y="${(y + h / 2) * u}" text-anchor="middle">${esc(label)}</text>
        ${w >= 1.2 ? `<text class="note" x="${(x + w / 2) * u}" y="${(y + h / 2) * u + 18}" text-anchor="middle">${esc(note.length > 24 ? `${note.slice(0, 23)}…` : note)}</text>` : ''}
        <title>${esc(`${label}: ${note}`)}</title></g>`;
    })
    .join('');
  return `<svg viewBox="0 0 600 330" role="group">${cells}</svg>`;
}

export interface Series {
  name: string;
  points: [number, number][];
  colour: string;
  dashed?: boolean;
}

export function lineChart(
  series: Series[],
  o: { xMin: number; xMax: number; yMax: number; xLabel: (x: number) => string; yLabel: (y: number) => string },
): string {
  const W = 460;
  const H = 220;
  const L = 48;
  const B = 28;
  const sx = (x: number) => L + ((x - o.xMin) / (o.xMax - o.xMin || 1)) * (W - L - 10);
  const sy = (y: number) => H - B - (y / (o.yMax || 1)) * (H - B - 10);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (f) =>
        `<line x1="${L}" x2="${W - 10}" y1="${sy(f * o.yMax)}" y2="${sy(f * o.yMax)}" class="grid"/><text x="${L - 6}" y="${sy(f * o.yMax) + 4}" text-anchor="end">${esc(o.yLabel(f * o.yMax))}</text>`,
    )
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => o.xMin + f * (o.xMax - o.xMin))
    .map((x) => `<text x="${sx(x)}" y="${H - 8}" text-anchor="middle">${esc(o.xLabel(x))}</text>`)
    .join('');
  const lines = series
    .filter((s) => s.points.length)
    .map(
      (s) =>
        `<polyline fill="none" stroke="${s.colour}" stroke-width="3" ${s.dashed ? 'stroke-dasharray="6 5"' : ''} points="${s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>` +
        s.points
          .map(
            ([x, y]) =>
              `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${s.colour}"><title>${esc(`${s.name}: ${o.xLabel(x)} ${o.yLabel(y)}`)}</title></circle>`,
          )
          .join(''),
    )
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<g transform="translate(${L + 8 + i * 160}, 12)"><line x2="22" stroke="${s.colour}" stroke-width="3" ${s.dashed ? 'stroke-dasharray="6 5"' : ''}/><text x="28" y="4">${esc(s.name)}</text></g>`,
    )
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img">${grid}${ticks}${lines}${legend}</svg>`;
}

/** Bars of the parties' shares; with a threshold, its line, and the parties under it marked. */
export function bars(
  rows: { id: string; label: string; value: number; colour: string; seats: number; votes: number }[],
  o: { threshold?: { share: number; label: string }; format: (v: number) => string; seatsLabel: string },
): string {
  const line = o.threshold;
  const max = Math.max(...(line ? [line.share * 1.5] : []), ...rows.map((r) => r.value), 0.01);
  const at = (v: number) => `${((v / max) * 100).toFixed(2)}%`;
  const head = line
    ? `<div class="bars" style="--threshold:${at(line.share)}"><div class="threshold"><span>${esc(line.label)}</span></div>`
    : '<div class="bars">';
  return `${head}${rows
    .map(
      (r) => `<div class="bar-row${line && r.value < line.share ? ' under' : ''}" data-party="${esc(r.id)}">
        <span class="name">${esc(r.label)}</span>
        <span class="track"><span class="fill" style="width:${at(r.value)};background:${r.colour}"></span></span>
        <span class="value">${esc(o.format(r.value))} <small>(${r.votes.toLocaleString('ru-RU')})</small></span>
        <span class="seats" title="${esc(o.seatsLabel)}" data-seats="${r.seats}">${r.seats}</span></div>`,
    )
    .join('')}</div>`;
}
