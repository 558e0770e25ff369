import { MessageKind, v1 } from '@shailoo/contracts';
import { Clock } from '@shailoo/platform';
import { Delivery, Modem } from './modem';

export type { Delivery } from './modem';

export interface UplinkOptions {
  brokerUrl: string;
  clock: Clock;
  /** First wait for an acknowledgement before resending, in ms; doubles up to maxResendMs. */
  resendMs?: number;
  maxResendMs?: number;
}

/** Sends one signed message over an ideal link and resolves once the CEC acknowledged it. */
export async function transmit(envelope: Buffer, electionId: string, topicKind: MessageKind, options: UplinkOptions): Promise<Delivery> {
  const modem = new Modem({ deviceId: v1.SignedEnvelope.decode(envelope).deviceId, ...options, maxResendMs: options.maxResendMs ?? 10_000 });
  modem.start();
  try {
    return await modem.send(envelope, electionId, topicKind);
  } finally {
    await modem.stop();
  }
}
