import { Injectable } from '@nestjs/common';
import { jobKey, QueueService } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import type { NotifyEvent, NotifyEventData } from '../events/notify-events';

export interface PlannedNotice<E extends NotifyEvent> {
  event: E;
  userId: string;
  /** What it is about (course, session…): re-planning finds the pending ones by it. */
  targetId: string | null;
  /** When to deliver; now or in the past = at once. */
  dueAt: Date;
  data: NotifyEventData[E];
}

/**
 * The producers' side. A notice's key — event, target, user, due time — is also its
 * BullMQ jobId, so planning the same notice twice adds one job, and moving a deadline
 * (cancel the pending ones of that target, plan the new ones) leaves no stale job behind.
 * Rows are written in the caller's transaction; the delivery job waits for them to commit
 * and delivers only a row still `planned`, so a job that escaped removal sends nothing.
 */
@Injectable()
export class NotificationPlanner {
  constructor(private readonly queue: QueueService) {}

  static keyOf(n: Pick<PlannedNotice<NotifyEvent>, 'event' | 'userId' | 'targetId' | 'dueAt'>) {
    return jobKey('notify', n.event, n.targetId ?? 'none', n.userId, n.dueAt.getTime());
  }

  async plan<E extends NotifyEvent>(em: EntityManager, n: PlannedNotice<E>): Promise<string> {
    const key = NotificationPlanner.keyOf(n);
    await em.query(
      `INSERT INTO planned_notification (key, user_id, event, target_id, due_at, data)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE
          SET data = EXCLUDED.data,
              status = CASE WHEN planned_notification.status = 'cancelled' THEN 'planned'
                            ELSE planned_notification.status END`,
      [key, n.userId, n.event, n.targetId, n.dueAt, JSON.stringify(n.data)],
    );
    await this.queue.enqueue(
      'notify.deliver',
      { key },
      { jobId: key, delayMs: Math.max(0, n.dueAt.getTime() - Date.now()) },
    );
    return key;
  }

  /** Cancels the pending notices of these events about a target (for one user, or everyone). */
  async cancel(
    em: EntityManager,
    c: { events: NotifyEvent[]; targetId: string; userId?: string },
  ): Promise<number> {
    const [rows] = (await em.query(
      `UPDATE planned_notification SET status = 'cancelled'
        WHERE status = 'planned' AND event = ANY($1) AND target_id = $2
          AND ($3::uuid IS NULL OR user_id = $3)
        RETURNING key`,
      [c.events, c.targetId, c.userId ?? null],
    )) as [{ key: string }[], number];
    const queue = this.queue.queue('notify');
    // Best effort: a job left behind finds its row cancelled and sends nothing.
    await Promise.all(rows.map((r) => queue.remove(r.key).catch(() => 0)));
    return rows.length;
  }
}
