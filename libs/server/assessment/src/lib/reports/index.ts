export * from './quiz-statistics';
