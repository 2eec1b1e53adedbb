// Quiz grading end to end: BENCH_ATTEMPTS submitted 20-question attempts (auto-graded types) are
// enqueued the way the api's submit enqueues them (BullMQ job 'assessment.grade-attempt',
// jobId = attempt id, the api's default job options) and graded by the built worker
// (dist/apps/worker/main.js): job fetched, payload validated, grading transaction (slots marked,
// attempt totalled, quiz lesson settled, 'auto' grade event), result pushed. The clock runs from
// the first enqueue until the bench sees every attempt `graded` in PostgreSQL. The baseline, in
// the same run, is a bare BullMQ worker (baselines/bullmq-noop.mjs) taking the same number of
// identical jobs off the same queue with the same concurrency and doing nothing. Every run is
// verified: each attempt graded exactly once ('auto' grade events), with the expected marks.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { alternate } from './lib/ab.mjs';
import { redisCpu, snapshot } from './lib/cpu.mjs';
import { committedTransactions } from './lib/db.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { startNode, stop } from './lib/proc.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase, withDb } from './lib/setup.mjs';
import {
  PASS_PERCENT,
  QUESTIONS,
  QUIZ_COURSE,
  call,
  deleteAttempts,
  ensureQuizCourse,
  responsesFor,
  startAttempts,
  vacuumQuizTables,
  withApi,
} from './lib/quiz.mjs';
import { ATTEMPTS_SERVICE, assertInSource } from './lib/source-sql.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */

const QUEUE = 'assessment';
const JOB = 'assessment.grade-attempt';
/** QueueService's DEFAULT_JOB_OPTIONS (checked against its source below). */
const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
/** Polling interval: 0.5 % of the time elapsed, between 2 and 50 ms (a tight poll would load PostgreSQL). */
const pollMs = (/** @type {number} */ elapsedMs) => Math.min(50, Math.max(2, elapsedMs / 200));

/** How the api enqueues grading, as copied here; the bench refuses to run once it changes. */
function assertSameEnqueue(/** @type {string} */ root) {
  assertInSource(root, 'libs/server/core/src/lib/queue/queue.service.ts', {
    DEFAULT_JOB_OPTIONS: `export const DEFAULT_JOB_OPTIONS: JobsOptions = {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    };`,
    ADD: `await this.queue(def.queue).add( name, { ...payload }, { jobId: options.jobId, delay: options.delayMs, }, );`,
  });
  assertInSource(root, 'libs/shared/contracts/src/jobs/job-definitions.ts', {
    JOB: `'${JOB}': { queue: '${QUEUE}', payload: AttemptJob }`,
  });
  assertInSource(root, ATTEMPTS_SERVICE, {
    SUBMIT_ENQUEUE: `await queue.enqueue('${JOB}', { attemptId: a.id }, { jobId: a.id });`,
  });
}

