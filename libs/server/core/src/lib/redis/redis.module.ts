import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { EnvSchema } from '../config/env.schema';
import { createRedis } from './redis';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** A shared general-purpose client for rate limits, health checks and small counters. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [EnvSchema],
      useFactory: (config: EnvSchema) => createRedis(config.REDIS_URL, 'client', 'app'),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
