import { Inject, Injectable } from '@nestjs/common';
import { ElectionRepository } from '@shailoo/persistence';
import { devicePassword, MosquittoPasswordFile, servicePassword, untilAccepted } from '@shailoo/transport';
import { Publisher } from './publisher';
import { TALLY_SETTINGS, TallySettings } from './tally-config';
import { RegisteredDevice } from '@shailoo/registry';

/** The advisory lock of the password file's writer ("mqpw" in ASCII, as a key). */
const PASSWORD_FILE_LOCK = 0x6d71_7077;

/**
 * The devices' accounts at a secured broker. Their passwords are derived from the broker's secret,
 * so the embedded broker needs nothing written; Mosquitto gets a password file, and an account is
 * handed out only once Mosquitto accepts it. Instances sharing a store write the file one at a time
 * (an advisory lock), each from the store's list of every device: two registrations at once on
 * two instances cannot drop each other's devices.
 */
@Injectable()
export class BrokerAccounts {
  private readonly file: MosquittoPasswordFile | null;

  constructor(
    private readonly elections: ElectionRepository,
    private readonly publisher: Publisher,
    @Inject(TALLY_SETTINGS) private readonly settings: TallySettings,
  ) {
    const { brokerSecret, brokerPasswordFile } = settings;
    this.file = brokerSecret && brokerPasswordFile ? new MosquittoPasswordFile(brokerPasswordFile, brokerSecret) : null;
  }

  /** Before the server connects: Mosquitto's password file holds the services and every registered device, and lets the server in. */
  async open(): Promise<void> {
    if (!this.file) return;
    await this.writeFile();
    const { username, password } = servicePassword(this.settings.brokerSecret!, 'tally');
    await untilAccepted(this.settings.mqttUrl, username, password, this.settings.mqttCa);
  }

  /** The broker passwords of newly registered devices (none on an open broker), usable when this returns. */
  async issue(deviceIds: string[]): Promise<Record<string, string> | undefined> {
    const secret = this.settings.brokerSecret;
    if (!secret) return undefined;
    const credentials = Object.fromEntries(deviceIds.map((id) => [id, devicePassword(secret, id)]));
    if (this.file && deviceIds.length) {
      await this.writeFile();
      const last = deviceIds[deviceIds.length - 1];
      await untilAccepted(this.settings.mqttUrl, last, credentials[last], this.settings.mqttCa);
    }
    return credentials;
  }

  /**
   * A device revoked or re-keyed: the broker is told (the embedded one at once; Mosquitto's password
   * file is written without a revoked device, with a re-keyed one's new password). Returns a
   * re-keyed device's new broker password (none on an open broker), usable when this returns.
   */
  async changed(device: RegisteredDevice): Promise<string | undefined> {
    const secret = this.settings.brokerSecret;
    if (!secret) return undefined;
    this.publisher.account(device);
    if (this.file) await this.writeFile();
    const password = devicePassword(secret, device.id, device.generation);
    if (this.file && device.revokedAt === null) await untilAccepted(this.settings.mqttUrl, device.id, password, this.settings.mqttCa);
    return device.revokedAt === null ? password : undefined;
  }

  private writeFile(): Promise<void> {
    return this.elections.withEveryDevice(PASSWORD_FILE_LOCK, (devices) => this.file!.write(devices));
  }
}
