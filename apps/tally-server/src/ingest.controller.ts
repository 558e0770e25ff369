import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MqttContext, Payload } from '@nestjs/microservices';
import { Topics } from '@shailoo/contracts';
import { IngestService } from './ingest.service';

/** Every uplink message over MQTT, as raw bytes (see BinaryMqttServer). */
@Controller()
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @EventPattern(Topics.uplinkFilter, { qos: 1 })
  async onUplink(@Payload() payload: Buffer, @Ctx() context: MqttContext): Promise<void> {
    await this.ingest.ingest(context.getTopic(), Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload)));
  }
}
