import { DynamicModule, Module } from '@nestjs/common';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry } from '../../../libs/persistence/src/election-registry';
import { ChangeFeed } from './change-feed';
import { ElectionsController, OperationsController } from './elections.controller';
import { ExportsController } from './exports.controller';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { Publisher } from './publisher';
import { Quarantine } from './quarantine';
import { SubmissionStore } from './submission-store';
import { InlineVerifier, WorkerVerifier } from '../../../libs/platform/src/signature-verifier';
import { DATABASE, SIGNATURE_VERIFIER, TALLY_CONFIG, TallyConfig } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';

@Module({})
export class TallyServerModule {
  static forRoot(config: TallyConfig, database: Database): DynamicModule {
    return {
      module: TallyServerModule,
      controllers: [ElectionsController, ExportsController, OperationsController, IngestController],
      providers: [
        { provide: TALLY_CONFIG, useValue: config },
        { provide: DATABASE, useValue: database },
        {
          provide: SIGNATURE_VERIFIER,
          useFactory: () => (config.verifierThreads > 0 ? new WorkerVerifier(config.verifierThreads) : new InlineVerifier()),
        },
        TallyMetrics,
        ElectionRegistry,
        SubmissionStore,
        ChangeFeed,
        TallyService,
        Quarantine,
        Publisher,
        IngestService,
      ],
      exports: [ElectionRegistry, TallyService, IngestService, SubmissionStore, TallyMetrics],
    };
  }
}
