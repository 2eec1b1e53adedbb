import type { QuestionBody, QuizSettings } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { learnerView, seededShuffle } from '../grading';
import { CATEGORY_QUESTIONS_SQL } from '../quizzes/category-questions';

interface PickedQuestion {
  question_id: string;
  version_id: string;
  default_mark: string;
  body: QuestionBody;
  slotMark?: number;
}

/**
 * Fixes an attempt's questions and versions when it starts: fixed slots take the
 * question's current version, random slots draw N distinct questions from their
 * category. Choices are shuffled once, here, and stored with the slot.
 */
export async function buildSlots(
  em: EntityManager,
  attemptId: string,
  settings: QuizSettings,
): Promise<{
  slots: {
    questionId: string;
    versionId: string;
    maxMark: number;
    view: ReturnType<typeof learnerView>;
  }[];
  maxMark: number;
}> {
  const picked: PickedQuestion[] = [];
  const taken = new Set<string>();
  for (const slot of settings.slots) {
    if (slot.kind === 'question') {
      const [row] = await em.query<PickedQuestion[]>(
        `SELECT q.id AS question_id, v.id AS version_id, v.default_mark, v.body
           FROM question q JOIN question_version v ON v.id = q.current_version_id WHERE q.id = $1`,
        [slot.questionId],
      );
      if (!row) throw unavailable();
      taken.add(row.question_id);
      picked.push({ ...row, slotMark: slot.mark });
    } else {
      const rows: PickedQuestion[] = await em.query(
        `SELECT q.id AS question_id, v.id AS version_id, v.default_mark, v.body ${CATEGORY_QUESTIONS_SQL}
            AND NOT (q.id = ANY ($3::uuid[]))
          ORDER BY random() LIMIT $4`,
        [slot.categoryId, slot.includeSubcategories === true, [...taken], slot.count ?? 1],
      );
      if (rows.length < (slot.count ?? 1)) throw unavailable();
      for (const r of rows) {
        taken.add(r.question_id);
        picked.push({ ...r, slotMark: slot.mark });
      }
    }
  }
  const ordered = settings.shuffleQuestions ? seededShuffle(picked, `${attemptId}:order`) : picked;
  const slots = ordered.map((q, i) => ({
    questionId: q.question_id,
    versionId: q.version_id,
    maxMark: q.body.type === 'description' ? 0 : (q.slotMark ?? Number(q.default_mark)),
    // A secret, per-attempt seed: the learner can't predict the order from ids they see.
    view: learnerView(q.body, {
      shuffleAnswers: settings.shuffleAnswers,
      seed: `${attemptId}:${i}:${randomUUID()}`,
    }),
  }));
  return { slots, maxMark: Math.round(slots.reduce((s, q) => s + q.maxMark, 0) * 100) / 100 };
}

const unavailable = () =>
  new AppError(
    409,
    'quizzes.questions-unavailable',
    'Soal kuis ini belum lengkap di bank soal; hubungi pelatih kursus.',
  );
