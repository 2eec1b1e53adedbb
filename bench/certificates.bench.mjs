// Certificate PDFs rendered per second (issue 9): BENCH_CERTIFICATES (300) certificates of as many
// completed enrolments in the bench course SERT-BENCH, issued once by the built worker the way the
// catalog's completion asks for them (`certificates.issue`, jobId certificate-<enrolment>), are
// rendered again in every run: their PDFs are removed, then one `certificates.render` job per
// certificate is enqueued as the issue job enqueues it (payload { certificateId, revision: 0 },
// jobId certificate-render-<id>-r0, the api's default job options) and the built worker
// (dist/apps/worker/main.js) renders each one: job fetched, payload validated, the issue waited
// for (committedRow), the row and its snapshot read, the template's logo and signature read
// (stored_file rows + storage), the PDF drawn with pdfkit and the QR code PNG of the verification
// URL, passed through the CertificateSigner (no-op), hashed, stored under
// certificates/<id>/r0.pdf, a stored_file row inserted and the certificate updated. The clock runs
// from the first enqueue until every certificate has its stored PDF (file_id set,
// rendered_revision = reissue_count, polled in PostgreSQL). The baseline, in the same run, is a
// bare script (baselines/certificates-bare.mjs) that renders the same snapshots with the same
// images through the very renderCertificatePdf of the built worker, with the same concurrency,
// and writes the files; its clock runs from the start signal until it reports the last file
// written. Every run is verified: every PDF present, with the same content as the first run's
// (objects equal once renumbered: lib/certificates.mjs pdfDigest), and for a sample its text
// (pdftotext) states its register number and learner, and its QR code (pdfimages + jsQR)
// decodes to its verification URL.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { alternate } from './lib/ab.mjs';
import {
  CERT_COURSE,
  CERT_ISSUER,
  builtRenderer,
  ensureCertificateSetting,
  pdfDigest,
  pdfQrCodes,
  pdfText,
} from './lib/certificates.mjs';
import { redisCpu, snapshot } from './lib/cpu.mjs';
import { committedTransactions } from './lib/db.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { startNode, stop } from './lib/proc.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase, withDb } from './lib/setup.mjs';
import { assertInSource } from './lib/source-sql.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {{ id: string, registerNumber: string, verificationUrl: string, learnerName: string, snapshot: any }} Cert */

const QUEUE = 'certificates';
const RENDER = 'certificates.render';
const ISSUE = 'certificates.issue';
/** Redis keys of this bench only: the queue is obliterated and the prefix swept at start and end. */
const PREFIX = 'sbbench-cert';
/** What the QR codes point at (frozen in the snapshots when the certificates are issued). */
const PUBLIC_URL = 'https://belajar.pematangsiantarkota.go.id';
/** QueueService's DEFAULT_JOB_OPTIONS (checked against its source below). */
const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
const RENDERER = 'libs/server/certificates/src/lib/rendering/certificate-renderer.ts';
/** Polling interval: 0.5 % of the time elapsed, between 2 and 50 ms (a tight poll would load PostgreSQL). */
const pollMs = (/** @type {number} */ elapsedMs) => Math.min(50, Math.max(2, elapsedMs / 200));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (/** @type {Buffer} */ b) => createHash('sha256').update(b).digest('hex');

/** jobKey() of queue-keys.ts (checked against its source below). */
const jobKey = (/** @type {(string | number)[]} */ ...parts) => {
  const id = parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('-');
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id)) throw new Error(`invalid jobId ${id}`);
  return id;
};
/** renderJob() of render-job.ts: the job the issue job enqueues for issue 0. */
const renderJobId = (/** @type {string} */ certificateId) =>
  jobKey('certificate-render', certificateId, 'r0');

