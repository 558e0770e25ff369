import { randomBytes } from 'node:crypto';
import { connect, IClientOptions, MqttClient } from 'mqtt';

/** A unique client id: two clients with one id throw each other off the broker forever. */
export function uniqueClientId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** Connects with MQTT 3.1.1 (all that aedes speaks) and resolves once connected. */
export function connectMqtt(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  const client = connect(url, { protocolVersion: 4, reconnectPeriod: 500, connectTimeout: 5000, ...options });
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      client.end(true);
      reject(err);
    };
    client.once('connect', () => {
      client.off('error', onError);
      resolve(client);
    });
    client.once('error', onError);
  });
}
