import type { Routes } from '@angular/router';
import { assessmentTrainerGuard } from './assessment-roles';

/**
 * The trainer/admin assessment screens, mounted at `/penilaian`:
 * banks (`bank-soal`), quizzes (`kuis`), reports (`kuis/:quizId/laporan`) and the essay
 * grading queue (`penilaian-esai`). Components load lazily.
 */
export const assessmentTrainerRoutes: Routes = [
  {
    path: '',
    canMatch: [assessmentTrainerGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'bank-soal' },
      {
        path: 'bank-soal',
        title: 'assessment.bank.title',
        loadComponent: () => import('../bank/bank-list.component').then((m) => m.BankListComponent),
      },
      {
        path: 'bank-soal/:bankId',
        title: 'assessment.bank.detailTitle',
        loadComponent: () =>
          import('../bank/bank-detail.component').then((m) => m.BankDetailComponent),
      },
      {
        path: 'bank-soal/:bankId/impor',
        title: 'assessment.import.title',
        loadComponent: () =>
          import('../bank/question-import.component').then((m) => m.QuestionImportComponent),
      },
      {
        path: 'bank-soal/:bankId/soal/baru',
        title: 'assessment.editor.newTitle',
        loadComponent: () =>
          import('../bank/question-editor/question-editor.component').then(
            (m) => m.QuestionEditorComponent,
          ),
      },
      {
        path: 'bank-soal/:bankId/soal/:questionId',
        title: 'assessment.editor.editTitle',
        loadComponent: () =>
          import('../bank/question-editor/question-editor.component').then(
            (m) => m.QuestionEditorComponent,
          ),
      },
      {
        path: 'kuis',
        title: 'assessment.quizList.title',
        loadComponent: () =>
          import('../quiz-editor/quiz-list.component').then((m) => m.QuizListComponent),
      },
      {
        path: 'kuis/:quizId',
        title: 'assessment.quiz.editTitle',
        loadComponent: () =>
          import('../quiz-editor/quiz-settings-page.component').then(
            (m) => m.QuizSettingsPageComponent,
          ),
      },
      {
        path: 'kuis/:quizId/laporan',
        title: 'assessment.report.title',
        loadComponent: () =>
          import('../reports/quiz-report.component').then((m) => m.QuizReportComponent),
      },
      {
        path: 'penilaian-esai',
        title: 'assessment.grading.title',
        loadComponent: () =>
          import('../grading/grading-queue.component').then((m) => m.GradingQueueComponent),
      },
      {
        path: 'penilaian-esai/:attemptId/:slot',
        title: 'assessment.grading.itemTitle',
        loadComponent: () =>
          import('../grading/grading-item.component').then((m) => m.GradingItemComponent),
      },
    ],
  },
];
