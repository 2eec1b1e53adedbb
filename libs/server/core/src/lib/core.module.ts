import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { RouteAudit } from './auth/route-audit';
import { ConfigModule } from './config/config.module';
import { EnvSchema } from './config/env.schema';
import { loadConfig } from './config/load-config';
import { databaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { RateLimiter } from './http/rate-limiter';
import { loggerModule } from './logging/logger.module';
import { MailerService } from './mail/mailer.service';
import { QueueService } from './queue/queue.service';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';
import { WorkerHost } from './queue/worker-host';
import { QueueDashboardController } from './queue/dashboard/queue-dashboard.controller';
import { UserEventsPublisher } from './realtime/user-events.publisher';

function jwtModule(config: EnvSchema) {
  // A KeyObject built once: with a string secret jsonwebtoken first tries (and fails)
  // to parse it as a public key on every verification.
  const key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  return JwtModule.register({
    global: true,
    secretOrKeyProvider: () => key,
    signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL },
    verifyOptions: { algorithms: ['HS256'] },
  });
}

function shared(config: EnvSchema) {
  return [
    ConfigModule.forRoot(config),
    loggerModule(config),
    databaseModule(config),
    RedisModule,
    StorageModule,
    DiscoveryModule,
  ];
}

/**
 * Everything an api process needs besides its domains: config, db, redis, errors, health, queues.
 * The global AccessGuard is registered by the identity domain, which knows how to load a caller.
 */
@Global()
@Module({})
export class CoreModule {
  static forApi(config: EnvSchema = loadConfig()): DynamicModule {
    return {
      module: CoreModule,
      imports: [...shared(config), jwtModule(config), TerminusModule],
      controllers: [HealthController, QueueDashboardController],
      providers: [
        QueueService,
        RateLimiter,
        RouteAudit,
        UserEventsPublisher,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [QueueService, RateLimiter, UserEventsPublisher],
    };
  }

  /** The worker: no HTTP, but the handler registry, the mailer and a producer for follow-up jobs. */
  static forWorker(config: EnvSchema = loadConfig()): DynamicModule {
    return {
      module: CoreModule,
      imports: shared(config),
      providers: [QueueService, MailerService, WorkerHost, UserEventsPublisher],
      exports: [QueueService, MailerService, UserEventsPublisher],
    };
  }
}
