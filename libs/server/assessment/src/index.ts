export * from './lib/assessment.module';
export * from './lib/assessment-jobs.module';
export { seedQuiz, type SeedQuiz } from './lib/seed/seed-quiz';
// Used by the evaluation domain (Kirkpatrick level 2): the course's pre-test → post-test gain.
export { coursePrePostGain, type CoursePrePostGain } from './lib/reports/course-gain';
