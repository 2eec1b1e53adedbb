import type { Routes } from '@angular/router';

/** `/live` (the user's sessions) and `/live/:id` (the room), for every signed-in user. */
export const liveRoutes: Routes = [
  {
    path: '',
    title: 'live.sessions.title',
    loadComponent: () =>
      import('./sessions/live-sessions.component').then((m) => m.LiveSessionsComponent),
  },
  {
    path: ':id',
    title: 'live.room.title',
    loadComponent: () => import('./room/live-room.component').then((m) => m.LiveRoomComponent),
  },
];
