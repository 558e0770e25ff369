import { isIP, connect as netConnect, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { generate, Packet, parser as packetParser } from 'mqtt-packet';
import { isTlsErrorCode } from '@shailoo/platform';
import { BrokerAccessError } from './broker-access';
import { uniqueClientId } from './mqtt-connection';

/** MQTT 3.1.1's CONNACK return codes. */
const CONNACK_REFUSALS: Record<number, string> = {
  1: 'unacceptable protocol version',
  2: 'client identifier rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorized: a wrong password, or a device banned for a while after the tally server refused its messages again and again',
};

/** The schemes mqtt.js dials over TCP, and over TLS; over WebSockets the check is left to the client. */
const TCP = new Set(['mqtt:', 'tcp:']);
const TLS = new Set(['mqtts:', 'ssl:']);

/**
 * Checks, once and within `timeoutMs`, that `who` can log in at the broker of `url` (its
 * credentials in it) and subscribe to `topic`; throws a BrokerAccessError saying which failed and,
 * with `fix`, what to do (`unreachable`: no broker answered, which may only mean not yet). A client
 * that would otherwise reconnect or wait for ever fails fast. It speaks MQTT 3.1.1 on a socket of
 * its own, so nothing of it outlives the check.
 */
export async function checkBrokerAccess(
  url: string,
  topic: string,
  who: string,
  fix: string,
  options: { timeoutMs?: number; ca?: string } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const u = new URL(url);
  const tls = TLS.has(u.protocol);
  if (!tls && !TCP.has(u.protocol)) return;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(u.port) || (tls ? 8883 : 1883);
  const socket: Socket = tls
    ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...(options.ca ? { ca: options.ca } : {}) })
    : netConnect({ host, port });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (message: string, unreachable = false) => reject(Object.assign(new BrokerAccessError(message), { unreachable }));
      timer = setTimeout(
        () => fail(`no MQTT broker answered at ${u.host} within ${timeoutMs / 1000} s: is the tally server (or your broker) running there?`, true),
        timeoutMs,
      );
      let connected = false;
      const parser = packetParser({ protocolVersion: 4 });
      parser.on('packet', (p: Packet) => {
        if (p.cmd === 'connack') {
          if (p.returnCode)
            return fail(`the broker at ${u.host} refused ${who}'s login (${CONNACK_REFUSALS[p.returnCode!] ?? `code ${p.returnCode}`}): ${fix}`);
          connected = true;
          socket.write(generate({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic, qos: 1 }] }));
        } else if (p.cmd === 'suback') {
          if (p.granted.some((g) => (typeof g === 'number' ? g : (g as { qos: number }).qos) >= 0x80))
            return fail(`the broker at ${u.host} refused ${who}'s subscription to ${topic}: ${fix}`);
          resolve();
        }
      });
      parser.on('error', (err) => fail(`${u.host} does not speak MQTT (${err.message})`));
      socket.on('data', (chunk: Buffer) => parser.parse(chunk));
      socket.on(tls ? 'secureConnect' : 'connect', () =>
        socket.write(
          generate({
            cmd: 'connect',
            protocolId: 'MQTT',
            protocolVersion: 4,
            clean: true,
            clientId: uniqueClientId('check'),
            keepalive: 0,
            username: u.username ? decodeURIComponent(u.username) : undefined,
            password: u.username ? Buffer.from(decodeURIComponent(u.password)) : undefined,
          }),
        ),
      );
      socket.on('error', (err: Error & { code?: string }) => {
        if (isTlsErrorCode(err.code))
          fail(`the broker at ${u.host} speaks TLS with a certificate this side does not trust (${err.code}): give its CA (TLS_CA, or NODE_EXTRA_CA_CERTS)`);
        else if (connected) fail(`the broker at ${u.host} dropped ${who}'s connection (${err.message}): ${fix}`);
        else fail(`no MQTT broker at ${u.host} (${err.code ?? err.message}): start the tally server (it embeds one) or give the address of yours`, true);
      });
      socket.on('close', () =>
        fail(`the broker at ${u.host} closed ${who}'s connection ${connected ? `at its subscription to ${topic}` : 'before accepting its login'}: ${fix}`),
      );
    });
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

/** Whether a BrokerAccessError means that no broker answered (which may only mean: not yet). */
export const brokerUnreachable = (err: unknown): boolean => err instanceof BrokerAccessError && (err as { unreachable?: boolean }).unreachable === true;
