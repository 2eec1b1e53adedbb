// Baseline for PUT /api/v1/attempts/:attemptId/answers/:slot: the least code that autosaves an
// answer the way the api does and answers the same SaveAnswerResponse.
//
// It DOES: verify the bearer token and load the principal (the api's principal query), check the
// attempt id is a UUID and the slot an integer, check the body ({ seq: integer 1..2e9, response:
// object }), then run the very statements of AttemptsService.saveAnswer(), copied and checked
// against the api source at start (assertInSource): the SELECT of the attempt and its slot, the
// owner/slot/status/deadline checks, the sequential-navigation check (a slot before the attempt's
// current_slot is closed), the response checked against the question as shown (the stored view),
// the UPDATE whose CTE share-locks the attempt row and only writes a newer seq, the current_slot
// advance of a sequential attempt (never reached with the benchmark's free-navigation quiz), and,
// when it wrote nothing, the SELECT that tells a stale seq (409 attempts.stale-seq) from a closed
// attempt (409 attempts.closed). Same status codes and problem codes as the api.
// It does NOT: check responses of question types other than single-choice, true-false, numerical,
// short-answer and essay (the benchmark's quiz has only the first three; others answer 400 here),
// run class-validator, helmet, CORS, request ids, pino-http, Nest's router/guards/pipes/filters or
// TypeORM's query wrapper, or build the api's full problem+json body (only status, code, detail).
import { ATTEMPTS_SERVICE, assertInSource } from '../lib/source-sql.mjs';
import { app, authenticate, listen, pool, root } from './common.mjs';

const SLOT_SQL = `SELECT a.user_id, a.status, a.deadline, a.settings->>'navigation' = 'sequential' AS sequential,
              a.current_slot, s.view, s.seq
           FROM quiz_attempt a LEFT JOIN attempt_slot s ON s.attempt_id = a.id AND s.slot = $2
          WHERE a.id = $1`;
const SAVE_SQL = `WITH a AS (SELECT id FROM quiz_attempt
                   WHERE id = $1 AND status = 'in-progress' AND (deadline IS NULL OR deadline > now()) FOR SHARE)
       UPDATE attempt_slot s SET response = $4, seq = $3, saved_at = now()
         FROM a WHERE s.attempt_id = a.id AND s.slot = $2 AND s.seq < $3
       RETURNING s.seq, s.saved_at`;
const ADVANCE_SQL = `UPDATE quiz_attempt SET current_slot = greatest(current_slot, $2) WHERE id = $1`;
const NOW_SQL = `SELECT a.status, s.seq FROM quiz_attempt a JOIN attempt_slot s ON s.attempt_id = a.id AND s.slot = $2 WHERE a.id = $1`;
assertInSource(root, ATTEMPTS_SERVICE, { SLOT_SQL, SAVE_SQL, ADVANCE_SQL, NOW_SQL });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RESPONSE_TEXT = 20_000;

const fail = (
  /** @type {import('fastify').FastifyReply} */ reply,
  /** @type {number} */ status,
  /** @type {string} */ code,
  /** @type {string} */ detail,
) => reply.code(status).type('application/problem+json').send({ status, code, detail });

const isRecord = (/** @type {unknown} */ v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * checkResponse() of the grading library for the types this baseline supports: the response
 * rebuilt field by field (unknown fields dropped), or null when it does not fit the question.
 * @param {any} view  @param {any} response
 */
function checkResponse(view, response) {
  if (!isRecord(response) || response.type !== view.type) return null;
  switch (view.type) {
    case 'single-choice': {
      const choiceId = response.choiceId;
      if (choiceId === null) return { type: 'single-choice', choiceId: null };
      if (typeof choiceId !== 'string') return null;
      if (!view.choices.some((/** @type {{ id: string }} */ c) => c.id === choiceId)) return null;
      return { type: 'single-choice', choiceId };
    }
    case 'true-false': {
      const value = response.value;
      if (value !== null && typeof value !== 'boolean') return null;
      return { type: 'true-false', value };
    }
    case 'short-answer':
    case 'numerical':
    case 'essay': {
      const text = response.text;
      if (typeof text !== 'string' || text.length > MAX_RESPONSE_TEXT) return null;
      return { type: view.type, text };
    }
    default:
      return null;
  }
}

const f = app();

f.put('/api/v1/attempts/:attemptId/answers/:slot', async (req, reply) => {
  const p = await authenticate(req);
  if (!p) return fail(reply, 401, 'unauthorized', 'Token akses tidak valid.');
  const params = /** @type {{ attemptId: string, slot: string }} */ (req.params);
  if (!UUID.test(params.attemptId)) return fail(reply, 400, 'validation', 'id harus UUID.');
  if (!/^-?\d+$/.test(params.slot))
    return fail(reply, 400, 'attempts.invalid-slot', 'Nomor soal harus bilangan bulat.');
  const slot = Number(params.slot);
  const body = /** @type {any} */ (req.body);
  if (
    !isRecord(body) ||
    !Number.isInteger(body.seq) ||
    body.seq < 1 ||
    body.seq > 2_000_000_000 ||
    !isRecord(body.response)
  )
    return fail(reply, 400, 'validation', 'Data tidak valid.');

  const row = (await pool.query(SLOT_SQL, [params.attemptId, slot])).rows[0];
  if (!row || row.user_id !== p.id)
    return fail(reply, 404, 'not-found', 'Percobaan kuis tidak ditemukan.');
  if (row.view === null)
    return fail(reply, 404, 'not-found', `Soal nomor ${slot} di percobaan ini tidak ditemukan.`);
  if (row.status !== 'in-progress')
    return fail(reply, 409, 'attempts.closed', 'Percobaan ini sudah dikumpulkan.');
  if (row.deadline && new Date(row.deadline).getTime() <= Date.now())
    return fail(reply, 409, 'attempts.closed', 'Waktu mengerjakan sudah habis.');
  if (row.sequential && slot < row.current_slot)
    return fail(reply, 409, 'attempts.sequential', `Soal ${slot} sudah dilewati.`);
  const response = checkResponse(row.view, body.response);
  if (!response)
    return fail(reply, 400, 'attempts.invalid-answer', `Jawaban soal nomor ${slot} tidak valid.`);

  const saved = await pool.query(SAVE_SQL, [
    params.attemptId,
    slot,
    body.seq,
    JSON.stringify(response),
  ]);
  if (saved.rows.length > 0 && row.sequential && slot > row.current_slot)
    await pool.query(ADVANCE_SQL, [params.attemptId, slot]);
  if (saved.rows[0])
    return {
      slot,
      seq: saved.rows[0].seq,
      savedAt: new Date(saved.rows[0].saved_at).toISOString(),
    };
  const now = (await pool.query(NOW_SQL, [params.attemptId, slot])).rows[0];
  if (now.status !== 'in-progress')
    return fail(reply, 409, 'attempts.closed', 'Percobaan ini sudah dikumpulkan.');
  if (now.seq >= body.seq)
    return fail(
      reply,
      409,
      'attempts.stale-seq',
      `Server sudah menyimpan jawaban yang lebih baru untuk soal ${slot}.`,
    );
  return fail(reply, 409, 'attempts.closed', 'Waktu mengerjakan sudah habis.');
});

await listen(f);
