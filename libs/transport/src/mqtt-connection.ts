import { randomBytes } from 'node:crypto';
import { connect, IClientOptions, MqttClient } from 'mqtt';

/** Random once per process (two processes' ids never meet), then counted: a fleet dials thousands of times a second. */
const PROCESS_TAG = randomBytes(4).toString('hex');
let issued = 0;

/** A unique client id: two clients with one id throw each other off the broker forever. */
export function uniqueClientId(prefix: string): string {
  return `${prefix}-${PROCESS_TAG}${(issued++).toString(36)}`;
}

/**
 * Connects with MQTT 3.1.1 (all that aedes speaks) and resolves once connected, or rejects with
 * the first error. After that a dropped connection is mqtt.js's to mend (it reconnects every
 * `reconnectPeriod`); see openMqtt.
 */
export function connectMqtt(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  const client = openMqtt(url, options);
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      client.off('connect', onConnect);
      client.end(true);
      reject(err);
    };
    const onConnect = () => {
      client.off('error', onError);
      resolve(client);
    };
    client.once('connect', onConnect);
    client.once('error', onError);
  });
}

/**
 * A client that keeps trying, as a modem does: it returns at once, connects when the broker is
 * there and reconnects when it goes away; socket errors never surface as thrown events.
 */
export function openMqtt(url: string, options: IClientOptions = {}): MqttClient {
  const client = connect(url, { protocolVersion: 4, reconnectPeriod: 500, connectTimeout: 5000, ...options });
  client.on('error', () => undefined);
  withoutNagle(client);
  return client;
}

/**
 * Turns off Nagle's algorithm on every connection the client makes: a request answered over MQTT
 * otherwise waits for the peer's delayed ACK, about 40 ms a hop. mqtt.js does not set it itself.
 */
export function withoutNagle(client: MqttClient): MqttClient {
  client.on('connect', () => (client.stream as { setNoDelay?: (on: boolean) => void })?.setNoDelay?.(true));
  return client;
}
