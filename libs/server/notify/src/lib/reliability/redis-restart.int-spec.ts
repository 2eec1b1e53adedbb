import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import {
  createTestApp,
  createTestContext,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import { Redis } from 'ioredis';
import { NotifyModule } from '../notify.module';
import {
  assertBuilt,
  audit,
  createPeople,
  type Catcher,
  doneCount,
  exited,
  freePort,
  planEnrolments,
  startCatcher,
  startWorker,
  stop,
} from './reliability-support';

const NOTICES = 200;

/** A Redis of this file's own, persisting every write (AOF, fsync always) in `dir`. */
function startRedis(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
}

async function ready(url: string): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > end) throw new Error(`redis at ${url} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}

/**
 * 200 reminders waiting in Redis as delayed jobs, due in 4–5 s; Redis stopped before any is
 * due (a clean shutdown: what a restart or a failover of the box does) and kept down past all
 * of them, then started again on the same port and data. The worker, connected throughout,
 * must come back by itself and deliver every reminder exactly once.
 */
describe('pending reminders survive a Redis restart (built worker, own redis-server with AOF)', () => {
  let dir: string;
  let port: number;
  let redis: ChildProcess | null = null;
  let ctx: TestContext;
  let t: TestApp;
  let catcher: Catcher;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'sb-redis-'));
    port = await freePort();
    redis = startRedis(port, dir);
    await ready(`redis://127.0.0.1:${port}`);
    catcher = await startCatcher();
    ctx = await createTestContext({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SMTP_URL: catcher.url,
      PUBLIC_URL: 'https://belajar.test',
    });
    t = await createTestApp(ctx.config, [IdentityModule, NotifyModule]);
  });
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    // A failure while Redis was down: bring it back so the app's connections close cleanly.
    if (redis && (redis.exitCode !== null || redis.signalCode !== null)) {
      redis = startRedis(port, dir);
      await ready(`redis://127.0.0.1:${port}`).catch(() => undefined);
    }
    await t?.close();
    await ctx?.cleanup();
    await catcher?.close();
    await stop(redis, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`delivers all ${NOTICES} exactly once after Redis comes back`, async () => {
    const people = await createPeople(t, 20);
    worker = startWorker(ctx.config, { WORKER_CONCURRENCY: '8' });
    const url = `redis://127.0.0.1:${port}`;
    const start = Date.now();
    // Due between 4 and 5 s from now: a margin for planning them on a busy machine.
    const dueAt = (i: number) => new Date(start + 4000 + (i % NOTICES) * 5);
    const planned = await planEnrolments(t, { people, targets: 10, dueAt });
    const lastDue = dueAt(NOTICES - 1).getTime();
    expect(planned.keys).toHaveLength(NOTICES);
    expect(await t.app.get(QueueService).queue('notify').getDelayedCount()).toBe(NOTICES);
    expect(Date.now()).toBeLessThan(start + 4000); // nothing due yet

    // A clean stop (SIGTERM: Redis fsyncs its AOF and exits), while all 200 are pending.
    const down = Date.now();
    await stop(redis, 'SIGTERM');
    expect(redis?.exitCode).toBe(0);
    // Down until every reminder is 2 s overdue.
    await new Promise((r) => setTimeout(r, Math.max(0, lastDue + 2000 - Date.now())));
    expect(catcher.messages).toHaveLength(0);
    expect(await doneCount(t, planned.keys)).toBe(0);

    redis = startRedis(port, dir);
    void exited(redis);
    await ready(url);
    const back = Date.now();
    const deadline = back + 60_000;
    while ((await doneCount(t, planned.keys)) < NOTICES) {
      if (Date.now() > deadline)
        throw new Error(
          `only ${await doneCount(t, planned.keys)} of ${NOTICES} done a minute after Redis came back`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    const allDone = Date.now();
    // The same worker process, reconnected by itself: not restarted, not crashed.
    expect({ exitCode: worker.exitCode, signal: worker.signalCode }).toEqual({
      exitCode: null,
      signal: null,
    });
    const a = await audit(t, planned, catcher);
    console.log(
      `redis restart: ${NOTICES} reminders, Redis down ${((back - down) / 1000).toFixed(1)} s ` +
        `(last due ${((back - lastDue) / 1000).toFixed(1)} s before it came back); all delivered ` +
        `${((allDone - back) / 1000).toFixed(1)} s after; ${a.received} emails, ${a.distinct} ` +
        `distinct Message-IDs, ${a.lost.length} lost, ${a.rawDuplicates} raw duplicates`,
    );
    expect(a.lost).toEqual([]);
    expect(a.strays).toEqual([]);
    expect(a.misaddressed).toBe(0);
    // Nothing was in flight when Redis went: not even a repeat under the same Message-ID.
    expect({ received: a.received, distinct: a.distinct }).toEqual({
      received: NOTICES,
      distinct: NOTICES,
    });
    expect({ rows: a.inAppRows, keys: a.inAppDistinctKeys }).toEqual({
      rows: NOTICES,
      keys: NOTICES,
    });
    expect({ rows: a.sentMailRows, wrongId: a.sentMailWrongId }).toEqual({
      rows: NOTICES,
      wrongId: 0,
    });
  }, 120_000);
});
