import { Injectable } from '@nestjs/common';
import { EnvSchema, InjectRedis } from '@siantar/server-core';
import type { Redis } from 'ioredis';
import { LiveError } from './live-error';

/**
 * Fixed-window counters in Redis, so a user is limited across all api processes
 * and all their tabs together.
 */
@Injectable()
export class RoomRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: EnvSchema,
  ) {}

  async take(kind: string, userId: string, limit: number, windowSeconds: number): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `${this.config.REDIS_PREFIX}:live:rate:${kind}:${userId}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, windowSeconds).exec()) as [
      [Error | null, number],
    ];
    if (count > limit)
      throw new LiveError(
        'rate-limited',
        `Terlalu cepat: paling banyak ${limit} kali tiap ${windowSeconds} detik. Tunggu sebentar lalu kirim lagi.`,
      );
  }
}
