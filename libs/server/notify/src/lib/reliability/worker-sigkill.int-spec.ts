import type { ChildProcess } from 'node:child_process';
import { IdentityModule } from '@siantar/server-identity';
import {
  createTestApp,
  createTestContext,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import { NotifyModule } from '../notify.module';
import {
  assertBuilt,
  audit,
  createPeople,
  type Catcher,
  doneCount,
  exited,
  planEnrolments,
  startCatcher,
  startWorker,
  stop,
} from './reliability-support';

const NOTICES = 1000;
const KILL_AT = Math.round(NOTICES / 3);
const CONCURRENCY = 8;
const WORKER_ENV = {
  WORKER_CONCURRENCY: String(CONCURRENCY),
  // A killed worker's jobs are taken over after ~2 s instead of ~60 s.
  WORKER_LOCK_MS: '1000',
};

/**
 * 1,000 notices due now, the built worker SIGKILLed when a third of the emails have
 * arrived — killed from inside the SMTP server, after it has accepted message #KILL_AT and
 * before it answers 250, so at least one send is certainly caught between SMTP and the
 * commit of its record — then a new worker. Every notice must arrive: the in-app inbox
 * exactly once per key, the email under exactly the 1,000 Message-IDs of the keys; a copy
 * the crash made the retry send again carries the same Message-ID, and is counted apart.
 */
describe('notices survive a worker SIGKILLed mid-send (built worker, PostgreSQL, Redis, SMTP)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let catcher: Catcher;
  let first: ChildProcess | null = null;
  let second: ChildProcess | null = null;
  let killedAfter: string | null = null;

  beforeAll(async () => {
    assertBuilt();
    catcher = await startCatcher({
      beforeReply: async (m, count) => {
        if (count !== KILL_AT || !first) return;
        killedAfter = m.messageId;
        first.kill('SIGKILL');
        await exited(first); // only then is the 250 written, to a sender that is gone
      },
    });
    ctx = await createTestContext({ SMTP_URL: catcher.url, PUBLIC_URL: 'https://belajar.test' });
    t = await createTestApp(ctx.config, [IdentityModule, NotifyModule]);
  });
  afterAll(async () => {
    await stop(first, 'SIGKILL');
    await stop(second);
    await t?.close();
    await ctx?.cleanup();
    await catcher?.close();
  });

  it(`delivers each of ${NOTICES} notices across a SIGKILL and a restart`, async () => {
    const now = new Date();
    const planned = await planEnrolments(t, {
      people: await createPeople(t, 100),
      targets: 10,
      dueAt: () => now,
    });
    expect(planned.keys).toHaveLength(NOTICES);

    const started = Date.now();
    first = startWorker(ctx.config, WORKER_ENV);
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    const atKill = {
      received: catcher.messages.length,
      done: await doneCount(t, planned.keys),
    };
    expect(atKill.done).toBeLessThan(NOTICES);

    second = startWorker(ctx.config, WORKER_ENV);
    const deadline = Date.now() + 60_000;
    while ((await doneCount(t, planned.keys)) < NOTICES) {
      if (Date.now() > deadline)
        throw new Error(
          `only ${await doneCount(t, planned.keys)} of ${NOTICES} done a minute after the restart`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    const a = await audit(t, planned, catcher);
    console.log(
      `worker SIGKILL mid-send: ${NOTICES} notices, killed at ${atKill.received} emails received ` +
        `(${atKill.done} notices done); after the restart ${a.received} emails received, ` +
        `${a.distinct} distinct Message-IDs, ${a.lost.length} lost, ` +
        `${a.rawDuplicates} raw duplicate(s) (same Message-ID twice): ${a.duplicatedIds.join(' ')} ` +
        `— ${Math.round((Date.now() - started) / 100) / 10} s`,
    );

    // Nothing lost, nothing foreign, nobody else's mail.
    expect(a.lost).toEqual([]);
    expect(a.strays).toEqual([]);
    expect(a.distinct).toBe(NOTICES);
    expect(a.misaddressed).toBe(0);
    // One inbox row and one send record (with its Message-ID) per notice.
    expect({ rows: a.inAppRows, keys: a.inAppDistinctKeys }).toEqual({
      rows: NOTICES,
      keys: NOTICES,
    });
    expect({ rows: a.sentMailRows, wrongId: a.sentMailWrongId }).toEqual({
      rows: NOTICES,
      wrongId: 0,
    });
    // Repeats are the price of at-least-once over SMTP, and bounded: only a send in flight
    // when the worker died can repeat — the one held at the kill certainly does.
    expect(killedAfter).not.toBeNull();
    expect(a.duplicatedIds).toContain(killedAfter);
    expect(a.rawDuplicates).toBeLessThanOrEqual(CONCURRENCY);
  }, 150_000);
});
