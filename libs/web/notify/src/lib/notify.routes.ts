import type { Routes } from '@angular/router';

/** `/profil/notifikasi`: the signed-in user's notification preferences. */
export const notifyPreferencesRoutes: Routes = [
  {
    path: '',
    title: 'notify.prefs.title',
    loadComponent: () =>
      import('./preferences/notification-preferences.component').then(
        (m) => m.NotificationPreferencesComponent,
      ),
  },
];

/** `/admin/antrean`: city-wide admins open the queue dashboard. */
export const queueDashboardRoutes: Routes = [
  {
    path: '',
    title: 'notify.ops.title',
    loadComponent: () =>
      import('./ops/queue-dashboard.component').then((m) => m.QueueDashboardComponent),
  },
];
