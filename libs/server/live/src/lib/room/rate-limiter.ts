import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@siantar/server-core';
import { LiveError } from './live-error';

/**
 * Room events per user on the api's Redis rate limiter, so a user is limited across
 * all api processes and all their tabs together.
 */
@Injectable()
export class RoomRateLimiter {
  constructor(private readonly limiter: RateLimiter) {}

  async take(kind: string, userId: string, limit: number, windowSeconds: number): Promise<void> {
    const d = await this.limiter.hit(`live:${kind}:${userId}`, limit, windowSeconds * 1000);
    if (!d.allowed)
      throw new LiveError(
        'rate-limited',
        `Terlalu cepat: paling banyak ${limit} kali tiap ${windowSeconds} detik. Coba lagi dalam ${d.retryAfterSeconds} detik.`,
      );
  }
}
