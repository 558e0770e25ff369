import { sha256, signPayload, Topics, v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { ModemConnection, ModemConnectionFactory } from '../src/modem';

/** The election of the modem's specs. */
export const ELECTION = 'e';

/** A box's signed result with the given sequence (its votes are the sequence, so each differs). */
export const result = (deviceId: string, sequence: number) =>
  signPayload(
    v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT,
    { electionId: ELECTION, precinctId: 'p', deviceId, sequence, votes: [{ partyId: 'a', votes: sequence }], ballotsInBox: sequence },
    DeviceKey.derive('modem-spec', deviceId),
  );

/**
 * The broker and the tally server in memory: stores each (device, sequence) once and acknowledges
 * at once (ACCEPTED, then DUPLICATE for a resend); can be taken down and brought back.
 */
export class FakeCec {
  readonly stored = new Map<string, Buffer>();
  readonly published: Buffer[] = [];
  private up = true;
  private readonly sessions: { onConnect: (() => void)[]; onMessage: ((t: string, p: Buffer) => void)[] }[] = [];

  readonly connect: ModemConnectionFactory = () => {
    const session = { onConnect: [] as (() => void)[], onMessage: [] as ((t: string, p: Buffer) => void)[] };
    this.sessions.push(session);
    const isUp = () => this.up;
    const connection: ModemConnection = {
      get connected() {
        return isUp();
      },
      onConnect: (fn) => {
        session.onConnect.push(fn);
        if (this.up) queueMicrotask(fn);
      },
      onMessage: (fn) => void session.onMessage.push(fn),
      subscribe: () => Promise.resolve(),
      publish: (_topic, payload) => {
        if (!this.up) return;
        this.published.push(payload);
        const { deviceId, body } = v1.SignedEnvelope.decode(payload);
        const { sequence } = v1.PayloadHeader.decode(body);
        const key = `${deviceId}/${sequence}`;
        const status = this.stored.has(key) ? v1.AckStatus.ACK_STATUS_DUPLICATE : v1.AckStatus.ACK_STATUS_ACCEPTED;
        this.stored.set(key, payload);
        const ack = Buffer.from(v1.Ack.encode({ deviceId, sequence, status, bodyHash: sha256(body) }).finish());
        session.onMessage.forEach((fn) => fn(Topics.ack(deviceId), ack));
      },
      close: () => Promise.resolve(),
    };
    return connection;
  };

  down(): void {
    this.up = false;
  }

  back(): void {
    this.up = true;
    this.sessions.forEach((s) => s.onConnect.forEach((fn) => queueMicrotask(fn)));
  }
}
