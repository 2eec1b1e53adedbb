import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  GradingItemDetail,
  GradingQueueItem,
  GradingQueueQuery,
  ManualGradeRequest,
  Page,
  QuestionResponse,
} from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { loadAttempt, loadSlot, num, rubricOf } from '../attempts/attempt-rows';
import { quizForAuthoring } from '../quizzes/quizzes.service';
import { AttemptGrader } from './attempt-grader';
import { retotal } from './attempt-totals';

interface QueueRow {
  attempt_id: string;
  slot: number;
  quiz_id: string;
  quiz_title: string;
  question_name: string;
  learner_name: string;
  anonymous: boolean;
  learner_no: string;
  submitted_at: Date;
  max_mark: string;
  total: string;
}

/** Courses the caller may grade: those they author, and (admins) those in their reach. */
const GRADABLE_COURSES = `
  (EXISTS (SELECT 1 FROM course_author ca WHERE ca.course_id = qz.course_id AND ca.user_id = $1)
   OR ($2::text IS NOT NULL AND EXISTS (SELECT 1 FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id
                                        WHERE c.id = qz.course_id AND o.path LIKE $2 || '%')))`;

/** "Peserta N" for anonymous grading: stable per quiz, unrelated to names or submission order. */
const LEARNER_NO = `(SELECT count(DISTINCT x.user_id) + 1 FROM quiz_attempt x WHERE x.quiz_id = a.quiz_id AND x.user_id < a.user_id)`;

