import { writeFileSync } from 'node:fs';
import { LoadtestReport, Percentiles, TimelineRow } from './loadtest';

const ms = (p: Percentiles | null) => (p ? `p50 ${p.p50.toFixed(0)}  p90 ${p.p90.toFixed(0)}  p99 ${p.p99.toFixed(0)}  max ${p.max.toFixed(0)} ms` : '—');
const rate = (n: number | null) => (n === null ? '—' : `${Math.round(n).toLocaleString('en-US')}/s`);
const share = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

/** The end-of-run table for people. */
export function summaryTable(r: LoadtestReport): string {
  const o = r.options;
  const rows: [string, string][] = [
    ['target', `${r.target}${o.broker ? ` (${o.broker}, ${o.register})` : ' (aedes in a child process, tally server with PGlite on disk)'}`],
    [
      'stations',
      `${r.stations.toLocaleString('en-US')} in ${o.agents?.length ? `${o.processes} processes on each of ${o.agents.length} agents` : `${o.processes} processes`}, ${o.mode}${o.mode === 'steady' ? ` over ${o.intervalS} s` : ''}, ${o.dial ? `dial (≤ ${o.sessions} sessions at once)` : 'persistent'}, QoS ${o.qos}, link ${o.link}${o.loss !== undefined ? ` loss ${o.loss}` : ''}`,
    ],
    [
      'sent / acknowledged',
      `${r.sent} / ${r.acknowledged} (accepted ${r.accepted}, duplicates ${r.duplicates}, rejected ${r.rejected}, unacknowledged ${r.unacknowledged}; ${r.publishes} publishes)`,
    ],
    ['checked against the server', `lost ${r.lost}, double-counted ${r.doubleCounted}, totals ${r.totalsMatch ? 'match' : 'DO NOT match'}`],
    ['poll close → acknowledgement', ms(r.latencyMs)],
    ['poll close → published', ms(r.publishedLatencyMs)],
    ['everything published after', r.allPublishedSeconds === null ? '—' : `${r.allPublishedSeconds.toFixed(2)} s`],
    ['throughput', `${rate(r.throughputPerSec)} acknowledged`],
    ['baseline: raw broker', `${rate(r.baseline.rawBrokerPerSec)} (throughput is ${share(r.baseline.throughputToRaw)})`],
    [
      'baseline: verification ceiling',
      `${rate(r.baseline.verificationCeilingPerSec)} on ${r.baseline.verificationThreads ?? '—'} threads (throughput is ${share(r.baseline.throughputToCeiling)})`,
    ],
    [
      'readers',
      r.readers
        ? `${r.readers.clients} clients every ${o.readerIntervalMs} ms, ${r.readers.requests} requests, ${r.readers.errors} errors, ${ms(r.readers.latencyMs)}`
        : '—',
    ],
    ['server counters', `duplicates ${r.server.duplicates ?? '—'}, rejected ${r.server.rejected ?? '—'}`],
    [
      'CPU per result',
      `stations ${r.cpuMsPerResult.stations.toFixed(3)} ms, broker ${r.cpuMsPerResult.broker?.toFixed(3) ?? '—'} ms, tally server ${r.cpuMsPerResult.server?.toFixed(3) ?? '—'} ms`,
    ],
    ['server event-loop delay', ms(r.serverEventLoopDelayMs)],
    ['station side peak RSS', `${Math.round(r.peakRssMb)} MB`],
    ...(r.agents ?? []).map((a): [string, string] => [
      `agent ${a.agent}`,
      `${a.stations} stations in ${a.processes} processes, ${a.acknowledged} acknowledged${a.died ? ' as it last said (not in the totals)' : ''}, CPU ${a.cpuMsPerResult.toFixed(3)} ms per result, peak RSS ${Math.round(a.peakRssMb)} MB${a.died ? `; DIED (${a.died.reason}) holding stations ${a.died.stations.map((s) => `${s.from}–${s.to - 1}`).join(', ')}` : ''}`,
    ]),
    ['registration', `${r.registerSeconds.toFixed(1)} s`],
    ['wall time', `${r.wallSeconds.toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), ...r.problems.map((p) => `problem: ${p}`)].join('\n');
}

export function writeReport(path: string, r: LoadtestReport): void {
  const { timeline, options, ...rest } = r;
  // The operator's token is a credential: never in a report.
  writeFileSync(
    path,
    JSON.stringify({ ...rest, options: { ...options, operatorToken: options.operatorToken && '***' }, seconds: timeline.length }, null, 2) + '\n',
  );
}

const COLUMNS: (keyof TimelineRow)[] = [
  'second',
  'connected',
  'sent',
  'acknowledged',
  'published',
  'acksPerSec',
  'latencyP50Ms',
  'latencyP99Ms',
  'stationRssMb',
];

export function writeCsv(path: string, timeline: TimelineRow[]): void {
  writeFileSync(path, [COLUMNS.join(','), ...timeline.map((row) => COLUMNS.map((c) => row[c]).join(','))].join('\n') + '\n');
}

/** Whether the run is what a load test must show before its figures mean anything. */
export function verdict(r: LoadtestReport): string | null {
  if (r.lost || r.doubleCounted || !r.totalsMatch)
    return `the server's figures differ from what the stations sent (lost ${r.lost}, double-counted ${r.doubleCounted})`;
  const dead = (r.agents ?? []).filter((a) => a.died);
  if (dead.length) return `${dead.map((a) => `agent ${a.agent} died (${a.died!.reason})`).join('; ')}: its stations are counted as unacknowledged`;
  if (r.unacknowledged) return `${r.unacknowledged} stations were not acknowledged within ${r.options.durationS} s`;
  return null;
}
