import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import type { Routes } from '@angular/router';
import { ProgressQueueService } from './progress/progress-queue.service';
import { registerLearningIcons } from './ui/learning-icons';

/**
 * Icons of the learning screens and the offline progress queue, which starts sending what an
 * earlier visit left behind as soon as a signed-in session exists. Put it on the signed-in
 * shell route (and it is on the learning routes too, so they work on their own).
 */
export function provideLearning(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideEnvironmentInitializer(() => {
      registerLearningIcons();
      inject(ProgressQueueService).start();
    }),
  ]);
}

/** `/katalog` and `/katalog/:courseId`. Components load lazily. */
export const catalogRoutes: Routes = [
  {
    path: '',
    providers: [provideLearning()],
    children: [
      {
        path: '',
        title: 'learning.catalog.title',
        loadComponent: () => import('./catalog/catalog.component').then((m) => m.CatalogComponent),
      },
      {
        path: ':courseId',
        title: 'learning.course.title',
        loadComponent: () =>
          import('./catalog/course-page.component').then((m) => m.CoursePageComponent),
      },
    ],
  },
];

/** `/belajar`, `/belajar/kuis/:attemptId`, `/belajar/:enrolmentId` and `/belajar/:enrolmentId/:lessonId`. */
export const learningRoutes: Routes = [
  {
    path: '',
    providers: [provideLearning()],
    children: [
      {
        path: '',
        title: 'learning.my.title',
        loadComponent: () =>
          import('./my-learning/my-learning.component').then((m) => m.MyLearningComponent),
      },
      // Before `:enrolmentId/:lessonId`, which would match it too.
      {
        path: 'kuis',
        loadChildren: () => import('@siantar/web-assessment').then((m) => m.quizAttemptRoutes),
      },
      {
        path: ':enrolmentId',
        title: 'learning.home.title',
        loadComponent: () =>
          import('./my-learning/course-home.component').then((m) => m.CourseHomeComponent),
      },
      {
        path: ':enrolmentId/:lessonId',
        title: 'learning.player.title',
        loadComponent: () =>
          import('./player/lesson-player.component').then((m) => m.LessonPlayerComponent),
      },
    ],
  },
];
