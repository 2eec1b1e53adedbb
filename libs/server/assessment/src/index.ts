export * from './lib/assessment.module';
export * from './lib/assessment-jobs.module';
export { seedQuiz, type SeedQuiz } from './lib/seed/seed-quiz';
