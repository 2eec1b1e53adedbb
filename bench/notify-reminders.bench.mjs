// Deadline reminders delivered per second, end to end: BENCH_REMINDERS (2000) 'deadline-approaching'
// notices for as many distinct bench users (language id and en in turn), planned the way
// NotificationPlanner.plan plans them (a `planned_notification` row under the key
// `notify-<event>-<target>-<user>-<dueMs>`, then a BullMQ job 'notify.deliver' on queue `notify`
// with jobId = key, payload { key }, the api's default job options, delay 0 because they are due
// now), delivered by the built worker (dist/apps/worker/main.js): row, user, quiet hours and
// preferences loaded, the template rendered in the user's language, the email sent once through
// MailerService (sent_mail claim + nodemailer + SMTP), the in-app inbox row written and pushed,
// each channel logged in `notification_delivery`, the row marked done. The emails go to an SMTP
// catcher (smtp-server) in this process. The clock runs from the first enqueue until the catcher
// holds all N messages and every row is `done`. The baseline, in the same run, is a bare BullMQ
// worker (baselines/notify-bare-mailer.mjs) taking N jobs of the same name, key and options off
// the same queue with the same concurrency and calling nodemailer's sendMail with a fixed small
// HTML + text message to the same catcher, until the catcher holds all N and BullMQ counts them
// completed. Both runs are verified: exactly N messages, each expected Message-ID once, each to
// its user's address; for the api also the rows, the inbox, the delivery log and sent_mail.
import { createHash } from 'node:crypto';
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
import { headersOf, startCatcher } from './lib/smtp-catcher.mjs';
import { assertInSource } from './lib/source-sql.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {{ key: string, messageId: string, userId: string, email: string, language: string }} Notice */

const QUEUE = 'notify';
const JOB = 'notify.deliver';
const EVENT = 'deadline-approaching';
const DAYS_LEFT = 1;
const COURSE = 'PPBD-01';
/** Redis keys of this bench only: queues are obliterated and the prefix swept at start and end. */
const PREFIX = 'sbbench-notify';
const USER_PATTERN = 'notif-%@bench.siantar.test';
const MAIL_FROM = 'Siantar Belajar <no-reply@siantar.test>';
/** QueueService's DEFAULT_JOB_OPTIONS (checked against its source below). */
const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
const PLANNER = 'libs/server/notify/src/lib/planner/notification-planner.ts';
const EMAIL_CHANNEL = 'libs/server/notify/src/lib/channels/email.channel.ts';
const ENROLMENT_NOTICES = 'libs/server/catalog/src/lib/enrolment/enrolment-notices.ts';
/** Polling interval once the catcher has everything: 0.5 % of the time elapsed, 2 to 50 ms. */
const pollMs = (/** @type {number} */ elapsedMs) => Math.min(50, Math.max(2, elapsedMs / 200));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** jobKey() of queue-keys.ts (checked against its source below). */
const jobKey = (/** @type {(string | number)[]} */ ...parts) => {
  const id = parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('-');
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id)) throw new Error(`invalid jobId ${id}`);
  return id;
};
/** noticeMessageId() of the email channel (checked against its source below). */
const noticeMessageId = (/** @type {string} */ key) =>
  `<notify.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@siantar-belajar>`;

