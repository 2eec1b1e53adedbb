import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { NOTIFICATIONS_NAMESPACE, type UserServerEvents } from '@siantar/contracts';
import type { Redis } from 'ioredis';
import type { Namespace, Socket } from 'socket.io';
import { TokenVerifier } from '../auth/token-verifier';
import { EnvSchema } from '../config/env.schema';
import { AppError } from '../http/app-error';
import { createRedis } from '../redis/redis';
import { type UserEventMessage, userEventsChannel } from './user-events.publisher';

export const userRoom = (userId: string) => `user:${userId}`;

/**
 * `/notifications`: every signed-in browser joins its user's room. Clients only
 * listen here; there is no client → server event to authorise besides the handshake.
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, serveClient: false })
export class UserEventsGateway implements OnGatewayInit, OnApplicationShutdown {
  private readonly logger = new Logger(UserEventsGateway.name);
  private subscriber: Redis | null = null;

  @WebSocketServer()
  private readonly nsp!: Namespace<Record<string, never>, UserServerEvents>;

  constructor(
    private readonly tokens: TokenVerifier,
    private readonly config: EnvSchema,
  ) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket: Socket, next) => {
      const token: unknown = socket.handshake.auth['token'];
      if (typeof token !== 'string' || token.length === 0) {
        next(new Error('Token akses wajib dikirim di handshake: io(url, { auth: { token } }).'));
        return;
      }
      this.tokens.verify(token).then(
        (principal) => {
          void socket.join(userRoom(principal.id));
          next();
        },
        (e: unknown) =>
          next(new Error(e instanceof AppError ? e.detail : 'Token akses tidak valid.')),
      );
    });
    this.subscriber = createRedis(this.config.REDIS_URL, 'client', 'user-events');
    const channel = userEventsChannel(this.config.REDIS_PREFIX);
    this.subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
    this.subscriber.subscribe(channel).catch((e: unknown) => {
      this.logger.error(`Cannot subscribe to ${channel}: ${String(e)}`);
    });
  }

  private deliver(raw: string): void {
    let message: UserEventMessage;
    try {
      message = JSON.parse(raw) as UserEventMessage;
    } catch {
      return;
    }
    if (typeof message.userId !== 'string' || typeof message.event !== 'string') return;
    // `local`: every api process gets the message from Redis and serves only its own sockets.
    // The message was typed by UserEventsPublisher.publish; here it is only relayed.
    const room = this.nsp.local.to(userRoom(message.userId)) as {
      emit(event: string, data: unknown): boolean;
    };
    room.emit(message.event, message.data);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
