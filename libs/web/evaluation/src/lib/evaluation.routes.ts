import { inject } from '@angular/core';
import { type CanMatchFn, Router, type Routes } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { AuthService, HOME_PATH } from '@siantar/web-core';

/** Who reads survey results: the courses' authors and admins (the API decides per course). */
export const SURVEY_RESULT_ROLES: readonly Role[] = ['trainer', 'partner', 'admin'];

/** Signed-in users with at least one of the roles (the API enforces the same rule). */
export const anyRoleGuard =
  (roles: readonly Role[]): CanMatchFn =>
  () => {
    const auth = inject(AuthService);
    if (!auth.isAuthenticated()) {
      return inject(Router).parseUrl('/masuk');
    }
    return roles.some((r) => auth.hasRole(r)) ? true : inject(Router).parseUrl(HOME_PATH);
  };

/** Paths other screens link to. */
export const evaluationPaths = {
  courseSurvey: (enrolmentId: string): string[] => ['/evaluasi', 'survei', enrolmentId],
  sessionSurvey: (sessionId: string): string[] => ['/evaluasi', 'survei-sesi', sessionId],
  actionPlan: (enrolmentId: string): string[] => ['/evaluasi', 'rtl', enrolmentId],
  myFollowUps: (): string[] => ['/evaluasi', 'tindak-lanjut'],
  teamFollowUps: (): string[] => ['/evaluasi', 'tim'],
  programme: (courseId: string): string[] => ['/evaluasi', 'kursus', courseId],
  courseResults: (courseId: string): string[] => ['/evaluasi', 'kursus', courseId, 'survei'],
  indicators: (courseId: string): string[] => ['/evaluasi', 'kursus', courseId, 'indikator'],
  myTrainerResults: (): string[] => ['/evaluasi', 'pengajar'],
};

/**
 * Mounted by the app at `evaluasi` inside the signed-in shell. Learners: a survey, their action
 * plan, "Tindak lanjut saya"; supervisors: their team's follow-ups; trainers and admins: survey
 * results; admins: the course list, the programme page, indicators and survey templates.
 */
export const evaluationRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'evaluation.courses.title',
    canMatch: [anyRoleGuard(['admin'])],
    loadComponent: () =>
      import('./programme/evaluation-courses.component').then((m) => m.EvaluationCoursesComponent),
  },
  {
    path: 'survei/:enrolmentId',
    title: 'evaluation.survey.title',
    loadComponent: () =>
      import('./learner/survey-form.component').then((m) => m.SurveyFormComponent),
  },
  {
    path: 'survei-sesi/:sessionId',
    title: 'evaluation.survey.title',
    loadComponent: () =>
      import('./learner/survey-form.component').then((m) => m.SurveyFormComponent),
  },
  {
    path: 'rtl/:enrolmentId',
    title: 'evaluation.plan.title',
    loadComponent: () =>
      import('./learner/action-plan.component').then((m) => m.ActionPlanComponent),
  },
  {
    path: 'tindak-lanjut',
    title: 'evaluation.mine.title',
    data: { mode: 'mine' },
    loadComponent: () =>
      import('./follow-up/follow-up-list.component').then((m) => m.FollowUpListComponent),
  },
  {
    path: 'tim',
    title: 'evaluation.team.title',
    data: { mode: 'team' },
    canMatch: [anyRoleGuard(['supervisor'])],
    loadComponent: () =>
      import('./follow-up/follow-up-list.component').then((m) => m.FollowUpListComponent),
  },
  {
    path: 'templat',
    title: 'evaluation.templates.title',
    canMatch: [anyRoleGuard(['admin'])],
    loadComponent: () =>
      import('./admin/survey-templates.component').then((m) => m.SurveyTemplatesComponent),
  },
  {
    path: 'kursus/:courseId',
    title: 'evaluation.programme.title',
    canMatch: [anyRoleGuard(['admin'])],
    loadComponent: () =>
      import('./programme/programme-page.component').then((m) => m.ProgrammePageComponent),
  },
  {
    path: 'kursus/:courseId/survei',
    title: 'evaluation.results.title',
    data: { kind: 'course' },
    canMatch: [anyRoleGuard(SURVEY_RESULT_ROLES)],
    loadComponent: () =>
      import('./results/survey-results.component').then((m) => m.SurveyResultsComponent),
  },
  {
    path: 'sesi/:sessionId/survei',
    title: 'evaluation.results.title',
    data: { kind: 'session' },
    canMatch: [anyRoleGuard(SURVEY_RESULT_ROLES)],
    loadComponent: () =>
      import('./results/survey-results.component').then((m) => m.SurveyResultsComponent),
  },
  {
    path: 'pengajar',
    pathMatch: 'full',
    title: 'evaluation.trainer.title',
    canMatch: [anyRoleGuard(SURVEY_RESULT_ROLES)],
    loadComponent: () =>
      import('./results/trainer-results.component').then((m) => m.TrainerResultsComponent),
  },
  {
    path: 'pengajar/:userId',
    title: 'evaluation.trainer.title',
    canMatch: [anyRoleGuard(SURVEY_RESULT_ROLES)],
    loadComponent: () =>
      import('./results/trainer-results.component').then((m) => m.TrainerResultsComponent),
  },
  {
    path: 'kursus/:courseId/indikator',
    title: 'evaluation.indicators.title',
    canMatch: [anyRoleGuard(['admin'])],
    loadComponent: () =>
      import('./admin/indicators-editor.component').then((m) => m.IndicatorsEditorComponent),
  },
];
