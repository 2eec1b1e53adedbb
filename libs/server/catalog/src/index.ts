export * from './lib/catalog-jobs.module';
export * from './lib/catalog.module';
export { buildDemoScormZip } from './lib/scorm/demo-package';
export { sanitizeLessonHtml } from './lib/content/sanitize';
export { seedDemoScormPackage, SEED_ENTITIES } from './lib/seed/seed-scorm-package';
// Used by the assessment domain: who may author a course, and where a quiz sits for a learner.
export { adminReaches, courseForAuthoring } from './lib/courses/course-access';
export { quizLessonForLearner, completeQuizLessons } from './lib/player/quiz-lessons';
export type { QuizLessonPlace } from './lib/player/quiz-lessons';
