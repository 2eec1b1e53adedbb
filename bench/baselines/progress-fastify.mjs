// Baseline for POST /api/v1/progress/events: the least code that stores progress events the way
// the api does and answers the same ProgressBatchResponse.
//
// It DOES: verify the bearer token and load the principal (the api's principal query), sort the
// batch by occurredAt, and for EACH event run one transaction (BEGIN ... COMMIT on one pooled
// client) with the very statements of ProgressService.apply()/evaluate()/state() and lockReason():
// the target check (is the lesson in the caller's enrolment, is the enrolment live, does the
// lesson type accept the kind), the sequential-course lock check, INSERT ... ON CONFLICT (id)
// DO NOTHING into progress_event (a resend is a duplicate), the lesson_progress insert + monotonic
// update (seconds_spent += ..., GREATEST ...), the re-evaluation of percent/completion, and the
// state read for the answer. The statements are copied and checked against the api source at
// start (assertInSource), so the baseline refuses to run once the api changes them.
// It does NOT: validate the body with class-validator (whitelist, forbidNonWhitelisted, nested
// DTOs: here only the shape the SQL needs is checked), run helmet, CORS, request ids, pino-http,
// Nest's router/guards/pipes/filters, or TypeORM's transaction wrapper (QueryRunner).
import { PROGRESS_SERVICE, LOCKING, assertInSource } from '../lib/source-sql.mjs';
import { app, authenticate, listen, pool, problem, root } from './common.mjs';

const TARGET_SQL = `SELECT en.status AS enrolment_status, en.user_id, l.type AS lesson_type, l.content
         FROM enrolment en JOIN lesson l ON l.version_id = en.version_id AND l.id = $2
        WHERE en.id = $1`;
const CLAIM_SQL = `INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`;
const OPEN_SQL = `INSERT INTO lesson_progress (enrolment_id, lesson_id, first_opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`;
const ACCUMULATE_SQL = `UPDATE lesson_progress SET
         seconds_spent = seconds_spent + $3,
         max_scroll = GREATEST(max_scroll, $4),
         watched_seconds = GREATEST(watched_seconds, $5),
         duration_seconds = coalesce(GREATEST(duration_seconds, $6), $6, duration_seconds),
         position_seconds = CASE WHEN $7::numeric IS NOT NULL AND (position_at IS NULL OR position_at <= $8) THEN $7 ELSE position_seconds END,
         position_at = CASE WHEN $7::numeric IS NOT NULL AND (position_at IS NULL OR position_at <= $8) THEN $8 ELSE position_at END,
         updated_at = now()
       WHERE enrolment_id = $1 AND lesson_id = $2`;
const TOTALS_SQL = `SELECT seconds_spent, max_scroll, watched_seconds, duration_seconds FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`;
const EVALUATE_SQL = `UPDATE lesson_progress SET percent = GREATEST(percent, $3),
              status = CASE WHEN status = 'completed' OR $4 THEN 'completed' ELSE 'in-progress' END,
              completed_at = CASE WHEN completed_at IS NULL AND $4 THEN now() ELSE completed_at END
        WHERE enrolment_id = $1 AND lesson_id = $2`;
const STATE_SQL = `SELECT status, percent FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`;
assertInSource(root, PROGRESS_SERVICE, {
  TARGET_SQL,
  CLAIM_SQL,
  OPEN_SQL,
  ACCUMULATE_SQL,
  TOTALS_SQL,
  EVALUATE_SQL,
  STATE_SQL,
});
const LOCK_SQL = `WITH ordered AS (
       SELECT l.id, l.title, l.type, row_number() OVER (ORDER BY m.position, l.position) AS n
         FROM enrolment e JOIN course_version v ON v.id = e.version_id
         JOIN lesson l ON l.version_id = v.id JOIN course_module m ON m.id = l.module_id
        WHERE e.id = $1 AND v.sequential)
     SELECT o.title FROM ordered o
      WHERE o.n < (SELECT n FROM ordered WHERE id = $2)
        AND o.type NOT IN ('quiz', 'live-session', 'simulation')
        AND NOT EXISTS (SELECT 1 FROM lesson_progress lp WHERE lp.enrolment_id = $1 AND lp.lesson_id = o.id AND lp.status = 'completed')
      ORDER BY o.n LIMIT 1`;
assertInSource(root, LOCKING, { LOCK_SQL });

// lesson-rules.ts
/** @type {Record<string, string[]>} */
const ACCEPTED_EVENTS = {
  text: ['opened', 'time', 'scrolled'],
  video: ['opened', 'time', 'video'],
  document: ['opened', 'time', 'completed'],
  link: ['opened', 'time', 'completed'],
  scorm: ['opened', 'time'],
  quiz: ['opened'],
  'live-session': ['opened'],
  simulation: ['opened'],
};
const TEXT_SCROLL_DONE = 90;
const DEFAULT_VIDEO_SHARE = 0.9;

/** @typedef {{ id: string, enrolmentId: string, lessonId: string, kind: string, occurredAt: string, seconds?: number, percent?: number, positionSeconds?: number, watchedSeconds?: number, durationSeconds?: number }} ProgressEvent */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['opened', 'time', 'scrolled', 'video', 'completed'];

