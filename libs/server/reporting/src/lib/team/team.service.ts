import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  NudgeRequest,
  NudgeResponse,
  PersonReport,
  TeamMemberRow,
  TeamResponse,
} from '@siantar/contracts';
import { AppError, type Principal, UserEventsPublisher } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { personNotFound } from '../people/people.service';
import { personEnrolments, personRows } from '../people/person-rows';
import { currentYearWib } from '../scope/sql-params';

/** How long after a nudge the same person can be nudged again. */
export const NUDGE_INTERVAL_HOURS = 24;

/** A supervisor's direct reports (app_user.supervisor_id = the supervisor), their JP and courses. */
@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: UserEventsPublisher,
  ) {}

  async team(p: Principal, year?: number): Promise<TeamResponse> {
    const y = year ?? currentYearWib();
    const em = this.db.manager;
    const ids: { id: string }[] = await em.query(
      `SELECT id FROM app_user WHERE supervisor_id = $1 AND active ORDER BY lower(name), id`,
      [p.id],
    );
    const members = await this.memberRows(
      em,
      ids.map((r) => r.id),
      y,
    );
    return { year: y, members, behind: members.filter((m) => m.behind).length };
  }

  async member(p: Principal, userId: string, year?: number): Promise<PersonReport<TeamMemberRow>> {
    const em = this.db.manager;
    if (!(await this.inTeam(em, p.id, userId))) throw personNotFound();
    const y = year ?? currentYearWib();
    const [person] = await this.memberRows(em, [userId], y);
    return { year: y, person, enrolments: await personEnrolments(em, userId) };
  }

  /**
   * Records a nudge and pushes it to the member's open browsers. Once per member per
   * NUDGE_INTERVAL_HOURS; concurrent nudges of one member are serialised by a lock.
   */
  async nudge(p: Principal, userId: string, dto: NudgeRequest): Promise<NudgeResponse> {
    const done = await this.db.transaction(async (em) => {
      if (!(await this.inTeam(em, p.id, userId))) {
        throw new AppError(
          403,
          'not-in-team',
          'Pegawai ini bukan anggota tim Anda; Anda hanya dapat mengingatkan bawahan langsung.',
        );
      }
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`nudge:${userId}`]);
      const recent: { wait: string; at: string }[] = await em.query(
        `SELECT ceil(extract(epoch FROM created_at + make_interval(hours => $2) - now()))::int AS wait,
                to_char(created_at AT TIME ZONE 'Asia/Jakarta', 'DD-MM-YYYY HH24:MI') AS at
           FROM team_nudge WHERE user_id = $1 AND created_at > now() - make_interval(hours => $2)
          ORDER BY created_at DESC LIMIT 1`,
        [userId, NUDGE_INTERVAL_HOURS],
      );
      if (recent[0]) {
        const wait = Math.max(1, Number(recent[0].wait));
        throw new AppError(
          429,
          'nudge-too-soon',
          `Pegawai ini sudah diingatkan pada ${recent[0].at} WIB. Pengingat dapat dikirim sekali dalam ${NUDGE_INTERVAL_HOURS} jam; coba lagi dalam ${Math.ceil(wait / 3600)} jam.`,
          undefined,
          { 'Retry-After': String(wait) },
        );
      }
      let courseTitle: string | null = null;
      if (dto.courseId) {
        const rows: { title: string }[] = await em.query(
          `SELECT v.title FROM enrolment e JOIN course_version v ON v.id = e.version_id
            WHERE e.user_id = $1 AND e.course_id = $2 AND e.status = 'active'`,
          [userId, dto.courseId],
        );
        if (!rows[0]) {
          throw new AppError(
            400,
            'course-not-active',
            'Kursus yang dipilih bukan kursus aktif pegawai ini.',
            [{ path: 'courseId', message: 'harus salah satu kursus aktif pegawai ini' }],
          );
        }
        courseTitle = rows[0].title;
      }
      const [row] = await em.query<{ id: string; created_at: Date; from: string }[]>(
        `INSERT INTO team_nudge (supervisor_id, user_id, course_id, message) VALUES ($1, $2, $3, $4)
         RETURNING id, created_at, (SELECT name FROM app_user WHERE id = $1) AS "from"`,
        [p.id, userId, dto.courseId ?? null, dto.message?.trim() ?? ''],
      );
      return { row, courseTitle };
    });
    // After the commit: the learner is told only about a nudge that exists.
    await this.events.publish(userId, 'nudge', {
      from: done.row.from,
      courseId: dto.courseId ?? null,
      courseTitle: done.courseTitle,
      message: dto.message?.trim() ?? '',
    });
    return { id: done.row.id, createdAt: done.row.created_at.toISOString() };
  }

  private async inTeam(em: EntityManager, supervisorId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND supervisor_id = $2 AND active`,
      [userId, supervisorId],
    );
    return rows.length > 0;
  }

  private async memberRows(
    em: EntityManager,
    ids: string[],
    year: number,
  ): Promise<TeamMemberRow[]> {
    if (!ids.length) return [];
    const rows = await personRows(em, ids, year);
    const extra: { id: string; last_activity: Date | null; last_nudged: Date | null }[] =
      await em.query(
        `SELECT m.id,
                (SELECT max(lp.updated_at) FROM enrolment e JOIN lesson_progress lp ON lp.enrolment_id = e.id
                  WHERE e.user_id = m.id) AS last_activity,
                (SELECT max(n.created_at) FROM team_nudge n WHERE n.user_id = m.id) AS last_nudged
           FROM unnest($1::uuid[]) AS m(id)`,
        [ids],
      );
    const byId = new Map(extra.map((e) => [e.id, e]));
    return rows.map((r) => ({
      ...r,
      lastActivityAt: byId.get(r.userId)?.last_activity?.toISOString() ?? null,
      lastNudgedAt: byId.get(r.userId)?.last_nudged?.toISOString() ?? null,
    }));
  }
}
