import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MqttClient } from 'mqtt';
import { ElectionResults, Topics, v1 } from '@shailoo/contracts';
import { TerritoryResults } from '@shailoo/election';
import { Clock, Timer } from '@shailoo/platform';
import { Submission } from '@shailoo/persistence';
import { ElectionRegistry, RegisteredDevice } from '@shailoo/registry';
import { accountTopic, connectMqtt, DeviceAccount, disconnectTopic, uniqueClientId } from '@shailoo/transport';
import { ChangeFeed } from './change-feed';
import { ELECTION_CLOCK, TALLY_SETTINGS, TallySettings, TIMERS } from './tally-config';
import { TallyService } from './tally.service';

/** How long a shutdown waits for the broker to take the last acks. */
const LAST_ACKS_MS = 2000;

/** What the publisher needs of an MQTT client. */
export type PublisherClient = Pick<MqttClient, 'publish' | 'on' | 'connected' | 'endAsync'>;

/**
 * Everything the server sends: acknowledgements to devices, and after changes the retained
 * aggregates of the election and of each territory above the precincts (precincts are served
 * over HTTP), at most once per publish interval.
 */
@Injectable()
export class Publisher implements OnModuleDestroy {
  private readonly logger = new Logger('Publisher');
  private client: PublisherClient | null = null;
  /** Whether this instance publishes the retained aggregates: from start when alone, one at a time when several share a database. */
  private leading = false;
  private readonly scheduled = new Map<string, Timer>();
  private readonly lastPublished = new Map<string, number>();
  /** Territories changed since the last publication, per election. */
  private readonly dirty = new Map<string, Set<string>>();
  /** Acks sent and not yet taken by the broker (its PUBACK), and who waits for them at shutdown. */
  private unconfirmedAcks = 0;
  private acksConfirmed: (() => void) | null = null;

  constructor(
    @Inject(TALLY_SETTINGS) private readonly settings: Pick<TallySettings, 'mqttUrl' | 'mqttCa' | 'publishIntervalMs'>,
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
    @Inject(TIMERS) private readonly timers: Clock,
    private readonly tally: TallyService,
    private readonly registry: ElectionRegistry,
    private readonly feed: ChangeFeed,
  ) {}

  async connect(): Promise<void> {
    this.client = await this.createClient();
    this.client.on('error', (err) => this.logger.error(`MQTT: ${err.message}`));
    // Back after the broker restarted: it may have lost its retained messages (no persistence), so the publisher sends them all again.
    // A restarted embedded broker has also forgotten which devices are revoked or re-keyed: each is told again.
    this.client.on('connect', () => {
      this.lead(this.leading);
      this.accounts();
    });
    this.accounts();
  }

  /** Tells the broker every device revoked or re-keyed. */
  private accounts(): void {
    for (const id of this.registry.deviceIds()) {
      const d = this.registry.device(id)!;
      if (d.revokedAt !== null || d.generation) this.account(d);
    }
  }

