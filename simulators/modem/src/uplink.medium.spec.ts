import { createServer, Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SystemClock } from '@shailoo/platform';
import { ELECTION, result } from '../test/fake-cec';
import { transmit } from './uplink';

/** A broker that hangs up on every connection, counting them: a modem keeps dialing it. */
async function hangingUp(): Promise<{ server: Server; url: string; dials(): number }> {
  let dials = 0;
  const server = createServer((s) => {
    dials++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`, dials: () => dials };
}

describe('transmit', () => {
  it('gives up when its signal aborts: rejects with the reason and dials no more', async () => {
    const broker = await hangingUp();
    try {
      const controller = new AbortController();
      const sent = transmit(result('box-1', 1), ELECTION, 'result', { brokerUrl: broker.url, clock: new SystemClock(), signal: controller.signal });
      const settled = sent.catch((e: unknown) => e);
      await sleep(1200);
      expect(broker.dials()).toBeGreaterThanOrEqual(2);
      controller.abort(new Error('the test ended'));
      expect(await settled).toEqual(new Error('the test ended'));
      const dialsAtAbort = broker.dials();
      await sleep(1500);
      expect(broker.dials()).toBe(dialsAtAbort);
    } finally {
      await new Promise((r) => broker.server.close(r));
    }
  });

  it('refuses at once with a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(
      transmit(result('box-1', 1), ELECTION, 'result', { brokerUrl: 'mqtt://127.0.0.1:1', clock: new SystemClock(), signal: controller.signal }),
    ).rejects.toThrow('too late');
  });
});
