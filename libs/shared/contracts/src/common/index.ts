export * from './page';
export * from './problem';
export * from './health';
