import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { EnvSchema } from '../config/env.schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The Message-ID header, `<id@domain>`. Give one derived from the business key: a message
   * sent again after a crash (see sendOnce) then carries the same id, and receivers that
   * de-duplicate by Message-ID show it once. Without it nodemailer makes a random one.
   */
  messageId?: string;
  /** Files that go with it, e.g. a calendar entry. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/**
 * Sends mail through SMTP once per business key. The key is claimed in the same
 * transaction as the send: if SMTP fails the claim rolls back and the job's retry
 * sends again; a retry after success finds the key and skips.
 *
 * One window remains: between the SMTP server accepting the message and the commit,
 * a process that dies (SIGKILL, lost machine, lost database connection) rolls the claim
 * back and the retry sends the message a second time. SMTP has no idempotent send, so
 * the only alternative is committing the claim before sending, which turns that window
 * into a lost message instead. We keep at-least-once and give such a repeat the same
 * Message-ID (MailMessage.messageId) so it can be recognised and collapsed.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    private readonly config: EnvSchema,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.transport = nodemailer.createTransport(config.SMTP_URL);
  }

  /** @returns true when this call sent the message, false when it had been sent before. */
  async sendOnce(key: string, userId: string | null, message: MailMessage): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const claimed: unknown[] = await em.query(
        `INSERT INTO sent_mail (key, user_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, userId],
      );
      if (claimed.length === 0) return false;
      const info = (await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message })) as {
        messageId?: string;
      };
      await em.query(`UPDATE sent_mail SET message_id = $2 WHERE key = $1`, [
        key,
        info.messageId ?? null,
      ]);
      return true;
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
