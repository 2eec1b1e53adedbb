// Kept light: the app imports this eagerly (routes, nav, providers); screens load lazily.
export * from './lib/learning.routes';
export * from './lib/api/learning.api';
export * from './lib/progress/progress-store';
export * from './lib/progress/progress-queue.service';
export * from './lib/ui/learning-icons';
