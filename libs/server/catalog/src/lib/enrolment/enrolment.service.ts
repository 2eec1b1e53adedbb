import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BulkEnrolRequest,
  BulkEnrolResponse,
  CourseLearnerRow,
  EnrolmentSummary,
} from '@siantar/contracts';
import { AppError, jobKey, notFound, type Principal, QueueService } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { courseForAuthoring } from '../courses/course-access';
import { EnrolmentNotices } from './enrolment-notices';
import { EnrolmentRules } from './enrolment-rules';

export const ENROLMENT_SUMMARY_SQL = `
  SELECT e.id, e.course_id AS "courseId", c.code, v.title, v.number AS "versionNumber", e.status,
         e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", v.completion_deadline AS "completionDeadline",
         coalesce((SELECT round(100.0 * count(*) FILTER (WHERE lp.status = 'completed') / nullif(count(l.id), 0))
                     FROM lesson l LEFT JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.enrolment_id = e.id
                    WHERE l.version_id = e.version_id AND l.type NOT IN ('live-session', 'simulation')), 0) AS percent,
         (SELECT l.id FROM lesson l JOIN course_module m ON m.id = l.module_id
            LEFT JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.enrolment_id = e.id
           WHERE l.version_id = e.version_id AND coalesce(lp.status, '') <> 'completed'
             AND l.type NOT IN ('live-session', 'simulation')
           ORDER BY (lp.updated_at IS NULL), lp.updated_at DESC, m.position, l.position LIMIT 1) AS "resumeLessonId"
    FROM enrolment e JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.version_id`;

interface SummaryRow extends Omit<
  EnrolmentSummary,
  'enrolledAt' | 'completedAt' | 'completionDeadline' | 'percent'
> {
  enrolledAt: Date;
  completedAt: Date | null;
  completionDeadline: Date | null;
  percent: string;
}

