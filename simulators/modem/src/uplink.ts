import { MqttClient } from 'mqtt';
import { sha256, Topics, v1 } from '../../../libs/contracts/src';
import { Clock, Timer } from '../../../libs/platform/src/clock';
import { openMqtt, uniqueClientId } from '../../../libs/transport/src/mqtt-connection';

export interface UplinkOptions {
  brokerUrl: string;
  clock: Clock;
  /** First wait for an acknowledgement before resending, in ms; doubles up to maxResendMs. */
  resendMs?: number;
  maxResendMs?: number;
}

export interface Delivery {
  ack: v1.Ack;
  /** Publications made, the first included. */
  attempts: number;
}

/**
 * A device's link to the CEC: connects (and keeps reconnecting while the broker is away), publishes a signed envelope at QoS 1 on its uplink topic
 * and resends it until the tally server acknowledges that exact body (accepted or already
 * stored). A refusal does not stop it: only a committed message does.
 */
export async function transmit(envelope: Buffer, electionId: string, topicKind: string, options: UplinkOptions): Promise<Delivery> {
  const { deviceId, body } = v1.SignedEnvelope.decode(envelope);
  const client = openMqtt(options.brokerUrl, { clientId: uniqueClientId(deviceId) });
  try {
    return await deliverUntilAcknowledged(client, Topics.uplink(electionId, deviceId, topicKind), Topics.ack(deviceId), envelope, sha256(body), options);
  } finally {
    await client.endAsync();
  }
}

function deliverUntilAcknowledged(client: MqttClient, topic: string, ackTopic: string, envelope: Buffer, bodyHash: Buffer, options: UplinkOptions): Promise<Delivery> {
  const { clock } = options;
  const maxResendMs = options.maxResendMs ?? 10_000;
  let wait = options.resendMs ?? 1000;
  let attempts = 0;
  let timer: Timer | null = null;
  return new Promise((resolve) => {
    const send = () => {
      // While the link is down, mqtt.js would only pile the copies up; the next tick sends one.
      if (client.connected) {
        attempts++;
        client.publish(topic, envelope, { qos: 1 });
      }
      timer = clock.setTimeout(send, wait);
      wait = Math.min(wait * 2, maxResendMs);
    };
    client.on('message', (t, payload) => {
      if (t !== ackTopic) return;
      let ack: v1.Ack;
      try {
        ack = v1.Ack.decode(payload);
      } catch {
        return;
      }
      const done = ack.status === v1.AckStatus.ACK_STATUS_ACCEPTED || ack.status === v1.AckStatus.ACK_STATUS_DUPLICATE;
      if (!done || !bodyHash.equals(Buffer.from(ack.bodyHash))) return;
      if (timer) clock.clearTimeout(timer);
      resolve({ ack, attempts });
    });
    // Subscribe (again) on every connection; the first subscription starts the sending.
    let started = false;
    const onConnect = () =>
      client.subscribe(ackTopic, { qos: 1 }, (err) => {
        if (err || started) return;
        started = true;
        send();
      });
    client.on('connect', onConnect);
    if (client.connected) onConnect();
  });
}
