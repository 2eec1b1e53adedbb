// PUT /api/v1/attempts/:attemptId/answers/:slot: quiz answer autosave with 1,000 simulated
// learners, each with its own user, enrolment, token and in-progress attempt of a 20-question quiz
// (started through the api), through the whole api versus a bare Fastify baseline running the
// same statements. The learners take turns on BENCH_CONNECTIONS keep-alive connections; each
// request saves one slot of one learner with that slot's next seq (strictly increasing per learner
// and slot), alternating the right and a wrong answer. Every run is verified in the database: each
// slot holds the highest seq the server accepted and that request's answer (no lost update, no
// write that was not acknowledged), and no request was refused as stale.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alternate, withServer } from './lib/ab.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { loop } from './lib/loop.mjs';
import {
  deleteAttempts,
  ensureQuizCourse,
  QUESTIONS,
  responsesFor,
  startAttempts,
  vacuumQuizTables,
  withApi,
} from './lib/quiz.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase, withDb } from './lib/setup.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {import('./lib/loop.mjs').Request & { idx: number, slot: number, seq: number, wrong: boolean }} SaveRequest */
/** @typedef {{ id: string, token: string, slots: { slot: number, right: object, wrong: object }[] }} LearnerAttempt */

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'autosave',
  title:
    'PUT /api/v1/attempts/:id/answers/:slot, 1,000 learners: full api stack vs bare Fastify + the same SQL',
  async run({ root, settings, log }) {
    const learnerCount = intEnv('BENCH_LEARNERS', 1000, 2);
    const env = serverEnv();
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);
    const { courseId, quizId, learners } = await ensureQuizCourse({
      root,
      env,
      count: learnerCount,
      log,
    });
    // Each invocation starts from fresh attempts, so that table sizes are comparable across commits.
    await deleteAttempts(dbUrl, quizId, courseId);
    const t = Date.now();
    const views = await withApi(root, env, (base) =>
      startAttempts(base, quizId, learners, settings.connections),
    );
    /** @type {LearnerAttempt[]} */
    const attempts = views.map((v, i) => ({
      id: v.id,
      token: learners[i].token,
      slots: v.questions.map((/** @type {any} */ q) => ({ slot: q.slot, ...responsesFor(q.body) })),
    }));
    if (attempts.some((a) => a.slots.length !== QUESTIONS))
      throw new Error(`every attempt should have ${QUESTIONS} questions`);
    log(
      `${attempts.length} learners enrolled in KUIS-BENCH, each with an in-progress attempt of ${QUESTIONS} ` +
        `questions started through the api (${num((Date.now() - t) / 1000, 1)} s, their earlier attempts deleted)`,
    );

    // Per learner and slot (index learner * QUESTIONS + slot index): the last seq sent, the
    // highest seq the server accepted, and whether that accepted answer was the wrong one.
    const cells = attempts.length * QUESTIONS;
    const sent = new Int32Array(cells);
    const accepted = new Int32Array(cells);
    const acceptedWrong = new Uint8Array(cells);
    let turn = 0;

    /** Learner `w`'s next save of slot index `s`: a new seq, odd = right answer, even = wrong. */
    const save = (/** @type {number} */ w, /** @type {number} */ s) => {
      const a = attempts[w];
      const idx = w * QUESTIONS + s;
      const seq = ++sent[idx];
      const wrong = seq % 2 === 0;
      const { slot, right, wrong: bad } = a.slots[s];
      return /** @type {SaveRequest} */ ({
        method: 'PUT',
        path: `/api/v1/attempts/${a.id}/answers/${slot}`,
        headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ seq, response: wrong ? bad : right }),
        idx,
        slot,
        seq,
        wrong,
      });
    };
    /** @type {string[]} answers of 200 that don't echo the request */
    let bad = [];
    /** @type {string[]} the first non-2xx answers and socket errors of a run */
    let refusals = [];
    /** Records a 200: it must echo the slot and seq, and is the newest accepted for its cell. */
    const record = (/** @type {SaveRequest} */ req, /** @type {string} */ text) => {
      const body = JSON.parse(text);
      if (body.slot !== req.slot || body.seq !== req.seq || typeof body.savedAt !== 'string') {
        if (bad.length < 3) bad.push(`unexpected answer ${text.slice(0, 200)}`);
        return;
      }
      if (req.seq > accepted[req.idx]) {
        accepted[req.idx] = req.seq;
        acceptedWrong[req.idx] = req.wrong ? 1 : 0;
      }
    };

    /** @type {unknown} */
    let probeReference;
    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, statuses: Record<string, number>, dbTransactionsPerRequest: number })[]} */
    const runs = [];
    const verification = [];
    try {
      for (const [side, round] of alternate(settings.rounds)) {
        bad = [];
        refusals = [];
        await vacuumQuizTables(dbUrl);
        /** @type {Record<string, number>} */
        const statuses = {};
        let probes = 0;
        let warmed = 0;
        const r = await withServer(
          { side, script: scripts(root)[side], env, dbUrl },
          async (base, pid) => {
            const put = async (/** @type {SaveRequest} */ req) => {
              probes++;
              const res = await fetch(`${base}${req.path}`, {
                method: req.method,
                headers: req.headers,
                body: req.body,
              });
              const text = await res.text();
              if (res.status === 200) record(req, text);
              return {
                status: res.status,
                code: res.status === 200 ? null : JSON.parse(text).code,
              };
            };
            const probe = await probeSemantics(put, save, attempts);
            probeReference ??= probe;
            if (!isDeepStrictEqual(probe, probeReference))
              throw new Error(
                `${side} answered the probe requests differently from the first server:\n` +
                  `${JSON.stringify(probe)}\nexpected ${JSON.stringify(probeReference)}`,
              );
            const common = {
              label: side,
              base,
              workers: Math.min(settings.connections, attempts.length),
              pid,
              database,
              // Learners take turns: request k is learner k mod N's next slot.
              next: () => {
                const k = turn++;
                return save(k % attempts.length, Math.floor(k / attempts.length) % QUESTIONS);
              },
              done: (
                /** @type {number} */ _w,
                /** @type {any} */ req,
                /** @type {number} */ status,
                /** @type {string} */ text,
              ) => {
                statuses[status] = (statuses[status] ?? 0) + 1;
                if (status === 200) record(req, text);
                else if (refusals.length < 3)
                  refusals.push(`${req.path} seq ${req.seq}: ${status} ${text.slice(0, 200)}`);
              },
              failed: (
                /** @type {number} */ _w,
                /** @type {any} */ req,
                /** @type {unknown} */ e,
              ) => {
                if (refusals.length < 3) refusals.push(`${req.path} seq ${req.seq} failed: ${e}`);
              },
            };
            if (settings.warmup > 0) {
              const w = await loop({ ...common, seconds: settings.warmup });
              warmed = w.responses + w.errors;
            }
            return loop({ ...common, seconds: settings.duration });
          },
        );

        // Verify in SQL, with the server stopped.
        const v = {
          side,
          round,
          ...(await checkStored(dbUrl, attempts, accepted, acceptedWrong)),
          statuses,
          bad,
          refusals,
        };
        verification.push(v);
        // A request that timed out may still have been saved: only those may be newer than acknowledged.
        // Non-2xx answers and socket errors are counted in the table (the runner then fails the run).
        if (v.lost > 0 || v.unacknowledged > r.errors || v.wrongAnswer > 0 || bad.length > 0)
          throw new Error(`${side} round ${round}: verification failed: ${JSON.stringify(v)}`);
        if (refusals.length > 0) log(`${side} round ${round}: ${refusals.join('; ')}`);
        const dbTransactionsPerRequest = r.transactions / (r.responses + warmed + probes);
        log(
          `round ${round} ${side.padEnd(8)} ${num(r.responses / r.seconds)} req/s, ${r.non2xx} non-2xx, ` +
            `${r.errors} errors (other processes: ${num(r.otherCores, 2)} cores); verified: ${v.slotsSaved} slots ` +
            `hold the highest accepted seq and its answer, ${v.lost} lost, ${statuses[409] ?? 0} stale (409)`,
        );
        runs.push({ ...r, side, round, statuses, dbTransactionsPerRequest });
      }
    } finally {
      await deleteAttempts(dbUrl, quizId, courseId);
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const perRequest = (/** @type {Side} */ side) =>
      of(side).reduce((n, r) => n + r.dbTransactionsPerRequest, 0) / of(side).length;
    const api = summarize('api (NestJS)', of('api'));
    const baseline = summarize('baseline (Fastify)', of('baseline'));
    const last = verification.at(-1);
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
      notes: [
        `${attempts.length} learners (own user, enrolment, token, in-progress attempt of ${QUESTIONS} questions) take turns ` +
          `on ${Math.min(settings.connections, attempts.length)} keep-alive connections (closed loop, no think time); ` +
          "request k saves learner k mod N, slot (k div N) mod 20, with that slot's next seq; right and wrong answers alternate.",
        `DB transactions per request (xact_commit; principal query, slot SELECT, UPDATE): api ${num(perRequest('api'), 2)}, ` +
          `baseline ${num(perRequest('baseline'), 2)}.`,
        `verified after every run, in SQL: every slot's seq = the highest seq the server answered 200 for, with that ` +
          `request's answer (${last?.slotsSaved} of ${last?.slots} slots saved by the end), none newer than acknowledged; ` +
          'no 409 stale-seq (seqs only grow) and no other non-2xx.',
        "Both servers answered the probe requests (fresh save, same seq again, someone else's attempt, a slot not in " +
          'the attempt, a choice not in the question, seq 0) with the same status and problem code.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // extra field, kept in the JSON
      verification,
    };
  },
};

