import { createHmac, timingSafeEqual } from 'node:crypto';
import { TokenBucket } from '@shailoo/platform';

/** Usernames of the CEC's own services start with this; a device's never authenticates as one. */
export const SERVICE_PREFIX = 'service-';

/**
 * The CEC's services at the broker: the tally server, the identification service, and the tools of
 * a run (the load test's observer and baseline, replay's identification requests). An external
 * broker's password file lists exactly these.
 */
export const SERVICE_NAMES = ['tally', 'identification', 'tools'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

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
export function servicePassword(secret: string, name: ServiceName): { username: string; password: string } {
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

/** A device's broker URL: with its credentials when it has a password (a secured broker), the plain URL otherwise. */
export function deviceBrokerUrl(url: string, deviceId: string, password: string | undefined): string {
  return password ? withCredentials(url, deviceId, password) : url;
}

/** A broker URL for everyone, or one per device (each with its own credentials on a secured broker). */
export type BrokerUrl = string | ((deviceId: string) => string);

export const brokerUrlOf = (url: BrokerUrl, deviceId: string): string => (typeof url === 'string' ? url : url(deviceId));

/** The broker URL with a service's credentials in it. */
export function serviceUrl(url: string, secret: string, name: ServiceName): string {
  const { username, password } = servicePassword(secret, name);
  return withCredentials(url, username, password);
}

/** Why the broker refused a client something. */
export type BrokerRefusal =
  | 'bad-credentials'
  | 'not-yet-secured'
  | 'publish-not-allowed'
  | 'subscribe-not-allowed'
  | 'payload-too-large'
  | 'rate-limited'
  | 'banned'
  | 'disconnected'
  /** Bytes that are not MQTT 3.1.1: the connection is closed. */
  | 'malformed-packet'
  /** A packet that declares more than the broker's largest: closed at its fixed header. */
  | 'packet-too-large'
  /** A connection that sent no complete CONNECT in time (a slowloris): closed. */
  | 'connect-timeout'
  /** More packets sent behind a CONNECT than the broker queues until its CONNACK: closed. */
  | 'queue-limit'
  /** An anonymous client asking for a session kept after it leaves (clean session 0): what it subscribes to would queue for it forever. */
  | 'persistent-session-not-allowed'
  /** A device's retained publish: the broker would keep it for good. */
  | 'retain-not-allowed'
  /** A device's QoS 2 publish: the broker keeps it until a PUBREL that need never come. */
  | 'qos2-not-allowed'
  /** More subscriptions on one connection than a reader or a device ever needs. */
  | 'too-many-subscriptions';

/**
 * What a device (or an anonymous client) may send: payloads up to `maxPayload` bytes, and
 * `perSecond` messages a second on average with bursts of `burst` (a token bucket per username),
 * so a flooding or looping device cannot starve the others. `perSecond: null` lifts the rate limit
 * (a simulation on an accelerated clock sends a day's requests in seconds). Services have no limits.
 */
export interface BrokerLimits {
  maxPayload: number;
  perSecond: number | null;
  burst: number;
  /** Subscriptions one anonymous or device connection may make (a device needs one, a reader a few). */
  maxSubscriptions: number;
}

export const DEFAULT_BROKER_LIMITS: BrokerLimits = { maxPayload: 64 * 1024, perSecond: 20, burst: 100, maxSubscriptions: 16 };

/** A service publishes here to have the broker disconnect a device and refuse it for `seconds` (JSON `{"seconds": n}`). */
export const disconnectTopic = (deviceId: string): string => `shailoo/v1/ctl/disconnect/${deviceId}`;

/**
 * Who may do what at the embedded broker — the rules `deploy/mosquitto-acl.conf` states for
 * Mosquitto. Anonymous clients may only subscribe under `shailoo/v1/pub/`; a device (username = its
 * id) may publish only its own uplink and identification requests, within the limits, and subscribe
 * only to its own downlink; a service may do anything but `$SYS`, and may have a device disconnected
 * and banned for a while (`disconnectTopic`). A refused publish closes the client's connection
 * (MQTT 3.1.1 has no negative PUBACK); a refused subscription gets SUBACK 0x80. Runs in the
 * broker's own thread or process (broker-runner.ts).
 */
export function installBrokerAccess(broker: any, refused: (why: BrokerRefusal) => void, limits: BrokerLimits): (secret: string) => void {
  let secret: string | null = null;
  const ROOT = 'shailoo/v1/';
  const DISCONNECT = `${ROOT}ctl/disconnect/`;
  const buckets = new Map<string, TokenBucket>();
  const banned = new Map<string, number>();
  // A `service-` username is checked in the services' domain only: a device never holds a service's password.
  const password = (username: string) =>
    username.startsWith(SERVICE_PREFIX)
      ? servicePassword(secret!, username.slice(SERVICE_PREFIX.length) as ServiceName).password
      : devicePassword(secret!, username);
  const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  const withinRate = (name: string) => {
    if (limits.perSecond === null) return true;
    let bucket = buckets.get(name);
    if (!bucket) buckets.set(name, (bucket = new TokenBucket(limits.perSecond, limits.burst)));
    return bucket.take(Date.now());
  };
  const disconnect = (deviceId: string, payload: Buffer) => {
    let seconds = 600;
    try {
      seconds = Math.max(0, Number(JSON.parse(payload.toString()).seconds) || 0);
    } catch {
      // the default ban
    }
    banned.set(deviceId, Date.now() + seconds * 1000);
    for (const client of Object.values(broker.clients) as any[]) {
      if (client.access?.kind === 'device' && client.access.name === deviceId) {
        refused('disconnected');
        client.close();
      }
    }
  };
  broker.authenticate = (client: any, username: string | undefined, given: Buffer | undefined, done: (err: any, ok?: boolean) => void) => {
    if (username === undefined || username === null) {
      if (client.clean === false) {
        refused('persistent-session-not-allowed');
        const err: any = new Error('anonymous clients get clean sessions only');
        err.returnCode = 5;
        err.refusal = 'persistent-session-not-allowed';
        return done(err, false);
      }
      client.access = { kind: 'anonymous', name: '' };
      return done(null, true);
    }
    const ok = secret !== null && given !== undefined && equal(password(username), given.toString());
    const until = banned.get(username);
    const isBanned = until !== undefined && until > Date.now();
    if (!ok || isBanned) {
      const why: BrokerRefusal = secret === null ? 'not-yet-secured' : isBanned ? 'banned' : 'bad-credentials';
      refused(why);
      const err: any = new Error(isBanned ? 'banned for a while' : 'bad user name or password');
      err.returnCode = isBanned ? 5 : 4;
      err.refusal = why;
      return done(err, false);
    }
    client.access = { kind: username.startsWith('service-') ? 'service' : 'device', name: username };
    done(null, true);
  };
  // A client may send packets right behind its CONNECT without waiting for the CONNACK (MQTT
  // 3.1.1, 3.1.4), and aedes may hand them over before the CONNECT is authenticated: those wait for
  // it (a client that fails it is closed, and they with it).
  const authenticated = (client: any, fn: () => void) => (client && !client.access && typeof client.once === 'function' ? client.once('connected', fn) : fn());
  broker.authorizePublish = (client: any, packet: any, done: (err: Error | null) => void) =>
    authenticated(client, () => authorizePublish(client, packet, done));
  broker.authorizeSubscribe = (client: any, sub: any, done: (err: Error | null, sub: any) => void) =>
    authenticated(client, () => authorizeSubscribe(client, sub, done));
  const authorizePublish = (client: any, packet: any, done: (err: Error | null) => void) => {
    const topic: string = packet.topic;
    const access = client?.access ?? { kind: 'anonymous', name: '' };
    if (access.kind === 'service' && !topic.startsWith('$SYS')) {
      if (topic.startsWith(DISCONNECT)) disconnect(topic.slice(DISCONNECT.length), packet.payload);
      return done(null);
    }
    const parts = topic.split('/');
    const own =
      access.kind === 'device' &&
      topic.startsWith(ROOT) &&
      parts.length === 6 &&
      parts[4] === access.name &&
      (parts[2] === 'up' || (parts[2] === 'id' && parts[5] === 'request'));
    const why: BrokerRefusal | null = !own
      ? 'publish-not-allowed'
      : packet.retain
        ? 'retain-not-allowed'
        : packet.qos === 2
          ? 'qos2-not-allowed'
          : packet.payload.length > limits.maxPayload
            ? 'payload-too-large'
            : !withinRate(access.name)
              ? 'rate-limited'
              : null;
    if (why === null) return done(null);
    refused(why);
    // Marked as counted: aedes reports the refusal again as the client's error when it closes the connection.
    done(Object.assign(new Error(`${access.kind} ${access.name}: ${why} on ${topic}`), { refusal: why }));
  };
  const authorizeSubscribe = (client: any, sub: any, done: (err: Error | null, sub: any) => void) => {
    const access = client?.access ?? { kind: 'anonymous', name: '' };
    const filter: string = sub.topic;
    const under = (prefix: string) => filter.startsWith(prefix) && !filter.slice(0, prefix.length).includes('+');
    const allowed =
      access.kind === 'service' || (access.kind === 'device' && under(`${ROOT}down/${access.name}/`)) || (access.kind === 'anonymous' && under(`${ROOT}pub/`));
    if (!allowed) {
      refused('subscribe-not-allowed');
      return done(null, null);
    }
    if (access.kind !== 'service' && (client.subscriptionsGranted = (client.subscriptionsGranted ?? 0) + 1) > limits.maxSubscriptions) {
      refused('too-many-subscriptions');
      return done(null, null);
    }
    // Readers get what is published as it comes, at QoS 0: nothing is held back for them.
    done(null, access.kind === 'anonymous' ? { ...sub, qos: 0 } : sub);
  };
  return (s: string) => {
    secret = s;
  };
}
