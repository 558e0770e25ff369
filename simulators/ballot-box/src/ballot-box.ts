import { MqttClient } from 'mqtt';
import { sha256, signPrecinctResult, Topics, v1 } from '../../../libs/contracts/src';
import { Clock, Timer } from '../../../libs/platform/src/clock';
import { DeviceKey } from '../../../libs/platform/src/keys';
import { connectMqtt, uniqueClientId } from '../../../libs/transport/src/mqtt-connection';

export interface BallotBoxIdentity {
  deviceId: string;
  electionId: string;
  precinctId: string;
  /** sha-256 of the election definition the box was configured with, hex. */
  definitionHash: string;
  key: DeviceKey;
}

export interface BoxCount {
  votes: Record<string, number>;
  invalidBallots: number;
  againstAll?: number;
}

export interface TransmitOptions {
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
 * A minimal automatic counting ballot box (АЭУ): at close it signs its count and publishes it at
 * QoS 1, and keeps resending until the tally server acknowledges that exact result (accepted or
 * already stored). A refusal is logged by the server and does not stop the box: only a committed
 * result does.
 */
export class BallotBox {
  private sequence = 0;

  constructor(readonly identity: BallotBoxIdentity) {}

  /** The signed envelope of a count, with the next sequence number. */
  seal(count: BoxCount, closedAtMs: number): { sequence: number; envelope: Buffer } {
    const sequence = ++this.sequence;
    const { deviceId, electionId, precinctId, definitionHash, key } = this.identity;
    const validVotes = Object.values(count.votes).reduce((a, b) => a + b, 0);
    const envelope = signPrecinctResult(
      {
        electionId,
        definitionHash: Buffer.from(definitionHash, 'hex'),
        precinctId,
        deviceId,
        sequence,
        votes: Object.entries(count.votes).map(([partyId, votes]) => ({ partyId, votes })),
        invalidBallots: count.invalidBallots,
        againstAll: count.againstAll ?? 0,
        ballotsInBox: validVotes + count.invalidBallots + (count.againstAll ?? 0),
        closedAtMs,
      },
      key,
    );
    return { sequence, envelope };
  }

  /** Publishes the envelope until it is acknowledged; resolves with the acknowledgement. */
  async transmit(envelope: Buffer, options: TransmitOptions): Promise<Delivery> {
    const { deviceId, electionId } = this.identity;
    const bodyHash = sha256(v1.SignedEnvelope.decode(envelope).body);
    const client = await connectMqtt(options.brokerUrl, { clientId: uniqueClientId(deviceId) });
    try {
      return await deliverUntilAcknowledged(client, Topics.result(electionId, deviceId), Topics.ack(deviceId), envelope, bodyHash, options);
    } finally {
      await client.endAsync();
    }
  }
}

function deliverUntilAcknowledged(
  client: MqttClient,
  topic: string,
  ackTopic: string,
  envelope: Buffer,
  bodyHash: Buffer,
  options: TransmitOptions,
): Promise<Delivery> {
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
    client.subscribe(ackTopic, { qos: 1 }, () => send());
  });
}
