import type { Routes } from '@angular/router';
import { assessmentTrainerRoutes, provideAssessmentTrainerIcons } from '@siantar/web-assessment';
import {
  certificateVerifyRoutes,
  certificatesAdminRoutes,
  myCertificatesRoutes,
  provideCertificateIcons,
} from '@siantar/web-certificates';
import { authGuard, guestGuard, roleGuard } from '@siantar/web-core';
import { evaluationRoutes, provideEvaluationIcons } from '@siantar/web-evaluation';
import { catalogRoutes, learningRoutes, provideLearning } from '@siantar/web-learning';
import { liveRoutes, provideLiveIcons } from '@siantar/web-live';
import {
  notifyAdminRoutes,
  notifyPreferencesRoutes,
  provideNotifyIcons,
  queueDashboardRoutes,
} from '@siantar/web-notify';
import {
  myHoursRoutes,
  provideNudgeNotices,
  provideProgressIcons,
  reportRoutes,
  teamRoutes,
} from '@siantar/web-progress';
import { PublicLayoutComponent } from './shell/public-layout.component';
import { ShellComponent } from './shell/shell.component';

/** Paths are Indonesian; `title` values are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Routes = [
  // First: a componentful '' route with children would otherwise swallow the empty URL.
  { path: '', pathMatch: 'full', redirectTo: 'beranda' },
  {
    path: '',
    component: PublicLayoutComponent,
    children: [
      {
        path: 'masuk',
        title: 'signIn.title',
        canMatch: [guestGuard],
        loadComponent: () => import('@siantar/web-identity').then((m) => m.SignInComponent),
      },
      {
        path: 'atur-sandi',
        title: 'setPassword.title',
        loadComponent: () => import('@siantar/web-identity').then((m) => m.SetPasswordComponent),
      },
      // The public certificate verification (the QR code's target): no guard, signed in or not.
      { path: 'verify', children: certificateVerifyRoutes },
    ],
  },
  {
    path: '',
    component: ShellComponent,
    canMatch: [authGuard],
    providers: [
      provideLearning(),
      provideAssessmentTrainerIcons(),
      provideProgressIcons(),
      provideLiveIcons(),
      provideNudgeNotices(),
      provideNotifyIcons(),
      provideEvaluationIcons(),
      provideCertificateIcons(),
    ],
    children: [
      {
        path: 'beranda',
        title: 'nav.home',
        loadComponent: () => import('@siantar/web-identity').then((m) => m.HomeComponent),
      },
      // Notification preferences (the bell's menu and the profile page link here).
      { path: 'profil/notifikasi', children: notifyPreferencesRoutes },
      {
        path: 'profil',
        title: 'nav.profile',
        loadComponent: () => import('@siantar/web-identity').then((m) => m.ProfileComponent),
      },
      { path: 'katalog', children: catalogRoutes },
      // Before `belajar`, whose `:enrolmentId` would match it.
      { path: 'belajar/jam-pelajaran', children: myHoursRoutes },
      { path: 'belajar/sertifikat', children: myCertificatesRoutes },
      { path: 'belajar', children: learningRoutes },
      // Live sessions (webinars): the list and the room, for every signed-in user.
      { path: 'live', children: liveRoutes },
      // Supervisors: their team; admins: dashboard, people, exports, JP targets.
      { path: 'tim', children: teamRoutes },
      { path: 'laporan', children: reportRoutes },
      // Trainers: a simulation lesson's analytics (linked from the course editor's lesson list).
      {
        path: 'penulisan/:courseId/simulasi/:lessonId/analitik',
        loadChildren: () =>
          import('@siantar/web-simulation').then((m) => m.simulationAnalyticsRoutes),
      },
      {
        path: 'penulisan',
        loadChildren: () => import('@siantar/web-authoring').then((m) => m.AUTHORING_ROUTES),
      },
      // Trainers and admins: question banks, quizzes, essay grading, reports.
      { path: 'penilaian', children: assessmentTrainerRoutes },
      // Evaluation (issue 9): surveys, action plans and follow-ups, results, the programme page.
      { path: 'evaluasi', children: evaluationRoutes },
      {
        path: 'admin',
        canMatch: [roleGuard('admin')],
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'pengguna' },
          {
            path: 'pengguna',
            title: 'nav.users',
            loadComponent: () => import('@siantar/web-identity').then((m) => m.UsersAdminComponent),
          },
          { path: 'antrean', children: queueDashboardRoutes },
          // Certificates per course, the zip export and the templates per issuing unit.
          { path: 'sertifikat', children: certificatesAdminRoutes },
          // Notification defaults (city-wide admins) and the delivery log (any admin).
          { path: 'notifikasi', children: notifyAdminRoutes },
          {
            path: 'pengguna/impor',
            title: 'import.title',
            loadComponent: () => import('@siantar/web-identity').then((m) => m.UserImportComponent),
          },
          {
            path: 'unit-organisasi',
            title: 'nav.orgUnits',
            loadComponent: () => import('@siantar/web-identity').then((m) => m.OrgUnitsComponent),
          },
        ],
      },
    ],
  },
  { path: '**', redirectTo: 'beranda' },
];
