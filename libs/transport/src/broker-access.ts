import { createHmac, timingSafeEqual } from 'node:crypto';
import { TokenBuckets } from '@shailoo/platform';

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
export function devicePassword(secret: string, deviceId: string, generation = 0): string {
  // Generation 0 (the key it was registered with) keeps the first formula; an operator's re-keying moves it on.
  return createHmac('sha256', secret)
    .update(generation ? `device\n${deviceId}\n${generation}` : `device\n${deviceId}`)
    .digest('base64url');
}

/** A device's standing at the broker: revoked (every login refused), and its key's generation (its password follows it). */
export interface DeviceAccount {
  revoked: boolean;
  generation: number;
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

/** A client that cannot use the broker, and what to do about it. */
export class BrokerAccessError extends Error {}

/** Where a broker's secret is found, for the messages that ask for it. */
export const BROKER_SECRET_HINT =
  "set BROKER_SECRET to the tally server's (an embedded broker keeps it in broker-secret beside the server's store: ./.shailoo/broker-secret by default)";

/**
 * Each device's broker password after its registration: the one the answer carries, else derived
 * from the broker's secret where this side holds it; none on an open broker (an answer without
 * credentials). A secured broker hands a password out once, at the device's first registration:
 * registering again without the secret is an error that says so.
 */
export function registeredPasswords(
  deviceIds: readonly string[],
  credentials: Record<string, string> | undefined,
  secret: string | undefined,
): Map<string, string> {
  const passwords = new Map<string, string>();
  if (!credentials) return passwords;
  const missing: string[] = [];
  for (const id of deviceIds) {
    const password = credentials[id] ?? (secret ? devicePassword(secret, id) : undefined);
    if (password) passwords.set(id, password);
    else missing.push(id);
  }
  if (missing.length)
    throw new BrokerAccessError(
      `${missing.length} device${missing.length > 1 ? 's' : ''} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}) were registered with this tally server before, and its secured broker hands a device's password out only at the first registration: ${BROKER_SECRET_HINT}, so that their passwords can be derived`,
    );
  return passwords;
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
  /** A device an operator revoked: every login is refused. */
  | 'revoked'
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

/**
 * A service publishes a device's account here (JSON DeviceAccount) when an operator revokes it or
 * gives it a new key, and every changed device's again whenever it connects (a restarted embedded
 * broker has forgotten them).
 */
export const accountTopic = (deviceId: string): string => `shailoo/v1/ctl/account/${deviceId}`;

/** A service publishes here to have the broker disconnect a device and refuse it for `seconds` (JSON `{"seconds": n}`). */
export const disconnectTopic = (deviceId: string): string => `shailoo/v1/ctl/disconnect/${deviceId}`;

type Access = { kind: 'anonymous' | 'device' | 'service'; name: string };
type Done = (err: Error | null) => void;

const ROOT = 'shailoo/v1/';
const DISCONNECT = `${ROOT}ctl/disconnect/`;
const ACCOUNT = `${ROOT}ctl/account/`;
const ANONYMOUS: Access = { kind: 'anonymous', name: '' };

/** A refusal of a CONNECT, as aedes answers it: its CONNACK return code, and the reason counted. */
function connectRefusal(why: BrokerRefusal, message: string, returnCode: 4 | 5): Error {
  return Object.assign(new Error(message), { returnCode, refusal: why });
}

/**
 * Why a device's (or an anonymous client's) publish is refused, or null when it may go: a device
 * publishes only its own uplink (`shailoo/v1/up/<election>/<device>/<kind>`) and identification
 * requests (`shailoo/v1/id/<election>/<device>/request`), never retained, never QoS 2, within the
 * payload limit and its rate.
 */
export function publishRefusal(
  access: Access,
  packet: { topic: string; retain?: boolean; qos?: number; payload: { length: number } },
  maxPayload: number,
  withinRate: () => boolean,
): BrokerRefusal | null {
  const parts = packet.topic.split('/');
  const own =
    access.kind === 'device' &&
    packet.topic.startsWith(ROOT) &&
    parts.length === 6 &&
    parts[4] === access.name &&
    (parts[2] === 'up' || (parts[2] === 'id' && parts[5] === 'request'));
  if (!own) return 'publish-not-allowed';
  if (packet.retain) return 'retain-not-allowed';
  if (packet.qos === 2) return 'qos2-not-allowed';
  if (packet.payload.length > maxPayload) return 'payload-too-large';
  return withinRate() ? null : 'rate-limited';
}

/**
 * Who may do what at the embedded broker — the rules `deploy/broker/mosquitto-acl.conf` states for
 * Mosquitto. Anonymous clients may only subscribe under `shailoo/v1/pub/`; a device (username = its
 * id) may publish only its own uplink and identification requests, within the limits, and subscribe
 * only to its own downlink; a service may do anything but `$SYS`, and may have a device disconnected
 * and banned for a while (`disconnectTopic`). A refused publish closes the client's connection
 * (MQTT 3.1.1 has no negative PUBACK); a refused subscription gets SUBACK 0x80. Runs in the
 * broker's own thread or process (broker-runner.ts).
 */
export class BrokerAccess {
  private secret: string | null = null;
  private readonly buckets: TokenBuckets | null;
  private readonly banned = new Map<string, number>();
  private readonly accounts = new Map<string, DeviceAccount>();

  constructor(
    private readonly broker: any,
    private readonly refused: (why: BrokerRefusal) => void,
    private readonly limits: BrokerLimits,
  ) {
    this.buckets = limits.perSecond === null ? null : new TokenBuckets(limits.perSecond, limits.burst);
  }

  /** Puts the rules on an aedes instance; returns how to give it its secret (until then every login is refused). */
  static install(broker: any, refused: (why: BrokerRefusal) => void, limits: BrokerLimits): (secret: string) => void {
    const access = new BrokerAccess(broker, refused, limits);
    broker.authenticate = (client: any, username: string | undefined, given: Buffer | undefined, done: (err: any, ok?: boolean) => void) =>
      access.authenticate(client, username, given, done);
    broker.authorizePublish = (client: any, packet: any, done: Done) => afterConnect(client, () => access.authorizePublish(client, packet, done));
    broker.authorizeSubscribe = (client: any, sub: any, done: (err: Error | null, sub: any) => void) =>
      afterConnect(client, () => access.authorizeSubscribe(client, sub, done));
    return (secret: string) => {
      access.secret = secret;
    };
  }

  authenticate(client: any, username: string | undefined, given: Buffer | undefined, done: (err: any, ok?: boolean) => void): void {
    if (username === undefined || username === null) {
      if (client.clean === false) {
        this.refused('persistent-session-not-allowed');
        return done(connectRefusal('persistent-session-not-allowed', 'anonymous clients get clean sessions only', 5), false);
      }
      client.access = ANONYMOUS;
      return done(null, true);
    }
    const ok = this.secret !== null && given !== undefined && equal(this.password(username), given.toString());
    const until = this.banned.get(username);
    const isBanned = until !== undefined && until > Date.now();
    const revoked = ok && !username.startsWith(SERVICE_PREFIX) && this.accounts.get(username)?.revoked === true;
    if (!ok || isBanned || revoked) {
      const why: BrokerRefusal = this.secret === null ? 'not-yet-secured' : revoked ? 'revoked' : isBanned ? 'banned' : 'bad-credentials';
      this.refused(why);
      const message = revoked ? 'this device was revoked' : isBanned ? 'banned for a while' : 'bad user name or password';
      return done(connectRefusal(why, message, revoked || isBanned ? 5 : 4), false);
    }
    client.access = { kind: username.startsWith(SERVICE_PREFIX) ? 'service' : 'device', name: username };
    done(null, true);
  }

  authorizePublish(client: any, packet: any, done: Done): void {
    const topic: string = packet.topic;
    const access: Access = client?.access ?? ANONYMOUS;
    if (access.kind === 'service' && !topic.startsWith('$SYS')) {
      if (topic.startsWith(DISCONNECT)) this.disconnect(topic.slice(DISCONNECT.length), packet.payload);
      if (topic.startsWith(ACCOUNT)) this.account(topic.slice(ACCOUNT.length), packet.payload);
      return done(null);
    }
    const why = publishRefusal(access, packet, this.limits.maxPayload, () => this.withinRate(access.name));
    if (why === null) return done(null);
    this.refused(why);
    // Marked as counted: aedes reports the refusal again as the client's error when it closes the connection.
    done(Object.assign(new Error(`${access.kind} ${access.name}: ${why} on ${topic}`), { refusal: why }));
  }

  authorizeSubscribe(client: any, sub: any, done: (err: Error | null, sub: any) => void): void {
    const access: Access = client?.access ?? ANONYMOUS;
    const filter: string = sub.topic;
    const under = (prefix: string) => filter.startsWith(prefix) && !filter.slice(0, prefix.length).includes('+');
    const allowed =
      access.kind === 'service' || (access.kind === 'device' && under(`${ROOT}down/${access.name}/`)) || (access.kind === 'anonymous' && under(`${ROOT}pub/`));
    if (!allowed) {
      this.refused('subscribe-not-allowed');
      return done(null, null);
    }
    if (access.kind !== 'service' && (client.subscriptionsGranted = (client.subscriptionsGranted ?? 0) + 1) > this.limits.maxSubscriptions) {
      this.refused('too-many-subscriptions');
      return done(null, null);
    }
    // Readers get what is published as it comes, at QoS 0: nothing is held back for them.
    done(null, access.kind === 'anonymous' ? { ...sub, qos: 0 } : sub);
  }

  /** A `service-` username is checked in the services' domain only: a device never holds a service's password. */
  private password(username: string): string {
    return username.startsWith(SERVICE_PREFIX)
      ? servicePassword(this.secret!, username.slice(SERVICE_PREFIX.length) as ServiceName).password
      : devicePassword(this.secret!, username, this.accounts.get(username)?.generation ?? 0);
  }

  /** A service's word on a device's account: from now on its logins are checked against it; a revoked device's connections close. */
  private account(deviceId: string, payload: Buffer): void {
    let account: DeviceAccount;
    try {
      const { revoked, generation } = JSON.parse(payload.toString());
      account = { revoked: revoked === true, generation: Number.isInteger(generation) && generation >= 0 ? generation : 0 };
    } catch {
      return;
    }
    this.accounts.set(deviceId, account);
    if (account.revoked) this.closeDevice(deviceId);
  }

  private closeDevice(deviceId: string): void {
    for (const client of Object.values(this.broker.clients) as any[]) {
      if (client.access?.kind === 'device' && client.access.name === deviceId) {
        this.refused('disconnected');
        client.close();
      }
    }
  }

  private withinRate(name: string): boolean {
    return this.buckets?.take(name, Date.now()) ?? true;
  }

  /** A service's order: close the device's connections and refuse it for the seconds asked (10 minutes when unreadable). */
  private disconnect(deviceId: string, payload: Buffer): void {
    let seconds = 600;
    try {
      seconds = Math.max(0, Number(JSON.parse(payload.toString()).seconds) || 0);
    } catch {
      // the default ban
    }
    this.banned.set(deviceId, Date.now() + seconds * 1000);
    this.closeDevice(deviceId);
  }
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A client may send packets right behind its CONNECT without waiting for the CONNACK (MQTT 3.1.1,
 * 3.1.4), and aedes may hand them over before the CONNECT is authenticated: those wait for it (a
 * client that fails it is closed, and they with it).
 */
const afterConnect = (client: any, fn: () => void) => (client && !client.access && typeof client.once === 'function' ? client.once('connected', fn) : fn());
