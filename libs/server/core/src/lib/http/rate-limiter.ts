import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { EnvSchema } from '../config/env.schema';
import { InjectRedis } from '../redis/redis.module';

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, so the limit holds across every api process.
 * Lua keeps increment and expiry atomic.
 */
@Injectable()
export class RateLimiter {
  private static readonly SCRIPT = `
    local n = redis.call('INCR', KEYS[1])
    if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
    return { n, redis.call('PTTL', KEYS[1]) }`;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: EnvSchema,
  ) {}

  async hit(bucket: string, limit: number, windowMs: number): Promise<RateDecision> {
    const key = `${this.config.REDIS_PREFIX}:rl:${bucket}`;
    const [count, ttl] = (await this.redis.eval(RateLimiter.SCRIPT, 1, key, windowMs)) as [
      number,
      number,
    ];
    return {
      allowed: count <= limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)),
    };
  }
}