@Injectable()
export class ManualGradingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly grader: AttemptGrader,
  ) {}

  async queue(query: GradingQueueQuery, p: Principal): Promise<Page<GradingQueueItem>> {
    if (query.quizId) await quizForAuthoring(this.db.manager, query.quizId, p);
    const scope = p.roles.includes('admin') ? p.adminScopePath : null;
    const rows: QueueRow[] = await this.db.query(
      `SELECT s.attempt_id, s.slot, a.quiz_id, a.settings->>'title' AS quiz_title, v.name AS question_name,
              u.name AS learner_name, (a.settings->>'anonymousGrading')::boolean AS anonymous,
              ${LEARNER_NO} AS learner_no,
              a.submitted_at, s.max_mark, count(*) OVER () AS total
         FROM attempt_slot s JOIN quiz_attempt a ON a.id = s.attempt_id
         JOIN quiz qz ON qz.id = a.quiz_id JOIN question_version v ON v.id = s.question_version_id
         JOIN app_user u ON u.id = a.user_id
        WHERE s.needs_manual AND s.graded_at IS NULL AND a.status = 'awaiting-grading'
          AND ($3::uuid IS NULL OR a.quiz_id = $3) AND ${GRADABLE_COURSES}
        ORDER BY a.submitted_at, s.attempt_id, s.slot LIMIT $4 OFFSET $5`,
      [p.id, scope, query.quizId ?? null, query.limit, query.offset],
    );
    return {
      items: rows.map(item),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async detail(attemptId: string, slot: number, p: Principal): Promise<GradingItemDetail> {
    return this.detailIn(this.db.manager, attemptId, slot, p);
  }

  /** A mark from the rubric (points scaled to the slot's mark) or given directly. */
  async grade(
    attemptId: string,
    slot: number,
    dto: ManualGradeRequest,
    p: Principal,
  ): Promise<GradingItemDetail> {
    const updated = await this.db.transaction(async (em) => {
      const a = await loadAttempt(em, attemptId, 'update');
      await quizForAuthoring(em, a.quiz_id, p);
      const s = await loadSlot(em, attemptId, slot);
      if (!s.needs_manual)
        throw new AppError(
          409,
          'grading.not-manual',
          'Soal ini dinilai otomatis, bukan oleh pelatih.',
        );
      if (a.status === 'in-progress' || a.status === 'submitted')
        throw new AppError(
          409,
          'grading.not-ready',
          'Percobaan ini belum selesai dinilai otomatis; coba lagi sebentar.',
        );
      const max = Number(s.max_mark);
      const { mark, rubric } = markFrom(dto, rubricOf(s.body), max);
      await em.query(
        `UPDATE attempt_slot SET mark = $3, fraction = $4, rubric_scores = $5, comment = $6, graded_by = $7, graded_at = now()
          WHERE attempt_id = $1 AND slot = $2`,
        [
          attemptId,
          slot,
          mark,
          max > 0 ? mark / max : 0,
          rubric ? JSON.stringify(rubric) : null,
          dto.comment ?? null,
          p.id,
        ],
      );
      await em.query(
        `INSERT INTO grade_event (attempt_id, kind, slot, mark, graded_by, detail) VALUES ($1, 'manual', $2, $3, $4, $5)`,
        [attemptId, slot, mark, p.id, JSON.stringify({ rubric, comment: dto.comment ?? null })],
      );
      return retotal(em, a, this.grader.signals);
    });
    await this.grader.notify(updated);
    return this.detail(attemptId, slot, p);
  }

  private async detailIn(
    em: EntityManager,
    attemptId: string,
    slot: number,
    p: Principal,
  ): Promise<GradingItemDetail> {
    const a = await loadAttempt(em, attemptId);
    await quizForAuthoring(em, a.quiz_id, p);
    const s = await loadSlot(em, attemptId, slot);
    if (!s.needs_manual)
      throw new AppError(
        409,
        'grading.not-manual',
        'Soal ini dinilai otomatis, bukan oleh pelatih.',
      );
    const [meta] = await em.query<QueueRow[]>(
      `SELECT a.settings->>'title' AS quiz_title, u.name AS learner_name,
              (a.settings->>'anonymousGrading')::boolean AS anonymous,
              ${LEARNER_NO} AS learner_no
         FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id WHERE a.id = $1`,
      [attemptId],
    );
    return {
      ...item({
        ...meta,
        attempt_id: attemptId,
        slot,
        quiz_id: a.quiz_id,
        question_name: s.name,
        submitted_at: a.submitted_at ?? a.started_at,
        max_mark: s.max_mark,
        total: '1',
      }),
      html: s.html,
      answerText: essayText(s.response),
      rubric: rubricOf(s.body),
      mark: s.graded_at ? num(s.mark) : null,
      comment: s.comment,
      rubricScores: s.rubric_scores,
    };
  }
}

const essayText = (r: QuestionResponse | null): string => (r && r.type === 'essay' ? r.text : '');

function markFrom(
  dto: ManualGradeRequest,
  rubric: ReturnType<typeof rubricOf>,
  max: number,
): { mark: number; rubric: { criterionId: string; points: number }[] | null } {
  if (dto.rubric && dto.rubric.length > 0) {
    if (rubric.length === 0)
      throw new AppError(
        400,
        'grading.no-rubric',
        'Soal ini tidak punya rubrik; isi nilai (mark) langsung.',
      );
    const chosen = new Map(dto.rubric.map((r) => [r.criterionId, r.points]));
    let got = 0;
    let best = 0;
    for (const c of rubric) {
      const points = chosen.get(c.id);
      if (points === undefined)
        throw new AppError(400, 'grading.rubric-incomplete', `Kriteria "${c.name}" belum dinilai.`);
      if (!c.levels.some((l) => l.points === points))
        throw new AppError(
          400,
          'grading.rubric-level',
          `Nilai ${points} bukan salah satu level kriteria "${c.name}".`,
        );
      got += points;
      best += Math.max(...c.levels.map((l) => l.points));
    }
    const unknown = [...chosen.keys()].filter((id) => !rubric.some((c) => c.id === id));
    if (unknown.length > 0)
      throw new AppError(
        400,
        'grading.rubric-unknown',
        `Kriteria tidak dikenal: ${unknown.join(', ')}.`,
      );
    const mark = best > 0 ? Math.round((got / best) * max * 100) / 100 : 0;
    return {
      mark,
      rubric: dto.rubric.map((r) => ({ criterionId: r.criterionId, points: r.points })),
    };
  }
  if (dto.mark === undefined)
    throw new AppError(
      400,
      'grading.mark-missing',
      'Isi nilai soal ini, atau pilih level pada setiap kriteria rubrik.',
    );
  if (dto.mark > max)
    throw new AppError(400, 'grading.mark-too-high', `Nilai maksimal soal ini ${max}.`);
  return { mark: dto.mark, rubric: null };
}

const item = (r: Omit<QueueRow, 'total'> & { total: string }): GradingQueueItem => ({
  attemptId: r.attempt_id,
  slot: r.slot,
  quizId: r.quiz_id,
  quizTitle: r.quiz_title,
  questionName: r.question_name,
  learnerLabel: r.anonymous ? `Peserta ${r.learner_no}` : r.learner_name,
  submittedAt: new Date(r.submitted_at).toISOString(),
  maxMark: Number(r.max_mark),
});
