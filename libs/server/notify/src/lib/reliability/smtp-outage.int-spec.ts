import type { ChildProcess } from 'node:child_process';
import { DEFAULT_JOB_OPTIONS, QueueService } from '@siantar/server-core';
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
  freePort,
  planEnrolments,
  startCatcher,
  startWorker,
  stop,
} from './reliability-support';

const NOTICES = 30;
const OUTAGE_MS = 60_000;

/**
 * SMTP refuses connections for a minute from before the notices are planned. With the
 * default retry policy (8 attempts, exponential from 2 s: retries after 2, 4, 8, 16, 32 s)
 * attempts 1–5 fall inside the outage and attempt 6 comes at least 62 s after the first,
 * after the mail server is back. Each failure is in the delivery log with its reason; each
 * email arrives once; the in-app notice, which never depended on SMTP, came at once.
 */
describe('notices survive SMTP being down for a minute (built worker, PostgreSQL, Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let port: number;
  let catcher: Catcher | null = null;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    assertBuilt();
    port = await freePort(); // and nothing listens on it for now
    ctx = await createTestContext({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'https://belajar.test',
    });
    t = await createTestApp(ctx.config, [IdentityModule, NotifyModule]);
  });
  afterAll(async () => {
    await stop(worker);
    await t?.close();
    await ctx?.cleanup();
    await catcher?.close();
  });

  it(`retries with backoff and delivers all ${NOTICES} once SMTP is back`, async () => {
    expect(DEFAULT_JOB_OPTIONS).toMatchObject({
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
    });
    const people = await createPeople(t, 10);
    worker = startWorker(ctx.config);
    // Nothing has listened on the SMTP port since beforeAll; the minute counts from here.
    const outage = Date.now();
    const now = new Date();
    const planned = await planEnrolments(t, { people, targets: 3, dueAt: () => now });

    // In the app at once; by email not yet, the failures logged as they happen.
    await waitFor(async () => (await inAppSent(planned.keys)) === NOTICES, 20_000);
    await waitFor(async () => (await failures(planned.keys)).length >= NOTICES * 4, 40_000);
    expect(await doneCount(t, planned.keys)).toBe(0);

    await new Promise((r) => setTimeout(r, Math.max(0, outage + OUTAGE_MS - Date.now())));
    catcher = await startCatcher({ port });
    const back = Date.now();
    await waitFor(async () => (await doneCount(t, planned.keys)) === NOTICES, 40_000);
    const allDone = Date.now();

    const a = await audit(t, planned, catcher);
    const failed = await failures(planned.keys);
    const queue = t.app.get(QueueService).queue('notify');
    const attempts = await Promise.all(
      planned.keys.map(async (k) => (await queue.getJob(k))?.attemptsMade ?? 0),
    );
    console.log(
      `smtp outage: ${NOTICES} notices, SMTP down ${((back - outage) / 1000).toFixed(1)} s, all ` +
        `delivered ${((allDone - back) / 1000).toFixed(1)} s after it came back; attempts per job ` +
        `${Math.min(...attempts)}–${Math.max(...attempts)}, ${failed.length} failures logged; ` +
        `${a.received} emails, ${a.distinct} distinct, ${a.lost.length} lost, ${a.rawDuplicates} raw duplicates`,
    );

    expect(a.lost).toEqual([]);
    expect(a.strays).toEqual([]);
    expect(a.misaddressed).toBe(0);
    expect({ received: a.received, distinct: a.distinct }).toEqual({
      received: NOTICES,
      distinct: NOTICES,
    });
    expect({ rows: a.inAppRows, keys: a.inAppDistinctKeys }).toEqual({
      rows: NOTICES,
      keys: NOTICES,
    });
    expect(await inAppSent(planned.keys)).toBe(NOTICES);
    expect({ rows: a.sentMailRows, wrongId: a.sentMailWrongId }).toEqual({
      rows: NOTICES,
      wrongId: 0,
    });

    // Retried by BullMQ, with backoff: every failed attempt is logged with its reason, the
    // job completed on the attempt after its last failure, and the waits grew each time.
    for (const [i, key] of planned.keys.entries()) {
      const mine = failed.filter((f) => f.key === key);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(attempts[i]).toBe(mine.length + 1);
      mine.forEach((f, n) => expect(f.detail).toMatch(`percobaan ${n + 1}: `));
      expect(mine[0].detail).toMatch(/ECONNREFUSED/);
      const gaps = mine.slice(1).map((f, n) => f.at.getTime() - mine[n].at.getTime());
      expect(gaps[0]).toBeGreaterThanOrEqual(1900);
      gaps.slice(1).forEach((g, n) => expect(g).toBeGreaterThan(gaps[n] * 1.5));
      expect(mine[mine.length - 1].at.getTime()).toBeLessThan(back);
    }
  }, 150_000);

  const failures = async (keys: string[]) =>
    (await t.db.query(
      `SELECT key, detail, at FROM notification_delivery
        WHERE channel = 'email' AND status = 'failed' AND key = ANY($1) ORDER BY key, at`,
      [keys],
    )) as { key: string; detail: string; at: Date }[];
  const inAppSent = async (keys: string[]) =>
    Number(
      (
        (await t.db.query(
          `SELECT count(*) AS n FROM notification_delivery
            WHERE channel = 'in-app' AND status = 'sent' AND key = ANY($1)`,
          [keys],
        )) as { n: string }[]
      )[0].n,
    );
});

async function waitFor(ok: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`condition not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
