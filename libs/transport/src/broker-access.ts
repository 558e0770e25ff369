import { createHmac } from 'node:crypto';

/** Usernames of the CEC's own services start with this; a device's never authenticates as one. */
export const SERVICE_PREFIX = 'service-';

/**
 * Broker passwords are HMACs of the username under the broker's secret, in a domain of their own
 * for devices and for services: nothing is stored at the broker, only the holder of the secret (the
 * tally server that registers devices) can issue one, and a device — even one registered under a
 * name that starts with `service-` — never holds a service's password (the broker checks a
 * `service-` username in the service domain only).
 */
export function devicePassword(secret: string, deviceId: string): string {
  return createHmac('sha256', secret).update(`device\n${deviceId}`).digest('base64url');
}

/** The password of the CEC service `service-<name>`; see devicePassword. */
export function servicePassword(secret: string, name: string): { username: string; password: string } {
  const username = `${SERVICE_PREFIX}${name}`;
  return { username, password: createHmac('sha256', secret).update(`service\n${username}`).digest('base64url') };
}

/** An MQTT URL that carries a username and password (mqtt.js and the lean client read them from it). */
export function withCredentials(url: string, username: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(username);
  u.password = encodeURIComponent(password);
  return u.toString().replace(/\/$/, '');
}

/** A broker URL for everyone, or one per device (each with its own credentials on a secured broker). */
export type BrokerUrl = string | ((deviceId: string) => string);

export const brokerUrlOf = (url: BrokerUrl, deviceId: string): string => (typeof url === 'string' ? url : url(deviceId));

/** The broker URL with a service's credentials in it. */
export function serviceUrl(url: string, secret: string, name: string): string {
  const { username, password } = servicePassword(secret, name);
  return withCredentials(url, username, password);
}

/** Why the broker refused a client something. */
export type BrokerRefusal = 'bad-credentials' | 'not-yet-secured' | 'publish-not-allowed' | 'subscribe-not-allowed';

/**
 * Who may do what at the embedded broker — the rules `deploy/mosquitto-acl.conf` states for
 * Mosquitto. Anonymous clients may only subscribe under `shailoo/v1/pub/`; a device (username = its
 * id) may publish only its own uplink and identification requests and subscribe only to its own
 * downlink; a service may do anything but `$SYS`. A refused publish closes the client's connection
 * (MQTT 3.1.1 has no negative PUBACK); a refused subscription gets SUBACK 0x80.
 *
 * Self-contained on purpose: its source is evaluated in the broker's own thread or process, so it
 * takes node:crypto as an argument and uses nothing else from this module.
 */
export function installBrokerAccess(broker: any, crypto: typeof import('node:crypto'), refused: (why: BrokerRefusal) => void): (secret: string) => void {
  let secret: string | null = null;
  const ROOT = 'shailoo/v1/';
  const password = (username: string) =>
    crypto
      .createHmac('sha256', secret!)
      .update(`${username.startsWith('service-') ? 'service' : 'device'}\n${username}`)
      .digest('base64url');
  const equal = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
  broker.authenticate = (client: any, username: string | undefined, given: Buffer | undefined, done: (err: any, ok?: boolean) => void) => {
    if (username === undefined || username === null) {
      client.access = { kind: 'anonymous', name: '' };
      return done(null, true);
    }
    const ok = secret !== null && given !== undefined && equal(password(username), given.toString());
    if (!ok) {
      refused(secret === null ? 'not-yet-secured' : 'bad-credentials');
      const err: any = new Error('bad user name or password');
      err.returnCode = 4;
      return done(err, false);
    }
    client.access = { kind: username.startsWith('service-') ? 'service' : 'device', name: username };
    done(null, true);
  };
  broker.authorizePublish = (client: any, packet: any, done: (err: Error | null) => void) => {
    const topic: string = packet.topic;
    const access = client?.access ?? { kind: 'anonymous', name: '' };
    const parts = topic.split('/');
    const own =
      access.kind === 'device' &&
      topic.startsWith(ROOT) &&
      parts.length === 6 &&
      parts[4] === access.name &&
      (parts[2] === 'up' || (parts[2] === 'id' && parts[5] === 'request'));
    if ((access.kind === 'service' && !topic.startsWith('$SYS')) || own) return done(null);
    refused('publish-not-allowed');
    done(new Error(`${access.kind} ${access.name} may not publish on ${topic}`));
  };
  broker.authorizeSubscribe = (client: any, sub: any, done: (err: Error | null, sub: any) => void) => {
    const access = client?.access ?? { kind: 'anonymous', name: '' };
    const filter: string = sub.topic;
    const under = (prefix: string) => filter.startsWith(prefix) && !filter.slice(0, prefix.length).includes('+');
    const allowed =
      access.kind === 'service' || (access.kind === 'device' && under(`${ROOT}down/${access.name}/`)) || (access.kind === 'anonymous' && under(`${ROOT}pub/`));
    if (allowed) return done(null, sub);
    refused('subscribe-not-allowed');
    done(null, null);
  };
  return (s: string) => {
    secret = s;
  };
}
