// Baseline for the notification benchmark: a bare BullMQ worker that takes the reminder jobs
// off the same queue and sends each one's email with nodemailer directly, so that what remains
// is the queue's own cost plus one SMTP send per job.
//
// It DOES: consume queue `notify` under REDIS_PREFIX with WORKER_CONCURRENCY, the lock duration
// and stalled interval WORKER_LOCK_MS (default 30 000, as the api's config), on an ioredis
// connection with the options of the api's createRedis(url, 'worker', ...) (maxRetriesPerRequest
// null, ready check), like WorkerHost; send one email per job through
// `nodemailer.createTransport(SMTP_URL)` (no pool: one SMTP connection per message, exactly how
// the api's MailerService creates its transport) from MAIL_FROM to the job's `to`, with a fixed
// small subject, text and HTML part, and the Message-ID the api's email channel derives from
// the notice's key (`<notify.` + first 32 hex of sha256(key) + `@siantar-belajar>`).
// It does NOT: look up a handler or validate the payload; read the planned row, the user, the
// quiet hours or the preferences (the job carries the address: `{ key, to }`, where the api's
// job carries only `{ key }`); render a template in the user's language or build an unsubscribe
// link; claim the key in `sent_mail` in a transaction around the send; write the in-app inbox
// row or publish it to Redis; log deliveries; mark the row done; run workers for the other
// queues; log.
// Stops on SIGTERM after the running jobs (Worker.close()), as the api's worker does.
import { createHash } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';

const QUEUE = 'notify';
const JOB = 'notify.deliver';
const lockMs = Number(process.env.WORKER_LOCK_MS || 30_000);
const from = process.env.MAIL_FROM || 'Siantar Belajar <no-reply@siantar.test>';

const messageId = (/** @type {string} */ key) =>
  `<notify.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@siantar-belajar>`;

const SUBJECT = '1 hari lagi: Pelayanan Publik Berbasis Digital';
const TEXT = [
  'Batas waktu pelatihan "Pelayanan Publik Berbasis Digital" adalah besok.',
  'Lanjutkan belajar: http://localhost:3000/katalog',
  '',
  '--',
  'Pesan ini dikirim oleh Siantar Belajar, Pemerintah Kota Pematangsiantar.',
].join('\n');
const HTML = `<!doctype html><html lang="id"><body style="font-family:sans-serif;color:#1b1b1b">
<h1 style="font-size:20px">${SUBJECT}</h1>
<p>Batas waktu pelatihan &#34;Pelayanan Publik Berbasis Digital&#34; adalah besok.</p>
<p><a href="http://localhost:3000/katalog" style="background:#00696b;color:#fff;padding:10px 16px;border-radius:20px;text-decoration:none">Lanjutkan belajar</a></p>
<hr><p style="font-size:12px;color:#555">Pesan ini dikirim oleh Siantar Belajar, Pemerintah Kota Pematangsiantar.</p>
</body></html>`;

const transport = nodemailer.createTransport(process.env.SMTP_URL || 'smtp://127.0.0.1:1025');

const connection = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  connectionName: 'siantar-bench:bare-mailer',
  lazyConnect: false,
  maxRetriesPerRequest: null,
  enableReadyCheck: true,
  retryStrategy: (times) => Math.min(times * 200, 5000),
});

const worker = new Worker(
  QUEUE,
  async (job) => {
    if (job.name !== JOB) throw new Error(`unexpected job ${job.name}`);
    const { key, to } = /** @type {{ key: string, to: string }} */ (job.data);
    await transport.sendMail({
      from,
      to,
      subject: SUBJECT,
      text: TEXT,
      html: HTML,
      messageId: messageId(key),
    });
  },
  {
    connection,
    prefix: process.env.REDIS_PREFIX || 'sb',
    concurrency: Number(process.env.WORKER_CONCURRENCY || 4),
    lockDuration: lockMs,
    stalledInterval: lockMs,
  },
);
worker.on('error', (err) => console.error(`worker error on ${QUEUE}: ${err.message}`));
worker.on('failed', (job, err) => console.error(`job ${job?.id} failed: ${err.message}`));
await worker.waitUntilReady();
console.log(`bare BullMQ + nodemailer worker running (pid ${process.pid})`);

const close = () =>
  worker
    .close()
    .then(() => transport.close())
    .then(() => connection.quit())
    .catch(() => connection.disconnect())
    .finally(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
