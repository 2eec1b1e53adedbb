export * from './lib/certificates.module';
export * from './lib/certificates-jobs.module';
