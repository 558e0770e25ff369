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
  /** Gives up: the modem powers off and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Sends one signed message over an ideal link and resolves once the CEC acknowledged it; resends
 * until then, or until `signal` aborts.
 */
export async function transmit(envelope: Buffer, electionId: string, topicKind: MessageKind, options: UplinkOptions): Promise<Delivery> {
  const { signal, ...modemOptions } = options;
  signal?.throwIfAborted();
  const modem = new Modem({ deviceId: v1.SignedEnvelope.decode(envelope).deviceId, ...modemOptions, maxResendMs: options.maxResendMs ?? 10_000 });
  modem.start();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([modem.send(envelope, electionId, topicKind), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await modem.stop();
  }
}
