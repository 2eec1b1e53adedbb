import { type DynamicModule, Module } from '@nestjs/common';
import { AssessmentJobsModule } from '@siantar/server-assessment';
import { CoreModule, type EnvSchema } from '@siantar/server-core';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { CertificatesJobsModule } from '@siantar/server-certificates';
import { EvaluationJobsModule } from '@siantar/server-evaluation';
import { IdentityJobsModule } from '@siantar/server-identity';
import { LiveJobsModule } from '@siantar/server-live';
import { NotifyJobsModule } from '@siantar/server-notify';
import { ReportingJobsModule } from '@siantar/server-reporting';

/** Every domain's jobs module: the worker runs all of them and nothing else. */
export const WORKER_JOB_MODULES = [
  IdentityJobsModule,
  CatalogJobsModule,
  AssessmentJobsModule,
  ReportingJobsModule,
  LiveJobsModule,
  NotifyJobsModule,
  CertificatesJobsModule,
  EvaluationJobsModule,
];

/** The worker imports only the domains' jobs modules. */
@Module({})
export class WorkerModule {
  static forRoot(config: EnvSchema): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forWorker(config), ...WORKER_JOB_MODULES] };
  }
}
