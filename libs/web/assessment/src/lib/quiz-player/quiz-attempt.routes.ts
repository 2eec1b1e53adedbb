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
