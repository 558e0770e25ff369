import { createServer, Socket } from 'node:net';
import { BrokerAccessError, devicePassword, withCredentials } from './broker-access';
import { checkBrokerAccess } from './broker-check';
import { EmbeddedBroker } from './embedded-broker';

const SECRET = 'broker-check-spec-secret-0123456789';
const ACK = 'shailoo/v1/down/aeu-1/ack';
const FIX = 'do this';

describe('checkBrokerAccess', () => {
  let broker: EmbeddedBroker;
  beforeAll(async () => {
    broker = await EmbeddedBroker.start(0, '127.0.0.1', { secured: true });
    broker.secure(SECRET);
  });
  afterAll(() => broker.close());

  it('lets a device in with its password and on its own topic', async () => {
    await expect(checkBrokerAccess(withCredentials(broker.url, 'aeu-1', devicePassword(SECRET, 'aeu-1')), ACK, 'device aeu-1', FIX)).resolves.toBeUndefined();
  });

  it('names a refused login and says what to do', async () => {
    const check = checkBrokerAccess(withCredentials(broker.url, 'aeu-1', 'wrong'), ACK, 'device aeu-1', FIX);
    await expect(check).rejects.toThrow(BrokerAccessError);
    await expect(check).rejects.toThrow(/refused device aeu-1's login \(.+\): do this$/);
  });

  it('names a refused subscription (an anonymous client on a secured broker) and says what to do', async () => {
    await expect(checkBrokerAccess(broker.url, ACK, 'device aeu-1', FIX)).rejects.toThrow(
      new RegExp(`refused device aeu-1's (login \\(.+\\)|subscription to ${ACK}): do this$`),
    );
    await expect(checkBrokerAccess(withCredentials(broker.url, 'aeu-2', devicePassword(SECRET, 'aeu-2')), ACK, 'device aeu-2', FIX)).rejects.toThrow(
      `refused device aeu-2's subscription to ${ACK}`,
    );
  });

  it('says when no broker is there, within its deadline when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    await expect(checkBrokerAccess(`mqtt://127.0.0.1:${port}`, ACK, 'device aeu-1', FIX)).rejects.toThrow(`no MQTT broker at 127.0.0.1:${port} (ECONNREFUSED)`);

    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const started = Date.now();
      await expect(
        checkBrokerAccess(`mqtt://127.0.0.1:${(silent.address() as { port: number }).port}`, ACK, 'device aeu-1', FIX, { timeoutMs: 500 }),
      ).rejects.toThrow('no MQTT broker answered');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      held.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
