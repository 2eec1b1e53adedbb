import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScormCommitRequest, ScormStateResponse } from '@siantar/contracts';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { CompletionSignals } from '../completion/completion-signals';
import { ScormPackagesService } from '../scorm/scorm-packages.service';
import { LearnerCourseService } from './learner-course.service';

/** CMITimespan (HHHH:MM:SS.SS) to seconds; anything malformed counts as zero. */
export function timespanSeconds(v: string | undefined): number {
  const m = /^(\d{2,4}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)$/.exec(v ?? '');
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
}

export function secondsTimespan(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total - h * 3600 - m * 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

const DONE = ['completed', 'passed'];

/**
 * The server half of the SCORM 1.2 runtime: what a SCO saved (status, score,
 * suspend data, location, time) is kept per learner and lesson, so the package
 * resumes where it stopped, on any device. Commits are idempotent by id.
 */
@Injectable()
export class ScormRuntimeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly course: LearnerCourseService,
    private readonly packages: ScormPackagesService,
    private readonly signals: CompletionSignals,
  ) {}

  private async scormLesson(
    enrolmentId: string,
    lessonId: string,
    p: Principal,
  ): Promise<{ packageId: string }> {
    await this.course.own(this.db.manager, enrolmentId, p);
    const rows: { type: string; content: { packageId?: string } }[] = await this.db.query(
      `SELECT l.type, l.content FROM lesson l JOIN enrolment e ON e.version_id = l.version_id WHERE e.id = $1 AND l.id = $2`,
      [enrolmentId, lessonId],
    );
    const r = rows[0];
    if (!r) throw notFound('Materi pada kursus ini');
    if (r.type !== 'scorm' || !r.content.packageId)
      throw new AppError(400, 'scorm.not-scorm', 'Materi ini bukan paket SCORM.');
    return { packageId: r.content.packageId };
  }

  async state(enrolmentId: string, lessonId: string, p: Principal): Promise<ScormStateResponse> {
    const { packageId } = await this.scormLesson(enrolmentId, lessonId, p);
    const [user] = await this.db.query<{ nip: string | null; email: string; name: string }[]>(
      `SELECT nip, email, name FROM app_user WHERE id = $1`,
      [p.id],
    );
    const rows: {
      lesson_status: string;
      score_raw: string | null;
      score_min: string | null;
      score_max: string | null;
      suspend_data: string | null;
      lesson_location: string | null;
      total_seconds: string;
    }[] = await this.db.query(
      `SELECT * FROM scorm_state WHERE enrolment_id = $1 AND lesson_id = $2`,
      [enrolmentId, lessonId],
    );
    const s = rows[0];
    return {
      launchUrl: await this.packages.launchUrl(packageId, p.id),
      cmi: {
        studentId: user.nip ?? user.email,
        // SCORM 1.2 asks for "Last, First"; Indonesian names have no such order, so the full name is given.
        studentName: user.name,
        lessonStatus: s?.lesson_status ?? 'not attempted',
        entry: s ? (s.suspend_data || s.lesson_location ? 'resume' : '') : 'ab-initio',
        scoreRaw: s?.score_raw ?? '',
        scoreMin: s?.score_min ?? '',
        scoreMax: s?.score_max ?? '',
        suspendData: s?.suspend_data ?? '',
        lessonLocation: s?.lesson_location ?? '',
        totalTime: secondsTimespan(Number(s?.total_seconds ?? 0)),
      },
    };
  }

  async commit(
    enrolmentId: string,
    lessonId: string,
    c: ScormCommitRequest,
    p: Principal,
  ): Promise<void> {
    await this.scormLesson(enrolmentId, lessonId, p);
    await this.db.transaction(async (em) => {
      const claimed: unknown[] = await em.query(
        `INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at, data) VALUES ($1, $2, $3, 'scorm', now(), $4)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [c.id, enrolmentId, lessonId, JSON.stringify(c)],
      );
      if (claimed.length === 0) return;
      // Session time is added once, when the SCO ends its session (exit set or LMSFinish).
      const addSeconds = c.exit !== undefined ? timespanSeconds(c.sessionTime) : 0;
      await em.query(
        `INSERT INTO scorm_state (enrolment_id, lesson_id, lesson_status, score_raw, score_min, score_max, suspend_data,
                                  lesson_location, total_seconds, last_commit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET
           lesson_status = CASE WHEN scorm_state.lesson_status IN ('completed', 'passed') AND EXCLUDED.lesson_status IN ('incomplete', 'browsed', 'not attempted')
                                THEN scorm_state.lesson_status ELSE EXCLUDED.lesson_status END,
           score_raw = coalesce(EXCLUDED.score_raw, scorm_state.score_raw),
           score_min = coalesce(EXCLUDED.score_min, scorm_state.score_min),
           score_max = coalesce(EXCLUDED.score_max, scorm_state.score_max),
           suspend_data = coalesce(EXCLUDED.suspend_data, scorm_state.suspend_data),
           lesson_location = coalesce(EXCLUDED.lesson_location, scorm_state.lesson_location),
           total_seconds = scorm_state.total_seconds + EXCLUDED.total_seconds,
           last_commit_id = EXCLUDED.last_commit_id, updated_at = now()`,
        [
          enrolmentId,
          lessonId,
          c.lessonStatus,
          c.scoreRaw ?? null,
          c.scoreMin ?? null,
          c.scoreMax ?? null,
          c.suspendData ?? null,
          c.lessonLocation ?? null,
          addSeconds,
          c.id,
        ],
      );
      const done = DONE.includes(c.lessonStatus);
      await em.query(
        `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, completed_at)
         VALUES ($1, $2, CASE WHEN $3 THEN 'completed' ELSE 'in-progress' END, CASE WHEN $3 THEN 100 ELSE 0 END, CASE WHEN $3 THEN now() END)
         ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET
           status = CASE WHEN lesson_progress.status = 'completed' OR $3 THEN 'completed' ELSE 'in-progress' END,
           percent = GREATEST(lesson_progress.percent, CASE WHEN $3 THEN 100 ELSE 0 END),
           completed_at = coalesce(lesson_progress.completed_at, CASE WHEN $3 THEN now() END),
           updated_at = now()`,
        [enrolmentId, lessonId, done],
      );
      if (done) await this.signals.raise(em, enrolmentId, 'lesson', lessonId);
    });
  }
}
