import { bishkekTime } from '@shailoo/election';
import { LoadtestProgress } from '@shailoo/loadtest';
import { RunProgress } from '@shailoo/scenario-runner';

const WIDTH = 30;

function bar(n: number, of: number): string {
  const filled = of ? Math.round((n / of) * WIDTH) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(n).padStart(String(of).length)}/${of}`;
}

/**
 * Progress bars on a terminal (stations opened, voting, closed, reported; identifications per
 * second; the virtual clock), redrawn in place; to a file or pipe, one line every ten seconds.
 */
export function progressBars(stream: NodeJS.WriteStream = process.stderr): { update(p: RunProgress): void; done(): void } {
  if (!stream.isTTY) {
    let next = Date.now() + 10_000;
    return {
      update: (p) => {
        if (Date.now() < next) return;
        next += 10_000;
        stream.write(
          `${bishkekTime(p.virtualMs)} opened ${p.opened}/${p.stations} voting ${p.voting} closed ${p.closed} reported ${p.reported}; ${p.identifications} identified\n`,
        );
      },
      done: () => undefined,
    };
  }
  let drawn = 0;
  let last: { at: number; identifications: number } | null = null;
  let rate = 0;
  return {
    update(p) {
      const now = Date.now();
      if (last && now > last.at) rate = Math.round(((p.identifications - last.identifications) * 1000) / (now - last.at));
      last = { at: now, identifications: p.identifications };
      const lines = [
        `virtual clock  ${bishkekTime(p.virtualMs)} (Bishkek)`,
        `opened         ${bar(p.opened, p.stations)}`,
        `voting         ${bar(p.voting, p.stations)}`,
        `closed         ${bar(p.closed, p.stations)}`,
        `reported       ${bar(p.reported, p.stations)}`,
        `identified     ${p.identifications} voters, ${rate}/s`,
      ];
      stream.write(`${drawn ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
      drawn = lines.length;
    },
    done() {
      drawn = 0;
    },
  };
}

/** The load test's bars: stations connected, sent, acknowledged, published, and the current rate; a line every ten seconds off a terminal. */
export function loadtestBars(stream: NodeJS.WriteStream = process.stderr): { update(p: LoadtestProgress): void } {
  let drawn = 0;
  let next = 0;
  return {
    update(p) {
      if (!stream.isTTY) {
        if (Date.now() < next) return;
        next = Date.now() + 10_000;
        stream.write(
          `${p.phase}: connected ${p.connected} sent ${p.sent} acknowledged ${p.acknowledged} published ${p.published} of ${p.stations}; ${p.acksPerSec}/s\n`,
        );
        return;
      }
      const lines = [
        `${p.phase}`,
        `connected      ${bar(p.connected, p.stations)}`,
        `sent           ${bar(p.sent, p.stations)}`,
        `acknowledged   ${bar(p.acknowledged, p.stations)}`,
        `published      ${bar(p.published, p.stations)}`,
        `rate           ${p.acksPerSec} acknowledgements/s`,
      ];
      stream.write(`${drawn ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
      drawn = lines.length;
    },
  };
}
