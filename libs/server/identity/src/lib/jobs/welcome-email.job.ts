import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WelcomeEmailJob as Payload } from '@siantar/contracts';
import {
  committedRow,
  EnvSchema,
  HandlesJob,
  type JobContext,
  type JobHandler,
  MailerService,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { PasswordTokensService } from '../auth/password-tokens.service';
import { User } from '../users/user.entity';
import { welcomeEmail } from './welcome-email.template';

const VALID_HOURS = 72;

/**
 * Sends the new user a link to set their password. Idempotent: the mail is
 * claimed under `welcome-email:<userId>`, so a retry after success sends nothing.
 */
@Injectable()
@HandlesJob('identity.welcome-email')
export class WelcomeEmailHandler implements JobHandler<'identity.welcome-email'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: MailerService,
    private readonly passwordTokens: PasswordTokensService,
    private readonly config: EnvSchema,
  ) {}

  async handle({ userId }: Payload, ctx: JobContext): Promise<void> {
    const user = await committedRow(ctx, `user ${userId}`, () =>
      this.db.manager.findOneBy(User, { id: userId }),
    );
    if (!user) return;
    if (!user.active) return;
    const key = `welcome-email:${userId}`;
    const already: unknown[] = await this.db.query('SELECT 1 FROM sent_mail WHERE key = $1', [key]);
    if (already.length > 0) return;
    const token = await this.passwordTokens.create(userId, VALID_HOURS);
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/atur-sandi?token=${encodeURIComponent(token)}`;
    const sent = await this.mailer.sendOnce(
      key,
      userId,
      welcomeEmail(user.language, {
        name: user.name,
        email: user.email,
        login: user.nip ?? user.email,
        link,
        validHours: VALID_HOURS,
      }),
    );
    await ctx.log(sent ? `sent to ${user.email}` : 'already sent');
  }
}
