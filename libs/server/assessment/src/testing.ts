// Test helpers for other projects' integration tests and benchmarks; never imported by production code.
export * from './lib/testing/quiz-fixture';