/** The runner builds the api and the worker before any bench runs. */
function workerScript(/** @type {string} */ root) {
  const script = join(root, 'dist/apps/worker/main.js');
  if (!existsSync(script))
    throw new Error(`${script} is missing: npx nx run-many -t build -p api worker`);
  return script;
}

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'grading',
  title:
    'Quiz grading, 20-question attempts, enqueue to grade stored: built worker vs bare BullMQ worker with no-op jobs',
  async run({ root, settings, log }) {
    const total = intEnv('BENCH_ATTEMPTS', 2000);
    // removeOnComplete keeps the last 5000 completed jobs: beyond that they could not be counted.
    if (total > DEFAULT_JOB_OPTIONS.removeOnComplete.count)
      throw new Error(
        `BENCH_ATTEMPTS must be at most ${DEFAULT_JOB_OPTIONS.removeOnComplete.count}`,
      );
    const learnerCount = Math.min(intEnv('BENCH_LEARNERS', 1000), total);
    const concurrency = intEnv('BENCH_WORKER_CONCURRENCY', 4);
    const processes = intEnv('BENCH_WORKERS', 1);
    const enqueuers = settings.connections;
    assertSameEnqueue(root);
    const scripts = {
      api: workerScript(root),
      baseline: join(root, 'bench/baselines/bullmq-noop.mjs'),
    };
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
    await deleteAttempts(dbUrl, quizId, courseId);

    // One attempt through the api: started, answered right (seq 1), then wrong (seq 2); the
    // responses as the api stores them are what the clones get, per slot.
    const template = await withApi(root, env, async (base) => {
      const [view] = await startAttempts(base, quizId, [learners[0]]);
      /** @type {{ slot: number, right: object, wrong: object }[]} */
      const pairs = view.questions.map((/** @type {any} */ q) => ({
        slot: q.slot,
        ...responsesFor(q.body),
      }));
      const stored = async () =>
        withDb(dbUrl, async (c) => {
          const { rows } = await c.query(
            `SELECT slot, response FROM attempt_slot WHERE attempt_id = $1 ORDER BY slot`,
            [view.id],
          );
          return new Map(rows.map((r) => [r.slot, r.response]));
        });
      const save = async (/** @type {number} */ seq, /** @type {'right' | 'wrong'} */ which) => {
        for (const p of pairs)
          await call(
            base,
            'PUT',
            `/api/v1/attempts/${view.id}/answers/${p.slot}`,
            learners[0].token,
            { seq, response: p[which] },
          );
        return stored();
      };
      const right = await save(1, 'right');
      const wrong = await save(2, 'wrong');
      return { attemptId: view.id, slots: pairs.map((p) => p.slot), right, wrong };
    });
    if (template.slots.length !== QUESTIONS)
      throw new Error(`the quiz has ${template.slots.length} questions, expected ${QUESTIONS}`);
    log(
      `quiz ${quizId} of ${QUIZ_COURSE}: ${total} submitted attempts per run over ${learners.length} learners ` +
        `(SQL clones of one attempt answered through the api; attempt k answers its first k mod ${QUESTIONS + 1} questions right)`,
    );

    const redisUrl = /** @type {string} */ (env.REDIS_URL);
    const prefix = /** @type {string} */ (env.REDIS_PREFIX);
    // The producer connection as the api's QueueService opens it (createRedis 'client').
    const producer = new Redis(redisUrl, {
      connectionName: 'siantar-bench:producer',
      maxRetriesPerRequest: 3,
      enableReadyCheck: true,
    });
    const queue = new Queue(QUEUE, {
      connection: producer,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    const storageDir = mkdtempSync(join(tmpdir(), 'sb-bench-worker-'));

    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, enqueueSeconds: number, dbTransactionsPerAttempt: number })[]} */
    const runs = [];
    const verification = [];
    try {
      for (const [side, round] of alternate(settings.rounds)) {
        const clones = await cloneSubmitted(dbUrl, template, learners, total);
        await vacuumQuizTables(dbUrl);
        await queue.obliterate({ force: true });
        const jobsBefore = await queue.getJobCountByTypes(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'paused',
        );
        if (jobsBefore > 0) throw new Error(`queue ${prefix}:${QUEUE} not empty before the run`);

        const txBefore = await committedTransactions(dbUrl);
        const workers = Array.from({ length: processes }, (_, i) =>
          startNode(`${side} worker ${i + 1}`, scripts[side], [], {
            ...env,
            WORKER_CONCURRENCY: String(concurrency),
            STORAGE_DIR: storageDir,
            SMTP_URL: 'smtp://127.0.0.1:1025',
          }),
        );
        let polls = 0;
        /** @type {pg.Client | undefined} */
        let poller;
        let r;
        try {
          await waitForWorkers(queue, workers, processes);
          if (side === 'api') {
            poller = new pg.Client({ connectionString: dbUrl, application_name: 'siantar-bench' });
            await poller.connect();
          }
          const finished =
            side === 'api'
              ? async () => {
                  polls++;
                  const { rows } = await /** @type {pg.Client} */ (poller).query(
                    `SELECT count(*)::int AS n FROM quiz_attempt WHERE quiz_id = $1 AND status = 'graded'`,
                    [quizId],
                  );
                  return rows[0].n;
                }
              : async () => (await queue.getJobCounts('completed')).completed;
          const pids = workers.map((w) => w.child.pid);
          const before = cpuSnapshot(pids, database);
          const started = performance.now();
          // BENCH_CONNECTIONS producers add one job each at a time, as concurrent submits would.
          let next = 0;
          const enqueued = Promise.all(
            Array.from({ length: Math.min(enqueuers, total) }, async () => {
              while (next < total) {
                const id = clones[next++].id;
                await queue.add(JOB, { attemptId: id }, { jobId: id, delay: undefined });
              }
            }),
          ).then(() => performance.now());
          const deadline = Date.now() + Math.max(120_000, total * 100);
          /** @type {unknown} */
          let failure;
          enqueued.catch((e) => (failure = e));
          let done = 0;
          let checks = 0;
          while ((done = await finished()) < total) {
            if (failure) throw failure;
            if (Date.now() > deadline)
              throw new Error(`${side}: only ${done} of ${total} done after ${total * 100} ms`);
            if (++checks % 200 === 0) {
              const { failed } = await queue.getJobCounts('failed');
              if (failed > 0) throw new Error(`${side}: ${failed} job(s) failed`);
              for (const w of workers)
                if (w.child.exitCode !== null || w.child.signalCode !== null)
                  throw new Error(`${w.name} exited:\n  ${w.tail.join('\n  ')}`);
            }
            await new Promise((res) => setTimeout(res, pollMs(performance.now() - started)));
          }
          const ended = performance.now();
          const after = cpuSnapshot(pids, database);
          const enqueueSeconds = ((await enqueued) - started) / 1000;
          const seconds = (ended - started) / 1000;
          const cpu = cpuUsed(before, after);
          r = { seconds, enqueueSeconds, cpu, done };
        } finally {
          await poller?.end();
          await Promise.all(workers.map((w) => stop(w)));
        }
        const transactions = (await committedTransactions(dbUrl)) - txBefore - polls;

        // Verify, with the workers stopped: in Redis for both, in PostgreSQL for the api.
        const counts = await queue.getJobCounts(
          'completed',
          'failed',
          'waiting',
          'active',
          'delayed',
        );
        const jobs = await queue.getJobs(['completed'], 0, -1);
        const latencies = jobs.map((j) => /** @type {number} */ (j.finishedOn) - j.timestamp);
        const stored = await checkStored(dbUrl, clones);
        const v = { side, round, jobs: counts, ...stored };
        verification.push(v);
        const problems = [];
        if (counts.completed !== total || new Set(jobs.map((j) => j.id)).size !== total)
          problems.push(`${counts.completed} jobs completed, expected ${total}`);
        if (counts.failed + counts.waiting + counts.active + counts.delayed > 0)
          problems.push(`jobs left failed/waiting/active/delayed: ${JSON.stringify(counts)}`);
        if (side === 'api') {
          if (stored.graded !== total) problems.push(`${stored.graded} of ${total} graded`);
          if (stored.autoEvents !== total || stored.gradedOnce !== total || stored.mostEvents !== 1)
            problems.push(
              `'auto' grade events: ${stored.autoEvents} for ${stored.gradedOnce} attempts, at most ${stored.mostEvents} per attempt`,
            );
          if (stored.wrongTotals > 0 || stored.wrongSlots > 0 || stored.wrongEvents > 0)
            problems.push(
              `${stored.wrongTotals} attempts with wrong mark/percent/passed, ${stored.wrongSlots} slots with a wrong mark, ` +
                `${stored.wrongEvents} grade events with another mark than the attempt's`,
            );
        } else if (stored.graded > 0 || stored.autoEvents > 0) {
          problems.push(`the no-op worker changed ${stored.graded} attempts`);
        }
        if (problems.length > 0)
          throw new Error(`${side} round ${round}: verification failed: ${problems.join('; ')}`);

        /** @type {import('./lib/load.mjs').Run} */
        const run = {
          label: side,
          seconds: r.seconds,
          responses: total,
          ok: total,
          non2xx: counts.failed,
          errors: total - counts.completed,
          serverCpuMs: r.cpu.serverMs,
          otherCores: r.cpu.othersMs / 1000 / r.seconds,
          cpu: r.cpu,
          latencies,
        };
        const dbTransactionsPerAttempt = transactions / total;
        log(
          `round ${round} ${side.padEnd(8)} ${num(total / r.seconds)} ${side === 'api' ? 'attempts' : 'jobs'}/s ` +
            `(${num(r.seconds, 2)} s, enqueued in ${num(r.enqueueSeconds, 2)} s), ` +
            `other processes: ${num(run.otherCores, 2)} cores; verified: ${counts.completed} jobs completed, ` +
            (side === 'api'
              ? `${stored.graded} graded, ${stored.autoEvents} 'auto' grade events (max ${stored.mostEvents} per attempt), marks as expected`
              : 'no attempt touched'),
        );
        runs.push({
          ...run,
          side,
          round,
          enqueueSeconds: r.enqueueSeconds,
          dbTransactionsPerAttempt,
        });
      }
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      // The api's worker also opened the other queues under the bench prefix: drop them if empty.
      for (const name of ['identity', 'catalog']) {
        const other = new Queue(name, { connection: producer, prefix });
        if ((await other.getJobCountByTypes()) === 0)
          await other.obliterate().catch(() => undefined);
        await other.close();
      }
      await producer.quit().catch(() => producer.disconnect());
      await deleteAttempts(dbUrl, quizId, courseId);
      rmSync(storageDir, { recursive: true, force: true });
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const mean = (
      /** @type {Side} */ side,
      /** @type {(r: (typeof runs)[number]) => number} */ f,
    ) => of(side).reduce((n, r) => n + f(r), 0) / of(side).length;
    /** CPU ms per job of one part, all runs of a side pooled. */
    const perJob = (
      /** @type {Side} */ side,
      /** @type {'serverMs' | 'postgresMs' | 'redisMs' | 'loaderMs'} */ part,
    ) =>
      of(side).reduce((n, r) => n + /** @type {any} */ (r.cpu)[part], 0) /
      (total * of(side).length);
    const cpuLine = (/** @type {Side} */ side) =>
      `worker ${num(perJob(side, 'serverMs'), 2)}, PostgreSQL ${num(perJob(side, 'postgresMs'), 2)}, ` +
      `Redis ${num(perJob(side, 'redisMs'), 2)}, bench process (producers, polls) ${num(perJob(side, 'loaderMs'), 2)}`;
    const api = summarize('worker (NestJS)', of('api'));
    const baseline = summarize('baseline (bare BullMQ)', of('baseline'));
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
      notes: [
        `req/s = attempts graded per second (baseline: no-op jobs completed per second), ${total} jobs per run, timed ` +
          "from the first enqueue until the bench sees them all done (api: SELECT count(*) ... status = 'graded'; " +
          'baseline: the completed count in Redis; polled every 0.5 % of the time elapsed, 2 to 50 ms). ' +
          `${processes} worker process(es), concurrency ${concurrency}; ${enqueuers} producers (BENCH_CONNECTIONS) ` +
          "each adding one job at a time, with the api's job name, jobId and options (submit enqueues the same way).",
        'latency p50/p95/p99 = per job from enqueue to done (BullMQ timestamp to finishedOn): the jobs arrive as one ' +
          'burst, so this is mostly time waiting in the queue, not the time one grading takes.',
        `CPU ms per job: api: ${cpuLine('api')}; baseline: ${cpuLine('baseline')}. ` +
          'Redis is counted apart from "others" (a local redis-server process, if any).',
        `enqueuing all jobs took ${num(
          mean('api', (r) => r.enqueueSeconds),
          2,
        )} s (api runs) and ` +
          `${num(
            mean('baseline', (r) => r.enqueueSeconds),
            2,
          )} s (baseline runs) on average; ` +
          `DB transactions per attempt (xact_commit, the bench's polls subtracted, worker start-up included): ` +
          `api ${num(
            mean('api', (r) => r.dbTransactionsPerAttempt),
            2,
          )}, baseline ${num(
            mean('baseline', (r) => r.dbTransactionsPerAttempt),
            2,
          )}.`,
        `verified after every run: ${total} jobs completed, none failed or left; api: every attempt graded, exactly one ` +
          `'auto' grade event each, attempt mark = right answers, percent = mark x 5, passed = percent >= ${PASS_PERCENT}, ` +
          'each slot marked 1 or 0 as answered, grade event mark = attempt mark; baseline: no attempt touched.',
        'BENCH_DURATION does not apply (fixed work per run); BENCH_ATTEMPTS, BENCH_WORKER_CONCURRENCY, BENCH_WORKERS, ' +
          'BENCH_LEARNERS do.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // extra field, kept in the JSON
      verification,
    };
  },
};

