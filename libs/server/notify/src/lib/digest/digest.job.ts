import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotifyDigestJob as Payload } from '@siantar/contracts';
import {
  EnvSchema,
  HandlesJob,
  type JobContext,
  type JobHandler,
  MailerService,
} from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import type { DataSource } from 'typeorm';
import type { Recipient } from '../channels/channel-adapter';
import type { NotifyEvent } from '../events/notify-events';
import { emailBody } from '../templates/email-body';
import { renderNotice } from '../templates/templates';

interface Pending {
  key: string;
  user_id: string;
  event: NotifyEvent;
  data: never;
}

/**
 * Once a day (07:00 WIB, a BullMQ job scheduler): each user's emails held for the digest go
 * out as one message. The digest is sent once per user and day (`sendOnce`), and its notices
 * are then logged as sent, so a rerun sends nothing more and a later notice waits for the next day.
 */
@Injectable()
@HandlesJob('notify.digest')
export class DigestHandler implements JobHandler<'notify.digest'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: MailerService,
    private readonly config: EnvSchema,
  ) {}

  async handle({ day }: Payload, ctx: JobContext): Promise<void> {
    const today = day ?? wibDate(new Date());
    const pending: Pending[] = await this.db.query(
      `SELECT DISTINCT d.key, d.user_id, p.event, p.data
         FROM notification_delivery d JOIN planned_notification p ON p.key = d.key
        WHERE d.channel = 'email' AND d.status = 'deferred' AND d.detail = 'digest'
          AND NOT EXISTS (SELECT 1 FROM notification_delivery s
                           WHERE s.key = d.key AND s.channel = 'email' AND s.status = 'sent')
        ORDER BY d.user_id, d.key`,
    );
    const byUser = new Map<string, Pending[]>();
    for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
    for (const [userId, items] of byUser) {
      const [user]: (Recipient & { active: boolean })[] = await this.db.query(
        `SELECT id, name, email, language, active FROM app_user WHERE id = $1`,
        [userId],
      );
      if (!user?.active || !user.email) continue;
      const lang = user.language;
      const notices = items.map((i) => renderNotice(i.event, i.data, lang));
      const title =
        lang === 'id'
          ? `Ringkasan Siantar Belajar: ${notices.length} pemberitahuan`
          : `Siantar Belajar digest: ${notices.length} notifications`;
      const body = emailBody(
        user.email,
        {
          title,
          paragraphs: notices.map(
            (n) =>
              `• ${n.title} — ${n.paragraphs.join(' ')}${n.link ? ` ${this.config.PUBLIC_URL}${n.link}` : ''}`,
          ),
          link: '/profil/notifikasi',
          action: lang === 'id' ? 'Atur notifikasi' : 'Notification settings',
        },
        lang,
        { app: this.config.PUBLIC_URL, unsubscribe: null },
      );
      await this.mailer.sendOnce(`digest:${userId}:${today}`, userId, body);
      await this.db.query(
        `INSERT INTO notification_delivery (key, user_id, channel, status, detail)
         SELECT k, $2, 'email', 'sent', $3 FROM unnest($1::text[]) AS k`,
        [items.map((i) => i.key), userId, `ringkasan ${today}`],
      );
    }
    await ctx.log(`digest ${today}: ${pending.length} notices for ${byUser.size} users`);
  }
}