  /** The MQTT client everything is sent through: the hook a spec overrides with a fake (as nest's ClientMqtt.createClient). */
  protected createClient(): Promise<PublisherClient> {
    const ca = this.settings.mqttCa;
    return connectMqtt(this.settings.mqttUrl, { clientId: uniqueClientId('tally-publisher'), ...(ca ? { ca } : {}) });
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  ack(ack: v1.IAck): void {
    if (!this.client) return;
    this.unconfirmedAcks++;
    this.client.publish(Topics.ack(ack.deviceId!), Buffer.from(v1.Ack.encode(ack).finish()), { qos: 1 }, () => {
      if (--this.unconfirmedAcks === 0) this.acksConfirmed?.();
    });
  }

  /** Another instance publishes the aggregates (false), or this one does from now on (true: everything again, at once). */
  lead(leading: boolean): void {
    this.leading = leading;
    if (leading) for (const e of this.registry.allElections()) this.republish(e.definition.id);
  }

  /** Asks the broker to disconnect a device and refuse it for a while (the embedded broker obeys; Mosquitto has no such topic). */
  disconnect(deviceId: string, seconds: number): void {
    this.client?.publish(disconnectTopic(deviceId), JSON.stringify({ seconds }), { qos: 1 });
  }

  /** Tells the broker a device's account: revoked (its logins refused, its connections closed) or its key's generation (its password). */
  account(device: Pick<RegisteredDevice, 'id' | 'revokedAt' | 'generation'>): void {
    const account: DeviceAccount = { revoked: device.revokedAt !== null, generation: device.generation };
    this.client?.publish(accountTopic(device.id), JSON.stringify(account), { qos: 1 });
  }

  /** A stored message changed the tally: tell the event stream now, the retained topics soon. */
  changed(s: Pick<Submission, 'electionId' | 'precinctId' | 'deviceId' | 'sequence' | 'kind'>): void {
    this.feed.emit({
      electionId: s.electionId,
      type: 'submission',
      // `at`: when the server stored it (its wall clock, ms), so a page can measure how late it shows it.
      data: { kind: s.kind, precinctId: s.precinctId, deviceId: s.deviceId, sequence: s.sequence, at: Date.now() },
    });
    const ancestors = this.registry.election(s.electionId)?.ancestors.get(s.precinctId) ?? [];
    let dirty = this.dirty.get(s.electionId);
    if (!dirty) this.dirty.set(s.electionId, (dirty = new Set()));
    for (const id of ancestors) dirty.add(id);
    this.schedule(s.electionId);
  }

  /** An operator closed the count (or reopened it): tell the event stream, and publish the figures that now hold. */
  closed(electionId: string, closed = true): void {
    this.feed.emit({ electionId, type: closed ? 'closed' : 'reopened', data: { by: 'operator' } });
    this.republish(electionId);
  }

  /** Publishes everything of an election again (after a restart or an operator's close). */
  republish(electionId: string): void {
    this.dirty.set(
      electionId,
      new Set(
        this.tally
          .territories(electionId)
          .filter((t) => t.level !== 'precinct')
          .map((t) => t.territoryId),
      ),
    );
    this.schedule(electionId);
  }

  private schedule(electionId: string): void {
    if (this.scheduled.has(electionId)) return;
    const timers = this.timers;
    const wait = Math.max(0, (this.lastPublished.get(electionId) ?? 0) + this.settings.publishIntervalMs - timers.now());
    this.scheduled.set(
      electionId,
      timers.setTimeout(() => this.flush(electionId), wait),
    );
  }

  private flush(electionId: string): void {
    this.scheduled.delete(electionId);
    this.lastPublished.set(electionId, this.timers.now());
    const dirty = this.dirty.get(electionId) ?? new Set<string>();
    this.dirty.delete(electionId);
    const root = this.tally.results(electionId);
    if (!root || !this.client) return;
    if (this.leading) {
      // One election's failure stays its own: the others are published, the server goes on.
      try {
        this.client.publish(Topics.aggregate(electionId), this.encode(electionId, root), { qos: 1, retain: true });
        for (const id of dirty) {
          const t = this.tally.results(electionId, id);
          if (t) this.client.publish(Topics.territory(electionId, id), this.encode(electionId, t), { qos: 1, retain: true });
        }
      } catch (err) {
        this.logger.error(JSON.stringify({ event: 'publish-failed', electionId, error: (err as Error).message }));
      }
    }
    this.feed.emit({
      electionId,
      type: 'results',
      data: {
        precinctsReporting: root.precinctsReporting,
        precinctsTotal: root.precinctsTotal,
        turnout: root.turnout,
        seatsStatus: root.seatsStatus,
        parties: root.parties,
      },
    });
  }

  private encode(electionId: string, r: TerritoryResults & Partial<Pick<ElectionResults, 'parties' | 'definitionHash'>>): Buffer {
    const parties = (which: 'preliminary' | 'final') =>
      (r.parties ?? []).map((p) => ({ partyId: p.id, name: p.name, votes: r[which].votes[p.id] ?? 0, seats: p.seats ?? 0 }));
    return Buffer.from(
      v1.ElectionAggregate.encode({
        electionId,
        definitionHash: Buffer.from(r.definitionHash ?? '', 'hex'),
        territoryId: r.territoryId,
        level: r.level,
        precinctsReporting: r.precinctsReporting,
        precinctsTotal: r.precinctsTotal,
        registeredVoters: r.registeredVoters,
        ballotsInBox: r.preliminary.ballotsInBox,
        invalidBallots: r.preliminary.invalidBallots,
        againstAll: r.preliminary.againstAll,
        parties: parties('preliminary'),
        finalParties: parties('final'),
        finalPrecincts: r.precinctsWithProtocol,
        updatedAtMs: this.clock.now(),
      }).finish(),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const [electionId, timer] of this.scheduled) {
      this.timers.clearTimeout(timer);
      this.flush(electionId);
    }
    this.scheduled.clear();
    // The last acks are given a moment to reach the broker (a device not acknowledged sends again,
    // so this only spares resends), then the connection ends forced: an aggregate still queued after
    // a broker restart must not hold the shutdown (mqtt.js waits for every in-flight QoS 1 publish
    // otherwise); the next start republishes them all.
    if (this.unconfirmedAcks) {
      await new Promise<void>((resolve) => {
        const timer = this.timers.setTimeout(resolve, LAST_ACKS_MS);
        this.acksConfirmed = () => {
          this.timers.clearTimeout(timer);
          resolve();
        };
      });
    }
    await this.client?.endAsync(true);
  }
}