/**
 * `count` submitted clones of the template attempt, spread over the learners (attempt k belongs
 * to learner k mod L, numbers from 2 up: the template is number 1 of learner 0), with the first
 * k mod 21 slots answered right and the others wrong. Earlier clones are deleted first.
 * @param {string} url
 * @param {{ attemptId: string, slots: number[], right: Map<number, unknown>, wrong: Map<number, unknown> }} template
 * @param {{ userId: string, enrolmentId: string }[]} learners
 * @param {number} count
 */
async function cloneSubmitted(url, template, learners, count) {
  const clones = Array.from({ length: count }, (_, k) => ({
    id: randomUUID(),
    learner: learners[k % learners.length],
    number: 2 + Math.floor(k / learners.length),
    rights: k % (QUESTIONS + 1),
  }));
  await withDb(url, async (c) => {
    await c.query(
      `DELETE FROM quiz_attempt WHERE quiz_id = (SELECT quiz_id FROM quiz_attempt WHERE id = $1) AND id <> $1`,
      [template.attemptId],
    );
    await c.query(
      `DELETE FROM lesson_progress lp USING quiz_attempt a, lesson l
        WHERE a.id = $1 AND l.type = 'quiz' AND l.content->>'quizId' = a.quiz_id::text AND lp.lesson_id = l.id`,
      [template.attemptId],
    );
    await c.query(
      `INSERT INTO quiz_attempt (id, quiz_id, user_id, enrolment_id, number, status, settings, max_mark, submitted_at, submitted_by)
       SELECT n.id, a.quiz_id, n.user_id, n.enrolment_id, n.number, 'submitted', a.settings, a.max_mark, now(), 'learner'
         FROM quiz_attempt a, unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[]) AS n(id, user_id, enrolment_id, number)
        WHERE a.id = $1`,
      [
        template.attemptId,
        clones.map((x) => x.id),
        clones.map((x) => x.learner.userId),
        clones.map((x) => x.learner.enrolmentId),
        clones.map((x) => x.number),
      ],
    );
    await c.query(
      `INSERT INTO attempt_slot (attempt_id, slot, question_id, question_version_id, max_mark, view, response, seq, saved_at)
       SELECT n.id, s.slot, s.question_id, s.question_version_id, s.max_mark, s.view,
              CASE WHEN s.slot <= n.rights THEN r.right_response ELSE r.wrong_response END, 1, now()
         FROM attempt_slot s
         JOIN unnest($4::int[], $5::jsonb[], $6::jsonb[]) AS r(slot, right_response, wrong_response) ON r.slot = s.slot
        CROSS JOIN unnest($2::uuid[], $3::int[]) AS n(id, rights)
        WHERE s.attempt_id = $1`,
      [
        template.attemptId,
        clones.map((x) => x.id),
        clones.map((x) => x.rights),
        template.slots,
        template.slots.map((s) => JSON.stringify(template.right.get(s))),
        template.slots.map((s) => JSON.stringify(template.wrong.get(s))),
      ],
    );
  });
  return clones;
}