/** How the api enqueues issuing and rendering, and where it stores the PDF, as copied here. */
function assertSameJobs(/** @type {string} */ root) {
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
  assertInSource(root, 'libs/shared/contracts/src/jobs/certificate-jobs.ts', {
    ISSUE: `'${ISSUE}': { queue: '${QUEUE}', payload: CertificateIssueJob }`,
    RENDER: `'${RENDER}': { queue: '${QUEUE}', payload: CertificateRenderJob }`,
  });
  assertInSource(root, 'libs/server/catalog/src/lib/completion/evaluate-completion.job.ts', {
    ISSUE_ENQUEUE: `'${ISSUE}', { enrolmentId: signal.enrolment_id }, { jobId: jobKey('certificate', signal.enrolment_id) },`,
  });
  assertInSource(root, 'libs/server/certificates/src/lib/issuing/render-job.ts', {
    RENDER_JOB:
      "'certificates.render', { certificateId, revision }, { jobId: jobKey('certificate-render', certificateId, `r${revision}`) },",
  });
  assertInSource(root, 'libs/server/certificates/src/lib/issuing/issue-certificate.job.ts', {
    AFTER_ISSUE: 'await this.queue.enqueue(...renderJob(certificateId, 0));',
  });
  assertInSource(root, RENDERER, {
    KEY: 'const storageKey = `certificates/${c.id}/r${c.reissue_count}.pdf`;',
    STORED: `UPDATE certificate SET file_id = $2, rendered_revision = $3, signature = $4 WHERE id = $1 AND reissue_count = $3`,
  });
}

/** The runner builds the api and the worker before any bench runs. */
function workerScript(/** @type {string} */ root) {
  const script = join(root, 'dist/apps/worker/main.js');
  if (!existsSync(script))
    throw new Error(`${script} is missing: npx nx run-many -t build -p api worker`);
  return script;
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

/**
 * Takes away the PDFs of the bench course's certificates (the certificates stay): file_id and
 * rendered_revision back to NULL, their stored_file rows deleted, the files removed; vacuums.
 */
async function removePdfs(
  /** @type {string} */ url,
  /** @type {string} */ courseId,
  /** @type {string} */ storageDir,
) {
  await withDb(url, async (c) => {
    await c.query('BEGIN');
    const { rows } = await c.query(
      `UPDATE certificate SET file_id = NULL, rendered_revision = NULL, signature = NULL
        WHERE course_id = $1 RETURNING id`,
      [courseId],
    );
    await c.query(`DELETE FROM stored_file WHERE storage_key = ANY($1::text[])`, [
      rows.map((/** @type {any} */ r) => `certificates/${r.id}/r0.pdf`),
    ]);
    await c.query('COMMIT');
    await c.query('VACUUM (ANALYZE) certificate, stored_file');
  });
  rmSync(join(storageDir, 'certificates'), { recursive: true, force: true });
}

/**
 * Waits until the worker process has its BullMQ worker connected to the queue, so that
 * start-up is not part of the measurement.
 * @param {Queue} queue  @param {import('./lib/proc.mjs').Server} worker
 */
async function waitForWorker(queue, worker) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited(worker))
      throw new Error(`${worker.name} exited before ready:\n  ${worker.tail.join('\n  ')}`);
    if ((await queue.getWorkersCount()) >= 1) return;
    await sleep(50);
  }
  throw new Error(`worker not connected to the queue after 30 s:\n  ${worker.tail.join('\n  ')}`);
}

const exited = (/** @type {import('./lib/proc.mjs').Server} */ s) =>
  s.child.exitCode !== null || s.child.signalCode !== null;

/** Resolves when the process prints a line starting with `word` (stdout). */
function lineFrom(/** @type {import('./lib/proc.mjs').Server} */ s, /** @type {string} */ word) {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (/** @type {Buffer} */ chunk) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith(word));
      if (line !== undefined) {
        s.child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    s.child.stdout?.on('data', onData);
    s.exited.then((code) =>
      reject(new Error(`${s.name} exited (${code}) before "${word}":\n  ${s.tail.join('\n  ')}`)),
    );
  });
}

/** CPU snapshot of the measured process (cpu.mjs) and of the local Redis server(s). */
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

/**
 * Issues, once, the certificates of the bench enrolments that have none yet: the built worker
 * takes `certificates.issue` jobs enqueued as the catalog's completion enqueues them (jobId
 * certificate-<enrolment>), numbers them in BKPSDM-PK's register and renders them. Not timed
 * as part of any run (the log gives the time).
 */