/** The shape the statements need; the api's class-validator DTO checks more. */
function valid(/** @type {any} */ body) {
  return (
    Array.isArray(body?.events) &&
    body.events.length >= 1 &&
    body.events.length <= 200 &&
    body.events.every(
      (/** @type {any} */ e) =>
        UUID.test(e?.id) &&
        UUID.test(e.enrolmentId) &&
        UUID.test(e.lessonId) &&
        KINDS.includes(e.kind) &&
        typeof e.occurredAt === 'string' &&
        !Number.isNaN(Date.parse(e.occurredAt)),
    )
  );
}

async function state(
  /** @type {import('pg').PoolClient} */ c,
  /** @type {string} */ enrolmentId,
  /** @type {string} */ lessonId,
) {
  const { rows } = await c.query(STATE_SQL, [enrolmentId, lessonId]);
  return {
    enrolmentId,
    lessonId,
    status: rows[0]?.status ?? 'not-started',
    percent: Number(rows[0]?.percent ?? 0),
  };
}

/** ProgressService.apply() + evaluate(), inside the caller's transaction. */
async function apply(
  /** @type {import('pg').PoolClient} */ c,
  /** @type {ProgressEvent} */ e,
  /** @type {string} */ userId,
) {
  const t = (await c.query(TARGET_SQL, [e.enrolmentId, e.lessonId])).rows[0];
  if (!t || t.user_id !== userId)
    return { kind: 'rejected', reason: 'materi ini bukan bagian dari kursus yang Anda ikuti' };
  if (t.enrolment_status === 'withdrawn')
    return { kind: 'rejected', reason: 'pendaftaran Anda di kursus ini sudah dibatalkan' };
  if (!ACCEPTED_EVENTS[t.lesson_type].includes(e.kind))
    return {
      kind: 'rejected',
      reason: `peristiwa "${e.kind}" tidak berlaku untuk materi berjenis ${t.lesson_type}`,
    };
  const locked = (await c.query(LOCK_SQL, [e.enrolmentId, e.lessonId])).rows[0];
  if (locked)
    return { kind: 'rejected', reason: `materi ini terkunci; selesaikan dulu "${locked.title}"` };

  const claimed = await c.query(CLAIM_SQL, [
    e.id,
    e.enrolmentId,
    e.lessonId,
    e.kind,
    e.occurredAt,
    JSON.stringify(e),
  ]);
  if (claimed.rowCount === 0)
    return { kind: 'duplicate', state: await state(c, e.enrolmentId, e.lessonId) };

  await c.query(OPEN_SQL, [e.enrolmentId, e.lessonId, e.occurredAt]);
  await c.query(ACCUMULATE_SQL, [
    e.enrolmentId,
    e.lessonId,
    e.kind === 'time' ? (e.seconds ?? 0) : 0,
    e.kind === 'scrolled' ? (e.percent ?? 0) : 0,
    e.kind === 'video' ? (e.watchedSeconds ?? 0) : 0,
    e.kind === 'video' ? (e.durationSeconds ?? null) : null,
    e.kind === 'video' ? (e.positionSeconds ?? null) : null,
    e.occurredAt,
  ]);
  await evaluate(c, e, t);
  return { kind: 'accepted', state: await state(c, e.enrolmentId, e.lessonId) };
}

async function evaluate(
  /** @type {import('pg').PoolClient} */ c,
  /** @type {ProgressEvent} */ e,
  /** @type {any} */ t,
) {
  const row = (await c.query(TOTALS_SQL, [e.enrolmentId, e.lessonId])).rows[0];
  let percent = 0;
  let done = false;
  switch (t.lesson_type) {
    case 'text': {
      const minSeconds = t.content.minSeconds ?? 30;
      percent = Math.max(
        Number(row.max_scroll),
        Math.min(100, (row.seconds_spent / minSeconds) * 100),
      );
      done = Number(row.max_scroll) >= TEXT_SCROLL_DONE || row.seconds_spent >= minSeconds;
      break;
    }
    case 'video': {
      const duration = Number(row.duration_seconds ?? 0);
      const share = t.content.completionShare ?? DEFAULT_VIDEO_SHARE;
      percent = duration > 0 ? Math.min(100, (Number(row.watched_seconds) / duration) * 100) : 0;
      done = duration > 0 && Number(row.watched_seconds) >= duration * share;
      break;
    }
    case 'document':
    case 'link':
      percent = 100;
      done = true;
      break;
    default:
      return;
  }
  await c.query(EVALUATE_SQL, [e.enrolmentId, e.lessonId, Math.round(percent * 100) / 100, done]);
}

const f = app();

f.post('/api/v1/progress/events', async (req, reply) => {
  const p = await authenticate(req);
  if (!p) return problem(reply, 401, 'Token akses tidak valid.');
  const body = /** @type {{ events: ProgressEvent[] }} */ (req.body);
  if (!valid(body)) return problem(reply, 400, 'Isian tidak valid.');
  /** @type {{ accepted: string[], duplicates: string[], rejected: { id: string, reason: string }[], lessons: unknown[] }} */
  const out = { accepted: [], duplicates: [], rejected: [], lessons: [] };
  const touched = new Map();
  const sorted = [...body.events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  for (const e of sorted) {
    const c = await pool.connect();
    /** @type {any} */
    let result;
    try {
      await c.query('BEGIN');
      result = await apply(c, e, p.id);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
    if (result.kind === 'rejected') out.rejected.push({ id: e.id, reason: result.reason });
    else {
      (result.kind === 'accepted' ? out.accepted : out.duplicates).push(e.id);
      touched.set(`${e.enrolmentId}:${e.lessonId}`, result.state);
    }
  }
  out.lessons = [...touched.values()];
  return out;
});

await listen(f);
