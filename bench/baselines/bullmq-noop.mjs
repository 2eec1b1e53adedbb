// Baseline for the grading benchmark: a bare BullMQ worker that takes the same jobs off the same
// queue and does nothing with them, so that what remains is the queue's own cost (Redis round
// trips to fetch, lock and complete each job).
//
// It DOES: consume queue `assessment` under REDIS_PREFIX with WORKER_CONCURRENCY, the lock
// duration and stalled interval WORKER_LOCK_MS (default 30 000, as the api's config), on an
// ioredis connection with the options of the api's createRedis(url, 'worker', ...)
// (maxRetriesPerRequest null, ready check), like WorkerHost.
// It does NOT: look up a handler, validate the payload (class-validator), open a database
// transaction, grade, write marks or grade events, publish the result, log; and it runs no
// worker for the other queues (identity, catalog) that the api's worker also listens on.
// Stops on SIGTERM after the running jobs (Worker.close()), as the api's worker does.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const QUEUE = 'assessment';
const lockMs = Number(process.env.WORKER_LOCK_MS || 30_000);

const connection = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  connectionName: 'siantar-bench:noop-worker',
  lazyConnect: false,
  maxRetriesPerRequest: null,
  enableReadyCheck: true,
  retryStrategy: (times) => Math.min(times * 200, 5000),
});

const worker = new Worker(QUEUE, async () => undefined, {
  connection,
  prefix: process.env.REDIS_PREFIX || 'sb',
  concurrency: Number(process.env.WORKER_CONCURRENCY || 4),
  lockDuration: lockMs,
  stalledInterval: lockMs,
});
worker.on('error', (err) => console.error(`worker error on ${QUEUE}: ${err.message}`));
await worker.waitUntilReady();
console.log(`bare BullMQ worker running (pid ${process.pid})`);

const close = () =>
  worker
    .close()
    .then(() => connection.quit())
    .catch(() => connection.disconnect())
    .finally(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