const scripts = (/** @type {string} */ root) => ({
  api: join(root, 'dist/apps/api/main.js'),
  baseline: join(root, 'bench/baselines/autosave-fastify.mjs'),
});

/**
 * Checks the answers before the load; returns what both sides must answer alike.
 * @param {(req: SaveRequest) => Promise<{ status: number, code: string | null }>} put
 * @param {(w: number, s: number) => SaveRequest} save
 * @param {LearnerAttempt[]} attempts
 */
async function probeSemantics(put, save, attempts) {
  const fresh = save(0, 0);
  const choiceSlot = attempts[0].slots.findIndex(
    (s) => /** @type {any} */ (s.right).type === 'single-choice',
  );
  const other = attempts[1] ?? attempts[0];
  const variant = (/** @type {SaveRequest} */ req, /** @type {Partial<SaveRequest>} */ change) => ({
    ...req,
    ...change,
  });
  const base = save(0, choiceSlot);
  /** @type {[string, SaveRequest][]} */
  const cases = [
    ['fresh', fresh],
    ['same seq again', fresh],
    [
      "someone else's attempt",
      variant(save(0, 1), { path: `/api/v1/attempts/${other.id}/answers/2` }),
    ],
    [
      'slot not in the attempt',
      variant(save(0, 2), { path: `/api/v1/attempts/${attempts[0].id}/answers/${QUESTIONS + 79}` }),
    ],
    [
      'choice not in the question',
      variant(base, {
        body: JSON.stringify({
          seq: base.seq,
          response: { type: 'single-choice', choiceId: 'zz' },
        }),
      }),
    ],
    [
      'seq 0',
      variant(save(0, 3), {
        body: JSON.stringify({ seq: 0, response: /** @type {any} */ (attempts[0].slots[3]).right }),
      }),
    ],
  ];
  const expected = [200, 409, 404, 404, 400, 400];
  const answers = [];
  for (const [i, [what, req]] of cases.entries()) {
    const a = await put(req);
    if (a.status !== expected[i])
      throw new Error(`probe "${what}" answered ${a.status} (${a.code}), expected ${expected[i]}`);
    answers.push([what, a.status, a.code]);
  }
  return answers;
}

