import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { Database, DATABASE, ElectionRepository, AuditRepository, OperatorRepository, RejectionRepository, SubmissionRepository } from '@shailoo/persistence';
import { createSignatureVerifier } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { BrokerAccounts } from './broker-accounts';
import { ChangeFeed } from './change-feed';
import { ElectionsController } from './elections.controller';
import { OperationsController } from './operations.controller';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { Health } from './health';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { LivePage } from './live-page';
import { LivePageController } from './live-page.controller';
import { LogFollower } from './log-follower';
import { OperatorAuth, OperatorGuard } from './operator-auth';
import { Publisher } from './publisher';
import { Quarantine } from './quarantine';
import { SubmissionStore } from './submission-store';
import { ELECTION_CLOCK, SIGNATURE_VERIFIER, TALLY_SETTINGS, TallyCollaborators, TallySettings, TIMERS, TRACER } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';
import { ViewCache } from './view-cache';

/**
 * What a composition adds to a tally server from outside — the scenario runner's trainer's console,
 * say: controllers and their providers, in the server's own module, so they may use its operator
 * guard, its change feed and its repositories. A CEC server has none.
 */
export interface TallyServerExtension {
  controllers?: Type[];
  providers?: Provider[];
}

@Module({})
export class TallyServerModule {
  static forRoot(settings: TallySettings, collaborators: TallyCollaborators, database: Database, extension: TallyServerExtension = {}): DynamicModule {
    return {
      module: TallyServerModule,
      controllers: [ElectionsController, ExportsController, OperationsController, IngestController, LivePageController, ...(extension.controllers ?? [])],
      providers: [
        { provide: TALLY_SETTINGS, useValue: settings },
        { provide: ELECTION_CLOCK, useValue: collaborators.clock },
        { provide: TIMERS, useValue: collaborators.timers },
        { provide: TRACER, useValue: collaborators.tracer ?? null },
        { provide: DATABASE, useValue: database },
        { provide: SIGNATURE_VERIFIER, useFactory: () => createSignatureVerifier(settings.verifierThreads) },
        ElectionRepository,
        SubmissionRepository,
        RejectionRepository,
        OperatorRepository,
        AuditRepository,
        OperatorAuth,
        OperatorGuard,
        TallyMetrics,
        ElectionRegistry,
        BrokerAccounts,
        SubmissionStore,
        ChangeFeed,
        TallyService,
        Quarantine,
        Publisher,
        IngestService,
        LogFollower,
        Health,
        ExportsService,
        LivePage,
        ViewCache,
        ...(extension.providers ?? []),
      ],
      exports: [ElectionRegistry, TallyService, IngestService, SubmissionStore, TallyMetrics, SubmissionRepository, RejectionRepository, OperatorRepository],
    };
  }
}
