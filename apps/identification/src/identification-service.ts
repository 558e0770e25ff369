import { INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { availableParallelism } from 'node:os';
import { Database, DATABASE, ElectionRepository, IdentificationRepository } from '@shailoo/persistence';
import { createSignatureVerifier } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { BinaryMqttServer, connectMqtt, uniqueClientId } from '@shailoo/transport';
import { IdentificationController } from './identification.controller';
import { IDENTIFICATION_CLIENT, IDENTIFICATION_CONFIG, IDENTIFICATION_VERIFIER, IdentificationConfig, IdentificationService } from './identification.service';

/** How often the service reads which devices were revoked or re-keyed since (real time, ms). */
const DEVICE_FOLLOW_MS = 2000;

@Module({})
class IdentificationModule {}

export interface IdentificationHandle {
  app: INestMicroservice;
  service: IdentificationService;
  registry: ElectionRegistry;
  identifications: IdentificationRepository;
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
        { provide: IDENTIFICATION_VERIFIER, useFactory: () => createSignatureVerifier(availableParallelism() > 1 ? 1 : 0) },
        ElectionRepository,
        IdentificationRepository,
        ElectionRegistry,
        IdentificationService,
      ],
    },
    { strategy: BinaryMqttServer.forBroker(config.mqttUrl, 'identification'), logger: false },
  );
  const registry = app.get(ElectionRegistry);
  await registry.load();
  await app.listen();
  // Devices an operator revoked or re-keyed at the tally server: refused (or taken with their new key) here within seconds.
  let following = Promise.resolve();
  const follow = setInterval(() => {
    following = following.then(() => registry.followDevices().then(() => undefined)).catch(() => undefined);
  }, DEVICE_FOLLOW_MS);
  follow.unref();
  return {
    app,
    service: app.get(IdentificationService),
    registry,
    identifications: app.get(IdentificationRepository),
    close: async () => {
      clearInterval(follow);
      await following;
      await app.close();
    },
  };
}
