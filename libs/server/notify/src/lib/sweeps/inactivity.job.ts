import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotifyInactivityJob as Payload } from '@siantar/contracts';
import { EnvSchema, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { NotificationPlanner } from '../planner/notification-planner';
import { runDay } from './run-day';

interface IdleRow {
  user_id: string;
  course_id: string;
  title: string;
  due_at: Date;
  idle_days: number;
}

/**
 * Daily (a job scheduler at 08:00 WIB): learners with no progress for NOTIFY_INACTIVE_DAYS on
 * an active enrolment whose deadline is still ahead get one nudge; the next can come only after
 * as many idle days again, so a learner who stays away hears of it every N days, not daily.
 */
@Injectable()
@HandlesJob('notify.inactivity')
export class InactivityHandler implements JobHandler<'notify.inactivity'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly planner: NotificationPlanner,
    private readonly config: EnvSchema,
  ) {}

  async handle(payload: Payload, ctx: JobContext): Promise<void> {
    const { day, dueAt } = runDay(payload.day);
    const idleDays = this.config.NOTIFY_INACTIVE_DAYS;
    const idle: IdleRow[] = await this.db.query(
      `WITH last AS (
         SELECT e.id, e.user_id, e.course_id, e.due_at, v.title,
                greatest(e.enrolled_at, max(lp.updated_at)) AS last_at
           FROM enrolment e
           JOIN course_version v ON v.id = e.version_id
           JOIN app_user u ON u.id = e.user_id AND u.active
           LEFT JOIN lesson_progress lp ON lp.enrolment_id = e.id
          WHERE e.status = 'active' AND e.due_at > $1
          GROUP BY e.id, v.title)
       SELECT l.user_id, l.course_id, l.title, l.due_at,
              floor(extract(epoch FROM $1 - l.last_at) / 86400)::int AS idle_days
         FROM last l
        WHERE l.last_at <= $1 - make_interval(days => $2)
          AND NOT EXISTS (
            SELECT 1 FROM planned_notification p
             WHERE p.event = 'inactive' AND p.target_id = l.course_id AND p.user_id = l.user_id
               AND p.status <> 'cancelled' AND p.due_at > $1 - make_interval(days => $2)
               AND p.due_at <> $1)
        ORDER BY l.user_id, l.course_id`,
      [dueAt, idleDays],
    );
    for (const r of idle)
      await this.planner.plan(this.db.manager, {
        event: 'inactive',
        userId: r.user_id,
        targetId: r.course_id,
        dueAt,
        data: {
          courseId: r.course_id,
          courseTitle: r.title,
          dueAt: r.due_at.toISOString(),
          idleDays: r.idle_days,
        },
      });
    await ctx.log(`inactivity ${day}: ${idle.length} learners idle for ${idleDays}+ days`);
  }
}