/** How the api plans a reminder, as copied here; the bench refuses to run once it changes. */
function assertSamePlanning(/** @type {string} */ root) {
  assertInSource(root, 'libs/server/core/src/lib/queue/queue.service.ts', {
    DEFAULT_JOB_OPTIONS: `export const DEFAULT_JOB_OPTIONS: JobsOptions = {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    };`,
    ADD: `await this.queue(def.queue).add( name, { ...payload }, { jobId: options.jobId, delay: options.delayMs, }, );`,
  });
  assertInSource(root, 'libs/server/core/src/lib/queue/queue-keys.ts', {
    JOB_KEY: `const id = parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('-');`,
  });
  assertInSource(root, 'libs/shared/contracts/src/jobs/job-definitions.ts', {
    JOB: `'${JOB}': { queue: '${QUEUE}', payload: NotifyDeliverJob }`,
  });
  assertInSource(root, PLANNER, {
    KEY: `return jobKey('notify', n.event, n.targetId ?? 'none', n.userId, n.dueAt.getTime());`,
    INSERT: `INSERT INTO planned_notification (key, user_id, event, target_id, due_at, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
    PARAMS: `[key, n.userId, n.event, n.targetId, n.dueAt, JSON.stringify(n.data)]`,
    ENQUEUE: `await this.queue.enqueue( '${JOB}', { key }, { jobId: key, delayMs: Math.max(0, n.dueAt.getTime() - Date.now()) }, );`,
  });
  assertInSource(root, EMAIL_CHANNEL, {
    MESSAGE_ID:
      "export const noticeMessageId = (key: string) => `<notify.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@siantar-belajar>`;",
  });
  // The reminder's data as the enrolment plans it (target = course, dueAt = the deadline).
  assertInSource(root, ENROLMENT_NOTICES, {
    REMINDER: `event: '${EVENT}', dueAt: at, data: { courseId: e.course_id, courseTitle: e.title, dueAt: e.due_at.toISOString(), daysLeft: days, },`,
  });
  // The baseline's transport is created like MailerService's (no pool).
  assertInSource(root, 'libs/server/core/src/lib/mail/mailer.service.ts', {
    TRANSPORT: 'this.transport = nodemailer.createTransport(config.SMTP_URL);',
  });
}

/** The runner builds the api and the worker before any bench runs. */
function workerScript(/** @type {string} */ root) {
  const script = join(root, 'dist/apps/worker/main.js');
  if (!existsSync(script))
    throw new Error(`${script} is missing: npx nx run-many -t build -p api worker`);
  return script;
}

/**
 * `count` bench users `notif-NNNN@bench.siantar.test` (made once; odd numbers Indonesian, even
 * English), without preferences or quiet hours of their own; the course the reminders are about.
 * Refuses when an admin default would keep the reminder off a channel.
 */
async function ensureRecipients(/** @type {string} */ url, /** @type {number} */ count) {
  return withDb(url, async (c) => {
    await c.query(
      `INSERT INTO app_user (name, email, position, employment_type, org_unit_id, roles, language)
       SELECT 'Peserta Notif ' || g, 'notif-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              'Pelaksana', 'NON_ASN', (SELECT id FROM org_unit WHERE code = 'BKPSDM'), ARRAY['learner'],
              CASE WHEN g % 2 = 0 THEN 'en' ELSE 'id' END
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count],
    );
    const { rows: users } = await c.query(
      `SELECT id, email, language FROM app_user WHERE email LIKE $1 AND active ORDER BY email LIMIT $2`,
      [USER_PATTERN, count],
    );
    if (users.length < count) throw new Error(`only ${users.length} of ${count} bench recipients`);
    const ids = users.map((/** @type {any} */ u) => u.id);
    await c.query(`DELETE FROM notification_preference WHERE user_id = ANY($1::uuid[])`, [ids]);
    await c.query(`DELETE FROM notification_settings WHERE user_id = ANY($1::uuid[])`, [ids]);
    const { rows: defaults } = await c.query(
      `SELECT email, in_app, digest FROM notification_default WHERE category = 'deadline'`,
    );
    const d = defaults[0];
    if (d && (!d.email || !d.in_app || d.digest))
      throw new Error(
        `notification_default of 'deadline' in ${new URL(url).pathname.slice(1)} is ${JSON.stringify(d)}: ` +
          'the reminders would not all be emailed at once; reset it (email and in-app on, no digest)',
      );
    const { rows: course } = await c.query(
      `SELECT c.id, v.title FROM course c JOIN course_version v ON v.id = c.current_version_id WHERE c.code = $1`,
      [COURSE],
    );
    if (!course[0]) throw new Error(`course ${COURSE} not found: is the bench database seeded?`);
    return {
      users: users.map((/** @type {any} */ u) => ({
        userId: /** @type {string} */ (u.id),
        email: /** @type {string} */ (u.email),
        language: /** @type {string} */ (u.language),
      })),
      courseId: /** @type {string} */ (course[0].id),
      courseTitle: /** @type {string} */ (course[0].title),
    };
  });
}

