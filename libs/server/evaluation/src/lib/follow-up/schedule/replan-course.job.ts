import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobPayload } from '@siantar/contracts';
import { committedRow, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { FollowUpSchedule } from './follow-up-schedule';

/**
 * A course's follow-up days changed: re-plan the follow-ups not yet asked of its completed
 * enrolments whose latest possible follow-up (365 days) is still ahead, one enrolment per
 * transaction. Idempotent (re-planning twice gives the same rows and job ids).
 */
@Injectable()
@HandlesJob('evaluation.follow-up-replan-course')
export class FollowUpReplanCourseHandler implements JobHandler<'evaluation.follow-up-replan-course'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedule: FollowUpSchedule,
  ) {}

  async handle(
    { courseId, settingsAt }: JobPayload<'evaluation.follow-up-replan-course'>,
    ctx: JobContext,
  ): Promise<void> {
    // Enqueued inside the transaction that saves the setting: wait for its commit.
    const saved = await committedRow(ctx, `follow-up setting of ${courseId}`, async () => {
      const rows: unknown[] = await this.db.query(
        `SELECT 1 FROM follow_up_setting WHERE course_id = $1 AND updated_at >= $2`,
        [courseId, settingsAt],
      );
      return rows[0];
    });
    if (!saved) return;
    const ids: { id: string }[] = await this.db.query(
      `SELECT e.id FROM enrolment e
        WHERE e.course_id = $1 AND e.status = 'completed'
          AND e.completed_at > now() - interval '366 days'
        ORDER BY e.completed_at, e.id`,
      [courseId],
    );
    const total = { planned: 0, moved: 0, dropped: 0 };
    for (const { id } of ids) {
      const o = await this.db.transaction((em) => this.schedule.replan(em, id));
      total.planned += o.planned;
      total.moved += o.moved;
      total.dropped += o.dropped;
    }
    await ctx.log(
      `course ${courseId}: ${ids.length} enrolments, ${total.planned} planned, ${total.moved} moved, ${total.dropped} dropped`,
    );
  }
}
