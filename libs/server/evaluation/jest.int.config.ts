import base from './jest.config';

/** Integration tests: real PostgreSQL and Redis, one database and key prefix per test file. */
export default {
  ...base,
  displayName: 'server-evaluation:integration',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/../../../libs/server/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../../libs/server/testing/src/global-teardown.ts',
  testTimeout: 30000,
};
