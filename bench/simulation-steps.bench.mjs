// POST /api/v1/simulation-runs/:runId/actions: scenario step latency with 500 concurrent players
// (issue 8), each its own learner (user, enrolment, token) with its own run of a looping scenario
// (lib/simulation.mjs: form, choose, menu, menu, choose, and again), started through the api.
// Every player keeps its own keep-alive connection and sends its next step (the run's seq + 1,
// the cycle's next action) as soon as the previous one was answered, for BENCH_DURATION seconds:
// the whole api (guard, validation, row lock, the shared engine act(), INSERT simulation_action,
// UPDATE simulation_run, the run view) against a bare Fastify handler storing the same event in
// the same tables (baselines/simulation-bare.mjs). Client-observed latency p50/p95/p99 and steps/s;
// p95 and its ratio printed. After every run, with the server stopped, the database must hold
// exactly the acknowledged steps: one simulation_action row per 200, no seq gap in any run, each
// run's seq = its player's last acknowledged step, every row and every run's state the ones the
// scenario gives for that step (the same for both sides).
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alternate, withServer } from './lib/ab.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { loop } from './lib/loop.mjs';
import { withApi } from './lib/quiz.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase, withDb } from './lib/setup.mjs';
import {
  deleteRuns,
  ensureSimulationCourse,
  expectedState,
  INITIAL_STATE,
  resetRuns,
  SIM_COURSE,
  startRuns,
  STEPS,
} from './lib/simulation.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {import('./lib/loop.mjs').Request & { player: number, seq: number }} StepRequest */
/** @typedef {{ runId: string, token: string }} Player */

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'simulation-steps',
  title:
    'POST /api/v1/simulation-runs/:id/actions, 500 concurrent players: full api (engine) vs a bare handler storing the same event',
  async run({ root, settings, log }) {
    const playerCount = intEnv('BENCH_PLAYERS', 500, 2);
    // Think time between a player's steps: none by default (every player always waits for an
    // answer). At most 3 s: a pause of up to 1.5 × it stays under Node's 5-s keep-alive timeout.
    const thinkMs = intEnv('BENCH_THINK_MS', 0, 0);
    if (thinkMs > 3000) throw new Error(`BENCH_THINK_MS must be at most 3000, got ${thinkMs}`);
    const env = serverEnv({ REDIS_PREFIX: 'sbbench-sim' });
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);
    const { lessonId, learners } = await ensureSimulationCourse({
      root,
      env,
      count: playerCount,
      log,
    });
    // Each invocation starts from fresh runs, started by the api itself.
    await deleteRuns(dbUrl, lessonId);
    const t = Date.now();
    const views = await withApi(root, env, (base) => startRuns(base, lessonId, learners, 20));
    /** @type {Player[]} */
    const players = views.map((v, i) => ({ runId: v.id, token: learners[i].token }));
    const runIds = players.map((p) => p.runId);
    const started = await withDb(dbUrl, (c) =>
      c.query(`SELECT id, seq, state FROM simulation_run WHERE id = ANY($1::uuid[])`, [runIds]),
    );
    const unlike = started.rows.filter(
      (/** @type {any} */ r) => r.seq !== 0 || !isDeepStrictEqual(r.state, INITIAL_STATE),
    );
    if (started.rows.length !== players.length || unlike.length > 0)
      throw new Error(
        `the api started runs unlike the bench's INITIAL_STATE (lib/simulation.mjs): ${JSON.stringify(unlike[0]?.state)}`,
      );
    log(
      `${players.length} learners enrolled in ${SIM_COURSE}, each with a run started through the api ` +
        `(${num((Date.now() - t) / 1000, 1)} s); runs reset to that first state before every round`,
    );

    /** Steps acknowledged (200) per player in the current round: its run's seq as the player knows it. */
    let acked = new Int32Array(players.length);
    /** @type {string[]} the first refusals, unexpected answers and socket errors of a round */
    let problems = [];
    let bytes = 0;
    let answers = 0;
    /** 200 answers that don't carry the step's seq and scene */
    let unexpected = 0;

    /** Player w's next step: the run's seq + 1, with the cycle's next action. */
    const step = (/** @type {number} */ w, seq = acked[w] + 1, token = players[w].token) =>
      /** @type {StepRequest} */ ({
        method: 'POST',
        path: `/api/v1/simulation-runs/${players[w].runId}/actions`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ seq, action: STEPS[(seq - 1) % STEPS.length].action }),
        player: w,
        seq,
      });
    /** A 200: it must carry the step's seq and the scene the scenario leads to. */
    const record = (/** @type {StepRequest} */ req, /** @type {string} */ text) => {
      bytes += Buffer.byteLength(text);
      answers++;
      const run = JSON.parse(text).run;
      const scene = run?.scene?.id ?? run?.sceneId;
      const want = STEPS[(req.seq - 1) % STEPS.length].sceneId;
      if (run?.seq !== req.seq || scene !== want) {
        unexpected++;
        if (problems.length < 3)
          problems.push(`step ${req.seq} answered ${text.slice(0, 200)} (want scene ${want})`);
        return;
      }
      if (req.seq > acked[req.player]) acked[req.player] = req.seq;
    };

    /** @type {unknown} */
    let probeReference;
    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, statuses: Record<string, number>, dbTransactionsPerStep: number, bytesPerAnswer: number })[]} */
    const runs = [];
    const verification = [];
    try {
      for (const [side, round] of alternate(settings.rounds)) {
        await resetRuns(dbUrl, runIds);
        acked = new Int32Array(players.length);
        problems = [];
        unexpected = 0;
        bytes = 0;
        answers = 0;
        /** @type {Record<string, number>} */
        const statuses = {};
        let probes = 0;
        let warmed = 0;
        const r = await withServer(
          { side, script: scripts(root)[side], env, dbUrl },
          async (base, pid) => {
            const post = async (/** @type {StepRequest} */ req) => {
              probes++;
              const res = await fetch(`${base}${req.path}`, {
                method: req.method,
                headers: req.headers,
                body: req.body,
              });
              const text = await res.text();
              if (res.status === 200) record(req, text);
              return res.status;
            };
            const probe = await probeSemantics(post, step, players);
            probeReference ??= probe;
            if (!isDeepStrictEqual(probe, probeReference))
              throw new Error(
                `${side} answered the probe steps differently from the first server:\n` +
                  `${JSON.stringify(probe)}\nexpected ${JSON.stringify(probeReference)}`,
              );
            const common = {
              label: side,
              base,
              // One connection per player, each playing its own run step after step.
              workers: players.length,
              pid,
              database,
              next: (/** @type {number} */ w) => step(w),
              // Uniform in [0.5, 1.5] × BENCH_THINK_MS before each step, the first one included.
              pause: thinkMs > 0 ? () => thinkMs * (0.5 + Math.random()) : undefined,
              done: (
                /** @type {number} */ _w,
                /** @type {any} */ req,
                /** @type {number} */ status,
                /** @type {string} */ text,
              ) => {
                statuses[status] = (statuses[status] ?? 0) + 1;
                if (status === 200) record(req, text);
                else if (problems.length < 3)
                  problems.push(
                    `step ${req.seq} of player ${req.player}: ${status} ${text.slice(0, 200)}`,
                  );
              },
              failed: (
                /** @type {number} */ _w,
                /** @type {any} */ req,
                /** @type {unknown} */ e,
              ) => {
                if (problems.length < 3)
                  problems.push(`step ${req.seq} of player ${req.player} failed: ${e}`);
              },
            };
            if (settings.warmup > 0) {
              const w = await loop({ ...common, seconds: settings.warmup });
              warmed = w.responses + w.errors;
            }
            bytes = 0;
            answers = 0;
            return loop({ ...common, seconds: settings.duration });
          },
        );
        const bytesPerAnswer = bytes / answers;

        // Verify in SQL, with the server stopped.
        const v = {
          side,
          round,
          ...(await checkStored(dbUrl, runIds, acked)),
          unexpected,
          statuses,
          problems,
        };
        verification.push(v);
        // A step that timed out may still have been stored: only those may be missing from `acked`.
        if (
          v.gaps > 0 ||
          v.seqBehind > 0 ||
          v.seqAhead > r.errors ||
          v.rows < v.acknowledged ||
          v.rows > v.acknowledged + r.errors ||
          v.wrongRows > 0 ||
          v.wrongStates > 0 ||
          unexpected > 0
        )
          throw new Error(`${side} round ${round}: verification failed: ${JSON.stringify(v)}`);
        if (problems.length > 0) log(`${side} round ${round}: ${problems.join('; ')}`);
        const dbTransactionsPerStep = r.transactions / (r.responses + warmed + probes);
        const s = summarize(side, [r]);
        log(
          `round ${round} ${side.padEnd(8)} ${num(r.ok / r.seconds)} steps/s, p50 ${num(s.p50, 1)} ms, ` +
            `p95 ${num(s.p95, 1)} ms, p99 ${num(s.p99, 1)} ms, ${r.non2xx} non-2xx, ${r.errors} errors ` +
            `(other processes: ${num(r.otherCores, 2)} cores); verified: ${v.rows} action rows = ${v.acknowledged} ` +
            `steps acknowledged, ${v.runsPlayed} runs without seq gaps, rows and states as the scenario gives`,
        );
        runs.push({ ...r, side, round, statuses, dbTransactionsPerStep, bytesPerAnswer });
      }
    } finally {
      await deleteRuns(dbUrl, lessonId);
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const mean = (
      /** @type {Side} */ side,
      /** @type {(r: (typeof runs)[number]) => number} */ f,
    ) => of(side).reduce((n, r) => n + f(r), 0) / of(side).length;
    const okPerSecond = (/** @type {Side} */ side) =>
      of(side).reduce((n, r) => n + r.ok, 0) / of(side).reduce((n, r) => n + r.seconds, 0);
    /** CPU ms per acknowledged step of one part (server, postgres, loader). */
    const cpuPerStep = (
      /** @type {Side} */ side,
      /** @type {'serverMs' | 'postgresMs' | 'loaderMs'} */ part,
    ) => of(side).reduce((n, r) => n + r.cpu[part], 0) / of(side).reduce((n, r) => n + r.ok, 0);
    const api = summarize('api (NestJS)', of('api'));
    const baseline = summarize('baseline (bare Fastify)', of('baseline'));
    const last = verification.filter((v) => v.side === 'api').at(-1);
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
      notes: [
        `p95 step latency: api ${num(api.p95, 1)} ms, baseline ${num(baseline.p95, 1)} ms; ratio api / baseline ` +
          `${num(api.p95 / baseline.p95, 2)} (p50 ${num(api.p50 / baseline.p50, 2)}, p99 ${num(api.p99 / baseline.p99, 2)}).`,
        `steps/s: api ${num(okPerSecond('api'))}, baseline ${num(okPerSecond('baseline'))} ` +
          `(ratio ${num(okPerSecond('api') / okPerSecond('baseline'), 2)}); req/s above = steps/s.`,
        `${players.length} players (own learner, enrolment, token and run of the looping ${STEPS.length}-step scenario), ` +
          'each on its own keep-alive connection, ' +
          (thinkMs > 0
            ? `closed loop with ${thinkMs} ms think time on average (0.5–1.5 ×) before each step.`
            : 'closed loop without think time: all of them always wait for an answer, so the latency is mostly ' +
              'queueing for the pool of 10 database connections (about players / steps per second on both sides).'),
        `CPU ms per step: server api ${num(cpuPerStep('api', 'serverMs'), 3)} / baseline ${num(cpuPerStep('baseline', 'serverMs'), 3)}, ` +
          `PostgreSQL api ${num(cpuPerStep('api', 'postgresMs'), 3)} / baseline ${num(cpuPerStep('baseline', 'postgresMs'), 3)}, ` +
          `load generator api ${num(cpuPerStep('api', 'loaderMs'), 3)} / baseline ${num(cpuPerStep('baseline', 'loaderMs'), 3)}.`,
        `DB transactions per step (xact_commit): api ${num(
          mean('api', (r) => r.dbTransactionsPerStep),
          2,
        )} ` +
          `(principal query + the step's transaction), baseline ${num(
            mean('baseline', (r) => r.dbTransactionsPerStep),
            2,
          )}. ` +
          `Answer size: api ${num(mean('api', (r) => r.bytesPerAnswer))} B (the run view), baseline ` +
          `${num(mean('baseline', (r) => r.bytesPerAnswer))} B.`,
        `verified after every run, in SQL: simulation_action rows = steps acknowledged (last api run: ${last?.rows} = ` +
          `${last?.acknowledged}), seq 1..n without gaps in every run, run seq = the player's last acknowledged step, ` +
          "every row (scene, action, choice, target, feedback, no mistakes) and every run's state the ones the scenario gives.",
        "Both servers answered the probe steps (another learner's run 404, out of step 409, unknown action type 400, " +
          'a move not offered 400, the right step 200) with the same status.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // extra field, kept in the JSON
      verification,
    };
  },
};

