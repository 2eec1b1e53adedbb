import type { QuizSettings, QuizSettingsRequest } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { CATEGORY_QUESTIONS_SQL } from './category-questions';

export interface QuizRow {
  id: string;
  course_id: string;
  settings: QuizSettings;
  updated_at: Date;
}

const bad = (path: string, message: string) =>
  new AppError(400, 'quizzes.invalid', `Pengaturan kuis tidak valid — ${path}: ${message}`, [
    { path, message },
  ]);

/** Banks a quiz of this course may draw from: the course's own banks and the shared ones. */
export const USABLE_BANK_SQL = `(b.course_id = $1 OR b.course_id IS NULL)`;

/**
 * Completes the DTO into stored settings and checks what class-validator can't:
 * the window's order, and that every slot's question or category is usable by the course.
 */
export async function normalizeSettings(
  em: EntityManager,
  courseId: string,
  dto: QuizSettingsRequest,
): Promise<QuizSettings> {
  const opensAt = dto.opensAt ?? null;
  const closesAt = dto.closesAt ?? null;
  if (opensAt && closesAt && new Date(opensAt) >= new Date(closesAt))
    throw bad('closesAt', 'waktu tutup harus sesudah waktu buka');
  const seen = new Set<string>();
  for (const [i, slot] of dto.slots.entries()) {
    if (slot.kind === 'question') {
      const rows: { type: string }[] = await em.query(
        `SELECT v.type FROM question q JOIN question_version v ON v.id = q.current_version_id
           JOIN question_bank b ON b.id = q.bank_id WHERE q.id = $2 AND ${USABLE_BANK_SQL}`,
        [courseId, slot.questionId],
      );
      if (!rows[0])
        throw bad(`slots[${i}].questionId`, 'soal tidak ada di bank kursus ini atau bank bersama');
      if (seen.has(slot.questionId as string))
        throw bad(`slots[${i}].questionId`, 'soal yang sama dipakai dua kali');
      seen.add(slot.questionId as string);
    } else {
      const usable: unknown[] = await em.query(
        `SELECT 1 FROM question_category c JOIN question_bank b ON b.id = c.bank_id
          WHERE c.id = $2 AND ${USABLE_BANK_SQL}`,
        [courseId, slot.categoryId],
      );
      if (usable.length === 0)
        throw bad(
          `slots[${i}].categoryId`,
          'kategori tidak ada di bank kursus ini atau bank bersama',
        );
      const [row] = await em.query<{ n: string }[]>(
        `SELECT count(*) AS n ${CATEGORY_QUESTIONS_SQL}`,
        [slot.categoryId, slot.includeSubcategories === true],
      );
      if (Number(row.n) < (slot.count ?? 1))
        throw bad(
          `slots[${i}].count`,
          `kategori hanya berisi ${row.n} soal, kurang dari ${slot.count}`,
        );
    }
  }
  return {
    title: dto.title,
    slots: dto.slots.map((s) =>
      s.kind === 'question'
        ? {
            kind: 'question',
            questionId: s.questionId,
            ...(s.mark !== undefined ? { mark: s.mark } : {}),
          }
        : {
            kind: 'random',
            categoryId: s.categoryId,
            count: s.count,
            includeSubcategories: s.includeSubcategories === true,
            ...(s.mark !== undefined ? { mark: s.mark } : {}),
          },
    ),
    shuffleQuestions: dto.shuffleQuestions,
    shuffleAnswers: dto.shuffleAnswers,
    timeLimitMinutes: dto.timeLimitMinutes ?? null,
    opensAt,
    closesAt,
    attemptsAllowed: dto.attemptsAllowed,
    gradingMethod: dto.gradingMethod,
    passPercent: dto.passPercent,
    review: { ...dto.review },
    role: dto.role,
    navigation: dto.navigation,
    anonymousGrading: dto.anonymousGrading,
  };
}
