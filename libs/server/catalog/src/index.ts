export * from './lib/catalog-jobs.module';
export * from './lib/catalog.module';
export { buildDemoScormZip } from './lib/scorm/demo-package';
export { sanitizeLessonHtml } from './lib/content/sanitize';
export { seedDemoScormPackage, SEED_ENTITIES } from './lib/seed/seed-scorm-package';
// Used by the assessment domain: who may author a course, and where a quiz sits for a learner.
export { adminReaches, courseForAuthoring } from './lib/courses/course-access';
export { quizLessonForLearner } from './lib/player/quiz-lessons';
// Used by the domains whose events complete lessons (a passed quiz, attended live session).
export { CompletionSignals } from './lib/completion/completion-signals';
// The completion event: other domains act on it with an @OnEnrolmentCompleted() provider.
export {
  type EnrolmentCompleted,
  type EnrolmentCompletedListener,
  OnEnrolmentCompleted,
} from './lib/completion/completion-listeners';
export type { QuizLessonPlace } from './lib/player/quiz-lessons';
// Used by the simulation domain: the learner's lesson (with its lock) and media URLs.
export { lessonOutline } from './lib/player/lesson-outline';
export { FilesModule } from './lib/files/files.module';
export { FilesService } from './lib/files/files.service';
