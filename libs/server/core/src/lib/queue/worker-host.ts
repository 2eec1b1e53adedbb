import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_DEFINITIONS, QUEUE_NAMES, type JobName } from '@siantar/contracts';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Redis } from 'ioredis';
import { EnvSchema } from '../config/env.schema';
import { checkEvictionPolicy, createRedis } from '../redis/redis';
import { JOB_HANDLER, type JobHandler } from './job-handler';
import { buildJobRegistry, type RegisteredHandler } from './job-registry';

/** Checks a job's data against its payload class: a malformed job is failed, never retried. */
export async function validatePayload(name: string, data: unknown): Promise<object> {
  const def = (JOB_DEFINITIONS as Record<string, { payload: new () => object }>)[name];
  if (!def) throw new UnrecoverableError(`Unknown job "${name}"`);
  const payload = plainToInstance(def.payload, data);
  const errors = await validate(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const what = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new UnrecoverableError(`Invalid payload for "${name}": ${what.join('; ')}`);
  }
  return payload;
}

/** No retry is left: the attempts are spent, or the error said not to retry. */
export const isFinalFailure = (job: Pick<Job, 'attemptsMade' | 'opts'>, err: Error): boolean =>
  err instanceof UnrecoverableError ||
  err.name === 'UnrecoverableError' ||
  job.attemptsMade >= (job.opts.attempts ?? 1);

/** Discovers the @HandlesJob providers, checks the registry, and runs one BullMQ worker per queue. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: EnvSchema,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found: RegisteredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, metatype) as JobName | undefined;
      if (name)
        found.push({ name, handler: instance as JobHandler<JobName>, owner: metatype.name });
    }
    const registry = buildJobRegistry(found);

    this.connection = createRedis(this.config.REDIS_URL, 'worker', 'worker');
    await checkEvictionPolicy(this.connection, this.logger);
    for (const queue of QUEUE_NAMES) {
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = registry.get(job.name as JobName);
          if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
          const payload = await validatePayload(job.name, job.data);
          await handler.handle(payload as never, {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            log: async (line) => {
              await job.log(line);
            },
            updateProgress: (p) => job.updateProgress(p),
          });
        },
        {
          connection: this.connection,
          prefix: this.config.REDIS_PREFIX,
          concurrency: this.config.WORKER_CONCURRENCY,
          lockDuration: this.config.WORKER_LOCK_MS,
          stalledInterval: this.config.WORKER_LOCK_MS,
        },
      );
      worker.on('failed', (job, err) => {
        this.logger.warn(
          `job ${job?.name ?? '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`,
        );
        if (job && isFinalFailure(job, err)) void this.failedForGood(registry, job, err);
      });
      worker.on('error', (err) => this.logger.error(`worker error on ${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`processing queues: ${QUEUE_NAMES.join(', ')} (${registry.size} jobs)`);
  }

  private async failedForGood(
    registry: Map<JobName, JobHandler<JobName>>,
    job: Job,
    err: Error,
  ): Promise<void> {
    const handler = registry.get(job.name as JobName);
    if (!handler?.failedForGood) return;
    try {
      const payload = await validatePayload(job.name, job.data);
      await handler.failedForGood(payload as never, err.message);
    } catch (e) {
      this.logger.error(
        `recording the final failure of ${job.name} ${job.id ?? '?'}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // close() waits for running jobs to finish, so a deploy never cuts a job in half.
    await Promise.all(this.workers.map((w) => w.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
