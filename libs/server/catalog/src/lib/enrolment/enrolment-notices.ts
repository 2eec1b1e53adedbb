import { Injectable } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import type { EntityManager } from 'typeorm';

interface EnrolmentRow {
  user_id: string;
  course_id: string;
  due_at: Date | null;
  title: string;
  jp: string;
  /** The course version's own reminder days (DEFAULT_REMINDER_DAYS unless the author changed them). */
  reminder_days: number[];
}

/**
 * What enrolments tell their learners: the enrolment itself (with its deadline), the
 * reminders before the deadline, the completion. Withdrawing or completing takes the
 * pending reminders back. All in the caller's transaction.
 */
@Injectable()
export class EnrolmentNotices {
  constructor(private readonly planner: NotificationPlanner) {}

  private load(em: EntityManager, ids: string[]): Promise<EnrolmentRow[]> {
    return em.query(
      `SELECT e.user_id, e.course_id, e.due_at, v.title, v.jp, v.reminder_days
         FROM enrolment e JOIN course_version v ON v.id = e.version_id WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async enrolled(em: EntityManager, enrolmentIds: string[], now = new Date()): Promise<void> {
    for (const e of await this.load(em, enrolmentIds)) {
      const base = { userId: e.user_id, targetId: e.course_id };
      await this.planner.plan(em, {
        ...base,
        event: 'enrolled',
        dueAt: now,
        data: {
          courseId: e.course_id,
          courseTitle: e.title,
          dueAt: e.due_at?.toISOString() ?? null,
        },
      });
      if (!e.due_at) continue;
      for (const days of e.reminder_days) {
        const at = new Date(e.due_at.getTime() - days * 86_400_000);
        if (at <= now) continue;
        await this.planner.plan(em, {
          ...base,
          event: 'deadline-approaching',
          dueAt: at,
          data: {
            courseId: e.course_id,
            courseTitle: e.title,
            dueAt: e.due_at.toISOString(),
            daysLeft: days,
          },
        });
      }
    }
  }

  async withdrawn(em: EntityManager, enrolmentId: string): Promise<void> {
    const [e] = await this.load(em, [enrolmentId]);
    if (e)
      await this.planner.cancel(em, {
        events: ['deadline-approaching'],
        targetId: e.course_id,
        userId: e.user_id,
      });
  }

  async completed(em: EntityManager, enrolmentId: string, at: Date): Promise<void> {
    const [e] = await this.load(em, [enrolmentId]);
    if (!e) return;
    await this.planner.cancel(em, {
      events: ['deadline-approaching'],
      targetId: e.course_id,
      userId: e.user_id,
    });
    await this.planner.plan(em, {
      event: 'course-completed',
      userId: e.user_id,
      targetId: e.course_id,
      dueAt: at,
      data: { courseId: e.course_id, courseTitle: e.title, jp: Number(e.jp) },
    });
  }
}
