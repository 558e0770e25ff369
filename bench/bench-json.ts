import { writeFileSync } from 'node:fs';

/** A bench's figures for `bench:all`, written to BENCH_JSON when it is set (whole, each time: the last write is what a stopped run leaves). */
export function benchJson(figures: Record<string, unknown>): void {
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(figures, null, 2)}\n`);
}
