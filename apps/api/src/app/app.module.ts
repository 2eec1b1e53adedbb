import { type DynamicModule, Module } from '@nestjs/common';
import { AssessmentModule } from '@siantar/server-assessment';
import { CoreModule, type EnvSchema } from '@siantar/server-core';
import { CatalogModule } from '@siantar/server-catalog';
import { CertificatesModule } from '@siantar/server-certificates';
import { EvaluationModule } from '@siantar/server-evaluation';
import { IdentityModule } from '@siantar/server-identity';
import { LedgerModule } from '@siantar/server-ledger';
import { LiveModule } from '@siantar/server-live';
import { NotifyModule } from '@siantar/server-notify';
import { ReportingModule } from '@siantar/server-reporting';
import { SimulationModule } from '@siantar/server-simulation';

/** The api imports domain modules only; each domain brings its controllers and services. */
@Module({})
export class AppModule {
  static forRoot(config: EnvSchema): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forApi(config),
        IdentityModule,
        CatalogModule,
        AssessmentModule,
        LedgerModule,
        ReportingModule,
        LiveModule,
        NotifyModule,
        SimulationModule,
        CertificatesModule,
        EvaluationModule,
      ],
    };
  }
}
