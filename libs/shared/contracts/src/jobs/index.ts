export * from './job-definitions';
