// Settings shared by the benchmarks: load parameters and the environment of the servers under test.
import { randomBytes } from 'node:crypto';

/** @typedef {{ duration: number, connections: number, warmup: number, rounds: number }} LoadSettings */

/** Reads an integer of at least `min` from the environment. */
export function intEnv(/** @type {string} */ name, /** @type {number} */ fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/** @returns {LoadSettings} */
export function loadSettings() {
  return {
    duration: intEnv('BENCH_DURATION', 10),
    connections: intEnv('BENCH_CONNECTIONS', 20),
    warmup: intEnv('BENCH_WARMUP', 0, 0),
    rounds: intEnv('BENCH_ROUNDS', 2),
  };
}

/** The caller's DATABASE_URL with its database swapped for `name`, so the demo data is never touched. */
export function benchDatabaseUrl(name = 'siantar_bench') {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/siantar');
  url.pathname = `/${name}`;
  return url.toString();
}

const randomSecret = randomBytes(32).toString('hex');

/**
 * Environment of the api (and of the baseline) for a benchmark. One secret per run, shared by both.
 * LOG_LEVEL=warn: pino would otherwise write one line per request, which the baseline does not.
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function serverEnv(extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    JWT_SECRET: process.env.BENCH_JWT_SECRET || randomSecret,
    DATABASE_URL: benchDatabaseUrl(),
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    REDIS_PREFIX: 'sbbench',
    LOG_LEVEL: 'warn',
    ACCESS_TOKEN_TTL: '3600',
    LOGIN_RATE_PER_MINUTE: '10000',
    ...extra,
  };
}
