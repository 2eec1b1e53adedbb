// The large-province dataset of the reports and export benchmarks: its own database
// (siantar_large, on the server of DATABASE_URL), built by the api cli's `seed-large` when
// missing or unfinished, migrated when the schema moved on, and the admins whose tokens
// the benchmarks sign.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { benchDatabaseUrl, intEnv } from './env.mjs';
import { runNode } from './proc.mjs';
import { signAccessToken, withDb } from './setup.mjs';

const MARKER = 'siantar seed-large';

/** BENCH_LARGE_DATABASE (default siantar_large) on the server of DATABASE_URL. */
export function largeDatabaseUrl() {
  return benchDatabaseUrl(process.env.BENCH_LARGE_DATABASE || 'siantar_large');
}

/** The database comment the generator writes last; undefined when the database is missing. */
async function marker(/** @type {string} */ url) {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT coalesce(shobj_description(oid, 'pg_database'), '') AS c FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0]?.c;
  } finally {
    await c.end();
  }
}

/**
 * Makes sure the large dataset is there (generates it with `cli.js seed-large`, output shown,
 * BENCH_LARGE_SCALE (1) when missing or unfinished; 8 minutes on 2 busy cores at scale 1),
 * then applies pending migrations. Returns the database URL.
 */
export async function ensureLargeDataset(
  /** @type {string} */ root,
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {(line: string) => void} */ log,
) {
  const url = /** @type {string} */ (env.DATABASE_URL);
  const cli = join(root, 'dist/apps/api/cli.js');
  const found = await marker(url);
  if (found?.startsWith(MARKER)) {
    log(`large dataset: ${found}`);
  } else {
    const scale = process.env.BENCH_LARGE_SCALE || '1';
    log(`large dataset missing in ${url}: generating it (scale ${scale}), output follows`);
    const args = [cli, 'seed-large', '--scale', scale, ...(found === undefined ? [] : ['--yes'])];
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`seed-large exited with ${code}`);
  }
  await runNode('migrate', cli, ['migrate'], env);
  return url;
}

/**
 * The province-wide admin (admin@large.siantar.test) with a signed access token, and the
 * OPD the unit-level measurements use (BENCH_REPORTS_OPD, default DISDIK: the largest, about
 * 45 % of the people).
 */
export async function largeAdmin(/** @type {string} */ url, /** @type {string} */ secret) {
  const code = process.env.BENCH_REPORTS_OPD || 'DISDIK';
  return withDb(url, async (c) => {
    const admin = await c.query(`SELECT id FROM app_user WHERE email = 'admin@large.siantar.test'`);
    const opd = await c.query(
      `SELECT o.id, o.name, (SELECT count(*)::int FROM app_user u JOIN org_unit s ON s.id = u.org_unit_id
                               WHERE s.path LIKE o.path || '%') AS people
         FROM org_unit o WHERE o.code = $1`,
      [code],
    );
    if (!admin.rows[0] || !opd.rows[0])
      throw new Error(`the large dataset has no admin@large.siantar.test or no unit ${code}`);
    return {
      userId: admin.rows[0].id,
      token: signAccessToken(secret, admin.rows[0].id),
      opd: /** @type {{ id: string, name: string, people: number }} */ (opd.rows[0]),
    };
  });
}

export { intEnv };
