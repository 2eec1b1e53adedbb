import type { GradingMethod } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { finalPercent } from '../marking/final-grade';
import { prePostGain } from './quiz-statistics';

export interface CoursePrePostGain {
  /** The course's first pre-test and post-test quiz (by creation); null when it has none. */
  preQuizId: string | null;
  postQuizId: string | null;
  /** Everyone with a graded attempt on either quiz, by name; empty unless both quizzes exist. */
  learners: {
    userId: string;
    name: string;
    pre: number | null;
    post: number | null;
    gain: number | null;
    normalisedGain: number | null;
  }[];
  paired: number;
  averagePre: number | null;
  averagePost: number | null;
  averageGain: number | null;
  averageNormalisedGain: number | null;
  classNormalisedGain: number | null;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const orNull = (x: number | null, digits = 2) => (x === null ? null : round(x, digits));
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * Pre-test → post-test of a course: each learner's grade that counts on both quizzes (by
 * each quiz's grading method), their gain and normalised gain, and the course averages.
 * Used by the quiz report and by the evaluation domain (Kirkpatrick level 2).
 */
export async function coursePrePostGain(
  em: EntityManager,
  courseId: string,
): Promise<CoursePrePostGain> {
  const quizzes: { id: string; role: string; method: GradingMethod }[] = await em.query(
    `SELECT id, settings->>'role' AS role, settings->>'gradingMethod' AS method
       FROM quiz WHERE course_id = $1 AND settings->>'role' IN ('pre-test', 'post-test') ORDER BY created_at`,
    [courseId],
  );
  const pre = quizzes.find((q) => q.role === 'pre-test');
  const post = quizzes.find((q) => q.role === 'post-test');
  const empty: CoursePrePostGain = {
    preQuizId: pre?.id ?? null,
    postQuizId: post?.id ?? null,
    learners: [],
    paired: 0,
    averagePre: null,
    averagePost: null,
    averageGain: null,
    averageNormalisedGain: null,
    classNormalisedGain: null,
  };
  if (!pre || !post) return empty;
  const rows: {
    quiz_id: string;
    user_id: string;
    name: string;
    number: number;
    percent: string;
  }[] = await em.query(
    `SELECT a.quiz_id, a.user_id, u.name, a.number, a.percent FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id
      WHERE a.quiz_id = ANY ($1::uuid[]) AND a.status = 'graded'`,
    [[pre.id, post.id]],
  );
  const names = new Map(rows.map((r) => [r.user_id, r.name]));
  const gradeOf = (quiz: typeof pre, userId: string) =>
    finalPercent(
      rows
        .filter((r) => r.quiz_id === quiz.id && r.user_id === userId)
        .map((r) => ({ number: r.number, percent: Number(r.percent) })),
      quiz.method,
    );
  const summary = prePostGain(
    [...names.keys()].map((userId) => ({
      userId,
      pre: gradeOf(pre, userId),
      post: gradeOf(post, userId),
    })),
  );
  const paired = summary.learners.filter((l) => l.gain !== null);
  return {
    ...empty,
    learners: summary.learners
      .map((l) => ({
        userId: l.userId,
        name: names.get(l.userId) ?? '',
        pre: l.pre,
        post: l.post,
        gain: orNull(l.gain),
        normalisedGain: orNull(l.normalisedGain, 4),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    paired: summary.paired,
    averagePre: orNull(mean(paired.map((l) => l.pre as number))),
    averagePost: orNull(mean(paired.map((l) => l.post as number))),
    averageGain: orNull(summary.averageGain),
    averageNormalisedGain: orNull(summary.averageNormalisedGain, 4),
    classNormalisedGain: orNull(summary.classNormalisedGain, 4),
  };
}
