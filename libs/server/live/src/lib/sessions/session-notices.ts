import { Injectable } from '@nestjs/common';
import { EnvSchema } from '@siantar/server-core';
import { NotificationPlanner } from '@siantar/server-notify';
import type { EntityManager } from 'typeorm';
import { sessionIcs } from '../calendar/session-event';
import { INVITEES_SQL } from './session-access';
import { SESSION_SELECT, type SessionRow } from './session-row';

/** Reminders before a session: a day before and a quarter of an hour before. */
export const REMINDER_MINUTES = [24 * 60, 15];

/**
 * What scheduling tells the invited: reminders before the start (with the room's link and
 * the calendar entry), and at once when the session moves or is cancelled (with the entry
 * updated, so calendar apps move or cancel it). Re-planning cancels the pending
 * reminders of the session first, so a moved session leaves no reminder at the old time.
 */
@Injectable()
export class SessionNotices {
  constructor(
    private readonly planner: NotificationPlanner,
    private readonly config: EnvSchema,
  ) {}

  private async facts(em: EntityManager, sessionId: string) {
    const [s]: SessionRow[] = await em.query(`${SESSION_SELECT} WHERE s.id = $1`, [sessionId]);
    const invitees: { id: string }[] = await em.query(INVITEES_SQL, [sessionId]);
    return { s, userIds: invitees.map((u) => u.id), ics: sessionIcs(s, this.config.PUBLIC_URL) };
  }

  private async remind(
    em: EntityManager,
    { s, userIds, ics }: Awaited<ReturnType<SessionNotices['facts']>>,
    now: Date,
  ) {
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
            ics,
          },
        });
      }
  }

  async scheduled(em: EntityManager, sessionId: string, now = new Date()): Promise<void> {
    await this.remind(em, await this.facts(em, sessionId), now);
  }

  /** After any change (title, audience, time); `moved`: the start changed, so say so. */
  async changed(
    em: EntityManager,
    sessionId: string,
    moved: boolean,
    now = new Date(),
  ): Promise<void> {
    await this.planner.cancel(em, { events: ['live-reminder'], targetId: sessionId });
    const facts = await this.facts(em, sessionId);
    await this.remind(em, facts, now);
    if (!moved) return;
    const { s, userIds, ics } = facts;
    for (const userId of userIds)
      await this.planner.plan(em, {
        event: 'live-rescheduled',
        userId,
        targetId: s.id,
        dueAt: now,
        data: { sessionId: s.id, title: s.title, startsAt: s.starts_at.toISOString(), ics },
      });
  }

  async cancelled(em: EntityManager, sessionId: string, reason: string, now = new Date()) {
    await this.planner.cancel(em, { events: ['live-reminder'], targetId: sessionId });
    const { s, userIds, ics } = await this.facts(em, sessionId);
    for (const userId of userIds)
      await this.planner.plan(em, {
        event: 'live-cancelled',
        userId,
        targetId: s.id,
        dueAt: now,
        data: { sessionId: s.id, title: s.title, reason, ics },
      });
  }
}
