// POST /api/v1/progress/events: ingestion rate with 500 simulated learners (each its own user,
// enrolment and token; they take turns on BENCH_CONNECTIONS keep-alive connections, each request
// one learner's batch of fresh events) through the whole api versus a bare Fastify baseline
// running the same SQL per event, one transaction per event. Every run is verified in the database: exactly the accepted events are
// stored (no loss, no duplicates, no double-counted seconds), and resent batches come back as
// duplicates without adding a row.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alternate, withServer } from './lib/ab.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { loop, send } from './lib/loop.mjs';
import { num, ratios } from './lib/report.mjs';
import { ensureLearners, prepareDatabase, withDb } from './lib/setup.mjs';
import http from 'node:http';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {{ id: string, enrolmentId: string, lessonId: string, kind: string, occurredAt: string, seconds?: number, percent?: number }} ProgressEvent */
/** @typedef {{ accepted: string[], duplicates: string[], rejected: { id: string, reason: string }[], lessons: { enrolmentId: string, lessonId: string, status: string, percent: number }[] }} BatchResponse */
/** @typedef {import('./lib/loop.mjs').Request & { events: ProgressEvent[] }} BatchRequest */

const SECONDS_PER_TIME_EVENT = 5;
const RESEND_SAMPLE = 20;

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'progress',
  title:
    'POST /api/v1/progress/events, 500 learners: full api stack vs bare Fastify + the same SQL',
  async run({ root, settings, log }) {
    const learnerCount = intEnv('BENCH_LEARNERS', 500);
    const batchSize = intEnv('BENCH_BATCH', 5);
    const env = serverEnv();
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);
    const setup = await ensureLearners(dbUrl, /** @type {string} */ (env.JWT_SECRET), learnerCount);
    const { learners } = setup;
    const enrolmentIds = learners.map((l) => l.enrolmentId);
    // Each invocation starts from no progress, so that table sizes are comparable across commits.
    await withDb(dbUrl, async (c) => {
      await c.query(`DELETE FROM progress_event WHERE enrolment_id = ANY($1)`, [enrolmentIds]);
      await c.query(`DELETE FROM lesson_progress WHERE enrolment_id = ANY($1)`, [enrolmentIds]);
    });
    log(
      `${learners.length} learners enrolled in PPBD-01 (${learners[0].textLessonIds.length} text lessons), ` +
        `batches of ${batchSize} events; their earlier progress deleted`,
    );

    // Device time moves forward one second per event and learner, as a real client's would.
    let clock = Date.now() - 86_400_000;
    const counters = learners.map(() => 0);
    let turn = 0;
    /** A fresh batch for learner `w`: alternating 'time' (5 s) and 'scrolled' events over its text lessons. */
    function batch(/** @type {number} */ w) {
      const l = learners[w];
      /** @type {ProgressEvent[]} */
      const events = [];
      for (let k = 0; k < batchSize; k++) {
        const n = counters[w]++;
        const base = {
          id: randomUUID(),
          enrolmentId: l.enrolmentId,
          lessonId: l.textLessonIds[n % l.textLessonIds.length],
          occurredAt: new Date(clock + n * 1000).toISOString(),
        };
        events.push(
          n % 2 === 0
            ? { ...base, kind: 'time', seconds: SECONDS_PER_TIME_EVENT }
            : { ...base, kind: 'scrolled', percent: Math.min(100, n) },
        );
      }
      return events;
    }
    const request = (/** @type {number} */ w, /** @type {ProgressEvent[]} */ events) =>
      /** @type {BatchRequest} */ ({
        method: 'POST',
        path: '/api/v1/progress/events',
        headers: {
          authorization: `Bearer ${learners[w].token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ events }),
        events,
      });

    /** What the database holds for the bench learners. */
    const stored = () =>
      withDb(dbUrl, async (c) => {
        const { rows } = await c.query(
          `SELECT (SELECT count(*)::int FROM progress_event WHERE enrolment_id = ANY($1)) AS events,
                  (SELECT coalesce(sum(seconds_spent), 0)::int FROM lesson_progress WHERE enrolment_id = ANY($1)) AS seconds`,
          [enrolmentIds],
        );
        return /** @type {{ events: number, seconds: number }} */ (rows[0]);
      });

    /** @type {unknown} */
    let probeReference;
    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, events: number, dbTransactionsPerBatch: number })[]} */
    const runs = [];
    const verification = [];

    for (const [side, round] of alternate(settings.rounds)) {
      const before = await stored();
      /** ids the server said it stored; seconds they add */
      const accepted = [];
      let acceptedSeconds = 0;
      let loadAccepted = 0;
      let requests = 0;
      /** @type {string[]} */
      const problems = [];
      /** @type {BatchRequest[]} */
      const fullyAccepted = [];
      const count = (/** @type {BatchRequest} */ req, /** @type {BatchResponse} */ res) => {
        accepted.push(...res.accepted);
        const ids = new Set(res.accepted);
        for (const e of req.events)
          if (ids.has(e.id) && e.kind === 'time') acceptedSeconds += e.seconds ?? 0;
      };

      let warmed = 0;
      const r = await withServer(
        { side, script: scripts(root)[side], env, dbUrl },
        async (base, pid) => {
          const agent = new http.Agent({ keepAlive: true });
          const post = async (/** @type {BatchRequest} */ req) => {
            requests++;
            const res = await send(agent, new URL(base), req);
            if (res.status !== 200)
              throw new Error(`${side}: POST answered ${res.status}: ${res.body.slice(0, 500)}`);
            const body = /** @type {BatchResponse} */ (JSON.parse(res.body));
            count(req, body);
            return body;
          };
          try {
            const probe = await probeSemantics(post, request, batch, setup);
            probeReference ??= probe;
            if (!isDeepStrictEqual(probe, probeReference))
              throw new Error(
                `${side} answered the probe batches differently from the first server:\n` +
                  `${JSON.stringify(probe)}\nexpected ${JSON.stringify(probeReference)}`,
              );
          } finally {
            agent.destroy();
          }

          const common = {
            label: side,
            base,
            workers: Math.min(settings.connections, learners.length),
            pid,
            database,
            // Learners take turns: request k is learner k mod N's next batch.
            next: () => {
              const w = turn++ % learners.length;
              return request(w, batch(w));
            },
            failed: (
              /** @type {number} */ _w,
              /** @type {any} */ _req,
              /** @type {unknown} */ e,
            ) => {
              if (problems.length < 3) problems.push(`request failed: ${e}`);
            },
            done: (
              /** @type {number} */ _w,
              /** @type {any} */ req,
              /** @type {number} */ status,
              /** @type {string} */ text,
            ) => {
              if (status !== 200) return;
              const res = /** @type {BatchResponse} */ (JSON.parse(text));
              count(req, res);
              if (res.accepted.length === req.events.length) fullyAccepted.push(req);
              else if (problems.length < 3)
                problems.push(
                  `${res.accepted.length} of ${req.events.length} accepted, ` +
                    `${res.duplicates.length} duplicates, rejected ${JSON.stringify(res.rejected)}`,
                );
              return res.accepted.length;
            },
          };
          if (settings.warmup > 0) {
            const w = await loop({ ...common, seconds: settings.warmup });
            warmed = w.responses + w.errors;
          }
          const beforeLoad = accepted.length;
          const run = await loop({ ...common, seconds: settings.duration });
          loadAccepted = accepted.length - beforeLoad;

          // Resend a sample of batches that were stored: all must come back as duplicates.
          const agent2 = new http.Agent({ keepAlive: true });
          try {
            for (let i = 0; i < Math.min(RESEND_SAMPLE, fullyAccepted.length); i++) {
              const req = fullyAccepted[Math.floor(Math.random() * fullyAccepted.length)];
              requests++;
              const res = await send(agent2, new URL(base), req);
              const body = /** @type {BatchResponse} */ (JSON.parse(res.body));
              const all = req.events.map((e) => e.id).sort();
              if (
                res.status !== 200 ||
                body.accepted.length > 0 ||
                body.rejected.length > 0 ||
                !isDeepStrictEqual([...body.duplicates].sort(), all)
              )
                problems.push(`resent batch answered ${res.status} ${res.body.slice(0, 300)}`);
            }
          } finally {
            agent2.destroy();
          }
          return run;
        },
      );

      // Verify in SQL, with the server stopped.
      const after = await stored();
      const present = await withDb(dbUrl, async (c) => {
        const { rows } = await c.query(
          `SELECT count(*)::int AS n FROM progress_event WHERE id = ANY($1::uuid[])`,
          [accepted],
        );
        return rows[0].n;
      });
      const unique = new Set(accepted).size;
      const v = {
        side,
        round,
        acceptedEvents: accepted.length,
        uniqueAccepted: unique,
        storedRowsAdded: after.events - before.events,
        acceptedIdsFound: present,
        secondsExpected: acceptedSeconds,
        secondsAdded: after.seconds - before.seconds,
        resentBatches: Math.min(RESEND_SAMPLE, fullyAccepted.length),
        problems,
      };
      verification.push(v);
      if (
        unique !== accepted.length ||
        v.storedRowsAdded !== accepted.length ||
        present !== accepted.length ||
        v.secondsAdded !== acceptedSeconds ||
        problems.length > 0
      ) {
        throw new Error(`${side} round ${round}: verification failed: ${JSON.stringify(v)}`);
      }
      const dbTransactionsPerBatch = r.transactions / (r.responses + warmed + requests);
      log(
        `round ${round} ${side.padEnd(8)} ${num(loadAccepted / r.seconds)} events/s ` +
          `(${num(r.responses / r.seconds)} batches/s), ${r.non2xx} non-2xx, ${r.errors} errors ` +
          `(other processes: ${num(r.otherCores, 2)} cores); verified: ${v.storedRowsAdded} rows = ` +
          `${v.acceptedEvents} accepted, +${v.secondsAdded} s = expected, ${v.resentBatches} resent batches all duplicates`,
      );
      runs.push({ ...r, side, round, events: loadAccepted, dbTransactionsPerBatch });
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const eventsPerSecond = (/** @type {Side} */ side) =>
      of(side).reduce((n, r) => n + r.events, 0) / of(side).reduce((n, r) => n + r.seconds, 0);
    const perBatch = (/** @type {Side} */ side) =>
      of(side).reduce((n, r) => n + r.dbTransactionsPerBatch, 0) / of(side).length;
    const api = summarize('api (NestJS)', of('api'));
    const baseline = summarize('baseline (Fastify)', of('baseline'));
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
      notes: [
        `req/s = batches of ${batchSize} events per second; ${learners.length} learners (own user, enrolment, token) take turns ` +
          `on ${Math.min(settings.connections, learners.length)} keep-alive connections (closed loop, no think time).`,
        `events accepted per second: api ${num(eventsPerSecond('api'))}, baseline ${num(eventsPerSecond('baseline'))} ` +
          `(ratio ${num(eventsPerSecond('api') / eventsPerSecond('baseline'), 2)}).`,
        `DB transactions per batch (xact_commit; one per event + the principal query): api ${num(perBatch('api'), 2)}, ` +
          `baseline ${num(perBatch('baseline'), 2)}.`,
        `verified after every run, in SQL: rows added = events accepted (${verification
          .map((v) => v.storedRowsAdded)
          .join(
            ', ',
          )}), every accepted id stored once, seconds_spent grew by exactly 5 s per accepted 'time' event, ` +
          `${RESEND_SAMPLE} resent batches per run came back as duplicates and added nothing.`,
        'Both servers answered the probe batches (fresh, resent, foreign enrolment, other course, wrong kind) alike.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // @ts-ignore: extra field, kept in the JSON
      verification,
    };
  },
};

const scripts = (/** @type {string} */ root) => ({
  api: join(root, 'dist/apps/api/main.js'),
  baseline: join(root, 'bench/baselines/progress-fastify.mjs'),
});

/**
 * Checks idempotency and refusals before the load, and returns what both sides must answer alike
 * (ids replaced by their role, so that the two servers' answers are comparable).
 * @param {(req: BatchRequest) => Promise<BatchResponse>} post
 * @param {(w: number, events: ProgressEvent[]) => BatchRequest} request
 * @param {(w: number) => ProgressEvent[]} batch
 * @param {Awaited<ReturnType<typeof ensureLearners>>} setup
 */
async function probeSemantics(post, request, batch, setup) {
  const fresh = request(0, batch(0));
  const first = await post(fresh);
  const again = await post(fresh);
  const ids = fresh.events.map((e) => e.id).sort();
  if (!isDeepStrictEqual([...first.accepted].sort(), ids) || first.duplicates.length > 0)
    throw new Error(`fresh batch not accepted whole: ${JSON.stringify(first)}`);
  if (!isDeepStrictEqual([...again.duplicates].sort(), ids) || again.accepted.length > 0)
    throw new Error(`resent batch not reported as duplicates: ${JSON.stringify(again)}`);
  if (!isDeepStrictEqual(first.lessons, again.lessons))
    throw new Error(`a resent batch changed lesson state: ${JSON.stringify([first, again])}`);

  const [learner, other] = setup.learners;
  const at = new Date().toISOString();
  /** @type {ProgressEvent[]} */
  const refused = [
    // someone else's enrolment
    {
      id: randomUUID(),
      enrolmentId: other.enrolmentId,
      lessonId: other.textLessonIds[0],
      kind: 'time',
      seconds: 5,
      occurredAt: at,
    },
    // a lesson of another course
    {
      id: randomUUID(),
      enrolmentId: learner.enrolmentId,
      lessonId: setup.otherCourseLessonId,
      kind: 'time',
      seconds: 5,
      occurredAt: at,
    },
  ];
  // an event the lesson type does not accept
  if (setup.nonTextLessonId)
    refused.push({
      id: randomUUID(),
      enrolmentId: learner.enrolmentId,
      lessonId: setup.nonTextLessonId,
      kind: 'scrolled',
      percent: 50,
      occurredAt: at,
    });
  const no = await post(request(0, refused));
  if (no.accepted.length > 0 || no.rejected.length !== refused.length)
    throw new Error(`refusable events were not all refused: ${JSON.stringify(no)}`);
  return {
    fresh: { accepted: first.accepted.length, duplicates: 0, lessons: first.lessons.length },
    resent: { accepted: 0, duplicates: again.duplicates.length },
    reasons: refused.map((e) => no.rejected.find((x) => x.id === e.id)?.reason),
  };
}
