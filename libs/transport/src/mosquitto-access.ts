import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { eventually } from '@shailoo/platform';
import { connectMqtt, uniqueClientId } from './mqtt-connection';
import { devicePassword, SERVICE_NAMES, servicePassword, withCredentials } from './broker-access';

/**
 * One line of a Mosquitto 2 password file, as `mosquitto_passwd` writes it: PBKDF2-SHA512 with
 * 101 iterations and a 12-byte salt, `user:$7$101$salt$hash` in base64.
 */
export function mosquittoPasswordLine(username: string, password: string, salt = randomBytes(12)): string {
  const hash = pbkdf2Sync(password, salt, 101, 64, 'sha512');
  return `${username}:$7$101$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * The password file of a Mosquitto that holds devices to the rules of `deploy/broker/mosquitto-acl.conf`:
 * the CEC's services and every registered device, each with the broker password derived from the
 * secret (the same as the embedded broker's). Lines are hashed once per username and kept, so a
 * registration of 100,000 devices hashes each once.
 */
export class MosquittoPasswordFile {
  private readonly lines = new Map<string, string>();

  constructor(
    private readonly path: string,
    private readonly secret: string,
  ) {
    for (const name of SERVICE_NAMES) {
      const { username, password } = servicePassword(secret, name);
      this.lines.set(username, mosquittoPasswordLine(username, password));
    }
  }

  /**
   * Writes the file with these devices (and the services), atomically. Its first line changes with
   * every write: deploy/broker/mosquitto-start.sh reloads Mosquitto (SIGHUP) when it sees it change. Readable
   * by all (Mosquitto runs as another user): it holds PBKDF2 hashes of 256-bit HMACs, nothing to guess.
   */
  async write(deviceIds: Iterable<string>): Promise<void> {
    for (const id of deviceIds) if (!this.lines.has(id)) this.lines.set(id, mosquittoPasswordLine(id, devicePassword(this.secret, id)));
    const tmp = `${this.path}.${process.pid}.tmp`;
    const stamp = `# written by the shailoo-sim tally server ${new Date().toISOString()} ${randomBytes(6).toString('hex')}`;
    await writeFile(tmp, [stamp, ...this.lines.values()].join('\n') + '\n', { mode: 0o644 });
    await rename(tmp, this.path);
  }
}

/**
 * Waits until the broker lets `username` in (Mosquitto reads a rewritten password file only when it
 * reloads): a registration is answered, and a server subscribes, only once its credentials work.
 */
export async function untilAccepted(url: string, username: string, password: string, ca?: string, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      const client = await connectMqtt(withCredentials(url, username, password), {
        clientId: uniqueClientId('probe'),
        reconnectPeriod: 0,
        ...(ca ? { ca } : {}),
      });
      await client.endAsync();
      return true;
    },
    timeoutMs,
    `the broker at ${new URL(url).host} to accept ${username}`,
    200,
  );
}
