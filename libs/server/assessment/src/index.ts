export * from './lib/assessment.module';
export * from './lib/assessment-jobs.module';
