import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CancelLiveSessionRequest,
  type CreateLiveSessionRequest,
  LIVE_SESSION_MAX_HOURS,
  type LiveSessionView,
  type MyLiveSessionsQuery,
  type UpdateLiveSessionRequest,
} from '@siantar/contracts';
import {
  AppError,
  forbidden,
  isCityWideAdmin,
  jobKey,
  notFound,
  type Principal,
  QueueService,
} from '@siantar/server-core';
import { courseForAuthoring } from '@siantar/server-catalog';
import type { DataSource, EntityManager } from 'typeorm';
import { FINALISE_AFTER_MS } from '../attendance/attendance-records';
import { LiveGateway } from '../room/live.gateway';
import { MAY_JOIN, mayJoin, mayManage } from './session-access';
import { SESSION_SELECT, type SessionRow } from './session-row';
import { SessionNotices } from './session-notices';

type FieldError = { path: string; message: string };

const invalid = (errors: FieldError[]) =>
  new AppError(
    400,
    'validation',
    `Jadwal sesi tidak valid: ${errors.map((e) => `${e.path} — ${e.message}`).join('; ')}.`,
    errors,
  );

const notScheduled = (status: string) =>
  new AppError(
    409,
    'live.not-scheduled',
    status === 'cancelled'
      ? 'Sesi ini sudah dibatalkan dan tidak dapat diubah lagi.'
      : 'Sesi ini sudah selesai dan tidak dapat diubah lagi.',
  );

