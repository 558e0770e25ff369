import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { eventually } from '@shailoo/platform';
import { connectMqtt, uniqueClientId } from './mqtt-connection';
import { DeviceAccount, devicePassword, SERVICE_NAMES, servicePassword, withCredentials } from './broker-access';

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
  /** Each device's line, by id and generation. */
  private readonly lines = new Map<string, string>();
  private readonly services: string[];

  constructor(
    private readonly path: string,
    private readonly secret: string,
  ) {
    this.services = SERVICE_NAMES.map((name) => {
      const { username, password } = servicePassword(secret, name);
      return mosquittoPasswordLine(username, password);
    });
  }

  /**
   * Writes the file with these devices (and the services), atomically: a revoked device is left
   * out (Mosquitto then refuses its logins), a re-keyed one has the password of its generation. Its first line changes with
   * every write: deploy/broker/mosquitto-start.sh reloads Mosquitto (SIGHUP) when it sees it change. Readable
   * by all (Mosquitto runs as another user): it holds PBKDF2 hashes of 256-bit HMACs, nothing to guess.
   */
  async write(devices: Iterable<{ id: string } & Partial<DeviceAccount>>): Promise<void> {
    const listed = [...this.services];
    for (const { id, revoked, generation = 0 } of devices) {
      if (revoked) continue;
      const key = `${id}\n${generation}`;
      let line = this.lines.get(key);
      if (!line) this.lines.set(key, (line = mosquittoPasswordLine(id, devicePassword(this.secret, id, generation))));
      listed.push(line);
    }
    const tmp = `${this.path}.${process.pid}.tmp`;
    const stamp = `# written by the shailoo-sim tally server ${new Date().toISOString()} ${randomBytes(6).toString('hex')}`;
    await writeFile(tmp, [stamp, ...listed].join('\n') + '\n', { mode: 0o644 });
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