export function toSummary(r: SummaryRow): EnrolmentSummary {
  return {
    ...r,
    percent: Number(r.percent),
    enrolledAt: r.enrolledAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    completionDeadline: r.completionDeadline?.toISOString() ?? null,
  };
}

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: EnrolmentRules,
    private readonly queue: QueueService,
    private readonly notices: EnrolmentNotices,
  ) {}

  async summary(em: EntityManager, enrolmentId: string): Promise<EnrolmentSummary> {
    const rows: SummaryRow[] = await em.query(`${ENROLMENT_SUMMARY_SQL} WHERE e.id = $1`, [
      enrolmentId,
    ]);
    if (!rows[0]) throw notFound('Pendaftaran');
    return toSummary(rows[0]);
  }

  async mine(p: Principal): Promise<EnrolmentSummary[]> {
    const rows: SummaryRow[] = await this.db.query(
      `${ENROLMENT_SUMMARY_SQL} WHERE e.user_id = $1 AND e.status <> 'withdrawn' ORDER BY e.status, v.completion_deadline NULLS LAST, e.enrolled_at DESC`,
      [p.id],
    );
    return rows.map(toSummary);
  }

  /** Self-enrolment into the course's current published version. */
  async selfEnrol(courseId: string, p: Principal): Promise<EnrolmentSummary> {
    return this.db.transaction(async (em) => {
      // Serialise per course+user so a double click cannot race past the checks.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`enrol:${courseId}:${p.id}`]);
      const existing: { id: string }[] = await em.query(
        `SELECT id FROM enrolment WHERE course_id = $1 AND user_id = $2 AND status <> 'withdrawn'`,
        [courseId, p.id],
      );
      if (existing[0]) {
        throw new AppError(
          409,
          'enrolment.exists',
          'Anda sudah terdaftar di kursus ini.',
          undefined,
        );
      }
      const blocker = await this.rules.selfEnrolBlocker(em, courseId, p.id);
      if (blocker) {
        const status = blocker === 'Kursus tidak ditemukan.' ? 404 : 409;
        throw new AppError(status, 'enrolment.not-allowed', blocker);
      }
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO enrolment (course_id, version_id, user_id, source, enrolled_by)
         SELECT id, current_version_id, $2, 'self', $2 FROM course WHERE id = $1 RETURNING id`,
        [courseId, p.id],
      );
      await this.notices.enrolled(em, [row.id]);
      return this.summary(em, row.id);
    });
  }

  /** Admin: queue the enrolment of people, whole org units and positions; the worker does it and reports. */
  async requestBulk(
    courseId: string,
    dto: BulkEnrolRequest,
    p: Principal,
  ): Promise<BulkEnrolResponse> {
    if (!dto.userIds?.length && !dto.orgUnitIds?.length && !dto.positions?.length) {
      throw new AppError(
        400,
        'enrolment.empty-request',
        'Pilih minimal satu pengguna, unit organisasi atau jabatan.',
      );
    }
    const closed = await this.rules.closedReason(this.db.manager, courseId, p.id);
    if (closed)
      throw new AppError(
        closed === 'Kursus tidak ditemukan.' ? 404 : 409,
        'enrolment.closed',
        closed,
      );
    const id = await this.db.transaction(async (em) => {
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO bulk_enrol_request (course_id, requested_by, criteria) VALUES ($1, $2, $3) RETURNING id`,
        [courseId, p.id, JSON.stringify({ ...dto, scopePath: p.adminScopePath })],
      );
      await this.queue.enqueue(
        'catalog.bulk-enrol',
        { requestId: row.id },
        { jobId: jobKey('bulk-enrol', row.id) },
      );
      return row.id;
    });
    return this.bulkStatus(id, p);
  }

  async bulkStatus(requestId: string, p: Principal): Promise<BulkEnrolResponse> {
    const rows: {
      id: string;
      status: BulkEnrolResponse['status'];
      progress: number;
      total: number;
      enrolled: number;
      already_enrolled: number;
      skipped: BulkEnrolResponse['skipped'];
      requested_by: string;
    }[] = await this.db.query(`SELECT * FROM bulk_enrol_request WHERE id = $1`, [requestId]);
    const r = rows[0];
    if (!r || (r.requested_by !== p.id && !p.roles.includes('admin')))
      throw notFound('Permintaan pendaftaran');
    return {
      requestId: r.id,
      status: r.status,
      progress: r.progress,
      total: r.total,
      enrolled: r.enrolled,
      alreadyEnrolled: r.already_enrolled,
      skipped: r.skipped,
    };
  }

  /** Withdrawal keeps the enrolment and its progress as history. */
  async withdraw(enrolmentId: string, p: Principal): Promise<EnrolmentSummary> {
    return this.db.transaction(async (em) => {
      const rows: { status: string; path: string }[] = await em.query(
        `SELECT e.status, o.path FROM enrolment e JOIN app_user u ON u.id = e.user_id JOIN org_unit o ON o.id = u.org_unit_id WHERE e.id = $1`,
        [enrolmentId],
      );
      const r = rows[0];
      if (!r || !p.adminScopePath || !r.path.startsWith(p.adminScopePath))
        throw notFound('Pendaftaran');
      if (r.status === 'withdrawn')
        throw new AppError(409, 'enrolment.withdrawn', 'Pendaftaran ini sudah dibatalkan.');
      await em.query(
        `UPDATE enrolment SET status = 'withdrawn', withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1`,
        [enrolmentId, p.id],
      );
      await this.notices.withdrawn(em, enrolmentId);
      return this.summary(em, enrolmentId);
    });
  }

  /**
   * Moves an enrolment to the course's current version. Progress follows each
   * lesson by its key; lessons new in that version start fresh, and the rows of
   * the old version stay as history.
   */
  async migrate(enrolmentId: string, p: Principal): Promise<EnrolmentSummary> {
    return this.db.transaction(async (em) => {
      const rows: { status: string; path: string; version_id: string; current: string | null }[] =
        await em.query(
          `SELECT e.status, o.path, e.version_id, c.current_version_id AS current
           FROM enrolment e JOIN course c ON c.id = e.course_id JOIN app_user u ON u.id = e.user_id
           JOIN org_unit o ON o.id = u.org_unit_id WHERE e.id = $1 FOR UPDATE OF e`,
          [enrolmentId],
        );
      const r = rows[0];
      if (!r || !p.adminScopePath || !r.path.startsWith(p.adminScopePath))
        throw notFound('Pendaftaran');
      if (r.status === 'withdrawn')
        throw new AppError(409, 'enrolment.withdrawn', 'Pendaftaran ini sudah dibatalkan.');
      if (!r.current || r.current === r.version_id) {
        throw new AppError(
          409,
          'enrolment.up-to-date',
          'Peserta ini sudah memakai versi kursus yang terbit terakhir.',
        );
      }
      await em.query(
        `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, seconds_spent, max_scroll, watched_seconds,
                                      duration_seconds, position_seconds, position_at, first_opened_at, completed_at, updated_at)
         SELECT lp.enrolment_id, nl.id, lp.status, lp.percent, lp.seconds_spent, lp.max_scroll, lp.watched_seconds,
                lp.duration_seconds, lp.position_seconds, lp.position_at, lp.first_opened_at, lp.completed_at, now()
           FROM lesson_progress lp JOIN lesson ol ON ol.id = lp.lesson_id
           JOIN lesson nl ON nl.key = ol.key AND nl.version_id = $2 AND nl.type = ol.type
          WHERE lp.enrolment_id = $1
         ON CONFLICT DO NOTHING`,
        [enrolmentId, r.current],
      );
      await em.query(
        `INSERT INTO scorm_state (enrolment_id, lesson_id, lesson_status, score_raw, score_min, score_max, suspend_data,
                                  lesson_location, total_seconds, last_commit_id)
         SELECT s.enrolment_id, nl.id, s.lesson_status, s.score_raw, s.score_min, s.score_max, s.suspend_data,
                s.lesson_location, s.total_seconds, s.last_commit_id
           FROM scorm_state s JOIN lesson ol ON ol.id = s.lesson_id
           JOIN lesson nl ON nl.key = ol.key AND nl.version_id = $2 AND nl.content = ol.content
          WHERE s.enrolment_id = $1
         ON CONFLICT DO NOTHING`,
        [enrolmentId, r.current],
      );
      await em.query(`UPDATE enrolment SET version_id = $2 WHERE id = $1`, [
        enrolmentId,
        r.current,
      ]);
      return this.summary(em, enrolmentId);
    });
  }

  async learners(courseId: string, p: Principal): Promise<CourseLearnerRow[]> {
    await courseForAuthoring(this.db.manager, courseId, p);
    const rows: (SummaryRow & {
      user_id: string;
      name: string;
      nip: string | null;
      unit: string;
    })[] = await this.db.query(
      `SELECT s.*, u.id AS user_id, u.name, u.nip, o.name AS unit FROM (${ENROLMENT_SUMMARY_SQL} WHERE e.course_id = $1) s
         JOIN enrolment e2 ON e2.id = s.id JOIN app_user u ON u.id = e2.user_id JOIN org_unit o ON o.id = u.org_unit_id
        ORDER BY u.name`,
      [courseId],
    );
    return rows.map((r) => ({
      enrolmentId: r.id,
      user: { id: r.user_id, name: r.name, nip: r.nip, orgUnitName: r.unit },
      status: r.status,
      percent: Number(r.percent),
      enrolledAt: r.enrolledAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    }));
  }
}
