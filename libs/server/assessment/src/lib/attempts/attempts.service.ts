import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AttemptSummary,
  AttemptView,
  QuizLearnerOverview,
  SaveAnswerRequest,
  SaveAnswerResponse,
} from '@siantar/contracts';
import { courseForAuthoring, quizLessonForLearner } from '@siantar/server-catalog';
import { AppError, jobKey, notFound, type Principal, QueueService } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { checkResponse } from '../grading';
import { finalPercent } from '../marking/final-grade';
import type { QuizRow } from '../quizzes/quiz-settings';
import { plannedSize } from '../quizzes/quizzes.service';
import { buildSlots } from './attempt-builder';
import { type AttemptRow, loadAttempt, loadSlots } from './attempt-rows';
import { attemptResult, attemptView, type Viewer } from './attempt-view';

const closed = (detail: string) => new AppError(409, 'attempts.closed', detail);

/** The learner's side of quizzes: overview, start, answers, submit. */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
  ) {}

  async overview(quizId: string, p: Principal): Promise<QuizLearnerOverview> {
    const em = this.db.manager;
    const { quiz, place } = await this.learnerQuiz(em, quizId, p);
    const s = quiz.settings;
    const attempts: AttemptRow[] = await em.query(
      `SELECT * FROM quiz_attempt WHERE quiz_id = $1 AND user_id = $2 ORDER BY number`,
      [quizId, p.id],
    );
    const open = attempts.find((a) => a.status === 'in-progress');
    const graded = attempts.filter((a) => a.status === 'graded');
    const final = finalPercent(
      graded.map((a) => ({ number: a.number, percent: Number(a.percent) })),
      s.gradingMethod,
    );
    // The grade that counts is shown only when the review options show each graded attempt's score.
    const scoreShown = graded.every((a) => attemptResult(a, 'learner')?.percent !== null);
    const blockedReason = open ? null : startBlocker(quiz, attempts.length, place.lockedReason);
    const { questionCount } = await plannedSize(em, quiz);
    return {
      id: quiz.id,
      title: s.title,
      role: s.role,
      timeLimitMinutes: s.timeLimitMinutes,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      attemptsAllowed: s.attemptsAllowed,
      gradingMethod: s.gradingMethod,
      passPercent: s.passPercent,
      questionCount,
      attempts: attempts.map((a): AttemptSummary => {
        const r = attemptResult(a, 'learner');
        return {
          id: a.id,
          number: a.number,
          status: a.status,
          startedAt: new Date(a.started_at).toISOString(),
          submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
          percent: r?.percent ?? null,
          passed: r?.passed ?? null,
        };
      }),
      finalPercent: scoreShown ? final : null,
      passed: scoreShown && final !== null ? final >= s.passPercent : null,
      canStart: !open && blockedReason === null,
      blockedReason,
      inProgressAttemptId: open?.id ?? null,
    };
  }

  start(quizId: string, p: Principal): Promise<AttemptView> {
    return this.db.transaction(async (em) => {
      const { quiz, place } = await this.learnerQuiz(em, quizId, p);
      // One start at a time per learner and quiz, so numbers and limits can't race.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${quizId}:${p.id}`]);
      const attempts: { id: string; status: string }[] = await em.query(
        `SELECT id, status FROM quiz_attempt WHERE quiz_id = $1 AND user_id = $2`,
        [quizId, p.id],
      );
      const open = attempts.find((a) => a.status === 'in-progress');
      if (open)
        throw new AppError(
          409,
          'attempts.in-progress',
          'Anda masih punya percobaan yang belum dikumpulkan; lanjutkan percobaan itu.',
          undefined,
          {},
          { attemptId: open.id },
        );
      const blocker = startBlocker(quiz, attempts.length, place.lockedReason);
      if (blocker) {
        const code = blocker === LIMIT_REACHED ? 'attempts.limit-reached' : 'quizzes.unavailable';
        throw new AppError(code === 'attempts.limit-reached' ? 409 : 403, code, blocker);
      }
      const s = quiz.settings;
      const id = randomUUID();
      const { slots, maxMark } = await buildSlots(em, id, s);
      const now = Date.now();
      let deadline: Date | null = s.timeLimitMinutes
        ? new Date(now + s.timeLimitMinutes * 60_000)
        : null;
      if (s.closesAt && (!deadline || new Date(s.closesAt) < deadline))
        deadline = new Date(s.closesAt);
      await em.query(
        `INSERT INTO quiz_attempt (id, quiz_id, user_id, enrolment_id, number, settings, deadline, max_mark)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          quizId,
          p.id,
          place.enrolmentId,
          attempts.length + 1,
          JSON.stringify(s),
          deadline,
          maxMark,
        ],
      );
      await em.query(
        `INSERT INTO attempt_slot (attempt_id, slot, question_id, question_version_id, max_mark, view)
         SELECT $1, x.slot, x.qid, x.vid, x.max, x.view
           FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::numeric[], $6::jsonb[]) AS x(slot, qid, vid, max, view)`,
        [
          id,
          slots.map((_, i) => i + 1),
          slots.map((q) => q.questionId),
          slots.map((q) => q.versionId),
          slots.map((q) => q.maxMark),
          slots.map((q) => JSON.stringify(q.view)),
        ],
      );
      if (deadline) {
        // Last step of the transaction: a Redis failure rolls the start back.
        await this.queue.enqueue(
          'assessment.deadline-submit',
          { attemptId: id },
          { jobId: jobKey('deadline', id), delayMs: Math.max(0, deadline.getTime() - now) + 1000 },
        );
      }
      return this.viewIn(em, await loadAttempt(em, id), 'learner', s.title);
    });
  }

  async view(attemptId: string, p: Principal): Promise<AttemptView> {
    const em = this.db.manager;
    const a = await loadAttempt(em, attemptId);
    const viewer = await this.viewerOf(em, a, p);
    return this.viewIn(em, a, viewer, a.settings.title);
  }

  /**
   * Saves one answer. The attempt row is share-locked in the same statement, so
   * a save racing a submit either lands before it or is refused: never after.
   */
  async saveAnswer(
    attemptId: string,
    slot: number,
    dto: SaveAnswerRequest,
    p: Principal,
  ): Promise<SaveAnswerResponse> {
    const rows: {
      user_id: string;
      status: string;
      deadline: Date | null;
      sequential: boolean;
      current_slot: number;
      view: unknown;
      seq: number;
    }[] = await this.db.query(
      `SELECT a.user_id, a.status, a.deadline, a.settings->>'navigation' = 'sequential' AS sequential,
              a.current_slot, s.view, s.seq
           FROM quiz_attempt a LEFT JOIN attempt_slot s ON s.attempt_id = a.id AND s.slot = $2
          WHERE a.id = $1`,
      [attemptId, slot],
    );
    const row = rows[0];
    if (!row || row.user_id !== p.id) throw notFound('Percobaan kuis');
    if (row.view === null) throw notFound(`Soal nomor ${slot} di percobaan ini`);
    if (row.status !== 'in-progress')
      throw closed('Percobaan ini sudah dikumpulkan; jawaban tidak bisa diubah lagi.');
    if (row.deadline && new Date(row.deadline).getTime() <= Date.now())
      throw closed('Waktu mengerjakan sudah habis; jawaban terakhir yang tersimpan yang dinilai.');
    if (row.sequential && slot < row.current_slot)
      throw new AppError(
        409,
        'attempts.sequential',
        `Kuis ini berurutan: soal ${slot} sudah dilewati dan tidak bisa diubah lagi.`,
      );
    const check = checkResponse(row.view as Parameters<typeof checkResponse>[0], dto.response);
    if (!check.ok)
      throw new AppError(
        400,
        'attempts.invalid-answer',
        `Jawaban soal nomor ${slot} tidak valid: ${check.message}`,
        [{ path: 'response', message: check.message }],
      );
    // An UPDATE answers [rows, count] through TypeORM's postgres driver.
    const [saved] = await this.db.query<[{ seq: number; saved_at: Date }[], number]>(
      `WITH a AS (SELECT id FROM quiz_attempt
                   WHERE id = $1 AND status = 'in-progress' AND (deadline IS NULL OR deadline > now()) FOR SHARE)
       UPDATE attempt_slot s SET response = $4, seq = $3, saved_at = now()
         FROM a WHERE s.attempt_id = a.id AND s.slot = $2 AND s.seq < $3
       RETURNING s.seq, s.saved_at`,
      [attemptId, slot, dto.seq, JSON.stringify(check.response)],
    );
    // Reaching a question in a sequential quiz closes the ones before it.
    if (saved.length > 0 && row.sequential && slot > row.current_slot)
      await this.db.query(
        `UPDATE quiz_attempt SET current_slot = greatest(current_slot, $2) WHERE id = $1`,
        [attemptId, slot],
      );
    if (saved[0])
      return { slot, seq: saved[0].seq, savedAt: new Date(saved[0].saved_at).toISOString() };
    const [now] = await this.db.query<{ status: string; seq: number }[]>(
      `SELECT a.status, s.seq FROM quiz_attempt a JOIN attempt_slot s ON s.attempt_id = a.id AND s.slot = $2 WHERE a.id = $1`,
      [attemptId, slot],
    );
    if (now.status !== 'in-progress')
      throw closed('Percobaan ini sudah dikumpulkan; jawaban tidak bisa diubah lagi.');
    if (now.seq >= dto.seq)
      throw new AppError(
        409,
        'attempts.stale-seq',
        `Server sudah menyimpan jawaban yang lebih baru untuk soal ${slot} (nomor urut ${now.seq}).`,
        undefined,
        {},
        { seq: now.seq },
      );
    throw closed('Waktu mengerjakan sudah habis; jawaban terakhir yang tersimpan yang dinilai.');
  }

  submit(attemptId: string, p: Principal): Promise<AttemptView> {
    return this.db.transaction(async (em) => {
      const a = await loadAttempt(em, attemptId, 'update');
      if (a.user_id !== p.id) throw notFound('Percobaan kuis');
      if (a.status !== 'in-progress')
        throw new AppError(409, 'attempts.already-submitted', 'Percobaan ini sudah dikumpulkan.');
      await submitAttempt(em, this.queue, a, 'learner');
      return this.viewIn(em, await loadAttempt(em, attemptId), 'learner', a.settings.title);
    });
  }

  private async viewIn(
    em: EntityManager,
    a: AttemptRow,
    viewer: Viewer,
    title: string,
  ): Promise<AttemptView> {
    return attemptView(a, await loadSlots(em, a.id), title, viewer);
  }

  /** The learner who owns it, or the course's authors and reviewing admins. */
  private async viewerOf(em: EntityManager, a: AttemptRow, p: Principal): Promise<Viewer> {
    if (a.user_id === p.id) return 'learner';
    const [q] = await em.query<{ course_id: string }[]>(
      `SELECT course_id FROM quiz WHERE id = $1`,
      [a.quiz_id],
    );
    try {
      await courseForAuthoring(em, q.course_id, p);
    } catch {
      throw notFound('Percobaan kuis');
    }
    return 'staff';
  }

  private async learnerQuiz(em: EntityManager, quizId: string, p: Principal) {
    const rows: QuizRow[] = await em.query(`SELECT * FROM quiz WHERE id = $1`, [quizId]);
    const quiz = rows[0];
    if (!quiz) throw notFound('Kuis');
    const place = await quizLessonForLearner(em, quiz.course_id, quizId, p.id);
    if (!place) throw notFound('Kuis di kursus yang Anda ikuti');
    return { quiz, place };
  }
}

const LIMIT_REACHED = 'Kesempatan mengerjakan kuis ini sudah habis.';

function startBlocker(quiz: QuizRow, used: number, lockedReason: string | null): string | null {
  const s = quiz.settings;
  const now = new Date();
  if (lockedReason) return lockedReason;
  if (s.opensAt && new Date(s.opensAt) > now)
    return `Kuis baru dibuka ${new Date(s.opensAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })} WIB.`;
  if (s.closesAt && new Date(s.closesAt) <= now) return 'Kuis sudah ditutup.';
  if (s.attemptsAllowed > 0 && used >= s.attemptsAllowed) return LIMIT_REACHED;
  return null;
}

/** Moves an attempt to `submitted` and queues its grading (jobId = attempt id). */
export async function submitAttempt(
  em: EntityManager,
  queue: QueueService,
  a: AttemptRow,
  by: 'learner' | 'deadline',
): Promise<void> {
  await em.query(
    `UPDATE quiz_attempt SET status = 'submitted', submitted_by = $2::text,
            submitted_at = CASE WHEN $2::text = 'deadline' THEN least(now(), coalesce(deadline, now())) ELSE now() END
      WHERE id = $1`,
    [a.id, by],
  );
  await queue.enqueue('assessment.grade-attempt', { attemptId: a.id }, { jobId: a.id });
}