const scripts = (/** @type {string} */ root) => ({
  api: join(root, 'dist/apps/api/main.js'),
  baseline: join(root, 'bench/baselines/simulation-bare.mjs'),
});

/**
 * Refusals and one accepted step before the load (player 0's first step); returns the statuses,
 * which both sides must answer alike.
 * @param {(req: StepRequest) => Promise<number>} post
 * @param {(w: number, seq?: number, token?: string) => StepRequest} step
 * @param {Player[]} players
 */
async function probeSemantics(post, step, players) {
  const first = step(0, 1);
  /** @type {[string, StepRequest, number][]} */
  const cases = [
    ["another learner's run", step(0, 1, players[1].token), 404],
    ['out of step', step(0, 3), 409],
    [
      'unknown action type',
      { ...first, body: JSON.stringify({ seq: 1, action: { type: 'teleport' } }) },
      400,
    ],
    // The form of the first scene is pending: a choice is not offered yet.
    [
      'move not offered',
      { ...first, body: JSON.stringify({ seq: 1, action: STEPS[1].action }) },
      400,
    ],
    ['the right step', first, 200],
  ];
  const answers = [];
  for (const [what, req, expected] of cases) {
    const status = await post(req);
    if (status !== expected)
      throw new Error(`probe "${what}" answered ${status}, expected ${expected}`);
    answers.push([what, status]);
  }
  return answers;
}

