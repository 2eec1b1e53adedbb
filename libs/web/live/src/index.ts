// Kept light: the app imports this eagerly (routes, nav, icons); screens load lazily.
export * from './lib/live.routes';
export * from './lib/live-icons';
export * from './lib/live-roles';
