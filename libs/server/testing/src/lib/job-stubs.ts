import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { JOB_NAMES, type JobName } from '@siantar/contracts';
import { HandlesJob, type JobHandler } from '@siantar/server-core';

@Module({})
class JobStubsModule {}

/**
 * No-op handlers for every job except those under test, so that a test worker
 * with only some domains' jobs modules passes the "every job has a handler" check.
 */
export function jobStubsExcept(...tested: JobName[]): DynamicModule {
  const providers = JOB_NAMES.filter((n) => !tested.includes(n)).map((name) => {
    @Injectable()
    @HandlesJob(name)
    class Stub implements JobHandler<JobName> {
      async handle(): Promise<void> {
        /* not under test here */
      }
    }
    Object.defineProperty(Stub, 'name', { value: `Stub(${name})` });
    return Stub;
  });
  return { module: JobStubsModule, providers };
}
