/**
 * The stack the browser journeys run against (Playwright's webServer): a fresh
 * `siantar_e2e` database, its own Redis prefix and mail catcher, port 3100.
 * The demo database is never touched.
 */
import { randomBytes } from 'node:crypto';
import { fail } from './lib/log.mjs';
import { ensureServices, withDatabase } from './lib/services.mjs';
import { buildAll, migrateAndSeed, startStack } from './lib/stack.mjs';
import { startMailCatcher } from './mail-catcher.mjs';

const port = process.env.E2E_PORT ?? '3100';
let services;
try {
  services = await ensureServices();
} catch (e) {
  fail(e.message);
}
const databaseUrl = withDatabase(services.DATABASE_URL, 'siantar_e2e');
const { default: pg } = await import('pg');
const admin = new pg.Client({ connectionString: withDatabase(services.DATABASE_URL, 'postgres') });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS siantar_e2e WITH (FORCE)');
await admin.end();

const { Redis } = await import('ioredis');
const redis = new Redis(services.REDIS_URL);
const stale = await redis.keys('sbe2e:*');
if (stale.length) await redis.del(...stale);
redis.disconnect();

const catcher = await startMailCatcher(0, { quiet: true });
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: databaseUrl,
  REDIS_URL: services.REDIS_URL,
  REDIS_PREFIX: 'sbe2e',
  JWT_SECRET: randomBytes(32).toString('hex'),
  SMTP_URL: `smtp://127.0.0.1:${catcher.server.address().port}`,
  LOGIN_RATE_PER_MINUTE: '1000',
  LOG_LEVEL: 'warn',
  CORS_ORIGINS: `http://127.0.0.1:${port},http://localhost:${port}`,
};
if (!process.env.E2E_SKIP_BUILD) await buildAll();
await migrateAndSeed(env);
await startStack(env);
console.log(`e2e stack ready on http://127.0.0.1:${port}`);
