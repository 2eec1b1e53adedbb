export * from './lib/model';
export * from './lib/engine';
export * from './lib/validate';
export * from './lib/import';
export { fieldRuleError, matchesExpected } from './lib/practice-answers';
