import { randomBytes } from 'node:crypto';

/** Services the tests talk to; overridable so CI or a developer can point elsewhere. */
export const TEST_DATABASE_ADMIN_URL =
  process.env['TEST_DATABASE_URL'] ??
  process.env['DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL =
  process.env['TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Test databases are named sbtest_<epoch seconds>_<random>, so stale ones can be recognised and dropped. */
export const TEST_DB_PREFIX = 'sbtest_';

export function testDbName(kind: 'tpl' | 'db'): string {
  return `${TEST_DB_PREFIX}${Math.floor(Date.now() / 1000)}_${kind}_${randomBytes(4).toString('hex')}`;
}

export function urlFor(database: string): string {
  const u = new URL(TEST_DATABASE_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export const TEMPLATE_ENV = 'SIANTAR_TEST_TEMPLATE_DB';
