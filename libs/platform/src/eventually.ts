/**
 * Asks `probe` every `everyMs` until it answers something truthy, and resolves with that answer.
 * A probe that throws is asked again; after `timeoutMs` the wait fails, naming `what` and the
 * probe's last error. Real time (a wait on the world: a broker, a server, another process).
 */
export async function eventually<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what = 'condition',
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: Error | null = null;
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err as Error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
