import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { JOB_DEFINITIONS, type JobName, type JobPayload, type QueueName } from '@siantar/contracts';
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { EnvSchema } from '../config/env.schema';
import { createRedis } from '../redis/redis';
import { assertJobId } from './queue-keys';

export interface EnqueueOptions {
  /** Derived from the business key: enqueuing the same id again is a no-op while the job exists. */
  jobId: string;
  delayMs?: number;
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** The one producer: `enqueue` only accepts the payload type its job name is tied to. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: EnvSchema) {
    this.connection = createRedis(config.REDIS_URL, 'client', 'producer');
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.config.REDIS_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, q);
    }
    return q;
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions,
  ): Promise<void> {
    assertJobId(options.jobId);
    const def = JOB_DEFINITIONS[name];
    await this.queue(def.queue).add(
      name,
      { ...payload },
      {
        jobId: options.jobId,
        delay: options.delayMs,
      },
    );
  }

  /**
   * Keeps a repeating job in Redis under a stable scheduler id (cron, Asia/Jakarta time):
   * called at every worker start, it changes nothing when the schedule is the same.
   */
  async keepSchedule(id: string, pattern: string, name: JobName): Promise<void> {
    await this.queue(JOB_DEFINITIONS[name].queue).upsertJobScheduler(
      id,
      { pattern, tz: 'Asia/Jakarta' },
      { name, data: {} },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
