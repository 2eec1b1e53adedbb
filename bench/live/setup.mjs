// The live-chat benchmark's data: its own users (`live-NNNN@bench.siantar.test`, made like the
// other benches' learners, with tokens signed by the bench) and one running webinar inserted
// directly (the scheduling API refuses a past start), as the test fixture `runningSession` does.
import { createSecretKey } from 'node:crypto';
import { signAccessToken, withDb } from '../lib/setup.mjs';

/** Title that marks the bench's sessions, so that leftovers of an interrupted run can be deleted. */
export const SESSION_TITLE = 'Bench obrolan langsung (live-chat.bench.mjs)';
export const USER_EMAIL = (/** @type {number} */ i) =>
  `live-${String(i).padStart(4, '0')}@bench.siantar.test`;
const USER_PATTERN = 'live-%@bench.siantar.test';

/** @typedef {{ userId: string, name: string, token: string }} LiveUser */

/**
 * Makes sure `count` bench users exist (PNS learners of BKPSDM, no password: they never sign in;
 * NIPs in the PNS layout with sequence 778, unique per user, like `ensureLearners`), and signs
 * an access token for each. They are not enrolled anywhere: a webinar with an empty audience is
 * open to every user.
 * @returns {Promise<LiveUser[]>} in e-mail order
 */
export async function ensureLiveUsers(
  /** @type {string} */ url,
  /** @type {string} */ secret,
  /** @type {number} */ count,
) {
  const rows = await withDb(url, async (c) => {
    await c.query(
      `INSERT INTO app_user (nip, name, email, position, employment_type, org_unit_id, roles)
       SELECT to_char(date '1985-01-01' + g / 2, 'YYYYMMDD') || '201001' || (1 + g % 2)::text || '778',
              'Peserta Live ' || lpad(g::text, 4, '0'), 'live-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              'Pelaksana', 'PNS', (SELECT id FROM org_unit WHERE code = 'BKPSDM'), ARRAY['learner']
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count],
    );
    const { rows } = await c.query(
      `SELECT id, name FROM app_user WHERE email LIKE $1 AND active ORDER BY email LIMIT $2`,
      [USER_PATTERN, count],
    );
    return rows;
  });
  if (rows.length < count)
    throw new Error(`only ${rows.length} of ${count} live bench users could be created`);
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return rows.map((/** @type {{ id: string, name: string }} */ r) => ({
    userId: r.id,
    name: r.name,
    token: signAccessToken(key, r.id),
  }));
}

/**
 * Deletes the bench's earlier sessions (an interrupted run may have left one; their
 * participants, presence, chat go with them: ON DELETE CASCADE), then inserts a webinar
 * running now: started 5 minutes ago, ending in 11 hours, no capacity, empty audience
 * (everyone may join, as participant), no trainer.
 * @returns {Promise<string>} the session id
 */
export async function createSession(/** @type {string} */ url) {
  return withDb(url, async (c) => {
    await c.query(`DELETE FROM live_session WHERE title = $1`, [SESSION_TITLE]);
    const { rows } = await c.query(
      `INSERT INTO live_session (title, starts_at, ends_at, capacity, audience_org_unit_ids, jp)
       VALUES ($1, now() - interval '5 minutes', now() + interval '11 hours', NULL, '{}', 0)
       RETURNING id`,
      [SESSION_TITLE],
    );
    return rows[0].id;
  });
}

/** Deletes the bench's sessions and everything in them. */
export async function deleteSessions(/** @type {string} */ url) {
  await withDb(url, (c) => c.query(`DELETE FROM live_session WHERE title = $1`, [SESSION_TITLE]));
}

/** Chat messages stored for the session so far. */
export async function chatRows(/** @type {string} */ url, /** @type {string} */ sessionId) {
  return withDb(url, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM live_chat_message WHERE session_id = $1`,
      [sessionId],
    );
    return /** @type {number} */ (rows[0].n);
  });
}
