import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { performance } from 'node:perf_hooks';

/**
 * Readers of the public results API, in their own process so their HTTP client work does not
 * share the server's event loop: N loops, each GETting the results once per interval (as a page
 * that refreshes; 0: as soon as the last answer came), from a random offset, until told to stop;
 * answers with an HDR histogram of their latencies (µs) and the errors.
 */
const [url, countArg, intervalArg] = process.argv.slice(2);
const interval = Number(intervalArg);
const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
let running = true;
let errors = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function reader(offset: number): Promise<void> {
  await sleep(offset);
  while (running) {
    const started = performance.now();
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) errors++;
      else histogram.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
    } catch {
      errors++;
    }
    await sleep(Math.max(0, interval - (performance.now() - started)));
  }
}

const loops = Array.from({ length: Number(countArg) }, (_, i) => reader((interval * i) / Number(countArg)));
process.on('message', async () => {
  running = false;
  await Promise.all(loops);
  process.send!({ histogram: encodeIntoCompressedBase64(histogram), errors });
  process.exit(0);
});
process.send!({ ready: true });