/**
 * Compares every slot of the bench attempts with what the server acknowledged.
 * @param {string} url  @param {LearnerAttempt[]} attempts
 * @param {Int32Array} accepted  @param {Uint8Array} acceptedWrong
 */
async function checkStored(url, attempts, accepted, acceptedWrong) {
  const index = new Map(attempts.map((a, w) => [a.id, w]));
  const { rows } = await withDb(url, (c) =>
    c.query(
      `SELECT attempt_id, slot, seq, response FROM attempt_slot WHERE attempt_id = ANY($1::uuid[])`,
      [attempts.map((a) => a.id)],
    ),
  );
  let lost = 0;
  let unacknowledged = 0;
  let wrongAnswer = 0;
  let slotsSaved = 0;
  for (const row of rows) {
    const w = /** @type {number} */ (index.get(row.attempt_id));
    const s = attempts[w].slots.findIndex((x) => x.slot === row.slot);
    const idx = w * QUESTIONS + s;
    const want = accepted[idx];
    if (row.seq < want) lost++;
    else if (row.seq > want) unacknowledged++;
    else if (want > 0) {
      slotsSaved++;
      const cell = attempts[w].slots[s];
      if (!isDeepStrictEqual(row.response, acceptedWrong[idx] ? cell.wrong : cell.right))
        wrongAnswer++;
    }
  }
  return { slots: rows.length, slotsSaved, lost, unacknowledged, wrongAnswer };
}
