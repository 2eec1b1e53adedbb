import { Injectable } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import type { EntityManager } from 'typeorm';

export interface AskedFollowUp {
  id: string;
  courseId: string;
  courseTitle: string;
  offsetDays: number;
  dueAt: Date;
  answerBy: Date;
  alumnusId: string;
  alumnusName: string;
  supervisorId: string | null;
}

/**
 * What a follow-up tells people, planned in the caller's transaction: the request (alumnus)
 * and the confirmation request (supervisor) at its due time, and one reminder each at its
 * answer time, taken back when that person's part comes in. The notices' keys hold the
 * follow-up and the due time, so a retried job plans nothing twice.
 */
@Injectable()
export class FollowUpNotices {
  constructor(private readonly planner: NotificationPlanner) {}

  async asked(em: EntityManager, f: AskedFollowUp): Promise<void> {
    const common = {
      followUpId: f.id,
      courseTitle: f.courseTitle,
      answerBy: f.answerBy.toISOString(),
    };
    await this.planner.plan(em, {
      event: 'follow-up-due',
      userId: f.alumnusId,
      targetId: f.id,
      dueAt: f.dueAt,
      data: { ...common, courseId: f.courseId, offsetDays: f.offsetDays },
    });
    await this.planner.plan(em, {
      event: 'follow-up-overdue',
      userId: f.alumnusId,
      targetId: f.id,
      dueAt: f.answerBy,
      data: { ...common, role: 'alumnus', alumnusName: f.alumnusName },
    });
    if (!f.supervisorId) return;
    await this.planner.plan(em, {
      event: 'follow-up-confirm',
      userId: f.supervisorId,
      targetId: f.id,
      dueAt: f.dueAt,
      data: { ...common, alumnusName: f.alumnusName, offsetDays: f.offsetDays },
    });
    await this.planner.plan(em, {
      event: 'follow-up-overdue',
      userId: f.supervisorId,
      targetId: f.id,
      dueAt: f.answerBy,
      data: { ...common, role: 'supervisor', alumnusName: f.alumnusName },
    });
  }

  /** This person's part is in: their reminder is not needed any more. */
  async answered(em: EntityManager, followUpId: string, userId: string): Promise<void> {
    await this.planner.cancel(em, {
      events: ['follow-up-overdue'],
      targetId: followUpId,
      userId,
    });
  }
}