/** What PostgreSQL holds for the clones: statuses, grade events and marks against expectations. */
async function checkStored(
  /** @type {string} */ url,
  /** @type {{ id: string, rights: number }[]} */ clones,
) {
  return withDb(url, async (c) => {
    const args = [clones.map((x) => x.id), clones.map((x) => x.rights)];
    const totals = await c.query(
      `SELECT count(*) FILTER (WHERE a.status = 'graded')::int AS graded,
              count(*) FILTER (WHERE a.status = 'graded' AND NOT (
                a.mark = x.rights AND a.percent = x.rights * 100.0 / $3 AND a.passed = (x.rights * 100.0 / $3 >= $4)
              ))::int AS wrong_totals
         FROM unnest($1::uuid[], $2::int[]) AS x(id, rights) JOIN quiz_attempt a ON a.id = x.id`,
      [...args, QUESTIONS, PASS_PERCENT],
    );
    const slots = await c.query(
      `SELECT count(*)::int AS wrong_slots
         FROM unnest($1::uuid[], $2::int[]) AS x(id, rights)
         JOIN quiz_attempt a ON a.id = x.id AND a.status = 'graded'
         JOIN attempt_slot s ON s.attempt_id = x.id
        WHERE s.graded_at IS NULL OR s.mark IS DISTINCT FROM (CASE WHEN s.slot <= x.rights THEN 1 ELSE 0 END)`,
      args,
    );
    const events = await c.query(
      `SELECT coalesce(sum(n), 0)::int AS auto_events, count(*)::int AS graded_once,
              coalesce(max(n), 0)::int AS most, coalesce(sum(wrong), 0)::int AS wrong_events
         FROM (SELECT g.attempt_id, count(*) AS n, count(*) FILTER (WHERE g.mark IS DISTINCT FROM a.mark) AS wrong
                 FROM grade_event g JOIN quiz_attempt a ON a.id = g.attempt_id
                WHERE g.kind = 'auto' AND g.attempt_id = ANY($1::uuid[])
                GROUP BY g.attempt_id) x`,
      [args[0]],
    );
    return {
      graded: totals.rows[0].graded,
      wrongTotals: totals.rows[0].wrong_totals,
      wrongSlots: slots.rows[0].wrong_slots,
      autoEvents: events.rows[0].auto_events,
      gradedOnce: events.rows[0].graded_once,
      mostEvents: events.rows[0].most,
      wrongEvents: events.rows[0].wrong_events,
    };
  });
}

