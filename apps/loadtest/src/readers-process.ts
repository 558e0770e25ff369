import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { performance } from 'node:perf_hooks';

/**
 * Readers of the public results API, in their own process so their HTTP client work does not
 * share the server's event loop: N loops, each GETting the results as soon as its last answer came,
 * until told to stop; answers with an HDR histogram of their latencies (µs) and the errors.
 */
const [url, countArg] = process.argv.slice(2);
const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
let running = true;
let errors = 0;

async function reader(): Promise<void> {
  while (running) {
    const started = performance.now();
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) errors++;
      else histogram.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
    } catch {
      errors++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const loops = Array.from({ length: Number(countArg) }, reader);
process.on('message', async () => {
  running = false;
  await Promise.all(loops);
  process.send!({ histogram: encodeIntoCompressedBase64(histogram), errors });
  process.exit(0);
});
process.send!({ ready: true });
