import type { Routes } from '@angular/router';
import { authoringGuard } from './shared/guards';
import { provideAuthoringIcons } from './shared/icons';

/** Mounted at `/penulisan` (trainers, partners, admins; reviewers are admins). */
export const AUTHORING_ROUTES: Routes = [
  {
    path: '',
    canMatch: [authoringGuard],
    providers: [provideAuthoringIcons()],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'authoring.list.title',
        loadComponent: () =>
          import('./course-list/course-list.component').then((m) => m.CourseListComponent),
      },
      {
        path: ':courseId',
        title: 'authoring.editor.title',
        loadComponent: () =>
          import('./editor/course-editor.component').then((m) => m.CourseEditorComponent),
      },
      {
        path: ':courseId/review',
        title: 'authoring.review.title',
        data: { tab: 'review' },
        loadComponent: () =>
          import('./editor/course-editor.component').then((m) => m.CourseEditorComponent),
      },
    ],
  },
];