/** Removes every notice, inbox row, delivery log and send record of the bench users; vacuums. */
async function clearNotices(/** @type {string} */ url, /** @type {string[]} */ userIds) {
  await withDb(url, async (c) => {
    await c.query(`DELETE FROM planned_notification WHERE user_id = ANY($1::uuid[])`, [userIds]);
    await c.query(`DELETE FROM notification WHERE user_id = ANY($1::uuid[])`, [userIds]);
    await c.query(`DELETE FROM notification_delivery WHERE user_id = ANY($1::uuid[])`, [userIds]);
    await c.query(`DELETE FROM sent_mail WHERE user_id = ANY($1::uuid[]) AND key LIKE 'notify:%'`, [
      userIds,
    ]);
    await c.query(
      `VACUUM (ANALYZE) planned_notification, notification, notification_delivery, sent_mail`,
    );
  });
}

/** Deletes every Redis key under this bench's prefix (queues of the worker, schedulers, events). */
async function sweepPrefix(/** @type {Redis} */ redis) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'notify-reminders',
  title:
    'Deadline reminders, enqueue to email caught by SMTP: built worker vs bare BullMQ worker + nodemailer',
  async run({ root, settings, log }) {
    const total = intEnv('BENCH_REMINDERS', 2000);
    // removeOnComplete keeps the last 5000 completed jobs: beyond that they could not be counted.
    if (total > DEFAULT_JOB_OPTIONS.removeOnComplete.count)
      throw new Error(
        `BENCH_REMINDERS must be at most ${DEFAULT_JOB_OPTIONS.removeOnComplete.count}`,
      );
    if (total > 9999) throw new Error('BENCH_REMINDERS must be at most 9999');
    const concurrency = intEnv('BENCH_WORKER_CONCURRENCY', 4);
    const enqueuers = settings.connections;
    assertSamePlanning(root);
    const scripts = {
      api: workerScript(root),
      baseline: join(root, 'bench/baselines/notify-bare-mailer.mjs'),
    };
    const env = serverEnv({ REDIS_PREFIX: PREFIX, MAIL_FROM });
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);
    const { users, courseId, courseTitle } = await ensureRecipients(dbUrl, total);
    const userIds = users.map((u) => u.userId);
    await clearNotices(dbUrl, userIds);
    const languages = users.reduce(
      (n, u) => ({ ...n, [u.language]: (n[u.language] ?? 0) + 1 }),
      /** @type {Record<string, number>} */ ({}),
    );
    log(
      `${total} '${EVENT}' reminders per run about ${COURSE} ("${courseTitle}"), one per bench user ` +
        `(${Object.entries(languages)
          .map(([l, n]) => `${n} ${l}`)
          .join(', ')}); redis prefix ${PREFIX}`,
    );

    const redisUrl = /** @type {string} */ (env.REDIS_URL);
    // The producer connection as the api's QueueService opens it (createRedis 'client').
    const producer = new Redis(redisUrl, {
      connectionName: 'siantar-bench:producer',
      maxRetriesPerRequest: 3,
      enableReadyCheck: true,
    });
    await sweepPrefix(producer);
    const queue = new Queue(QUEUE, {
      connection: producer,
      prefix: PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    const catcher = await startCatcher();
    const storageDir = mkdtempSync(join(tmpdir(), 'sb-bench-notify-'));

    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, enqueueSeconds: number, lastMailSeconds: number, dbTransactionsPerReminder: number, meanBytes: number })[]} */
    const runs = [];
    const verification = [];
    try {
      for (const [side, round] of alternate(settings.rounds)) {
        await clearNotices(dbUrl, userIds);
        await queue.obliterate({ force: true });
        const before = await queue.getJobCountByTypes(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'paused',
          'completed',
          'failed',
        );
        if (before > 0) throw new Error(`queue ${PREFIX}:${QUEUE} not empty before the run`);

        // Due now, as a reminder whose day has come: dueMs is also part of the key, new each run.
        const dueMs = Date.now();
        const dueAt = new Date(dueMs);
        const deadlineIso = new Date(dueMs + DAYS_LEFT * 86_400_000).toISOString();
        /** @type {Notice[]} */
        const notices = users.map((u) => {
          const key = jobKey('notify', EVENT, courseId, u.userId, dueMs);
          return { ...u, key, messageId: noticeMessageId(key) };
        });
        const byMessageId = new Map(notices.map((n, i) => [n.messageId, i]));
        if (side === 'api') {
          // The planner's INSERT, for all notices at once (untimed: the producers' side).
          const data = JSON.stringify({
            courseId,
            courseTitle,
            dueAt: deadlineIso,
            daysLeft: DAYS_LEFT,
          });
          await withDb(dbUrl, (c) =>
            c.query(
              `INSERT INTO planned_notification (key, user_id, event, target_id, due_at, data)
               SELECT k, u, $3, $4, $5, $6::jsonb FROM unnest($1::text[], $2::uuid[]) AS x(k, u)`,
              [
                notices.map((n) => n.key),
                notices.map((n) => n.userId),
                EVENT,
                courseId,
                dueAt,
                data,
              ],
            ),
          );
        }
        catcher.reset();

        const txBefore = await committedTransactions(dbUrl);
        const worker = startNode(`${side} worker`, scripts[side], [], {
          ...env,
          WORKER_CONCURRENCY: String(concurrency),
          STORAGE_DIR: storageDir,
          SMTP_URL: catcher.url,
        });
        /** @type {pg.Client | undefined} */
        let poller;
        let polls = 0;
        /** @type {number[]} */
        const enqueuedAt = new Array(total);
        let r;
        try {
          await waitForWorker(queue, worker);
          if (side === 'api') {
            poller = new pg.Client({ connectionString: dbUrl, application_name: 'siantar-bench' });
            await poller.connect();
          }
          const bookkept =
            side === 'api'
              ? async () => {
                  polls++;
                  const { rows } = await /** @type {pg.Client} */ (poller).query(
                    `SELECT count(*)::int AS n FROM planned_notification
                      WHERE event = $1 AND due_at = $2 AND status = 'done'`,
                    [EVENT, dueAt],
                  );
                  return rows[0].n;
                }
              : async () => (await queue.getJobCounts('completed')).completed;
          const pid = worker.child.pid;
          const cpuBefore = cpuSnapshot(pid, database);
          const started = performance.now();
          // BENCH_CONNECTIONS producers add one job each at a time, as concurrent plan() calls would.
          let next = 0;
          const enqueued = Promise.all(
            Array.from({ length: Math.min(enqueuers, total) }, async () => {
              while (next < total) {
                const i = next++;
                const n = notices[i];
                enqueuedAt[i] = performance.now();
                await queue.add(
                  JOB,
                  side === 'api' ? { key: n.key } : { key: n.key, to: n.email },
                  { jobId: n.key, delay: Math.max(0, dueMs - Date.now()) },
                );
              }
            }),
          ).then(() => performance.now());
          /** @type {unknown} */
          let failure;
          enqueued.catch((e) => (failure = e));
          const deadline = Date.now() + Math.max(120_000, total * 100);
          const all = catcher.until(total).then(() => true);
          while (!(await Promise.race([all, sleep(500).then(() => false)]))) {
            if (failure) throw failure;
            if (Date.now() > deadline)
              throw new Error(
                `${side}: only ${catcher.messages.length} of ${total} emails after ${Math.max(120_000, total * 100)} ms`,
              );
            const { failed } = await queue.getJobCounts('failed');
            if (failed > 0) throw new Error(`${side}: ${failed} job(s) failed`);
            if (worker.child.exitCode !== null || worker.child.signalCode !== null)
              throw new Error(`${worker.name} exited:\n  ${worker.tail.join('\n  ')}`);
          }
          const lastMail = catcher.messages[total - 1].at;
          let done;
          while ((done = await bookkept()) < total) {
            if (Date.now() > deadline)
              throw new Error(`${side}: all emails caught but only ${done} of ${total} done`);
            await sleep(pollMs(performance.now() - started));
          }
          const ended = performance.now();
          const cpu = cpuUsed(cpuBefore, cpuSnapshot(pid, database));
          r = {
            seconds: (ended - started) / 1000,
            lastMailSeconds: (lastMail - started) / 1000,
            enqueueSeconds: ((await enqueued) - started) / 1000,
            cpu,
          };
        } finally {
          await poller?.end();
          await stop(worker);
        }
        const transactions = (await committedTransactions(dbUrl)) - txBefore - polls;

        // Verify, with the worker stopped: the catcher for both, Redis, PostgreSQL for the api.
        const v = await verify({
          side,
          round,
          total,
          notices,
          byMessageId,
          courseTitle,
          catcher,
          queue,
          dbUrl,
        });
        verification.push(v.summary);
        if (v.problems.length > 0)
          throw new Error(`${side} round ${round}: verification failed: ${v.problems.join('; ')}`);
        const latencies = catcher.messages.map(
          (m) =>
            m.at -
            enqueuedAt[
              /** @type {number} */ (byMessageId.get(headersOf(m).get('message-id') ?? ''))
            ],
        );
        const meanBytes = catcher.messages.reduce((n, m) => n + m.bytes, 0) / total;

        /** @type {import('./lib/load.mjs').Run} */
        const run = {
          label: side,
          seconds: r.seconds,
          responses: total,
          ok: total,
          non2xx: 0,
          errors: 0,
          serverCpuMs: r.cpu.serverMs,
          otherCores: r.cpu.othersMs / 1000 / r.seconds,
          cpu: r.cpu,
          latencies,
        };
        const dbTransactionsPerReminder = transactions / total;
        log(
          `round ${round} ${side.padEnd(8)} ${num(total / r.seconds)} reminders/s ` +
            `(${num(r.seconds, 2)} s; last email at ${num(r.lastMailSeconds, 2)} s, enqueued in ${num(r.enqueueSeconds, 2)} s), ` +
            `worker CPU ${num(r.cpu.serverMs / total, 2)} ms/reminder, other processes: ${num(run.otherCores, 2)} cores; ` +
            `verified: ${v.summary.received} emails, ${v.summary.distinct} Message-IDs, all to the right address` +
            (side === 'api'
              ? `, ${v.summary.done} rows done, ${v.summary.inbox} inbox rows, ${v.summary.sentMail} sent_mail`
              : ''),
        );
        runs.push({
          ...run,
          side,
          round,
          enqueueSeconds: r.enqueueSeconds,
          lastMailSeconds: r.lastMailSeconds,
          dbTransactionsPerReminder,
          meanBytes,
        });
      }
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      // The api's worker also opened its other queues and schedulers under the bench prefix.
      await sweepPrefix(producer).catch(() => undefined);
      await producer.quit().catch(() => producer.disconnect());
      await catcher.close();
      await clearNotices(dbUrl, userIds);
      rmSync(storageDir, { recursive: true, force: true });
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const mean = (
      /** @type {Side} */ side,
      /** @type {(r: (typeof runs)[number]) => number} */ f,
    ) => of(side).reduce((n, r) => n + f(r), 0) / of(side).length;
    /** CPU ms per reminder of one part, all runs of a side pooled. */
    const perReminder = (
      /** @type {Side} */ side,
      /** @type {'serverMs' | 'postgresMs' | 'redisMs' | 'loaderMs'} */ part,
    ) =>
      of(side).reduce((n, r) => n + /** @type {any} */ (r.cpu)[part], 0) /
      (total * of(side).length);
    const cpuLine = (/** @type {Side} */ side) =>
      `worker ${num(perReminder(side, 'serverMs'), 2)}, PostgreSQL ${num(perReminder(side, 'postgresMs'), 2)}, ` +
      `Redis ${num(perReminder(side, 'redisMs'), 2)}, bench process (producers, SMTP catcher, polls) ${num(perReminder(side, 'loaderMs'), 2)}`;
    const api = summarize('worker (NestJS)', of('api'));
    const baseline = summarize('baseline (BullMQ+nodemailer)', of('baseline'));
    const ratio = ratios(api, baseline);
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratio },
      notes: [
        `req/s = reminders delivered per second, ${total} per run, timed from the first enqueue until the SMTP ` +
          "catcher holds all of them and the bookkeeping is over (api: every planned_notification row 'done', " +
          'polled once the last email is in; baseline: BullMQ counts them all completed). ' +
          `Ratio api / baseline: reminders/s ${num(ratio.rps, 2)}, worker CPU per reminder ${num(ratio.cpu, 2)}, ` +
          `p50 ${num(ratio.p50, 2)}, p95 ${num(api.p95 / baseline.p95, 2)}, p99 ${num(ratio.p99, 2)}.`,
        `1 worker process, concurrency ${concurrency} (BENCH_WORKER_CONCURRENCY) on both sides; ${enqueuers} producers ` +
          "(BENCH_CONNECTIONS) each adding one job at a time with the planner's job name, jobId = key, delay 0 and the " +
          "api's default job options; api payload { key } (the rows were inserted before the clock, with the planner's " +
          'INSERT for all at once), baseline payload { key, to } (it has no database). Both send through ' +
          'nodemailer.createTransport(SMTP_URL), one SMTP connection per message.',
        'latency p50/p95/p99 = per reminder from its enqueue to its DATA complete at the catcher: the jobs arrive as one ' +
          'burst, so this is mostly time waiting in the queue, not the time one delivery takes.',
        `CPU ms per reminder: api: ${cpuLine('api')}; baseline: ${cpuLine('baseline')}.`,
        `last email caught after ${num(
          mean('api', (r) => r.lastMailSeconds),
          2,
        )} s (api) and ${num(
          mean('baseline', (r) => r.lastMailSeconds),
          2,
        )} s (baseline) on average; enqueuing took ${num(
          mean('api', (r) => r.enqueueSeconds),
          2,
        )} s and ${num(
          mean('baseline', (r) => r.enqueueSeconds),
          2,
        )} s; DB transactions per reminder (xact_commit, the bench's polls subtracted, worker start-up included): api ${num(
          mean('api', (r) => r.dbTransactionsPerReminder),
          2,
        )}, baseline ${num(
          mean('baseline', (r) => r.dbTransactionsPerReminder),
          2,
        )}; mean message size ${num(mean('api', (r) => r.meanBytes))} bytes (api, rendered template with ` +
          `unsubscribe link) and ${num(mean('baseline', (r) => r.meanBytes))} bytes (baseline, fixed).`,
        `verified after every run: exactly ${total} emails, each expected Message-ID once, none foreign, each to its ` +
          "user's address (envelope and To:), text + HTML, no job failed or left waiting, no deferred delivery; api: " +
          "every row 'done', one inbox row and one 'sent' email and in-app delivery log per reminder, nothing " +
          "failed or skipped, sent_mail with the notice's Message-ID, subjects in the user's language (one per language, " +
          'with the course title).',
        'The api worker also runs its BullMQ workers for the other five queues (idle) and the notify schedulers: ' +
          'the built worker has no switch to load the notify jobs module alone. BENCH_DURATION does not apply; ' +
          'BENCH_REMINDERS, BENCH_WORKER_CONCURRENCY, BENCH_CONNECTIONS, BENCH_ROUNDS do.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // extra field, kept in the JSON
      verification,
    };
  },
};

