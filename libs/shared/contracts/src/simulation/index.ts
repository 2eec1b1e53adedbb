export * from './run.dto';
export * from './analytics';
