import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performanceTable, PerformanceRun } from './performance-table';

/**
 * Writes the table of the last `bench:all` (bench/results.json, or the file given) into the README,
 * between its performance markers: `npm run bench:readme`.
 */
const ROOT = join(__dirname, '..', '..');
const BEGIN = '<!-- performance:begin (written by `npm run bench:readme` from bench/results.json) -->';
const END = '<!-- performance:end -->';

const file = process.argv[2] ?? join(ROOT, 'bench', 'results.json');
const run = JSON.parse(readFileSync(file, 'utf8')) as PerformanceRun;
const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const from = readme.indexOf(BEGIN);
const to = readme.indexOf(END);
if (from < 0 || to < from) {
  console.error(`README.md has no ${BEGIN} … ${END} section to write`);
  process.exit(2);
}
const day = run.date.slice(0, 10);
const section = [
  BEGIN,
  '',
  `\`npm run bench:all\` on ${day} (commit ${run.commit ?? 'unknown'}; ${run.machine}; ${run.stations.toLocaleString('en-US')} stations; the whole run took ${Math.round(run.seconds / 60)} min). Each figure beside its baseline measured in the same run:`,
  '',
  performanceTable(run),
  '',
  END,
].join('\n');
writeFileSync(readmePath, readme.slice(0, from) + section + readme.slice(to + END.length));
console.log(`README.md: the performance table of ${run.date} written`);
