import { randomBytes } from 'node:crypto';
import { type EnvSchema, loadConfig } from '@siantar/server-core';
import { Redis } from 'ioredis';
import { dropDatabase, withAdmin } from './admin-db';
import { TEMPLATE_ENV, TEST_REDIS_URL, testDbName, urlFor } from './test-env';

export interface TestContext {
  config: EnvSchema;
  databaseName: string;
  /** Drops the database and deletes every Redis key under this file's prefix. */
  cleanup(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template and a Redis key prefix of
 * its own, for one test file: files never see each other's rows or jobs, and
 * nothing touches the demo data.
 */
export async function createTestContext(
  overrides: Record<string, string> = {},
): Promise<TestContext> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error('No template database: run integration tests through their jest.int.config.ts');
  const databaseName = testDbName('db');
  await withAdmin((c) => c.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${template}"`));
  const prefix = `sbtest-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: urlFor(databaseName),
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...overrides,
  });
  return {
    config,
    databaseName,
    cleanup: async () => {
      await withAdmin((c) => dropDatabase(c, databaseName));
      const redis = new Redis(TEST_REDIS_URL);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
