import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotifyDeliverJob as Payload } from '@siantar/contracts';
import {
  committedRow,
  HandlesJob,
  jobKey,
  type JobContext,
  type JobHandler,
  QueueService,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import {
  ChannelAdapter,
  CHANNEL_ADAPTERS,
  type DeliveryOutcome,
  type Recipient,
} from '../channels/channel-adapter';
import { EVENT_CATEGORY, type NotifyEvent } from '../events/notify-events';
import { effectivePreferences, quietHoursOf } from '../preferences/effective-preferences';
import { quietUntil } from '../preferences/quiet-hours';
import { renderNotice } from '../templates/templates';

interface PlannedRow {
  key: string;
  user_id: string;
  event: NotifyEvent;
  data: never;
  status: 'planned' | 'done' | 'cancelled' | 'failed';
}

/**
 * Delivers one planned notice: nothing if it was cancelled or already done; moved to the
 * end of the user's quiet hours if it falls inside them; else on each channel the user has
 * on for its category, each channel recording its outcome in the delivery log — a channel
 * that throws (SMTP down) as 'failed' with the reason, before BullMQ retries the job.
 */
@Injectable()
@HandlesJob('notify.deliver')
export class DeliverNotificationHandler implements JobHandler<'notify.deliver'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
    @Inject(CHANNEL_ADAPTERS) private readonly channels: ChannelAdapter[],
  ) {}

  async handle({ key }: Payload, ctx: JobContext): Promise<void> {
    const row = await committedRow(ctx, `planned notification ${key}`, async () => {
      const rows: PlannedRow[] = await this.db.query(
        `SELECT key, user_id, event, data, status FROM planned_notification WHERE key = $1`,
        [key],
      );
      return rows[0] ?? null;
    });
    // A notice that failed for good is delivered when an admin retries its job.
    if (row?.status !== 'planned' && row?.status !== 'failed') return;
    const [user]: (Recipient & { active: boolean })[] = await this.db.query(
      `SELECT u.id, u.name, u.email, u.language, u.active, b.reason AS "emailBounce"
         FROM app_user u LEFT JOIN email_bounce b ON b.address = lower(u.email) WHERE u.id = $1`,
      [row.user_id],
    );
    const category = EVENT_CATEGORY[row.event];
    if (user?.active) {
      const deferredTo = quietUntil(new Date(), await quietHoursOf(this.db.manager, user.id));
      if (deferredTo) {
        await this.queue.enqueue(
          'notify.deliver',
          { key },
          {
            jobId: jobKey(key, 'quiet', deferredTo.getTime()),
            delayMs: deferredTo.getTime() - Date.now(),
          },
        );
        await this.log(
          key,
          user.id,
          'all',
          'deferred',
          `jam tenang sampai ${deferredTo.toISOString()}`,
        );
        return;
      }
      const pref = (await effectivePreferences(this.db.manager, user.id)).get(category);
      const content = renderNotice(row.event, row.data, user.language);
      for (const adapter of this.channels) {
        const on = adapter.channel === 'email' ? pref?.email : pref?.inApp;
        if (!on) continue;
        let outcome: DeliveryOutcome;
        try {
          outcome = await adapter.deliver({
            key,
            category,
            to: user,
            content,
            digest: pref?.digest === true,
          });
        } catch (e) {
          // Logged for the admins, then rethrown: BullMQ retries the job with backoff, and the
          // channels already done skip on the retry (each is safe to call again per key).
          const reason = e instanceof Error ? e.message : String(e);
          await this.log(
            key,
            user.id,
            adapter.channel,
            'failed',
            `percobaan ${ctx.attempt}: ${reason}`.slice(0, 2000),
          ).catch(() => undefined);
          throw e;
        }
        await this.log(key, user.id, adapter.channel, outcome.status, outcome.detail ?? null);
      }
    }
    await this.db.query(
      `UPDATE planned_notification SET status = 'done', done_at = now(), failed_reason = NULL
        WHERE key = $1 AND status IN ('planned', 'failed')`,
      [key],
    );
  }

  /** Every retry spent: the notice is marked failed for the admins' log and dashboard. */
  async failedForGood({ key }: Payload, reason: string): Promise<void> {
    // UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
    const [rows] = (await this.db.query(
      `UPDATE planned_notification SET status = 'failed', failed_reason = $2
        WHERE key = $1 AND status = 'planned' RETURNING user_id`,
      [key, reason.slice(0, 2000)],
    )) as [{ user_id: string }[], number];
    if (rows[0])
      await this.log(
        key,
        rows[0].user_id,
        'all',
        'failed',
        `gagal permanen: ${reason}`.slice(0, 2000),
      );
  }

  private log(key: string, userId: string, channel: string, status: string, detail: string | null) {
    return this.db.query(
      `INSERT INTO notification_delivery (key, user_id, channel, status, detail)
       VALUES ($1, $2, $3, $4, $5)`,
      [key, userId, channel, status, detail],
    );
  }
}