async function issueMissing(
  /** @type {{ script: string, env: NodeJS.ProcessEnv, dbUrl: string, queue: Queue, courseId: string, enrolmentIds: string[], log: (line: string) => void }} */ o,
) {
  const missing = await withDb(o.dbUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT e FROM unnest($1::uuid[]) e
        WHERE NOT EXISTS (SELECT 1 FROM certificate c WHERE c.enrolment_id = e AND c.kind = 'course')`,
      [o.enrolmentIds],
    );
    return rows.map((/** @type {any} */ r) => /** @type {string} */ (r.e));
  });
  if (missing.length === 0) return;
  o.log(
    `issuing ${missing.length} certificates once with the built worker (certificates.issue, then certificates.render)...`,
  );
  await o.queue.obliterate({ force: true });
  const worker = startNode('issuing worker', o.script, [], o.env);
  try {
    await waitForWorker(o.queue, worker);
    const started = performance.now();
    for (const enrolmentId of missing)
      await o.queue.add(ISSUE, { enrolmentId }, { jobId: jobKey('certificate', enrolmentId) });
    const deadline = Date.now() + Math.max(120_000, missing.length * 500);
    for (;;) {
      const n = await withDb(o.dbUrl, async (c) => {
        const { rows } = await c.query(
          `SELECT count(*)::int AS n FROM certificate
            WHERE enrolment_id = ANY($1::uuid[]) AND file_id IS NOT NULL AND rendered_revision = reissue_count`,
          [missing],
        );
        return rows[0].n;
      });
      if (n === missing.length) break;
      const { failed } = await o.queue.getJobCounts('failed');
      if (failed > 0) throw new Error(`issuing: ${failed} job(s) failed`);
      if (exited(worker)) throw new Error(`${worker.name} exited:\n  ${worker.tail.join('\n  ')}`);
      if (Date.now() > deadline) throw new Error(`issuing: only ${n} of ${missing.length} done`);
      await sleep(250);
    }
    o.log(
      `issued and rendered ${missing.length} certificates in ${num((performance.now() - started) / 1000, 1)} s ` +
        '(once; not part of the measurement)',
    );
  } finally {
    await stop(worker);
    await o.queue.obliterate({ force: true });
  }
}

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'certificates',
  title:
    'Certificate PDFs (pdfkit + QR code) rendered per second: built worker (certificates.render jobs) vs the same renderer in a bare script',
  async run({ root, settings, log }) {
    const total = intEnv('BENCH_CERTIFICATES', 300);
    // removeOnComplete keeps the last 5000 completed jobs: beyond that they could not be counted.
    if (total > DEFAULT_JOB_OPTIONS.removeOnComplete.count)
      throw new Error(
        `BENCH_CERTIFICATES must be at most ${DEFAULT_JOB_OPTIONS.removeOnComplete.count}`,
      );
    const concurrency = intEnv('BENCH_WORKER_CONCURRENCY', 4);
    const sampleSize = Math.min(total, intEnv('BENCH_CERT_SAMPLE', 8));
    const enqueuers = settings.connections;
    assertSameJobs(root);
    const scripts = {
      api: workerScript(root),
      baseline: join(root, 'bench/baselines/certificates-bare.mjs'),
    };
    const env = serverEnv({ REDIS_PREFIX: PREFIX, PUBLIC_URL });
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);
    const storageDir = mkdtempSync(join(tmpdir(), 'sb-bench-cert-'));
    const workDir = mkdtempSync(join(tmpdir(), 'sb-bench-cert-bare-'));
    const workerEnv = { ...env, STORAGE_DIR: storageDir, WORKER_CONCURRENCY: String(concurrency) };

    const redisUrl = /** @type {string} */ (env.REDIS_URL);
    // The producer connection as the api's QueueService opens it (createRedis 'client').
    const producer = new Redis(redisUrl, {
      connectionName: 'siantar-bench:producer',
      maxRetriesPerRequest: 3,
      enableReadyCheck: true,
    });
    const queue = new Queue(QUEUE, {
      connection: producer,
      prefix: PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });

    /** @type {(import('./lib/load.mjs').Run & { side: Side, round: number, enqueueSeconds: number, serviceMs: number, dbTransactionsPerCertificate: number, meanBytes: number })[]} */
    const runs = [];
    const verification = [];
    /** @type {Awaited<ReturnType<typeof ensureCertificateSetting>> | undefined} */
    let setting;
    /** CPU ms per PDF of the renderer alone, with and without the template images. */
    const aloneMs = { images: NaN, plain: NaN, n: 0 };
    try {
      await sweepPrefix(producer);
      setting = await ensureCertificateSetting(dbUrl, total, storageDir);
      const { courseId, images } = setting;
      await issueMissing({
        script: scripts.api,
        env: workerEnv,
        dbUrl,
        queue,
        courseId,
        enrolmentIds: setting.enrolments.map((e) => e.enrolmentId),
        log,
      });
      /** @type {Cert[]} */
      const certs = await withDb(dbUrl, async (c) => {
        const { rows } = await c.query(
          `SELECT c.id, c.register_number, c.snapshot FROM certificate c
            WHERE c.enrolment_id = ANY($1::uuid[]) AND c.kind = 'course' AND c.status = 'valid' AND c.reissue_count = 0
            ORDER BY c.seq`,
          [setting.enrolments.map((e) => e.enrolmentId)],
        );
        return rows.map((/** @type {any} */ r) => ({
          id: r.id,
          registerNumber: r.register_number,
          verificationUrl: r.snapshot.verificationUrl,
          learnerName: r.snapshot.learner.name,
          snapshot: r.snapshot,
        }));
      });
      if (certs.length !== total)
        throw new Error(`${certs.length} valid, never re-issued certificates, expected ${total}`);
      const ids = certs.map((c) => c.id);
      const withImages = certs.filter(
        (c) =>
          c.snapshot.template.logoFileId === images.logoFileId &&
          c.snapshot.template.signatureFileId === images.signatureFileId,
      ).length;
      if (withImages !== total)
        throw new Error(
          `${total - withImages} bench certificates do not name the bench template's images`,
        );
      const sample = Array.from({ length: sampleSize }, (_, k) =>
        Math.floor((k * (total - 1)) / Math.max(1, sampleSize - 1)),
      );

      // Where the renderer comes from (the baseline loads it the same way).
      const renderer = builtRenderer(root);
      log(
        `${total} certificates of ${CERT_COURSE} (issuer ${CERT_ISSUER}, ${certs[0].registerNumber} … ` +
          `${certs[total - 1].registerNumber}); template logo ${num(images.logo.length)} B and signature ` +
          `${num(images.signature.length)} B (RGBA PNG); renderer: module ${renderer.moduleId} of the built worker ` +
          `(+ ${renderer.modules.length - 1} it requires, digest ${renderer.digest}); redis prefix ${PREFIX}`,
      );
      const bareInput = join(workDir, 'input.json');
      const bareResult = join(workDir, 'result.json');
      const bareOut = join(workDir, 'out');
      const bareEnv = {
        ...workerEnv,
        CERT_BARE_INPUT: bareInput,
        CERT_BARE_RESULT: bareResult,
      };
      writeFileSync(
        bareInput,
        JSON.stringify({
          root,
          outDir: bareOut,
          images: {
            [images.logoFileId]: join(storageDir, `files/${images.logoFileId}`),
            [images.signatureFileId]: join(storageDir, `files/${images.signatureFileId}`),
          },
          items: certs.map((c) => ({ id: c.id, snapshot: c.snapshot })),
        }),
      );
      // The renderer alone, in a process of its own (not part of any run), for the notes.
      const calibration = startNode('calibration', scripts.baseline, [], {
        ...bareEnv,
        CERT_BARE_CALIBRATE: '1',
      });
      try {
        Object.assign(
          aloneMs,
          JSON.parse((await lineFrom(calibration, 'calibration')).slice('calibration '.length)),
        );
      } finally {
        await stop(calibration);
      }

      /** Content digest (pdfDigest) of every certificate's PDF in the first run: every later run, either side, must match. */
      /** @type {Map<string, string> | undefined} */
      let reference;
      /** @type {Map<string, string> | undefined} sha256 of the first run's PDFs */
      let byteReference;
      /** @type {Side | undefined} */
      let referenceSide;

      for (const [side, round] of alternate(settings.rounds)) {
        await removePdfs(dbUrl, courseId, storageDir);
        rmSync(bareOut, { recursive: true, force: true });
        rmSync(bareResult, { force: true });
        await queue.obliterate({ force: true });

        const txBefore = await committedTransactions(dbUrl);
        let polls = 0;
        /** @type {{ seconds: number, enqueueSeconds: number, cpu: ReturnType<typeof cpuUsed>, latencies: number[], serviceMs: number }} */
        let r;
        if (side === 'api') {
          const worker = startNode('api worker', scripts.api, [], workerEnv);
          const poller = new pg.Client({
            connectionString: dbUrl,
            application_name: 'siantar-bench',
          });
          try {
            await waitForWorker(queue, worker);
            await poller.connect();
            const rendered = async () => {
              polls++;
              const { rows } = await poller.query(
                `SELECT count(*)::int AS n FROM certificate
                  WHERE id = ANY($1::uuid[]) AND file_id IS NOT NULL AND rendered_revision = reissue_count`,
                [ids],
              );
              return /** @type {number} */ (rows[0].n);
            };
            if ((await rendered()) !== 0) throw new Error('PDFs left over before the run');
            const pid = worker.child.pid;
            const cpuBefore = cpuSnapshot(pid, database);
            const started = performance.now();
            // BENCH_CONNECTIONS producers add one job each at a time, as the issue jobs would.
            let next = 0;
            /** @type {unknown} */
            let failure;
            const enqueued = Promise.all(
              Array.from({ length: Math.min(enqueuers, total) }, async () => {
                while (next < total) {
                  const c = certs[next++];
                  await queue.add(
                    RENDER,
                    { certificateId: c.id, revision: 0 },
                    { jobId: renderJobId(c.id), delay: undefined },
                  );
                }
              }),
            ).then(() => performance.now());
            enqueued.catch((e) => (failure = e));
            const deadline = Date.now() + Math.max(120_000, total * 1000);
            let done = 0;
            let lastCheck = 0;
            while ((done = await rendered()) < total) {
              if (failure) throw failure;
              if (Date.now() > deadline)
                throw new Error(`api: only ${done} of ${total} PDFs stored`);
              if (Date.now() - lastCheck > 500) {
                lastCheck = Date.now();
                const { failed } = await queue.getJobCounts('failed');
                if (failed > 0) throw new Error(`api: ${failed} job(s) failed`);
                if (exited(worker))
                  throw new Error(`${worker.name} exited:\n  ${worker.tail.join('\n  ')}`);
              }
              await sleep(pollMs(performance.now() - started));
            }
            const ended = performance.now();
            const cpu = cpuUsed(cpuBefore, cpuSnapshot(pid, database));
            const enqueueSeconds = ((await enqueued) - started) / 1000;
            // Per job: enqueue (job.timestamp) → completed, and processing time, from BullMQ.
            const jobs = await queue.getJobs(['completed'], 0, -1);
            r = {
              seconds: (ended - started) / 1000,
              enqueueSeconds,
              cpu,
              latencies: jobs.map((j) => /** @type {number} */ (j.finishedOn) - j.timestamp),
              serviceMs:
                jobs.reduce(
                  (n, j) =>
                    n +
                    /** @type {number} */ (j.finishedOn) -
                    /** @type {number} */ (j.processedOn),
                  0,
                ) / Math.max(1, jobs.length),
            };
          } finally {
            await poller.end().catch(() => undefined);
            await stop(worker);
          }
        } else {
          const bare = startNode('baseline', scripts.baseline, [], bareEnv);
          try {
            await lineFrom(bare, 'ready');
            const pid = bare.child.pid;
            const done = lineFrom(bare, 'done');
            const cpuBefore = cpuSnapshot(pid, database);
            const started = performance.now();
            bare.child.kill('SIGUSR2');
            await done;
            const ended = performance.now();
            const cpu = cpuUsed(cpuBefore, cpuSnapshot(pid, database));
            const result = JSON.parse(readFileSync(bareResult, 'utf8'));
            r = {
              seconds: (ended - started) / 1000,
              enqueueSeconds: 0,
              cpu,
              latencies: result.timings.map((/** @type {any} */ t) => t.endMs),
              serviceMs:
                result.timings.reduce(
                  (/** @type {number} */ n, /** @type {any} */ t) => n + t.endMs - t.startMs,
                  0,
                ) / total,
            };
          } finally {
            await stop(bare);
          }
        }
        const transactions = (await committedTransactions(dbUrl)) - txBefore - polls;

        // Verify, with the process stopped.
        const v = await verify({ side, round, certs, sample, storageDir, bareOut, queue, dbUrl });
        if (!reference) {
          reference = v.hashes;
          byteReference = v.shas;
          referenceSide = side;
        } else {
          const differ = certs.filter((c) => v.hashes.get(c.id) !== reference?.get(c.id)).length;
          v.summary.identicalToFirstRun = differ === 0;
          v.summary.sameBytesAsFirstRun = certs.filter(
            (c) => v.shas.get(c.id) === byteReference?.get(c.id),
          ).length;
          if (differ > 0)
            v.problems.push(
              `${differ} PDFs differ in content from the ${referenceSide} PDFs of the first run`,
            );
        }
        verification.push(v.summary);
        if (v.problems.length > 0)
          throw new Error(`${side} round ${round}: verification failed: ${v.problems.join('; ')}`);

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
          latencies: r.latencies,
        };
        log(
          `round ${round} ${side.padEnd(8)} ${num(total / r.seconds, 1)} certificates/s ` +
            `(${num(r.seconds, 2)} s${side === 'api' ? `, enqueued in ${num(r.enqueueSeconds, 2)} s` : ''}), ` +
            `${side === 'api' ? 'worker' : 'script'} CPU ${num(r.cpu.serverMs / total, 2)} ms/certificate, ` +
            `other processes: ${num(run.otherCores, 2)} cores; verified: ${v.summary.pdfs} PDFs ` +
            `(${num(/** @type {number} */ (v.summary.meanBytes) / 1024, 1)} KiB on average)` +
            (v.summary.identicalToFirstRun === undefined
              ? ''
              : v.summary.identicalToFirstRun
                ? `, same content as the first run's (${referenceSide}; ${v.summary.sameBytesAsFirstRun} byte for byte)`
                : '') +
            `, ${sample.length} read back (number, name, QR code)`,
        );
        runs.push({
          ...run,
          side,
          round,
          enqueueSeconds: r.enqueueSeconds,
          serviceMs: r.serviceMs,
          dbTransactionsPerCertificate: transactions / total,
          meanBytes: /** @type {number} */ (v.summary.meanBytes),
        });
      }
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      // The api's worker also opened its other queues and schedulers under the bench prefix.
      await sweepPrefix(producer).catch(() => undefined);
      await producer.quit().catch(() => producer.disconnect());
      // The certificates stay (issued once); their PDFs go with the temporary storage.
      if (setting) await removePdfs(dbUrl, setting.courseId, storageDir).catch(() => undefined);
      rmSync(storageDir, { recursive: true, force: true });
      rmSync(workDir, { recursive: true, force: true });
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const mean = (
      /** @type {Side} */ side,
      /** @type {(r: (typeof runs)[number]) => number} */ f,
    ) => of(side).reduce((n, r) => n + f(r), 0) / of(side).length;
    /** CPU ms per certificate of one part, all runs of a side pooled. */
    const perCert = (
      /** @type {Side} */ side,
      /** @type {'serverMs' | 'postgresMs' | 'redisMs' | 'loaderMs'} */ part,
    ) =>
      of(side).reduce((n, r) => n + /** @type {any} */ (r.cpu)[part], 0) /
      (total * of(side).length);
    const api = summarize('worker (NestJS)', of('api'));
    const baseline = summarize('bare script (same renderer)', of('baseline'));
    const ratio = ratios(api, baseline);
    const cpuTotal = (/** @type {Side} */ side) =>
      perCert(side, 'serverMs') + perCert(side, 'postgresMs') + perCert(side, 'redisMs');
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratio },
      notes: [
        `req/s = certificates rendered per second, ${total} per run (A4 landscape PDF with the QR code of the ` +
          'verification URL, the template logo and signature). api: timed from the first enqueue of ' +
          `${RENDER} until PostgreSQL shows every certificate with its stored PDF (file_id set, rendered_revision = ` +
          'reissue_count; polled); baseline: from the start signal until the script reports the last file written. ' +
          `Ratio worker / bare: certificates/s ${num(ratio.rps, 2)}, process CPU per certificate ${num(ratio.cpu, 2)}.`,
        `CPU ms per certificate: worker ${num(perCert('api', 'serverMs'), 2)} + PostgreSQL ${num(perCert('api', 'postgresMs'), 2)} ` +
          `+ Redis ${num(perCert('api', 'redisMs'), 2)} = ${num(cpuTotal('api'), 2)}, bench process (producers, polls) ` +
          `${num(perCert('api', 'loaderMs'), 2)}; bare script ${num(perCert('baseline', 'serverMs'), 2)}. ` +
          `Rendering alone (the same renderer in a process of its own, one at a time, 40 PDFs after 80 unmeasured): ${num(aloneMs.images, 2)} ms CPU per ` +
          `PDF with the template's logo and signature, ${num(aloneMs.plain, 2)} ms without them.`,
        `concurrency ${concurrency} (BENCH_WORKER_CONCURRENCY) on both sides, 1 process each; api: ${enqueuers} producers ` +
          `(BENCH_CONNECTIONS) each adding one job at a time (jobId certificate-render-<id>-r0, payload ` +
          "{ certificateId, revision: 0 }, the api's default job options), enqueuing took " +
          `${num(
            mean('api', (r) => r.enqueueSeconds),
            2,
          )} s on average.`,
        'latency p50/p95/p99 = per certificate from its enqueue (api: job.timestamp; bare: the start signal) to its ' +
          'PDF done (api: job finishedOn; bare: file written): the jobs arrive as one burst, so this is mostly waiting. ' +
          `Mean time per render from start to stored: api ${num(
            mean('api', (r) => r.serviceMs),
            1,
          )} ms (processedOn → finishedOn), bare ${num(
            mean('baseline', (r) => r.serviceMs),
            1,
          )} ms (with ${concurrency} interleaved on one thread on both sides).`,
        `DB transactions per certificate (xact_commit, the bench's polls subtracted, worker start-up included): api ${num(
          mean('api', (r) => r.dbTransactionsPerCertificate),
          2,
        )}, baseline ${num(
          mean('baseline', (r) => r.dbTransactionsPerCertificate),
          2,
        )}; mean PDF size ${num(mean('api', (r) => r.meanBytes))} bytes.`,
        `verified after every run: all ${total} PDFs stored (api: stored_file row with the key, size and sha256 of the ` +
          'file, certificate pointing at it, every job completed and none failed; bare: one file per certificate), ' +
          'the same content as the PDFs of the first run on both sides (pdfDigest: every PDF object equal once ' +
          "pdfkit's object numbers are set aside; the bytes are not deterministic with RGBA images), " +
          `and for ${sampleSize} of them (BENCH_CERT_SAMPLE) ` +
          'pdftotext finds "Nomor: <register number>" and the learner\'s name, and pdfimages + jsQR find exactly one QR ' +
          'code, the verification URL.',
        'The api worker also runs its BullMQ workers for the other queues (idle) and upserts the notify schedulers ' +
          'at start: the built worker has no switch to load the certificates jobs module alone. BENCH_DURATION does ' +
          'not apply; BENCH_CERTIFICATES, BENCH_WORKER_CONCURRENCY, BENCH_CONNECTIONS, BENCH_ROUNDS do.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
      // extra fields, kept in the JSON
      verification,
    };
  },
};

