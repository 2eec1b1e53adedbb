import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordTokensService } from './auth/password-tokens.service';
import { IDENTITY_ENTITIES } from './identity.module';
import { WelcomeEmailHandler } from './jobs/welcome-email.job';

/** What the worker needs of identity: its job handlers and the services they call. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [PasswordTokensService, WelcomeEmailHandler],
})
export class IdentityJobsModule {}
