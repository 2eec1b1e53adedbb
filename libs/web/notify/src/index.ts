// Kept light: the app imports this eagerly (routes, icons, the top bar's bell); screens load lazily.
export * from './lib/notify.routes';
export * from './lib/ui/notify-icons';
export * from './lib/api/notify.api';
export * from './lib/admin/city-wide';
export * from './lib/store/notification.store';
export * from './lib/bell/notification-bell.component';
