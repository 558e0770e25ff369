import { Clock } from '@shailoo/platform';
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, MqttContext, Payload } from '@nestjs/microservices';
import { parseUplinkTopic, Topics } from '@shailoo/contracts';
import { DeviceConduct } from '@shailoo/registry';
import { IngestService } from './ingest.service';
import { Publisher } from './publisher';
import { storable } from './quarantine';
import { TALLY_SETTINGS, TallySettings, TIMERS } from './tally-config';
import { TallyMetrics } from './tally-metrics';

/**
 * Every uplink message over MQTT, as raw bytes (see BinaryMqttServer). A device's conduct is
 * checked before the pipeline sees the message: oversized, over-rate and banned devices' messages
 * are dropped (counted, logged, never acknowledged), and a device that keeps sending what the
 * pipeline refuses is banned and, where the broker obeys, disconnected.
 */
@Controller()
export class IngestController {
  private readonly logger = new Logger('Ingest');
  private readonly conduct: DeviceConduct;
  /** Messages taken and not yet through the pipeline (stored and acknowledged, or refused). */
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly ingest: IngestService,
    private readonly publisher: Publisher,
    private readonly metrics: TallyMetrics,
    @Inject(TALLY_SETTINGS) private readonly settings: TallySettings,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {
    this.conduct = new DeviceConduct(settings.conduct);
  }

  @EventPattern(Topics.uplinkFilter, { qos: 1 })
  async onUplink(@Payload() payload: Buffer, @Ctx() context: MqttContext): Promise<void> {
    // Once stopping, a message is left alone: never acknowledged, so its device sends it again (to another instance or the next start).
    if (this.stopped) return;
    const work = this.take(payload, context);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** Takes no more messages and resolves when every one taken is through the pipeline (its batch committed, its ack handed to the publisher). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private async take(payload: Buffer, context: MqttContext): Promise<void> {
    const topic = context.getTopic();
    const raw = Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload));
    const device = parseUplinkTopic(topic)?.deviceId ?? '';
    const now = this.timers.now();
    const verdict = this.conduct.admit(device, raw.length, now);
    if (verdict !== 'admit') {
      this.metrics.dropped.inc({ reason: verdict });
      if (this.conduct.shouldLog(device, now))
        this.logger.warn(JSON.stringify({ event: 'dropped', reason: verdict, topic: storable(topic), bytes: raw.length }));
      return;
    }
    const outcome = await this.ingest.ingest(topic, raw);
    if (outcome.status === 'rejected' && this.conduct.refused(device, raw.length, this.timers.now())) {
      const { garbageLimit, garbageBytes, garbageWindowMs, banMs } = this.settings.conduct;
      this.metrics.banned.inc();
      this.logger.warn(
        JSON.stringify({
          event: 'device-banned',
          device: storable(device),
          refused: garbageLimit,
          orBytes: garbageBytes,
          withinMs: garbageWindowMs,
          forMs: banMs,
        }),
      );
      this.publisher.disconnect(device, banMs / 1000);
    }
  }
}
