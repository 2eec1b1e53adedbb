import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * BullMQ wants `maxRetriesPerRequest: null` on connections used by workers
 * (blocking commands must wait through a Redis restart instead of failing);
 * producers and the api keep the default so an HTTP request fails fast.
 */
export function createRedis(url: string, role: 'client' | 'worker', name: string): Redis {
  const options: RedisOptions = {
    connectionName: `siantar:${name}`,
    lazyConnect: false,
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  };
  return new Redis(url, options);
}

/** BullMQ loses jobs when Redis evicts keys; anything but noeviction deserves a warning. */
export async function checkEvictionPolicy(
  redis: Redis,
  logger = new Logger('Redis'),
): Promise<string> {
  try {
    const reply = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? 'unknown';
    if (policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs can silently disappear. ` +
          'Set `maxmemory-policy noeviction` in redis.conf.',
      );
    }
    return policy;
  } catch {
    // Managed Redis services often disable CONFIG; say so rather than guess.
    logger.warn(
      'Could not read Redis maxmemory-policy (CONFIG GET refused); make sure it is "noeviction".',
    );
    return 'unknown';
  }
}
