import { MqttClient } from 'mqtt';
import { int64ToNumber, signPayload, Topics, v1 } from '@shailoo/contracts';
import { Clock, DeviceKey, SystemClock, Timer } from '@shailoo/platform';
import { BrokerUrl, brokerUrlOf, connectMqtt, uniqueClientId } from '@shailoo/transport';
import { Authority } from './identification-device';

export interface IdentificationLinkOptions {
  /** Times the waits (real time by default). */
  clock?: Clock;
  /** Gives up on an unanswered request after this long (10 s by default); the device then works offline. */
  timeoutMs?: number;
  /** Sends the same request again after this long without an answer (the service answers a resend the same way). */
  resendMs?: number;
  /** Sees every request as it is first sent, with the identification's time. */
  onSend?: (topic: string, envelope: Buffer, atMs: number) => void;
}

/**
 * An identification device's line to the identification service: each request is signed with the
 * device's key and answered on the device's own response topic, matched by sequence.
 */
export class IdentificationLink {
  private client: MqttClient | null = null;
  private sequence = 0;
  private readonly waiting = new Map<number, (r: v1.IdentifyResponse) => void>();
  private readonly clock: Clock;

  constructor(
    private readonly brokerUrl: BrokerUrl,
    readonly deviceId: string,
    private readonly key: DeviceKey,
    private readonly options: IdentificationLinkOptions = {},
  ) {
    this.clock = options.clock ?? new SystemClock();
  }

  async start(): Promise<void> {
    this.client = await connectMqtt(brokerUrlOf(this.brokerUrl, this.deviceId), { clientId: uniqueClientId(this.deviceId) });
    const topic = Topics.identification(this.deviceId);
    this.client.on('message', (t, payload) => {
      if (t !== topic) return;
      const response = v1.IdentifyResponse.decode(payload);
      this.waiting.get(response.sequence)?.(response);
      this.waiting.delete(response.sequence);
    });
    await this.client.subscribeAsync(topic, { qos: 1 });
  }

  /** Asks about one voter; `request` without the header fields, which the link fills in. */
  ask(
    header: { electionId: string; definitionHash: string; precinctId: string },
    request: Pick<v1.IIdentifyRequest, 'pin' | 'method' | 'identifiedAtMs' | 'offline'>,
    timeoutMs = this.options.timeoutMs ?? 10_000,
  ): Promise<v1.IdentifyResponse> {
    const sequence = ++this.sequence;
    const envelope = signPayload(
      v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST,
      {
        ...request,
        electionId: header.electionId,
        definitionHash: Buffer.from(header.definitionHash, 'hex'),
        precinctId: header.precinctId,
        deviceId: this.deviceId,
        sequence,
      },
      this.key,
    );
    const topic = Topics.identify(header.electionId, this.deviceId);
    this.options.onSend?.(topic, envelope, Number(request.identifiedAtMs));
    return new Promise((resolve, reject) => {
      let resend: Timer | null = null;
      const send = () => {
        this.client!.publish(topic, envelope, { qos: 1 });
        if (this.options.resendMs) resend = this.clock.setTimeout(send, this.options.resendMs);
      };
      const timer = this.clock.setTimeout(() => {
        this.waiting.delete(sequence);
        if (resend) this.clock.clearTimeout(resend);
        reject(new Error(`no answer from the identification service in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(sequence, (r) => {
        this.clock.clearTimeout(timer);
        if (resend) this.clock.clearTimeout(resend);
        resolve(r);
      });
      send();
    });
  }

  /** The device powers off: the connection drops at once, whatever is still in flight. */
  async stop(): Promise<void> {
    await this.client?.endAsync(true);
  }
}

/** The identification service as a device's authority: each matched voter is asked about over the link. */
export function serviceAuthority(link: IdentificationLink, header: { electionId: string; definitionHash: string; precinctId: string }): Authority {
  return async (voter, atMs, method, offline = false) => {
    const r = await link.ask(header, {
      pin: voter.pin,
      method: method === 'face' ? v1.IdentificationMethod.IDENTIFICATION_METHOD_FACE : v1.IdentificationMethod.IDENTIFICATION_METHOD_FINGERPRINT,
      identifiedAtMs: atMs,
      offline,
    });
    if (r.outcome === v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED) return { ok: true };
    const doubleVote = r.doubleVote
      ? { voterRef: voter.pin.slice(-5), otherPrecinctId: r.identifiedPrecinctId, hereAtMs: atMs, thereAtMs: int64ToNumber(r.identifiedAtMs) }
      : undefined;
    // The service tells a device of a voter not on its list no more than "not on this list".
    return { ok: false, reason: r.reason === 'already-identified' ? 'already-identified' : 'other-precinct', doubleVote };
  };
}

/** Links for a station's identification devices, each asking the service as itself. */
export async function serviceAuthorities(
  brokerUrl: BrokerUrl,
  devices: { deviceId: string; key: DeviceKey }[],
  header: { electionId: string; definitionHash: string; precinctId: string },
  options: IdentificationLinkOptions = {},
): Promise<{ authorityFor: (deviceId: string) => Authority; close(): Promise<void> }> {
  const links = new Map(devices.map((d) => [d.deviceId, new IdentificationLink(brokerUrl, d.deviceId, d.key, options)]));
  await Promise.all([...links.values()].map((l) => l.start()));
  return {
    authorityFor: (deviceId) => serviceAuthority(links.get(deviceId)!, header),
    close: async () => {
      await Promise.all([...links.values()].map((l) => l.stop()));
    },
  };
}
