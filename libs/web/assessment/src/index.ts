// Kept light: the app imports this eagerly (routes, nav); screens load lazily.
// Learner side (quiz-player/) and trainer side (bank/, quiz-editor/, grading/, reports/) add their exports below.

// learner
export * from './lib/quiz-player/quiz-attempt.routes';
export * from './lib/realtime/user-events.service';

// trainer
export * from './lib/authoring-api/trainer.routes';
export * from './lib/authoring-api/assessment-roles';
export * from './lib/authoring-api/assessment-icons';
export * from './lib/authoring-api/assessment-authoring.api';
export * from './lib/quiz-editor/open-quiz-settings';
