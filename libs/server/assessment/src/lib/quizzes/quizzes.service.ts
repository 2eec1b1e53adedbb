import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateQuizRequest, QuizSettingsRequest, QuizView } from '@siantar/contracts';
import { courseForAuthoring } from '@siantar/server-catalog';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { normalizeSettings, type QuizRow } from './quiz-settings';

/** Loads a quiz for its course's authors and reviewing admins; 404 for anyone else. */
export async function quizForAuthoring(
  em: EntityManager,
  quizId: string,
  p: Principal,
): Promise<QuizRow> {
  const rows: QuizRow[] = await em.query(`SELECT * FROM quiz WHERE id = $1`, [quizId]);
  if (!rows[0]) throw notFound('Kuis');
  await courseForAuthoring(em, rows[0].course_id, p);
  return rows[0];
}

@Injectable()
export class QuizzesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(dto: CreateQuizRequest, p: Principal): Promise<QuizView> {
    return this.db.transaction(async (em) => {
      await courseForAuthoring(em, dto.courseId, p);
      const settings = await normalizeSettings(em, dto.courseId, dto);
      const [row] = await em.query<QuizRow[]>(
        `INSERT INTO quiz (course_id, settings, created_by) VALUES ($1, $2, $3) RETURNING *`,
        [dto.courseId, JSON.stringify(settings), p.id],
      );
      return this.view(em, row);
    });
  }

  async list(courseId: string, p: Principal): Promise<QuizView[]> {
    await courseForAuthoring(this.db.manager, courseId, p);
    const rows: QuizRow[] = await this.db.query(
      `SELECT * FROM quiz WHERE course_id = $1 ORDER BY created_at`,
      [courseId],
    );
    return Promise.all(rows.map((q) => this.view(this.db.manager, q)));
  }

  async get(quizId: string, p: Principal): Promise<QuizView> {
    const quiz = await quizForAuthoring(this.db.manager, quizId, p);
    return this.view(this.db.manager, quiz);
  }

  /** Attempts already started keep the settings they began with (stored on the attempt). */
  update(quizId: string, dto: QuizSettingsRequest, p: Principal): Promise<QuizView> {
    return this.db.transaction(async (em) => {
      const quiz = await quizForAuthoring(em, quizId, p);
      const settings = await normalizeSettings(em, quiz.course_id, dto);
      const [row] = await em.query<QuizRow[][]>(
        `UPDATE quiz SET settings = $2, updated_at = now() WHERE id = $1 RETURNING *`,
        [quizId, JSON.stringify(settings)],
      );
      return this.view(em, row[0]);
    });
  }

  private async view(em: EntityManager, quiz: QuizRow): Promise<QuizView> {
    const { maxMark, questionCount } = await plannedSize(em, quiz);
    return {
      id: quiz.id,
      courseId: quiz.course_id,
      ...quiz.settings,
      maxMark,
      questionCount,
      updatedAt: new Date(quiz.updated_at).toISOString(),
    };
  }
}

/** The quiz's size as planned: random slots count their mean mark. Two queries whatever the size. */
export async function plannedSize(
  em: EntityManager,
  quiz: QuizRow,
): Promise<{ maxMark: number; questionCount: number }> {
  const fixed = quiz.settings.slots.filter((s) => s.kind === 'question');
  const random = quiz.settings.slots.filter((s) => s.kind === 'random');
  const marks = new Map(
    (
      await em.query<{ id: string; m: string }[]>(
        `SELECT q.id, v.default_mark AS m FROM question q JOIN question_version v ON v.id = q.current_version_id
          WHERE q.id = ANY ($1::uuid[])`,
        [fixed.map((s) => s.questionId)],
      )
    ).map((r) => [r.id, Number(r.m)]),
  );
  const means = new Map(
    (
      await em.query<{ id: string; m: string | null }[]>(
        `SELECT c.id, avg(v.default_mark) AS m FROM unnest($1::uuid[]) AS c(id)
           LEFT JOIN question q ON q.category_id = c.id
           LEFT JOIN question_version v ON v.id = q.current_version_id AND v.type <> 'description'
          GROUP BY c.id`,
        [random.map((s) => s.categoryId)],
      )
    ).map((r) => [r.id, r.m === null ? 1 : Number(r.m)]),
  );
  let maxMark = 0;
  let questionCount = 0;
  for (const slot of quiz.settings.slots) {
    const count = slot.kind === 'question' ? 1 : (slot.count ?? 1);
    const each =
      slot.mark ??
      (slot.kind === 'question'
        ? (marks.get(slot.questionId as string) ?? 0)
        : (means.get(slot.categoryId as string) ?? 1));
    questionCount += count;
    maxMark += each * count;
  }
  return { maxMark: Math.round(maxMark * 100) / 100, questionCount };
}
