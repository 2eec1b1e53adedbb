export * from './lib/live.module';