/**
 * Checks one run: every certificate's PDF exists (and, for the api, is recorded as the
 * renderer records it), and a sample reads back with its number, name and QR code.
 * @param {{ side: Side, round: number, certs: Cert[], sample: number[], storageDir: string, bareOut: string, queue: Queue, dbUrl: string }} o
 */
async function verify({ side, round, certs, sample, storageDir, bareOut, queue, dbUrl }) {
  /** @type {string[]} */
  const problems = [];
  /** @type {Map<string, string>} content digests (pdfDigest) */
  const hashes = new Map();
  /** @type {Map<string, string>} sha256 of the bytes */
  const shas = new Map();
  /** @type {Map<string, Buffer>} */
  const sampled = new Map();
  const sampleIds = new Set(sample.map((i) => certs[i].id));
  let bytes = 0;
  let missing = 0;
  let notPdf = 0;
  /** @type {Record<string, unknown>} */
  const summary = { side, round };
  /** @param {string} id @param {string} path */
  const take = (id, path) => {
    if (!existsSync(path)) {
      missing++;
      return undefined;
    }
    const pdf = readFileSync(path);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') notPdf++;
    bytes += pdf.length;
    hashes.set(id, pdfDigest(pdf));
    shas.set(id, sha256(pdf));
    if (sampleIds.has(id)) sampled.set(id, pdf);
    return pdf;
  };
  if (side === 'api') {
    const ids = certs.map((c) => c.id);
    const db = await withDb(dbUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT c.id, c.file_id, c.rendered_revision, c.reissue_count, f.purpose, f.storage_key, f.content_type,
                f.size, f.sha256, f.filename
           FROM certificate c LEFT JOIN stored_file f ON f.id = c.file_id
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      const extra = await c.query(
        `SELECT count(*)::int AS n FROM stored_file WHERE storage_key LIKE 'certificates/%' AND storage_key <> ALL($1::text[])
            AND split_part(storage_key, '/', 2) = ANY($2::text[])`,
        [ids.map((id) => `certificates/${id}/r0.pdf`), ids],
      );
      return { rows, extra: extra.rows[0].n };
    });
    let badRow = 0;
    let badFile = 0;
    for (const row of db.rows) {
      if (
        !row.file_id ||
        row.rendered_revision !== 0 ||
        row.reissue_count !== 0 ||
        row.purpose !== 'export' ||
        row.storage_key !== `certificates/${row.id}/r0.pdf` ||
        row.content_type !== 'application/pdf' ||
        !/^sertifikat-.+\.pdf$/.test(row.filename ?? '')
      ) {
        badRow++;
        continue;
      }
      const pdf = take(row.id, join(storageDir, row.storage_key));
      if (pdf && (pdf.length !== Number(row.size) || sha256(pdf) !== row.sha256)) badFile++;
    }
    if (db.rows.length !== certs.length)
      problems.push(`${db.rows.length} of ${certs.length} certificates found`);
    if (badRow > 0) problems.push(`${badRow} certificates without a properly recorded PDF`);
    if (badFile > 0)
      problems.push(`${badFile} stored PDFs whose size or sha256 differ from the row`);
    if (db.extra > 0) problems.push(`${db.extra} other certificate files stored`);
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    const renders = (await queue.getJobs(['completed'], 0, -1)).filter(
      (j) => j.name === RENDER,
    ).length;
    if (counts.completed !== certs.length || renders !== certs.length)
      problems.push(`${renders} render jobs completed, expected ${certs.length}`);
    if (counts.failed + counts.waiting + counts.active + counts.delayed > 0)
      problems.push(`jobs left failed/waiting/active/delayed: ${JSON.stringify(counts)}`);
    Object.assign(summary, { jobs: counts, badRow, badFile });
  } else {
    for (const c of certs) take(c.id, join(bareOut, `${c.id}.pdf`));
    const files = existsSync(bareOut) ? readdirSync(bareOut).length : 0;
    if (files !== certs.length) problems.push(`${files} files written, expected ${certs.length}`);
  }
  if (missing > 0) problems.push(`${missing} PDFs missing`);
  if (notPdf > 0) problems.push(`${notPdf} files that are not PDFs`);

  /** @type {string[]} */
  const readBack = [];
  for (const i of sample) {
    const c = certs[i];
    const pdf = sampled.get(c.id);
    if (!pdf) continue;
    const text = await pdfText(pdf);
    const number = text.includes(`Nomor: ${c.registerNumber}`);
    const name = text.includes(c.learnerName);
    const { codes, images } = await pdfQrCodes(pdf);
    const qr = codes.length === 1 && codes[0] === c.verificationUrl;
    if (!number || !name || !qr)
      readBack.push(
        `${c.registerNumber}: number ${number}, name ${name}, QR codes ${JSON.stringify(codes)} in ${images} images`,
      );
  }
  if (readBack.length > 0) problems.push(`read back: ${readBack.join('; ')}`);
  Object.assign(summary, {
    pdfs: hashes.size,
    missing,
    notPdf,
    meanBytes: bytes / Math.max(1, hashes.size),
    sampled: sample.length,
    readBackFailures: readBack.length,
  });
  return { summary, problems, hashes, shas };
}
