import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MqttContext, Payload } from '@nestjs/microservices';
import { Topics } from '@shailoo/contracts';
import { IdentificationService } from './identification.service';

/** Identification requests over MQTT, as raw bytes (see BinaryMqttServer). */
@Controller()
export class IdentificationController {
  constructor(private readonly identification: IdentificationService) {}

  @EventPattern(Topics.identifyFilter, { qos: 1 })
  async onRequest(@Payload() payload: Buffer, @Ctx() context: MqttContext): Promise<void> {
    await this.identification.identify(context.getTopic(), Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload)));
  }
}
