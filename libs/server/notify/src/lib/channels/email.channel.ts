import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnvSchema, MailerService } from '@siantar/server-core';
import { CATEGORY_DEFAULTS } from '@siantar/contracts';
import type { DataSource } from 'typeorm';
import { unsubscribeToken } from '../preferences/unsubscribe-token';
import { emailBody } from '../templates/email-body';
import { ChannelAdapter, type Delivery, type DeliveryOutcome } from './channel-adapter';
import { markBounced, permanentRefusal } from './email-bounce';

/**
 * The Message-ID of a notice's email, the same on every send of that notice: when a worker
 * dies between SMTP accepting the message and recording it, the retry's copy is recognisably
 * the same message (see MailerService.sendOnce).
 */
export const noticeMessageId = (key: string) =>
  `<notify.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@siantar-belajar>`;

/**
 * Email through SMTP, once per key (the send is recorded in the transaction that sends it;
 * a worker killed inside the send can repeat it, under the same Message-ID). An address the
 * mail server refuses for good is marked bounced and skipped until an admin clears it.
 */
@Injectable()
export class EmailChannel extends ChannelAdapter {
  readonly channel = 'email' as const;

  constructor(
    private readonly mailer: MailerService,
    private readonly config: EnvSchema,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async deliver(d: Delivery): Promise<DeliveryOutcome> {
    if (!d.to.email) return { status: 'skipped', detail: 'tanpa alamat email' };
    if (d.to.emailBounce)
      return { status: 'skipped', detail: `alamat email memantul: ${d.to.emailBounce}` };
    if (d.digest) return { status: 'deferred', detail: 'digest' };
    const unsubscribe = CATEGORY_DEFAULTS[d.category].mandatory
      ? null
      : `${this.config.PUBLIC_URL}/api/v1/unsubscribe?u=${d.to.id}&c=${d.category}&t=${unsubscribeToken(
          this.config.JWT_SECRET,
          d.to.id,
          d.category,
        )}`;
    let sent: boolean;
    try {
      sent = await this.mailer.sendOnce(`notify:${d.key}`, d.to.id, {
        ...emailBody(d.to.email, d.content, d.to.language, {
          app: this.config.PUBLIC_URL,
          unsubscribe,
        }),
        messageId: noticeMessageId(d.key),
      });
    } catch (e) {
      const refusal = permanentRefusal(e, d.to.email);
      if (!refusal) throw e;
      await markBounced(this.db.manager, d.to.email, refusal);
      return { status: 'bounced', detail: refusal };
    }
    return sent ? { status: 'sent' } : { status: 'skipped', detail: 'sudah terkirim' };
  }
}
