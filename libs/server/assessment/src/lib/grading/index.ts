// What the rest of the domain uses; the per-type graders stay internal.
export * from './grading-engine';
export * from './learner-view';
export * from './response-check';
