import type { QuizSettings } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { ensureCategoryPath } from '../banks/banks.service';
import { parseQuestions } from '../import/import-preview';
import { checkDraft } from '../questions/draft-check';
import { insertQuestion } from '../questions/questions.service';

export interface SeedQuiz {
  courseId: string;
  ownerOrgUnitId: string;
  authorId: string | null;
  bankName: string;
  /** The questions, as a GIFT file. */
  gift: string;
  settings: Omit<QuizSettings, 'slots'>;
}

/**
 * Demo data: a course bank filled from GIFT and a quiz over all its questions.
 * Returns the quiz id for the lesson's content. Throws on a bad GIFT file, so a
 * broken demo is caught by the seed's own run rather than shown to users.
 */
export async function seedQuiz(em: EntityManager, s: SeedQuiz): Promise<string> {
  const parsed = parseQuestions('gift', s.gift);
  if (parsed.errors.length > 0)
    throw new Error(
      `Demo GIFT: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`,
    );
  const [bank] = await em.query<{ id: string }[]>(
    `INSERT INTO question_bank (name, course_id, owner_org_unit_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [s.bankName, s.courseId, s.ownerOrgUnitId, s.authorId],
  );
  const ids: string[] = [];
  for (const q of parsed.questions) {
    const category = await ensureCategoryPath(em, bank.id, q.draft.category ?? '');
    ids.push(await insertQuestion(em, bank.id, category.id, checkDraft(q.draft), [], s.authorId));
  }
  const settings: QuizSettings = {
    ...s.settings,
    slots: ids.map((questionId) => ({ kind: 'question', questionId })),
  };
  const [quiz] = await em.query<{ id: string }[]>(
    `INSERT INTO quiz (course_id, settings, created_by) VALUES ($1, $2, $3) RETURNING id`,
    [s.courseId, JSON.stringify(settings), s.authorId],
  );
  return quiz.id;
}
