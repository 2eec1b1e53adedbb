import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUpSettingsRequest, FollowUpSettingsResponse } from '@siantar/contracts';
import { jobKey, type Principal, QueueService } from '@siantar/server-core';
import { courseForAuthoring } from '@siantar/server-catalog';
import type { DataSource, EntityManager } from 'typeorm';
import { effectiveDays } from '../schedule/follow-up-dates';

interface SettingRow {
  days: number[];
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
}

/**
 * A course's follow-up days (after its enrolments' course end), for its authors and the
 * admins who review it. A change re-plans the follow-ups not yet asked, in a job.
 */
@Injectable()
export class FollowUpSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
  ) {}

  private async view(em: EntityManager, courseId: string): Promise<FollowUpSettingsResponse> {
    const [r] = (await em.query(
      `SELECT s.days, s.updated_at, s.updated_by, u.name AS updated_by_name
         FROM follow_up_setting s LEFT JOIN app_user u ON u.id = s.updated_by
        WHERE s.course_id = $1`,
      [courseId],
    )) as SettingRow[];
    return {
      courseId,
      days: effectiveDays(r?.days),
      isDefault: !r,
      updatedAt: r?.updated_at.toISOString() ?? null,
      updatedBy:
        r?.updated_by && r.updated_by_name
          ? { userId: r.updated_by, name: r.updated_by_name }
          : null,
    };
  }

  async get(courseId: string, p: Principal): Promise<FollowUpSettingsResponse> {
    const em = this.db.manager;
    await courseForAuthoring(em, courseId, p);
    return this.view(em, courseId);
  }

  async put(
    courseId: string,
    dto: FollowUpSettingsRequest,
    p: Principal,
  ): Promise<FollowUpSettingsResponse> {
    return this.db.transaction(async (em) => {
      await courseForAuthoring(em, courseId, p, true);
      const days = effectiveDays(dto.days);
      const [row] = (await em.query(
        `INSERT INTO follow_up_setting (course_id, days, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (course_id) DO UPDATE
            SET days = EXCLUDED.days, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING updated_at`,
        [courseId, days, p.id],
      )) as { updated_at: Date }[];
      await this.queue.enqueue(
        'evaluation.follow-up-replan-course',
        { courseId, settingsAt: row.updated_at.toISOString() },
        { jobId: jobKey('follow-up-replan', courseId, row.updated_at.getTime()) },
      );
      return this.view(em, courseId);
    });
  }
}
