export * from './lib/factories';
export * from './lib/mail-catcher';
export * from './lib/test-app';
export * from './lib/test-context';
export * from './lib/test-env';
export * from './lib/job-stubs';
export * from './lib/until';
