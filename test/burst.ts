import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Delivery, transmit, UplinkOptions } from '@shailoo/modem';

export interface BurstUplink extends Omit<UplinkOptions, 'brokerUrl' | 'signal'> {
  /** The broker, or each station's own address (its credentials in it) by the message's topic. */
  brokerUrl: string | ((topic: string) => string);
}

export interface Burst {
  /** Every station's acknowledgement, in the messages' order; never settles once stopped. */
  done: Promise<Delivery[]>;
  /** Gives up on what is unacknowledged and powers those modems off: nobody reconnects after the test. */
  stop(): Promise<void>;
}

/**
 * Stations closing one after another, `spacingMs` apart, each resending its result until
 * acknowledged. A test stops it in its `finally`: one that failed half-way would otherwise leave
 * modems reconnecting after Jest tore its environment down, which ends the whole run.
 */
export function burst(
  messages: readonly { topic: string; payload: Buffer }[],
  electionId: string,
  uplink: BurstUplink,
  spacingMs: number,
  onDelivery?: (delivery: Delivery) => void,
): Burst {
  const controller = new AbortController();
  const { signal } = controller;
  setMaxListeners(0, signal);
  const sending = new Set<Promise<unknown>>();
  const one = async (m: { topic: string; payload: Buffer }, i: number): Promise<Delivery> => {
    await sleep(i * spacingMs, undefined, { signal });
    const brokerUrl = typeof uplink.brokerUrl === 'function' ? uplink.brokerUrl(m.topic) : uplink.brokerUrl;
    const sent = transmit(m.payload, electionId, 'result', { ...uplink, brokerUrl, signal });
    sending.add(sent.catch(() => undefined));
    const delivery = await sent;
    onDelivery?.(delivery);
    return delivery;
  };
  const never = new Promise<never>(() => undefined);
  const done = Promise.all(messages.map((m, i) => one(m, i).catch((e: unknown) => (signal.aborted ? never : Promise.reject(e)))));
  return {
    done,
    async stop() {
      controller.abort();
      await Promise.all(sending);
    },
  };
}
