export * from './lib/live-jobs.module';
export * from './lib/live.module';
