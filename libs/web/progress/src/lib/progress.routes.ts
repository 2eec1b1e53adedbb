import type { Routes } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { roleGuard } from '@siantar/web-core';

/** Who sees "Tim saya" and who sees the dashboard (the API enforces the same). */
export const TEAM_ROLES: readonly Role[] = ['supervisor'];
export const REPORT_ROLES: readonly Role[] = ['admin'];

/** `/belajar/jam-pelajaran`: the learner's hours, ledger, claims and SIASN export. */
export const myHoursRoutes: Routes = [
  {
    path: '',
    title: 'progress.hours.title',
    loadComponent: () => import('./hours/my-hours.component').then((m) => m.MyHoursComponent),
  },
];

/** `/tim` and `/tim/:userId` for supervisors. */
export const teamRoutes: Routes = [
  {
    path: '',
    canMatch: [roleGuard('supervisor')],
    children: [
      {
        path: '',
        title: 'progress.team.title',
        loadComponent: () => import('./team/team.component').then((m) => m.TeamComponent),
      },
      {
        path: ':userId',
        title: 'progress.person.title',
        data: { mode: 'team' },
        loadComponent: () =>
          import('./shared/person-page.component').then((m) => m.PersonPageComponent),
      },
    ],
  },
];

/** `/laporan` (dashboard), `/laporan/orang/:userId`, `/laporan/target-jp`, `/laporan/klaim` for admins. */
export const reportRoutes: Routes = [
  {
    path: '',
    canMatch: [roleGuard('admin')],
    children: [
      {
        path: '',
        title: 'progress.dashboard.title',
        loadComponent: () =>
          import('./reports/dashboard.component').then((m) => m.DashboardComponent),
      },
      {
        path: 'orang/:userId',
        title: 'progress.person.title',
        data: { mode: 'admin' },
        loadComponent: () =>
          import('./shared/person-page.component').then((m) => m.PersonPageComponent),
      },
      {
        path: 'target-jp',
        title: 'progress.targets.title',
        loadComponent: () =>
          import('./reports/jp-targets.component').then((m) => m.JpTargetsComponent),
      },
      {
        path: 'klaim',
        title: 'progress.claims.toDecide',
        loadComponent: () =>
          import('./reports/claims-page.component').then((m) => m.ClaimsPageComponent),
      },
    ],
  },
];
