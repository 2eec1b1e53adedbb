import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobPayload } from '@siantar/contracts';
import { committedRow, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { followUpDueAt } from './follow-up-dates';
import { FollowUpNotices } from './follow-up-notices';
import { FollowUpSchedule } from './follow-up-schedule';

type Payload = JobPayload<'evaluation.follow-up-due'>;

interface DueRow {
  id: string;
  status: string;
  due_at: Date;
  answer_by: Date;
  enrolment_status: string;
  completed_at: Date | null;
  course_id: string;
  course_title: string;
  user_id: string;
  user_name: string;
  user_active: boolean;
  org_unit_id: string;
  supervisor_id: string | null;
}

/** Tolerance for a job that BullMQ promotes a moment before its row's due time. */
const EARLY_MS = 60_000;

/**
 * Asks a follow-up: the row becomes `open` with the alumnus's unit and direct supervisor of
 * today, and the notices are planned. Idempotent: only a `scheduled` row that is due is
 * opened, under a row lock. When the course end moved without a re-plan, the job re-plans
 * (the follow-up moves with it) instead of asking at the old time.
 */
@Injectable()
@HandlesJob('evaluation.follow-up-due')
export class FollowUpDueHandler implements JobHandler<'evaluation.follow-up-due'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedule: FollowUpSchedule,
    private readonly notices: FollowUpNotices,
  ) {}

  async handle({ enrolmentId, offsetDays }: Payload, ctx: JobContext): Promise<void> {
    const what = `follow-up ${enrolmentId} +${offsetDays}d`;
    // The job is enqueued in the transaction that writes the row: wait for its commit.
    const exists = await committedRow(ctx, what, async () => {
      const rows: unknown[] = await this.db.query(
        `SELECT 1 FROM follow_up WHERE enrolment_id = $1 AND offset_days = $2`,
        [enrolmentId, offsetDays],
      );
      return rows[0];
    });
    if (!exists) return;
    const now = new Date();
    const outcome = await this.db.transaction(async (em) => {
      const [r] = (await em.query(
        `SELECT f.id, f.status, f.due_at, f.answer_by, e.status AS enrolment_status, e.completed_at,
                e.course_id, coalesce(v.title, c.code) AS course_title,
                u.id AS user_id, u.name AS user_name, u.active AS user_active, u.org_unit_id,
                (SELECT s.id FROM app_user s WHERE s.id = u.supervisor_id AND s.active) AS supervisor_id
           FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id
           JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.version_id
           JOIN app_user u ON u.id = e.user_id
          WHERE f.enrolment_id = $1 AND f.offset_days = $2
          FOR UPDATE OF f`,
        [enrolmentId, offsetDays],
      )) as DueRow[];
      if (!r) return 'gone (its offset or the completion was taken back)';
      if (r.status !== 'scheduled') return `already ${r.status}`;
      const expected =
        r.enrolment_status === 'completed' && r.completed_at
          ? followUpDueAt(r.completed_at, offsetDays)
          : null;
      if (!expected || expected.getTime() !== r.due_at.getTime()) {
        const o = await this.schedule.replan(em, enrolmentId, now);
        return `the course end changed: re-planned (${o.moved} moved, ${o.dropped} dropped, ${o.planned} planned)`;
      }
      if (r.due_at.getTime() > now.getTime() + EARLY_MS)
        return `not due before ${r.due_at.toISOString()} (a job for that time is planned)`;
      if (!r.user_active) {
        await em.query(`UPDATE follow_up SET status = 'cancelled' WHERE id = $1`, [r.id]);
        return 'cancelled: the alumnus is deactivated';
      }
      await em.query(
        `UPDATE follow_up SET status = 'open', opened_at = now(), org_unit_id = $2, supervisor_id = $3
          WHERE id = $1`,
        [r.id, r.org_unit_id, r.supervisor_id],
      );
      await this.notices.asked(em, {
        id: r.id,
        courseId: r.course_id,
        courseTitle: r.course_title,
        offsetDays,
        dueAt: r.due_at,
        answerBy: r.answer_by,
        alumnusId: r.user_id,
        alumnusName: r.user_name,
        supervisorId: r.supervisor_id,
      });
      return `asked${r.supervisor_id ? ' (with the supervisor)' : ' (no supervisor to confirm)'}`;
    });
    await ctx.log(`${what}: ${outcome}`);
  }
}