/**
 * Checks one run against "each reminder emailed exactly once, to its user" (and, for the api,
 * what the database must hold afterwards).
 * @param {{ side: Side, round: number, total: number, notices: Notice[], byMessageId: Map<string, number>,
 *   courseTitle: string, catcher: Awaited<ReturnType<typeof startCatcher>>, queue: Queue, dbUrl: string }} o
 */
async function verify({
  side,
  round,
  total,
  notices,
  byMessageId,
  courseTitle,
  catcher,
  queue,
  dbUrl,
}) {
  /** @type {string[]} */
  const problems = [];
  const seen = new Map();
  let strays = 0;
  let misaddressed = 0;
  let notMultipart = 0;
  /** @type {Map<string, Set<string>>} subjects by language */
  const subjects = new Map();
  for (const m of catcher.messages) {
    const h = headersOf(m);
    const id = h.get('message-id') ?? '';
    seen.set(id, (seen.get(id) ?? 0) + 1);
    const i = byMessageId.get(id);
    if (i === undefined) {
      strays++;
      continue;
    }
    const n = notices[i];
    const to = (h.get('to') ?? '').toLowerCase();
    if (m.rcpt.length !== 1 || m.rcpt[0].toLowerCase() !== n.email || !to.includes(n.email))
      misaddressed++;
    if (!/^multipart\/alternative/i.test(h.get('content-type') ?? '')) notMultipart++;
    const s = subjects.get(n.language) ?? new Set();
    s.add(h.get('subject') ?? '');
    subjects.set(n.language, s);
  }
  const duplicated = [...seen.values()].filter((c) => c > 1).length;
  const lost = notices.filter((n) => !seen.has(n.messageId)).length;
  if (catcher.messages.length !== total)
    problems.push(`${catcher.messages.length} emails caught, expected ${total}`);
  if (duplicated > 0) problems.push(`${duplicated} Message-IDs caught more than once`);
  if (lost > 0) problems.push(`${lost} reminders without their email`);
  if (strays > 0) problems.push(`${strays} emails with an unexpected Message-ID`);
  if (misaddressed > 0) problems.push(`${misaddressed} emails to the wrong address`);
  if (notMultipart > 0) problems.push(`${notMultipart} emails without text + HTML alternatives`);

  const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
  if (counts.completed !== total)
    problems.push(`${counts.completed} jobs completed, expected ${total}`);
  if (counts.failed + counts.waiting + counts.active > 0)
    problems.push(`jobs left failed/waiting/active: ${JSON.stringify(counts)}`);
  // Delayed jobs may be the worker's schedulers (digest, sweeps); a delayed delivery is a deferral.
  const deferred = (await queue.getJobs(['delayed'], 0, -1)).filter((j) => j.name === JOB).length;
  if (deferred > 0) problems.push(`${deferred} deliveries delayed (quiet hours or retries)`);

  /** @type {Record<string, unknown>} */
  const summary = {
    side,
    round,
    received: catcher.messages.length,
    distinct: seen.size,
    duplicated,
    lost,
    strays,
    misaddressed,
    jobs: counts,
  };
  const keys = notices.map((n) => n.key);
  const db = await withDb(dbUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT count(*) FROM planned_notification WHERE key = ANY($1))::int AS planned,
              (SELECT count(*) FROM planned_notification WHERE key = ANY($1) AND status = 'done')::int AS done,
              (SELECT count(*) FROM notification WHERE key = ANY($1))::int AS inbox,
              (SELECT count(*) FROM notification_delivery WHERE key = ANY($1) AND channel = 'email' AND status = 'sent')::int AS email_sent,
              (SELECT count(*) FROM notification_delivery WHERE key = ANY($1) AND channel = 'in-app' AND status = 'sent')::int AS in_app_sent,
              (SELECT count(*) FROM notification_delivery WHERE key = ANY($1) AND status <> 'sent')::int AS other_log`,
      [keys],
    );
    const sent = await c.query(`SELECT key, message_id FROM sent_mail WHERE key = ANY($1)`, [
      keys.map((k) => `notify:${k}`),
    ]);
    return {
      ...rows[0],
      sentMail: sent.rows.length,
      sentMailWrongId: sent.rows.filter(
        (/** @type {any} */ s) => s.message_id !== noticeMessageId(s.key.slice('notify:'.length)),
      ).length,
    };
  });
  if (side === 'api') {
    Object.assign(summary, {
      done: db.done,
      inbox: db.inbox,
      emailSent: db.email_sent,
      inAppSent: db.in_app_sent,
      otherLog: db.other_log,
      sentMail: db.sentMail,
    });
    if (db.planned !== total || db.done !== total)
      problems.push(`${db.done} of ${db.planned} rows done, expected ${total}`);
    if (db.inbox !== total) problems.push(`${db.inbox} inbox rows, expected ${total}`);
    if (db.email_sent !== total || db.in_app_sent !== total || db.other_log !== 0)
      problems.push(
        `delivery log: ${db.email_sent} email sent, ${db.in_app_sent} in-app sent, ${db.other_log} other entries`,
      );
    if (db.sentMail !== total || db.sentMailWrongId !== 0)
      problems.push(`${db.sentMail} sent_mail rows, ${db.sentMailWrongId} with another Message-ID`);
    const langs = [...subjects.entries()];
    const title = (/** @type {string} */ s) => s.includes(courseTitle);
    if (
      langs.some(([, s]) => s.size !== 1) ||
      new Set(langs.map(([, s]) => [...s][0])).size !== langs.length ||
      !langs.every(([, s]) => title([...s][0]))
    )
      problems.push(
        `subjects by language: ${JSON.stringify(langs.map(([l, s]) => [l, [...s].slice(0, 3)]))}`,
      );
    summary.subjects = Object.fromEntries(langs.map(([l, s]) => [l, [...s][0]]));
  } else if (db.planned + db.inbox + db.sentMail > 0) {
    problems.push(
      `the baseline run left ${db.planned} rows, ${db.inbox} inbox rows, ${db.sentMail} sent_mail`,
    );
  }
  return { summary, problems };
}

/**
 * Waits until the worker process has its BullMQ worker connected to the queue (CLIENT LIST,
 * Queue.getWorkersCount), so that start-up is not part of the measurement.
 * @param {Queue} queue  @param {import('./lib/proc.mjs').Server} worker
 */
async function waitForWorker(queue, worker) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null)
      throw new Error(`${worker.name} exited before ready:\n  ${worker.tail.join('\n  ')}`);
    if ((await queue.getWorkersCount()) >= 1) return;
    await sleep(50);
  }
  throw new Error(`worker not connected to the queue after 30 s:\n  ${worker.tail.join('\n  ')}`);
}

/** CPU snapshot of the worker (cpu.mjs) and of the local Redis server(s). */
function cpuSnapshot(/** @type {number | undefined} */ pid, /** @type {string} */ database) {
  return { all: snapshot(pid, database), redis: redisCpu() };
}

/** Like cpu.mjs used(), with a local Redis server's time counted apart from "others". */
function cpuUsed(
  /** @type {ReturnType<typeof cpuSnapshot>} */ a,
  /** @type {ReturnType<typeof cpuSnapshot>} */ b,
) {
  let postgres = 0;
  for (const [pid, ms] of b.all.postgres) postgres += ms - (a.all.postgres.get(pid) ?? 0);
  let redis = 0;
  for (const [pid, ms] of b.redis) redis += ms - (a.redis.get(pid) ?? 0);
  const server = b.all.server - a.all.server;
  const self = b.all.self - a.all.self;
  return {
    serverMs: server,
    loaderMs: self,
    postgresMs: postgres,
    redisMs: redis,
    othersMs: Math.max(0, b.all.busyMs - a.all.busyMs - server - self - postgres - redis),
  };
}
