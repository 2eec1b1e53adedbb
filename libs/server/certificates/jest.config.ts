import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const swc = JSON.parse(readFileSync(join(__dirname, '../../../.swcrc'), 'utf8'));

export default {
  displayName: 'server-certificates',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/server/certificates',
};
