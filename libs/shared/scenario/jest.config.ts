import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const swc = JSON.parse(readFileSync(join(__dirname, '../../../.swcrc'), 'utf8'));

export default {
  displayName: 'scenario',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/shared/scenario',
};
