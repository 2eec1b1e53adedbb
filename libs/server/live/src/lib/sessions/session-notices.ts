import { Injectable } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import type { EntityManager } from 'typeorm';
import { INVITEES_SQL } from './session-access';

/** Reminders before a session: a day before and a quarter of an hour before. */
export const REMINDER_MINUTES = [24 * 60, 15];

interface SessionFacts {
  id: string;
  title: string;
  starts_at: Date;
}

/**
 * What scheduling tells the invited: reminders before the start (with the room's link),
 * and at once when the session moves or is cancelled. Re-planning cancels the pending
 * reminders of the session first, so a moved session leaves no reminder at the old time.
 */
@Injectable()
export class SessionNotices {
  constructor(private readonly planner: NotificationPlanner) {}

  private async facts(em: EntityManager, sessionId: string) {
    const [s]: SessionFacts[] = await em.query(
      `SELECT id, title, starts_at FROM live_session WHERE id = $1`,
      [sessionId],
    );
    const invitees: { id: string }[] = await em.query(INVITEES_SQL, [sessionId]);
    return { s, userIds: invitees.map((u) => u.id) };
  }

  private async remind(em: EntityManager, s: SessionFacts, userIds: string[], now: Date) {
    for (const userId of userIds)
      for (const minutesBefore of REMINDER_MINUTES) {
        const at = new Date(s.starts_at.getTime() - minutesBefore * 60_000);
        if (at <= now) continue;
        await this.planner.plan(em, {
          event: 'live-reminder',
          userId,
          targetId: s.id,
          dueAt: at,
          data: {
            sessionId: s.id,
            title: s.title,
            startsAt: s.starts_at.toISOString(),
            minutesBefore,
          },
        });
      }
  }

  async scheduled(em: EntityManager, sessionId: string, now = new Date()): Promise<void> {
    const { s, userIds } = await this.facts(em, sessionId);
    await this.remind(em, s, userIds, now);
  }

  /** After any change (title, audience, time); `moved`: the start changed, so say so. */
  async changed(
    em: EntityManager,
    sessionId: string,
    moved: boolean,
    now = new Date(),
  ): Promise<void> {
    await this.planner.cancel(em, { events: ['live-reminder'], targetId: sessionId });
    const { s, userIds } = await this.facts(em, sessionId);
    await this.remind(em, s, userIds, now);
    if (!moved) return;
    for (const userId of userIds)
      await this.planner.plan(em, {
        event: 'live-rescheduled',
        userId,
        targetId: s.id,
        dueAt: now,
        data: { sessionId: s.id, title: s.title, startsAt: s.starts_at.toISOString() },
      });
  }

  async cancelled(em: EntityManager, sessionId: string, reason: string, now = new Date()) {
    await this.planner.cancel(em, { events: ['live-reminder'], targetId: sessionId });
    const { s, userIds } = await this.facts(em, sessionId);
    for (const userId of userIds)
      await this.planner.plan(em, {
        event: 'live-cancelled',
        userId,
        targetId: s.id,
        dueAt: now,
        data: { sessionId: s.id, title: s.title, reason },
      });
  }
}
