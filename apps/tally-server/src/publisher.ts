import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MqttClient } from 'mqtt';
import { Topics, v1 } from '../../../libs/contracts/src';
import { connectMqtt, uniqueClientId } from '../../../libs/transport/src/mqtt-connection';
import { TallyService } from './tally.service';
import { TALLY_CONFIG, TallyConfig } from './tally-config';

/** Everything the server sends: acknowledgements to devices and the retained aggregates. */
@Injectable()
export class Publisher implements OnModuleDestroy {
  private readonly logger = new Logger('Publisher');
  private client: MqttClient | null = null;
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly lastPublished = new Map<string, number>();

  constructor(
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    private readonly tally: TallyService,
  ) {}

  async connect(): Promise<void> {
    this.client = await connectMqtt(this.config.mqttUrl, { clientId: uniqueClientId('tally-publisher') });
    this.client.on('error', (err) => this.logger.error(`MQTT: ${err.message}`));
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  ack(ack: v1.IAck): void {
    this.client?.publish(Topics.ack(ack.deviceId!), Buffer.from(v1.Ack.encode(ack).finish()), { qos: 1 });
  }

  /** Publishes the election's aggregate now or, if one went out recently, once the interval has passed. */
  aggregateChanged(electionId: string): void {
    if (this.scheduled.has(electionId)) return;
    const wait = Math.max(0, (this.lastPublished.get(electionId) ?? 0) + this.config.publishIntervalMs - Date.now());
    this.scheduled.set(
      electionId,
      setTimeout(() => {
        this.scheduled.delete(electionId);
        this.lastPublished.set(electionId, Date.now());
        this.publishAggregate(electionId);
      }, wait),
    );
  }

  publishAggregate(electionId: string): void {
    const r = this.tally.results(electionId);
    if (!r || !this.client) return;
    const message = v1.ElectionAggregate.encode({
      electionId,
      definitionHash: Buffer.from(r.definitionHash, 'hex'),
      precinctsReporting: r.precinctsReporting,
      precinctsTotal: r.precinctsTotal,
      registeredVoters: r.registeredVoters,
      ballotsInBox: r.ballotsInBox,
      invalidBallots: r.invalidBallots,
      againstAll: r.againstAll,
      parties: r.parties.map((p) => ({ partyId: p.id, name: p.name, votes: p.votes, seats: p.seats ?? 0 })),
      updatedAtMs: this.config.clock.now(),
    }).finish();
    this.client.publish(Topics.aggregate(electionId), Buffer.from(message), { qos: 1, retain: true });
  }

  async onModuleDestroy(): Promise<void> {
    for (const [electionId, timer] of this.scheduled) {
      clearTimeout(timer);
      this.publishAggregate(electionId);
    }
    this.scheduled.clear();
    await this.client?.endAsync();
  }
}
