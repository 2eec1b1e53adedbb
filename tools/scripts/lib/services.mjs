import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { info, ok, step } from './log.mjs';
import { ROOT, TMP } from './paths.mjs';
import { commandExists, run } from './run.mjs';

const SERVICES_ENV = join(TMP, 'services.env');
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/siantar';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function pgAnswers(url) {
  const { default: pg } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e.message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url) {
  const { Redis } = await import('ioredis');
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return { ok: (await r.ping()) === 'PONG' };
  } catch (e) {
    return { ok: false, reason: e.message };
  } finally {
    r.disconnect();
  }
}

async function waitFor(check, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if ((await check()).ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function readSavedEnv() {
  if (!existsSync(SERVICES_ENV)) return {};
  return Object.fromEntries(
    readFileSync(SERVICES_ENV, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

async function dockerAnswers() {
  if (!commandExists('docker')) return false;
  return (await run('docker', ['info'], { quiet: true })).code === 0;
}

const isDebianRoot = () =>
  process.getuid?.() === 0 && existsSync('/etc/debian_version') && commandExists('apt-get');

/** Installs (when missing) and starts Debian's PostgreSQL and Redis; returns the URLs that reach them. */
async function debianServices(needPg, needRedis) {
  const missing = [];
  if (needPg && !existsSync('/usr/lib/postgresql')) missing.push('postgresql');
  if (needRedis && !commandExists('redis-server')) missing.push('redis-server');
  if (missing.length > 0) {
    info(`installing Debian packages: ${missing.join(' ')}`);
    await run('apt-get', ['update', '-qq'], { quiet: true });
    const r = await run('apt-get', ['install', '-y', '-qq', ...missing], {
      quiet: true,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.code !== 0)
      throw new Error(`apt-get install ${missing.join(' ')} failed:\n${r.out.slice(-2000)}`);
  }
  if (needPg) {
    const versions = readdirSync('/etc/postgresql');
    for (const v of versions) {
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], {
        quiet: true,
      });
    }
    // Debian's default is peer/password auth: give the postgres role a local password the scripts can use.
    await run('su', ['postgres', '-c', `psql -qc "ALTER USER postgres PASSWORD 'postgres'"`], {
      quiet: true,
    });
  }
  if (needRedis) {
    mkdirSync('/var/lib/redis', { recursive: true });
    await run(
      'redis-server',
      [
        '--daemonize',
        'yes',
        '--bind',
        '127.0.0.1',
        '--port',
        '6379',
        '--appendonly',
        'yes',
        '--dir',
        '/var/lib/redis',
        '--maxmemory-policy',
        'noeviction',
      ],
      { quiet: true },
    );
  }
  return {
    DATABASE_URL: needPg ? 'postgres://postgres:postgres@127.0.0.1:5432/siantar' : undefined,
    REDIS_URL: needRedis ? LOCAL_REDIS : undefined,
  };
}

/**
 * Finds PostgreSQL and Redis, in this order: DATABASE_URL/REDIS_URL, the local
 * ports, `docker compose`, Debian packages (as root). Returns the URLs to use,
 * or throws an Error whose message says exactly what to do.
 */
export async function ensureServices() {
  step('PostgreSQL and Redis');
  const saved = readSavedEnv();
  let databaseUrl = process.env.DATABASE_URL || saved.DATABASE_URL || LOCAL_PG;
  let redisUrl = process.env.REDIS_URL || saved.REDIS_URL || LOCAL_REDIS;
  const given = { pg: Boolean(process.env.DATABASE_URL), redis: Boolean(process.env.REDIS_URL) };

  let pgOk = await pgAnswers(databaseUrl);
  let redisOk = await redisAnswers(redisUrl);
  if (!pgOk.ok && given.pg)
    throw new Error(
      `DATABASE_URL is set but PostgreSQL does not answer there (${pgOk.reason}). Fix DATABASE_URL or start that server.`,
    );
  if (!redisOk.ok && given.redis)
    throw new Error(
      `REDIS_URL is set but Redis does not answer there (${redisOk.reason}). Fix REDIS_URL or start that server.`,
    );

  if ((!pgOk.ok || !redisOk.ok) && (await dockerAnswers())) {
    info('starting PostgreSQL and Redis with docker compose');
    const services = [!pgOk.ok && 'postgres', !redisOk.ok && 'redis', 'mailpit'].filter(Boolean);
    const r = await run('docker', ['compose', 'up', '-d', ...services], { cwd: ROOT });
    if (r.code === 0) {
      if (!pgOk.ok) {
        databaseUrl = 'postgres://postgres:postgres@127.0.0.1:5432/siantar';
        pgOk = { ok: await waitFor(() => pgAnswers(databaseUrl), 60) };
      }
      if (!redisOk.ok) redisOk = { ok: await waitFor(() => redisAnswers(redisUrl), 30) };
    }
  }

  if ((!pgOk.ok || !redisOk.ok) && isDebianRoot()) {
    info('starting Debian packages of PostgreSQL and Redis');
    const urls = await debianServices(!pgOk.ok, !redisOk.ok);
    if (urls.DATABASE_URL) {
      databaseUrl = urls.DATABASE_URL;
      pgOk = { ok: await waitFor(() => pgAnswers(databaseUrl), 60) };
    }
    if (urls.REDIS_URL) redisOk = { ok: await waitFor(() => redisAnswers(redisUrl), 30) };
  }

  const problems = [];
  if (!pgOk.ok) problems.push(`PostgreSQL (15 or newer) is not reachable at ${databaseUrl}.`);
  if (!redisOk.ok) problems.push(`Redis (7 or newer) is not reachable at ${redisUrl}.`);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('\n')}\nDo one of these, then run the command again:\n` +
        '  • start Docker and let this script use docker-compose.yml (or run `docker compose up -d` yourself);\n' +
        '  • install and start them: `sudo apt-get install postgresql redis-server` (Debian/Ubuntu) or your OS packages;\n' +
        '  • point at servers you have: DATABASE_URL=postgres://user:pass@host:5432/siantar REDIS_URL=redis://host:6379 npm start',
    );
  }
  if (!given.pg || !given.redis) {
    mkdirSync(TMP, { recursive: true });
    writeFileSync(SERVICES_ENV, `DATABASE_URL=${databaseUrl}\nREDIS_URL=${redisUrl}\n`);
  }
  ok(`PostgreSQL ${new URL(databaseUrl).host} · Redis ${new URL(redisUrl).host}`);
  return { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
}

/** The same URL with another database name (tests and e2e never touch the demo database). */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
