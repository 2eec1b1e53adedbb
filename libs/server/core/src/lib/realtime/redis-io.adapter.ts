import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { EnvSchema } from '../config/env.schema';
import { createRedis } from '../redis/redis';

/** How long a dropped client may come back and get what it missed (socket.io recovery). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * socket.io for every gateway, shared by all api processes through Redis Streams:
 * a broadcast from one process reaches sockets on the others, and a client whose
 * network drops for a moment reconnects (to any process) with its rooms and data
 * restored and the packets it missed replayed (connection state recovery).
 * Keys carry REDIS_PREFIX so test runs and the demo never share streams.
 */
export class RedisIoAdapter extends IoAdapter {
  private redis: Redis | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: EnvSchema,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    this.redis ??= createRedis(this.config.REDIS_URL, 'worker', 'socket.io');
    const prefix = `${this.config.REDIS_PREFIX}:socket.io`;
    return super.createIOServer(port, {
      ...options,
      connectionStateRecovery: {
        maxDisconnectionDuration: RECOVERY_WINDOW_MS,
        skipMiddlewares: true,
      },
      adapter: createAdapter(this.redis, {
        streamName: prefix,
        channelPrefix: prefix,
        sessionKeyPrefix: `${prefix}:session:`,
        maxLen: 50_000,
        // A closing process waits for the blocking XREAD to return; keep that short.
        blockTimeInMs: 1000,
      }),
    }) as Server;
  }

  /** With the server goes the publishing connection (the adapter closes its own readers). */
  override async close(server: Server): Promise<void> {
    await super.close(server);
    const r = this.redis;
    this.redis = null;
    if (r) await r.quit().catch(() => r.disconnect());
  }
}
