import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetencyType, FinaliseAttendanceJob as Payload } from '@siantar/contracts';
import { CompletionSignals } from '@siantar/server-catalog';
import {
  HandlesJob,
  jobKey,
  type JobContext,
  type JobHandler,
  QueueService,
} from '@siantar/server-core';
import { appendLedgerCredit, wibDate } from '@siantar/server-ledger';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AttendanceSession,
  computeAttendance,
  FINALISE_AFTER_MS,
  HEARTBEAT_GRACE_MS,
} from './attendance-records';

interface SessionForCredit extends AttendanceSession {
  status: string;
  title: string;
  course_id: string | null;
  lesson_key: string | null;
  competency_type: CompetencyType | null;
}

/**
 * At the end of a session: freezes every participant's attendance (one row each,
 * never changed after), completes the live-session lesson of those who met the rule
 * (which feeds the course's completion rules) and credits the session's JP in the
 * ledger. One transaction under the session's row lock; `finalised_at` makes a rerun
 * (retry, a second job for the same session) a no-op, and the ledger's one-credit-per-
 * source-row index would refuse a second credit anyway.
 */
@Injectable()
@HandlesJob('live.finalise-attendance')
export class FinaliseAttendanceHandler implements JobHandler<'live.finalise-attendance'> {
  private readonly logger = new Logger(FinaliseAttendanceHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signals: CompletionSignals,
    private readonly queue: QueueService,
  ) {}

  async handle({ sessionId }: Payload, ctx: JobContext): Promise<void> {
    await this.db.transaction(async (em) => {
      const [s]: SessionForCredit[] = await em.query(
        `SELECT s.id, s.status, s.title, s.course_id, s.lesson_key, s.starts_at, s.ends_at, s.ended_at,
                s.finalised_at, s.jp, s.attendance_rule, cv.competency_type
           FROM live_session s
           LEFT JOIN course c ON c.id = s.course_id
           LEFT JOIN course_version cv ON cv.id = c.current_version_id
          WHERE s.id = $1 FOR UPDATE OF s`,
        [sessionId],
      );
      if (!s || s.finalised_at || s.status === 'cancelled') return;
      const now = new Date();
      // A delayed job planned before a reschedule: the session is not over yet.
      if (s.status !== 'ended' && now.getTime() < s.ends_at.getTime() + FINALISE_AFTER_MS) return;
      const endedAt = s.ended_at ?? s.ends_at;
      await em.query(
        `UPDATE live_presence
            SET left_at = least(last_seen_at + $3 * interval '1 millisecond', $2::timestamptz)
          WHERE session_id = $1 AND left_at IS NULL`,
        [s.id, now, HEARTBEAT_GRACE_MS],
      );
      const rows = await computeAttendance(em, { ...s, ended_at: endedAt }, now);
      let credited = 0;
      for (const r of rows) {
        const jp = r.meetsRule ? Number(s.jp) : 0;
        const [{ id }]: { id: string }[] = await em.query(
          `INSERT INTO live_attendance (session_id, user_id, intervals, minutes, share, poll_answers,
                                        poll_correct, met_rule, credited_jp, finalised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            s.id,
            r.userId,
            JSON.stringify(r.intervals),
            r.minutes,
            r.share,
            r.pollAnswers,
            r.pollCorrect,
            r.meetsRule,
            jp,
            now,
          ],
        );
        if (!r.meetsRule) continue;
        // A webinar's certificate (a course session's comes with the course's completion).
        if (!s.course_id)
          await this.queue.enqueue(
            'certificates.issue-webinar',
            { attendanceId: id },
            { jobId: jobKey('certificate-live', id) },
          );
        await this.completeLesson(em, s, r.userId);
        if (jp > 0) {
          await appendLedgerCredit(em, {
            userId: r.userId,
            entryDate: wibDate(endedAt),
            source: 'live',
            sourceRef: id,
            title: s.title,
            provider: 'Siantar Belajar — sesi langsung',
            trainingType: 'pelatihan jarak jauh',
            route: 'nonklasikal',
            competencyType: s.competency_type ?? 'teknis',
            jp,
            startDate: wibDate(s.starts_at),
            endDate: wibDate(endedAt),
          });
          credited++;
        }
      }
      await em.query(
        `UPDATE live_session SET status = 'ended', ended_at = $2, finalised_at = $3 WHERE id = $1`,
        [s.id, endedAt, now],
      );
      await ctx.log(`${rows.length} attendance records, ${credited} JP credits`);
      this.logger.log(`session ${s.id}: ${rows.length} attendance records, ${credited} credited`);
    });
  }

  /** Marks the session's lesson done in each enrolment the learner has in the course. */
  private async completeLesson(em: EntityManager, s: SessionForCredit, userId: string) {
    if (!s.course_id || !s.lesson_key) return;
    const lessons: { enrolment_id: string; lesson_id: string }[] = await em.query(
      `SELECT e.id AS enrolment_id, l.id AS lesson_id
         FROM enrolment e JOIN lesson l ON l.version_id = e.version_id AND l.key = $3
        WHERE e.course_id = $1 AND e.user_id = $2 AND e.status IN ('active', 'completed')`,
      [s.course_id, userId, s.lesson_key],
    );
    for (const l of lessons)
      await this.signals.completeLessons(em, l.enrolment_id, { lessonId: l.lesson_id });
  }
}
