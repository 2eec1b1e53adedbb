import { type DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type EnvSchema } from '@siantar/server-core';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { IdentityJobsModule } from '@siantar/server-identity';

/** The worker imports only the domains' jobs modules. */
@Module({})
export class WorkerModule {
  static forRoot(config: EnvSchema): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forWorker(config), IdentityJobsModule, CatalogJobsModule] };
  }
}
