// Kept light: the app imports this eagerly (routes, nav, icons); screens load lazily.
export * from './lib/progress.routes';
export * from './lib/ui/progress-icons';
export * from './lib/ui/nudge-notices';
export * from './lib/api/progress.api';
export * from './lib/api/progress-events';
// Used by the learning screens ("Pembelajaran saya").
export * from './lib/hours/jp-summary.component';
export * from './lib/ui/jp-ring.component';
