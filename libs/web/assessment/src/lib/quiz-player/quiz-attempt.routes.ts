import type { Type } from '@angular/core';
import type { Routes } from '@angular/router';

/**
 * The attempt screen, `:attemptId` with `?enrolmentId&lessonId` (the lesson to return to).
 * Mounted by the learning routes at `/belajar/kuis`.
 */
export const quizAttemptRoutes: Routes = [
  {
    path: ':attemptId',
    title: 'quiz.attempt.title',
    loadComponent: () => import('./attempt.component').then((m) => m.QuizAttemptComponent),
  },
];

/**
 * The quiz lesson (`<sb-quiz-lesson>`, inputs `quizId`, `enrolmentId`, `lessonId`), loaded on
 * demand: the app imports this library eagerly, and the quiz screens stay out of that bundle.
 */
export function loadQuizLessonComponent(): Promise<Type<unknown>> {
  return import('./quiz-lesson.component').then((m) => m.QuizLessonComponent);
}
