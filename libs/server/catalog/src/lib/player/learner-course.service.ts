import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LearnerCourseResponse, LessonProgressView } from '@siantar/contracts';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { EnrolmentCompletion } from '../completion/enrolment-completion.service';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { lessonOutline, type OutlineRow } from './lesson-outline';

/** The learner's own view of one enrolment: outline with progress and locks. */
@Injectable()
export class LearnerCourseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly completion: EnrolmentCompletion,
  ) {}

  /** The enrolment if it is the caller's; 404 otherwise so ids reveal nothing. */
  async own(
    em: EntityManager,
    enrolmentId: string,
    p: Principal,
  ): Promise<{ versionId: string; status: string }> {
    const rows: { version_id: string; status: string; user_id: string }[] = await em.query(
      `SELECT version_id, status, user_id FROM enrolment WHERE id = $1`,
      [enrolmentId],
    );
    const r = rows[0];
    if (!r || r.user_id !== p.id) throw notFound('Pendaftaran');
    return { versionId: r.version_id, status: r.status };
  }

  outline(em: EntityManager, enrolmentId: string): Promise<OutlineRow[]> {
    return lessonOutline(em, enrolmentId);
  }

  static progressOf(r: OutlineRow): LessonProgressView {
    return {
      lessonId: r.lesson_id,
      status: r.status ?? 'not-started',
      percent: Number(r.percent ?? 0),
      locked: r.locked,
      lockedReason: r.lockedReason,
      positionSeconds: r.position_seconds === null ? null : Number(r.position_seconds),
      completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  async view(enrolmentId: string, p: Principal): Promise<LearnerCourseResponse> {
    const em = this.db.manager;
    await this.own(em, enrolmentId, p);
    const rows = await this.outline(em, enrolmentId);
    const [{ jp }] = await em.query<{ jp: string }[]>(
      `SELECT v.jp FROM enrolment e JOIN course_version v ON v.id = e.version_id WHERE e.id = $1`,
      [enrolmentId],
    );
    const modules: LearnerCourseResponse['modules'] = [];
    for (const r of rows) {
      let m = modules.find((x) => x.id === r.module_id);
      if (!m) modules.push((m = { id: r.module_id, title: r.module_title, lessons: [] }));
      m.lessons.push({
        id: r.lesson_id,
        title: r.title,
        type: r.type,
        durationMinutes: r.duration_minutes,
        progress: LearnerCourseService.progressOf(r),
      });
    }
    const completion = await this.completion.checklist(em, enrolmentId);
    if (!completion) throw notFound('Pendaftaran');
    return {
      enrolment: await this.enrolments.summary(em, enrolmentId),
      jp: Number(jp),
      completion,
      modules,
    };
  }
}
