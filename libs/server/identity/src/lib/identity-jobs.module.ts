import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvSchema } from '@siantar/server-core';
import { IDENTITY_ENTITIES, IDENTITY_SERVICES } from './identity.module';
import { WelcomeEmailHandler } from './jobs/welcome-email.job';

/** What the worker needs of identity: its job handlers and the services they call. */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [EnvSchema],
      useFactory: (c: EnvSchema) => ({ secret: c.JWT_SECRET }),
    }),
  ],
  providers: [...IDENTITY_SERVICES, WelcomeEmailHandler],
})
export class IdentityJobsModule {}
