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
