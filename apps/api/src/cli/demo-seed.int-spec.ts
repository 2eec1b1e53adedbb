import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryMismatches } from '@siantar/server-core';
import { createTestContext, type TestContext } from '@siantar/server-testing';
import { Client } from 'pg';
import { DEMO_ACCOUNTS } from './demo-data';
import { seedDemo } from './demo-seed';

describe('the demo seed (real PostgreSQL)', () => {
  let ctx: TestContext;
  let db: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-seed-')) });
    db = new Client({ connectionString: ctx.config.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await ctx.cleanup();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);

  it('gives the dashboards a learning history, leaves the demo accounts clean, and runs twice without duplicating', async () => {
    await seedDemo(ctx.config, () => undefined);
    const entries = await count(`SELECT count(*) AS n FROM ledger_entry`);
    const completed = await count(`SELECT count(*) AS n FROM enrolment WHERE status = 'completed'`);
    expect(entries).toBeGreaterThan(20);
    expect(completed).toBeGreaterThan(3);
    expect(await count(`SELECT count(*) AS n FROM ledger_entry WHERE source = 'course'`)).toBe(
      completed,
    );
    expect(
      await count(
        `SELECT count(*) AS n FROM ledger_entry l JOIN app_user u ON u.id = l.user_id WHERE lower(u.email) = ANY($1)`,
        [DEMO_ACCOUNTS.map((a) => a.email.toLowerCase())],
      ),
    ).toBe(0);
    expect(await summaryMismatches(db)).toEqual([]);
    // A webinar is running now for the whole city, and another is coming.
    const running = `SELECT count(*) AS n FROM live_session
      WHERE status = 'scheduled' AND starts_at <= now() AND ends_at > now()
        AND cardinality(audience_org_unit_ids) = 0`;
    expect(await count(running)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM live_session`)).toBe(2);

    await seedDemo(ctx.config, () => undefined);
    expect(await count(`SELECT count(*) AS n FROM ledger_entry`)).toBe(entries);
    expect(await count(`SELECT count(*) AS n FROM live_session`)).toBe(2);
    expect(await summaryMismatches(db)).toEqual([]);
  });
});