/**
 * Waits until every worker process has its BullMQ worker connected to the queue (CLIENT LIST,
 * Queue.getWorkersCount), so that start-up is not part of the measurement.
 * @param {Queue} queue  @param {import('./lib/proc.mjs').Server[]} workers  @param {number} expected
 */
async function waitForWorkers(queue, workers, expected) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const w of workers)
      if (w.child.exitCode !== null || w.child.signalCode !== null)
        throw new Error(`${w.name} exited before ready:\n  ${w.tail.join('\n  ')}`);
    if ((await queue.getWorkersCount()) >= expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `workers not connected to the queue after 30 s:\n  ${workers.flatMap((w) => w.tail).join('\n  ')}`,
  );
}

/** CPU snapshots of several worker processes (cpu.mjs takes one server pid) and of Redis. */
function cpuSnapshot(/** @type {(number | undefined)[]} */ pids, /** @type {string} */ database) {
  const all = snapshot(pids[0], database);
  const servers = [all.server, ...pids.slice(1).map((pid) => snapshot(pid, database).server)];
  return { all, servers, redis: redisCpu() };
}

/**
 * Like cpu.mjs used(), with the worker processes' time summed as the "server", and a local
 * Redis server's time counted apart from "others" (the queue is part of the work measured).
 */
function cpuUsed(
  /** @type {ReturnType<typeof cpuSnapshot>} */ a,
  /** @type {ReturnType<typeof cpuSnapshot>} */ b,
) {
  let postgres = 0;
  for (const [pid, ms] of b.all.postgres) postgres += ms - (a.all.postgres.get(pid) ?? 0);
  let redis = 0;
  for (const [pid, ms] of b.redis) redis += ms - (a.redis.get(pid) ?? 0);
  const server = b.servers.reduce((n, ms, i) => n + ms - a.servers[i], 0);
  const self = b.all.self - a.all.self;
  return {
    serverMs: server,
    loaderMs: self,
    postgresMs: postgres,
    redisMs: redis,
    othersMs: Math.max(0, b.all.busyMs - a.all.busyMs - server - self - postgres - redis),
  };
}
