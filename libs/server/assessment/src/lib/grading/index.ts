export * from './grading-engine';
export * from './learner-view';
export * from './response-check';
export { hashSeed, mulberry32, shuffleAvoiding } from './seeded-random';
export { normaliseAnswerText } from './text-answer';
export { parseLearnerNumber } from './numerical-answer';
