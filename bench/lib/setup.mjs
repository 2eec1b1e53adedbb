// Preparing the bench database: migrate and seed (once per `npm run bench` process), and the
// simulated learners, enrolled in a demo course, with access tokens signed like the api's.
import { createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { runNode } from './proc.mjs';

const jwt = createRequire(import.meta.url)('jsonwebtoken');

/** @type {Promise<void> | undefined} */
let prepared;

/**
 * Migrates and seeds the bench database with the api's own CLI. Idempotent, and done once per
 * process: every benchmark of one `npm run bench` shares the same JWT secret and database.
 */
export function prepareDatabase(
  /** @type {string} */ root,
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {(line: string) => void} */ log,
) {
  prepared ??= (async () => {
    const cli = join(root, 'dist/apps/api/cli.js');
    log(`database ${env.DATABASE_URL}, redis prefix ${env.REDIS_PREFIX}: migrate and seed`);
    await runNode('migrate', cli, ['migrate'], env);
    await runNode('seed', cli, ['seed'], env);
  })();
  return prepared;
}

/** Runs `fn` with one short-lived connection (closed before returning, so that it never
 * holds up committedTransactions(), which waits for the database's clients to be gone). */
export async function withDb(
  /** @type {string} */ url,
  /** @type {(c: pg.Client) => Promise<any>} */ fn,
) {
  const client = new pg.Client({ connectionString: url, application_name: 'siantar-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const LEARNER_EMAIL = (/** @type {number} */ i) =>
  `peserta-${String(i).padStart(4, '0')}@bench.siantar.test`;
const LEARNER_PATTERN = 'peserta-%@bench.siantar.test';

/**
 * @typedef {object} Learner
 * @property {string} userId
 * @property {string} enrolmentId
 * @property {string[]} textLessonIds  text lessons of the enrolled version, in outline order
 * @property {string} token  HS256 access token
 */

/**
 * Makes sure `count` bench learners exist (PNS, role learner, no password: they never sign in)
 * and are enrolled in the course `code`, then signs an access token for each.
 * NIPs follow the PNS layout (birth date, appointment month, sex, sequence 777), unique per learner.
 * @returns {Promise<{ learners: Learner[], courseId: string, otherCourseLessonId: string, nonTextLessonId: string | null }>}
 */
export async function ensureLearners(
  /** @type {string} */ url,
  /** @type {string} */ secret,
  count = 500,
  code = 'PPBD-01',
) {
  const rows = await withDb(url, async (c) => {
    await c.query(
      `INSERT INTO app_user (nip, name, email, position, employment_type, org_unit_id, roles)
       SELECT to_char(date '1985-01-01' + g / 2, 'YYYYMMDD') || '201001' || (1 + g % 2)::text || '777',
              'Peserta Bench ' || g, 'peserta-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              'Pelaksana', 'PNS', (SELECT id FROM org_unit WHERE code = 'BKPSDM'), ARRAY['learner']
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count],
    );
    await c.query(
      `INSERT INTO enrolment (course_id, version_id, user_id, source)
       SELECT c.id, c.current_version_id, u.id, 'admin' FROM course c, app_user u
        WHERE c.code = $1 AND u.email LIKE $2 AND u.active
          AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id AND e.user_id = u.id AND e.status <> 'withdrawn')`,
      [code, LEARNER_PATTERN],
    );
    const { rows } = await c.query(
      `SELECT u.id AS user_id, e.id AS enrolment_id, c.id AS course_id,
              array_agg(l.id ORDER BY m.position, l.position) FILTER (WHERE l.type = 'text') AS text_lessons,
              (array_agg(l.id) FILTER (WHERE l.type <> 'text'))[1] AS non_text_lesson
         FROM app_user u
         JOIN enrolment e ON e.user_id = u.id AND e.status <> 'withdrawn'
         JOIN course c ON c.id = e.course_id AND c.code = $1
         JOIN lesson l ON l.version_id = e.version_id
         JOIN course_module m ON m.id = l.module_id
        WHERE u.email LIKE $2 AND u.active
        GROUP BY u.id, u.email, e.id, c.id
        ORDER BY u.email
        LIMIT $3`,
      [code, LEARNER_PATTERN, count],
    );
    const other = await c.query(
      `SELECT l.id FROM lesson l JOIN course c ON c.current_version_id = l.version_id WHERE c.code <> $1 LIMIT 1`,
      [code],
    );
    return { rows, otherCourseLessonId: other.rows[0]?.id };
  });
  if (rows.rows.length < count)
    throw new Error(
      `only ${rows.rows.length} of ${count} bench learners could be enrolled in ${code}`,
    );
  if (rows.rows.some((/** @type {any} */ r) => !r.text_lessons?.length))
    throw new Error(`course ${code} has no text lesson to send progress for`);
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return {
    courseId: rows.rows[0].course_id,
    otherCourseLessonId: rows.otherCourseLessonId,
    nonTextLessonId: rows.rows[0].non_text_lesson,
    learners: rows.rows.map((/** @type {any} */ r) => ({
      userId: r.user_id,
      enrolmentId: r.enrolment_id,
      textLessonIds: r.text_lessons,
      token: signAccessToken(key, r.user_id),
    })),
  };
}

/** The api's access token: { sub, typ: 'access' }, HS256, an hour. */
export function signAccessToken(
  /** @type {import('node:crypto').KeyObject | string} */ key,
  /** @type {string} */ sub,
) {
  return jwt.sign({ sub, typ: 'access' }, key, { algorithm: 'HS256', expiresIn: 3600 });
}