export const sessionView = (r: SessionRow, canManage: boolean): LiveSessionView => ({
  id: r.id,
  courseId: r.course_id,
  courseTitle: r.course_title,
  lessonKey: r.lesson_key,
  title: r.title,
  description: r.description,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  capacity: r.capacity,
  audienceOrgUnitIds: r.audience_org_unit_ids,
  jp: Number(r.jp),
  attendanceRule: r.attendance_rule,
  status: r.status,
  sequence: r.sequence,
  cancelReason: r.cancel_reason,
  trainers: r.trainers,
  canManage,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

interface Draft {
  courseId: string | null;
  lessonKey: string | null;
  startsAt: Date;
  endsAt: Date;
  audienceOrgUnitIds: string[];
  trainerIds: string[];
}

/** Scheduling of live sessions: course sessions and stand-alone webinars. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
    private readonly room: LiveGateway,
    private readonly notices: SessionNotices,
  ) {}

  /**
   * Plans the end-of-session job for a session nobody ends by hand; each change plans
   * its own (the key holds the SEQUENCE) and an early one finds the session not over.
   */
  private async planFinalise(row: SessionRow): Promise<void> {
    await this.queue.enqueue(
      'live.finalise-attendance',
      { sessionId: row.id },
      {
        jobId: jobKey('live-finalise', row.id, row.sequence),
        delayMs: Math.max(0, row.ends_at.getTime() + FINALISE_AFTER_MS - Date.now()),
      },
    );
  }

  async create(dto: CreateLiveSessionRequest, p: Principal): Promise<LiveSessionView> {
    return this.db.transaction(async (em) => {
      const errors: FieldError[] = [];
      const courseId = dto.courseId ?? null;
      if (courseId) {
        const known: unknown[] = await em.query(`SELECT 1 FROM course WHERE id = $1`, [courseId]);
        let reachable = known.length > 0;
        if (reachable)
          reachable = await courseForAuthoring(em, courseId, p).then(
            () => true,
            () => false,
          );
        if (!reachable)
          // An existing course outside the caller's authoring reach answers like an unknown one.
          errors.push({
            path: 'courseId',
            message: 'kursus tidak ditemukan di antara kursus yang Anda kelola',
          });
      } else if (!p.roles.includes('admin') && !p.roles.includes('trainer')) {
        throw forbidden(
          'Webinar mandiri hanya dapat dijadwalkan oleh admin atau pelatih; mitra menjadwalkan sesi di kursus yang mereka susun.',
        );
      }
      const draft: Draft = {
        courseId,
        lessonKey: dto.lessonKey ?? null,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        audienceOrgUnitIds: dto.audienceOrgUnitIds ?? [],
        trainerIds: dto.trainerIds ?? [p.id],
      };
      await this.check(
        em,
        draft,
        { startsChanged: true, checkLesson: errors.length === 0 },
        errors,
        p,
      );
      if (errors.length > 0) throw invalid(errors);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO live_session (course_id, lesson_key, title, description, starts_at, ends_at,
                                   capacity, audience_org_unit_ids, jp, attendance_rule, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          draft.courseId,
          draft.lessonKey,
          dto.title,
          dto.description ?? '',
          draft.startsAt,
          draft.endsAt,
          dto.capacity ?? null,
          draft.audienceOrgUnitIds,
          dto.jp ?? 0,
          JSON.stringify(dto.attendanceRule ?? { minShare: 0.8 }),
          p.id,
        ],
      );
      await this.setTrainers(em, id, draft.trainerIds);
      const row = await this.row(em, id);
      await this.planFinalise(row);
      await this.notices.scheduled(em, id);
      return sessionView(row, true);
    });
  }

  async update(id: string, dto: UpdateLiveSessionRequest, p: Principal): Promise<LiveSessionView> {
    return this.db.transaction(async (em) => {
      const current = await this.managed(em, id, p, true);
      if (current.status !== 'scheduled') throw notScheduled(current.status);
      const draft: Draft = {
        courseId: current.course_id,
        lessonKey: dto.lessonKey === undefined ? current.lesson_key : dto.lessonKey,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : current.starts_at,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : current.ends_at,
        audienceOrgUnitIds: dto.audienceOrgUnitIds ?? current.audience_org_unit_ids,
        trainerIds: dto.trainerIds ?? current.trainers.map((t) => t.id),
      };
      const errors: FieldError[] = [];
      const startsChanged = draft.startsAt.getTime() !== current.starts_at.getTime();
      // A key already stored stays valid when a later course version moved the lesson.
      const lessonChanged = draft.lessonKey !== current.lesson_key;
      await this.check(em, draft, { startsChanged, checkLesson: lessonChanged }, errors, p);
      if (errors.length > 0) throw invalid(errors);
      await em.query(
        `UPDATE live_session
            SET title = $2, description = $3, starts_at = $4, ends_at = $5, capacity = $6,
                audience_org_unit_ids = $7, jp = $8, attendance_rule = $9, lesson_key = $10,
                sequence = sequence + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.title ?? current.title,
          dto.description ?? current.description,
          draft.startsAt,
          draft.endsAt,
          dto.capacity === undefined ? current.capacity : dto.capacity,
          draft.audienceOrgUnitIds,
          dto.jp ?? current.jp,
          JSON.stringify(dto.attendanceRule ?? current.attendance_rule),
          draft.lessonKey,
        ],
      );
      if (dto.trainerIds) await this.setTrainers(em, id, draft.trainerIds);
      const row = await this.row(em, id);
      await this.planFinalise(row);
      await this.notices.changed(em, id, startsChanged);
      return sessionView(row, true);
    });
  }

  async cancel(id: string, dto: CancelLiveSessionRequest, p: Principal): Promise<LiveSessionView> {
    const view = await this.db.transaction(async (em) => {
      const current = await this.managed(em, id, p, true);
      if (current.status !== 'scheduled') throw notScheduled(current.status);
      await em.query(
        `UPDATE live_session
            SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(),
                sequence = sequence + 1, updated_at = now()
          WHERE id = $1`,
        [id, dto.reason],
      );
      await this.notices.cancelled(em, id, dto.reason);
      return sessionView(await this.row(em, id), true);
    });
    this.room.closeRoom(id, `Sesi dibatalkan: ${dto.reason}`);
    return view;
  }

  /** A session the caller may join or manage; anyone else gets 404. */
  async get(id: string, p: Principal): Promise<LiveSessionView> {
    const row = await this.visible(this.db.manager, id, p);
    return sessionView(row, await mayManage(this.db.manager, row, p));
  }

  /** The session as a row, for the caller who may join or manage it (404 otherwise). */
  async visible(em: EntityManager, id: string, p: Principal): Promise<SessionRow> {
    const rows: SessionRow[] = await em.query(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw notFound('Sesi langsung');
    if (!(await mayJoin(em, id, p.id)) && !(await mayManage(em, row, p)))
      throw notFound('Sesi langsung');
    return row;
  }

  /** Scheduled sessions the caller may join that overlap [from, to); from defaults to now. */
  async mine(q: MyLiveSessionsQuery, p: Principal): Promise<LiveSessionView[]> {
    const from = q.from ? new Date(q.from) : new Date();
    const to = q.to ? new Date(q.to) : null;
    if (to && to <= from) throw invalid([{ path: 'to', message: 'harus setelah from' }]);
    const rows: SessionRow[] = await this.db.query(
      `${SESSION_SELECT}
        WHERE s.status = 'scheduled' AND s.ends_at > $2 AND ($3::timestamptz IS NULL OR s.starts_at < $3)
          AND ${MAY_JOIN}
        ORDER BY s.starts_at, s.id
        LIMIT 200`,
      [p.id, from, to],
    );
    const trainerOf = (r: SessionRow) => r.trainers.some((t) => t.id === p.id);
    return rows.map((r) => sessionView(r, trainerOf(r) || r.created_by === p.id));
  }

  private async row(em: EntityManager, id: string): Promise<SessionRow> {
    const rows: SessionRow[] = await em.query(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
    return rows[0];
  }

  /** Loads (and locks) a session the caller may manage: 404 if they cannot see it, 403 if they only attend. */
  private async managed(
    em: EntityManager,
    id: string,
    p: Principal,
    lock: boolean,
  ): Promise<SessionRow> {
    if (lock) await em.query(`SELECT 1 FROM live_session WHERE id = $1 FOR UPDATE`, [id]);
    const row = await this.row(em, id);
    if (!row) throw notFound('Sesi langsung');
    if (await mayManage(em, row, p)) return row;
    if (await mayJoin(em, id, p.id))
      throw forbidden(
        'Hanya pelatih sesi, penyusun kursus, atau admin yang dapat mengubah sesi ini.',
      );
    throw notFound('Sesi langsung');
  }

  /**
   * An OPD admin (who is not also a trainer) invites only units of their own reach,
   * and never the whole city; city-wide admins and the training staff invite anyone.
   */
  private checkAudienceReach(
    d: Draft,
    p: Principal,
    units: { id: string; path: string }[],
    errors: FieldError[],
  ): void {
    const scope = p.adminScopePath ?? '';
    if (!p.roles.includes('admin') || p.roles.includes('trainer') || isCityWideAdmin(p)) return;
    if (d.audienceOrgUnitIds.length === 0) {
      errors.push({
        path: 'audienceOrgUnitIds',
        message:
          'pilih OPD yang diundang; hanya admin tingkat kota yang dapat mengundang seluruh kota',
      });
      return;
    }
    units.forEach((u) => {
      if (!scope || !u.path.startsWith(scope))
        errors.push({
          path: `audienceOrgUnitIds[${d.audienceOrgUnitIds.indexOf(u.id)}]`,
          message: 'unit ini di luar jangkauan Anda sebagai admin',
        });
    });
  }

  /** Field checks that need the clock or the database; errors are appended. */
  private async check(
    em: EntityManager,
    d: Draft,
    opts: { startsChanged: boolean; checkLesson: boolean },
    errors: FieldError[],
    p: Principal,
  ): Promise<void> {
    if (opts.startsChanged && d.startsAt.getTime() <= Date.now())
      errors.push({ path: 'startsAt', message: 'waktu mulai sudah lewat' });
    if (d.endsAt <= d.startsAt)
      errors.push({ path: 'endsAt', message: 'waktu selesai harus setelah waktu mulai' });
    else if (d.endsAt.getTime() - d.startsAt.getTime() > LIVE_SESSION_MAX_HOURS * 3600_000)
      errors.push({
        path: 'endsAt',
        message: `sesi paling lama ${LIVE_SESSION_MAX_HOURS} jam`,
      });
    if (d.courseId) {
      if (d.audienceOrgUnitIds.length > 0)
        errors.push({
          path: 'audienceOrgUnitIds',
          message: 'sesi kursus terbuka bagi peserta kursus; undangan OPD hanya untuk webinar',
        });
      if (d.lessonKey && opts.checkLesson) {
        const lesson: { type: string }[] = await em.query(
          `SELECT l.type FROM lesson l JOIN course c ON c.current_version_id = l.version_id
            WHERE c.id = $1 AND l.key = $2`,
          [d.courseId, d.lessonKey],
        );
        if (lesson[0]?.type !== 'live-session')
          errors.push({
            path: 'lessonKey',
            message: lesson[0]
              ? `materi ini bertipe "${lesson[0].type}", bukan sesi langsung`
              : 'tidak ada materi sesi langsung dengan kunci ini di versi kursus yang terbit',
          });
      }
    } else {
      if (d.lessonKey)
        errors.push({ path: 'lessonKey', message: 'hanya untuk sesi yang termasuk kursus' });
      if (d.audienceOrgUnitIds.length > 0) {
        const found: { id: string; path: string }[] = await em.query(
          `SELECT id, path FROM org_unit WHERE id = ANY($1::uuid[])`,
          [d.audienceOrgUnitIds],
        );
        const missing = d.audienceOrgUnitIds.filter((u) => !found.some((f) => f.id === u));
        if (missing.length > 0)
          errors.push({
            path: 'audienceOrgUnitIds',
            message: `unit organisasi tidak dikenal: ${missing.join(', ')}`,
          });
        this.checkAudienceReach(d, p, found, errors);
      } else this.checkAudienceReach(d, p, [], errors);
    }
    const trainerIds = [...new Set(d.trainerIds)];
    if (trainerIds.length === 0)
      errors.push({ path: 'trainerIds', message: 'paling sedikit satu pelatih' });
    else {
      const ok: { id: string }[] = await em.query(
        `SELECT id FROM app_user
          WHERE id = ANY($1::uuid[]) AND active
            AND roles && ARRAY['trainer', 'partner', 'admin']::text[]`,
        [trainerIds],
      );
      const bad = trainerIds.filter((u) => !ok.some((o) => o.id === u));
      if (bad.length > 0)
        errors.push({
          path: 'trainerIds',
          message: `bukan pengguna aktif dengan peran pelatih, mitra, atau admin: ${bad.join(', ')}`,
        });
    }
  }

  private async setTrainers(em: EntityManager, id: string, userIds: string[]): Promise<void> {
    await em.query(`DELETE FROM live_session_trainer WHERE session_id = $1`, [id]);
    await em.query(
      `INSERT INTO live_session_trainer (session_id, user_id)
       SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [id, [...new Set(userIds)]],
    );
  }
}
