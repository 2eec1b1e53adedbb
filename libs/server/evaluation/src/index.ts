export * from './lib/evaluation.module';
export * from './lib/evaluation-jobs.module';
