import { Redis } from 'ioredis';
import { dropStaleDatabases, withAdmin } from './lib/admin-db';
import { TEMPLATE_ENV, TEST_REDIS_URL, testDbName, urlFor } from './lib/test-env';
// Jest loads globalSetup without the workspace path mapping, so this one import is relative.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runMigrations } from '../../core/src/lib/database/migrate';

/**
 * Once per integration run: a template database migrated by the real runner.
 * Each test file then clones it (CREATE DATABASE … TEMPLATE), which takes
 * milliseconds, and drops its clone when done.
 */
export default async function globalSetup(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new Error(
      `Integration tests need Redis at ${TEST_REDIS_URL} (set TEST_REDIS_URL): ${String(e)}`,
    );
  } finally {
    redis.disconnect();
  }
  const name = testDbName('tpl');
  await withAdmin(async (c) => {
    await dropStaleDatabases(c);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  await runMigrations({
    DATABASE_URL: urlFor(name),
    DATABASE_REPLICA_URLS: [],
    DATABASE_POOL_SIZE: 2,
  });
  process.env[TEMPLATE_ENV] = name;
}