/**
 * What the database holds for the runs against what the players were told.
 * @param {string} url  @param {string[]} runIds  @param {Int32Array} acked
 */
async function checkStored(url, runIds, acked) {
  return withDb(url, async (c) => {
    const { rows: perRun } = await c.query(
      `SELECT r.id, r.seq, r.state, count(a.seq)::int AS n, coalesce(max(a.seq), 0) AS max_seq
         FROM simulation_run r LEFT JOIN simulation_action a ON a.run_id = r.id
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
      [runIds],
    );
    // One line per distinct row content at each position of the cycle: exactly the table's.
    const { rows: kinds } = await c.query(
      `SELECT (a.seq - 1) % ${STEPS.length} AS k, a.scene_id, a.action, a.choice_id, a.to_scene_id,
              a.feedback, a.mistakes, count(*)::int AS n, min(a.ms_in_scene) AS min_ms
         FROM simulation_action a WHERE a.run_id = ANY($1::uuid[])
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [runIds],
    );
    const index = new Map(runIds.map((id, w) => [id, w]));
    let gaps = 0;
    let seqBehind = 0;
    let seqAhead = 0;
    let wrongStates = 0;
    let runsPlayed = 0;
    let rows = 0;
    for (const r of perRun) {
      const want = acked[/** @type {number} */ (index.get(r.id))];
      rows += r.n;
      if (r.n > 0) runsPlayed++;
      if (r.n !== r.max_seq || r.seq !== r.max_seq) gaps++;
      if (r.seq < want) seqBehind++;
      else if (r.seq > want) seqAhead++;
      if (!isDeepStrictEqual(r.state, expectedState(r.seq))) wrongStates++;
    }
    let wrongRows = 0;
    for (const k of kinds) {
      const s = STEPS[k.k];
      const same =
        k.scene_id === s.from &&
        isDeepStrictEqual(k.action, s.action) &&
        k.choice_id === s.choiceId &&
        k.to_scene_id === s.toSceneId &&
        k.feedback === s.feedback &&
        isDeepStrictEqual(k.mistakes, []) &&
        k.min_ms >= 0;
      if (!same) wrongRows += k.n;
    }
    return {
      rows,
      acknowledged: acked.reduce((n, x) => n + x, 0),
      runsPlayed,
      gaps,
      seqBehind,
      seqAhead,
      wrongRows,
      wrongStates,
    };
  });
}
