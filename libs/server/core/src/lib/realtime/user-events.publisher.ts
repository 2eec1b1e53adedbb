import { Injectable } from '@nestjs/common';
import type { UserServerEvents } from '@siantar/contracts';
import type { Redis } from 'ioredis';
import { EnvSchema } from '../config/env.schema';
import { InjectRedis } from '../redis/redis.module';

export type UserEventName = keyof UserServerEvents;
export type UserEventData<E extends UserEventName> = Parameters<UserServerEvents[E]>[0];

export interface UserEventMessage {
  userId: string;
  event: UserEventName;
  data: unknown;
}

export const userEventsChannel = (prefix: string) => `${prefix}:user-events`;

/**
 * Any process (api or worker) pushes an event to a user's open browsers. The message
 * goes through Redis pub/sub to every api process, and each emits it to its own
 * sockets in the user's room. Delivery is best effort: screens refetch state on
 * (re)connect, so a message lost while nobody listens costs nothing.
 */
@Injectable()
export class UserEventsPublisher {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: EnvSchema,
  ) {}

  async publish<E extends UserEventName>(
    userId: string,
    event: E,
    data: UserEventData<E>,
  ): Promise<void> {
    const message: UserEventMessage = { userId, event, data };
    await this.redis.publish(userEventsChannel(this.config.REDIS_PREFIX), JSON.stringify(message));
  }
}
