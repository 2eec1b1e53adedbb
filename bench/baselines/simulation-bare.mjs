// Baseline for POST /api/v1/simulation-runs/:runId/actions: a bare handler that receives the
// same request ({ seq, action }) and stores the same event in the same tables.
//
// It DOES: verify the bearer token (HS256, the run's secret, typ 'access') and take the caller
// from its `sub`, check the run id is a UUID and the body ({ seq: integer 1..10000, action: an
// object whose type is choose, form or menu }), then in ONE transaction: lock the caller's run
// row (SELECT … FOR UPDATE, the run's id and owner), refuse a seq other than the run's seq + 1
// (409) and a run that is not playing (409), look the step up in the bench scenario's five-step
// table (lib/simulation.mjs: STEPS, by the run's seq mod 5) and refuse an action that is not the
// table's (400), INSERT the simulation_action row (the api's columns: scene, action, choice,
// target scene, feedback, mistakes, ms in scene computed in SQL from the locked row), UPDATE the
// run's seq, state (the locked state with the table's changes applied: scene, practice, path,
// scores, clamped variables) and scene clock, COMMIT, and answer a small JSON
// ({ run: { id, seq, status, sceneId }, feedback, mistakes }).
// It does NOT: load the principal (the api's guard runs one more query per request to see the
// user still active), read the lesson's scenario, play the shared engine (act(), offered
// choices, conditions), take the scene's time in a separate SELECT, write the status, rating,
// score and completion columns, complete the lesson, answer a retried seq with its first answer
// (a resent seq is 409 here), build the run view (scene, practice, choices, variables, scores)
// or problem+json bodies; no class-validator, helmet, CORS, request ids, pino-http, Nest or TypeORM.
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { assertInSource } from '../lib/source-sql.mjs';
import { applyStep, sameAction, STEPS } from '../lib/simulation.mjs';
import { app, listen, pool, problem, root } from './common.mjs';

const RUNS_SERVICE = 'libs/server/simulation/src/lib/runs/runs.service.ts';
// The api's row: same table, same columns (checked against its source at start).
const INSERT_COLUMNS = `INSERT INTO simulation_action (run_id, seq, scene_id, action, choice_id, to_scene_id, feedback, mistakes, ms_in_scene)`;
const MS_IN_SCENE = `greatest(0, round(extract(epoch FROM clock_timestamp() - $9::timestamptz) * 1000))::int`;
assertInSource(root, RUNS_SERVICE, { INSERT_COLUMNS, MS_IN_SCENE, LOCK: 'FOR UPDATE OF r' });

const LOCK_SQL = `SELECT id, seq, status, state, scene_entered_at FROM simulation_run
  WHERE id = $1 AND user_id = $2 FOR UPDATE`;
const INSERT_SQL = `${INSERT_COLUMNS}
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${MS_IN_SCENE})`;
const UPDATE_SQL = `UPDATE simulation_run SET seq = $2, state = $3,
       scene_entered_at = CASE WHEN $4 THEN clock_timestamp() ELSE scene_entered_at END
  WHERE id = $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = createSecretKey(Buffer.from(/** @type {string} */ (process.env.JWT_SECRET), 'utf8'));
const STEP_JSON = STEPS.map((s) => JSON.stringify(s.action));

/** The caller's user id from a valid access token, or null. */
function caller(/** @type {string | undefined} */ header) {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return null;
  try {
    const claims = /** @type {any} */ (jwt.verify(token, key, { algorithms: ['HS256'] }));
    return claims.typ === 'access' && typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

const f = app();
f.post('/api/v1/simulation-runs/:runId/actions', async (req, reply) => {
  const userId = caller(req.headers.authorization);
  if (!userId) return problem(reply, 401, 'Unauthorized');
  const { runId } = /** @type {{ runId: string }} */ (req.params);
  if (!UUID.test(runId)) return problem(reply, 400, 'id permainan harus UUID');
  const body = /** @type {any} */ (req.body);
  const seq = body?.seq;
  const action = body?.action;
  if (!Number.isInteger(seq) || seq < 1 || seq > 10_000)
    return problem(reply, 400, 'seq harus bilangan bulat 1..10000');
  if (
    typeof action !== 'object' ||
    action === null ||
    !['choose', 'form', 'menu'].includes(action.type)
  )
    return problem(reply, 400, 'type harus choose, form atau menu');

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(LOCK_SQL, [runId, userId]);
    const run = rows[0];
    /** @type {[number, string] | null} */
    let refused = null;
    if (!run) refused = [404, 'Permainan simulasi tidak ditemukan'];
    else if (seq !== run.seq + 1)
      refused = [409, `Langkah tidak sesuai urutan (di langkah ${run.seq})`];
    else if (run.status !== 'playing') refused = [409, 'Permainan ini sudah selesai'];
    const k = run ? run.seq % STEPS.length : 0;
    const step = STEPS[k];
    if (!refused && (run.state.sceneId !== step.from || !sameAction(action, step.action)))
      refused = [400, 'Pilihan itu tidak tersedia di adegan ini'];
    if (refused) {
      await client.query('ROLLBACK');
      return problem(reply, refused[0], refused[1]);
    }
    const next = applyStep(run.state, k);
    await client.query(INSERT_SQL, [
      run.id,
      seq,
      step.from,
      STEP_JSON[k],
      step.choiceId,
      step.toSceneId,
      step.feedback,
      '[]',
      run.scene_entered_at,
    ]);
    await client.query(UPDATE_SQL, [run.id, seq, JSON.stringify(next), step.enter]);
    await client.query('COMMIT');
    return {
      run: { id: run.id, seq, status: 'playing', sceneId: next.sceneId },
      feedback: step.feedback,
      mistakes: [],
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
});
await listen(f);
