import { INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { availableParallelism } from 'node:os';
import { InlineVerifier, WorkerVerifier } from '../../../libs/platform/src/signature-verifier';
import { Database, DATABASE } from '../../../libs/persistence/src';
import { ElectionRegistry } from '../../../libs/persistence/src/election-registry';
import { BinaryMqttServer } from '../../../libs/transport/src/binary-mqtt-server';
import { connectMqtt, uniqueClientId } from '../../../libs/transport/src/mqtt-connection';
import { IdentificationController } from './identification.controller';
import { IDENTIFICATION_CLIENT, IDENTIFICATION_CONFIG, IDENTIFICATION_VERIFIER, IdentificationConfig, IdentificationService } from './identification.service';

@Module({})
class IdentificationModule {}

export interface IdentificationHandle {
  app: INestMicroservice;
  service: IdentificationService;
  registry: ElectionRegistry;
  close(): Promise<void>;
}

/**
 * Starts the identification service: a Nest microservice on the binary-safe MQTT server, on an
 * open store (the tally server's, or its own) whose elections and devices it loads.
 */
export async function startIdentificationService(config: IdentificationConfig, database: Database): Promise<IdentificationHandle> {
  const client = await connectMqtt(config.mqttUrl, { clientId: uniqueClientId('identification-responder') });
  const app = await NestFactory.createMicroservice(
    {
      module: IdentificationModule,
      controllers: [IdentificationController],
      providers: [
        { provide: IDENTIFICATION_CONFIG, useValue: config },
        { provide: DATABASE, useValue: database },
        { provide: IDENTIFICATION_CLIENT, useValue: client },
        { provide: IDENTIFICATION_VERIFIER, useFactory: () => (availableParallelism() > 1 ? new WorkerVerifier(1) : new InlineVerifier()) },
        ElectionRegistry,
        IdentificationService,
      ],
    },
    {
      strategy: new BinaryMqttServer({ url: config.mqttUrl, clientId: uniqueClientId('identification'), protocolVersion: 4, reconnectPeriod: 500, subscribeOptions: { qos: 1 } }),
      logger: false,
    },
  );
  const registry = app.get(ElectionRegistry);
  await registry.load();
  await app.listen();
  return { app, service: app.get(IdentificationService), registry, close: () => app.close() };
}
