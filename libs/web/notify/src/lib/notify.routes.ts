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

/**
 * `/admin/notifikasi`: the notification defaults (city-wide admins; the api refuses others and
 * the page says why) and `/admin/notifikasi/log`, the delivery log (any admin, their reach).
 */
export const notifyAdminRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'notify.admin.defaults.title',
    loadComponent: () =>
      import('./admin/notification-defaults.component').then(
        (m) => m.NotificationDefaultsComponent,
      ),
  },
  {
    path: 'log',
    title: 'notify.admin.log.title',
    loadComponent: () =>
      import('./admin/delivery-log.component').then((m) => m.DeliveryLogComponent),
  },
];
