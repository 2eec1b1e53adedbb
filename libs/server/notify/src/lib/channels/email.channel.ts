import { Injectable } from '@nestjs/common';
import { EnvSchema, MailerService } from '@siantar/server-core';
import { CATEGORY_DEFAULTS } from '@siantar/contracts';
import { unsubscribeToken } from '../preferences/unsubscribe-token';
import { emailBody } from '../templates/email-body';
import { ChannelAdapter, type Delivery, type DeliveryOutcome } from './channel-adapter';

/** Email through SMTP, at most once per key (the send is recorded in its own transaction). */
@Injectable()
export class EmailChannel extends ChannelAdapter {
  readonly channel = 'email' as const;

  constructor(
    private readonly mailer: MailerService,
    private readonly config: EnvSchema,
  ) {
    super();
  }

  async deliver(d: Delivery): Promise<DeliveryOutcome> {
    if (!d.to.email) return { status: 'skipped', detail: 'tanpa alamat email' };
    if (d.digest) return { status: 'deferred', detail: 'digest' };
    const unsubscribe = CATEGORY_DEFAULTS[d.category].mandatory
      ? null
      : `${this.config.PUBLIC_URL}/api/v1/unsubscribe?u=${d.to.id}&c=${d.category}&t=${unsubscribeToken(
          this.config.JWT_SECRET,
          d.to.id,
          d.category,
        )}`;
    const sent = await this.mailer.sendOnce(
      `notify:${d.key}`,
      d.to.id,
      emailBody(d.to.email, d.content, d.to.language, {
        app: this.config.PUBLIC_URL,
        unsubscribe,
      }),
    );
    return sent ? { status: 'sent' } : { status: 'skipped', detail: 'sudah terkirim' };
  }
}
