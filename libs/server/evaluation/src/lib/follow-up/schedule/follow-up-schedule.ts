import { Injectable } from '@nestjs/common';
import { QueueService } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { answerByOf, effectiveDays, followUpDueAt, followUpJobId } from './follow-up-dates';

export interface ReplanOutcome {
  planned: number;
  moved: number;
  dropped: number;
}

interface ScheduledRow {
  id: string;
  offset_days: number;
  due_at: Date;
  status: 'scheduled' | 'open' | 'done' | 'cancelled';
}

/**
 * Keeps an enrolment's not yet asked follow-ups in line with its course end (completed_at)
 * and its course's follow-up days: one `follow_up` row per offset (`scheduled`, with its due
 * time) and one delayed `evaluation.follow-up-due` job per row, keyed by enrolment, offset and
 * due time. Runs in the caller's transaction (the completion, a settings change, a job that
 * found the course end moved); the jobs are enqueued last, so a Redis failure rolls the
 * write back. Follow-ups already asked (open, done) are never touched.
 */
@Injectable()
export class FollowUpSchedule {
  constructor(private readonly queue: QueueService) {}

  /** The follow-up days of a course (its own, else the default). */
  async daysOf(em: EntityManager, courseId: string): Promise<number[]> {
    const rows: { days: number[] }[] = await em.query(
      `SELECT days FROM follow_up_setting WHERE course_id = $1`,
      [courseId],
    );
    return effectiveDays(rows[0]?.days);
  }

  async replan(em: EntityManager, enrolmentId: string, now = new Date()): Promise<ReplanOutcome> {
    const out: ReplanOutcome = { planned: 0, moved: 0, dropped: 0 };
    const [e] = (await em.query(
      `SELECT id, course_id, status, completed_at FROM enrolment WHERE id = $1 FOR UPDATE`,
      [enrolmentId],
    )) as { id: string; course_id: string; status: string; completed_at: Date | null }[];
    if (!e) return out;
    const rows: ScheduledRow[] = await em.query(
      `SELECT id, offset_days, due_at, status FROM follow_up WHERE enrolment_id = $1 FOR UPDATE`,
      [enrolmentId],
    );
    const end = e.status === 'completed' ? e.completed_at : null;
    const days = end ? await this.daysOf(em, e.course_id) : [];
    const jobs: { add?: [number, Date]; remove?: string }[] = [];

    for (const r of rows) {
      if (r.status !== 'scheduled') continue;
      if (!end || !days.includes(r.offset_days)) {
        // Never asked: nothing to keep.
        await em.query(`DELETE FROM follow_up WHERE id = $1`, [r.id]);
        jobs.push({ remove: followUpJobId(e.id, r.offset_days, r.due_at) });
        out.dropped++;
        continue;
      }
      const due = followUpDueAt(end, r.offset_days);
      if (due.getTime() === r.due_at.getTime()) {
        jobs.push({ add: [r.offset_days, due] }); // a no-op while the job is there
        continue;
      }
      await em.query(
        `UPDATE follow_up SET course_ended_at = $2, due_at = $3, answer_by = $4 WHERE id = $1`,
        [r.id, end, due, answerByOf(due)],
      );
      jobs.push({
        remove: followUpJobId(e.id, r.offset_days, r.due_at),
        add: [r.offset_days, due],
      });
      out.moved++;
    }

    if (end) {
      const taken = new Set(rows.filter((r) => r.status !== 'cancelled').map((r) => r.offset_days));
      for (const offset of days) {
        if (taken.has(offset)) continue;
        const due = followUpDueAt(end, offset);
        // A day added to a course later applies to the alumni for whom it is still ahead.
        if (due.getTime() <= now.getTime()) continue;
        await em.query(
          `INSERT INTO follow_up (enrolment_id, offset_days, course_ended_at, due_at, answer_by)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (enrolment_id, offset_days) DO UPDATE
              SET status = 'scheduled', course_ended_at = EXCLUDED.course_ended_at,
                  due_at = EXCLUDED.due_at, answer_by = EXCLUDED.answer_by, opened_at = NULL
            WHERE follow_up.status = 'cancelled'`,
          [e.id, offset, end, due, answerByOf(due)],
        );
        jobs.push({ add: [offset, due] });
        out.planned++;
      }
    }

    // Last step of the write: remove the replaced jobs (best effort: a job left behind finds
    // its row due later, or gone, and does nothing), then add the new ones.
    const q = this.queue.queue('evaluation');
    for (const j of jobs) if (j.remove) await q.remove(j.remove).catch(() => 0);
    for (const j of jobs) {
      if (!j.add) continue;
      const [offsetDays, due] = j.add;
      await this.queue.enqueue(
        'evaluation.follow-up-due',
        { enrolmentId: e.id, offsetDays },
        {
          jobId: followUpJobId(e.id, offsetDays, due),
          delayMs: Math.max(0, due.getTime() - now.getTime()),
        },
      );
    }
    return out;
  }
}
