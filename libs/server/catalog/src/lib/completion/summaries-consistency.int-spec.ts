import { randomUUID } from 'node:crypto';
import { COMPETENCY_TYPES } from '@siantar/contracts';
import { summaryMismatches } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import { appendLedgerCredit, wibDate } from '@siantar/server-ledger';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import fc from 'fast-check';
import { CatalogModule } from '../catalog.module';
import { EnrolmentCompletion } from './enrolment-completion.service';

/**
 * The summary tables are kept by triggers; this drives random sequences of the
 * changes that feed them (enrol, open, complete lessons in any order, evaluate
 * again, withdraw, move a deadline, ledger credits and reversals, people moving
 * unit, changing rank or type, leaving and returning) and after every sequence
 * compares every table with its recomputation from the raw rows.
 */
describe('report summaries equal their recomputation after random event sequences (fast-check, real PostgreSQL)', () => {
  let ctx: TestContext;
  let t: TestApp;
  const units: string[] = [];
  const users: string[] = [];
  const courses: { id: string; versionId: string; lessons: string[] }[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    for (let i = 0; i < 3; i++) units.push((await createOrgUnit(t.db, { parent: city })).id);
    for (let i = 0; i < 6; i++) {
      const u = await createUser(t.db, {
        unit: { id: units[i % 3], code: '', path: '' },
        employmentType: i === 5 ? 'NON_ASN' : i % 2 ? 'PPPK' : 'PNS',
      });
      users.push(u.id);
    }
    for (let i = 0; i < 3; i++) {
      const [c] = await t.db.query<{ id: string }[]>(
        `INSERT INTO course (code, owner_org_unit_id) VALUES ($1, $2) RETURNING id`,
        [`PROP-${i}`, city.id],
      );
      const [v] = await t.db.query<{ id: string }[]>(
        `INSERT INTO course_version (course_id, number, status, title, competency_type, jp, completion_deadline, completion_rules)
         VALUES ($1, 1, 'published', $2, $3, $4, $5, '{"lessons": "all", "lessonKeys": [], "quizzes": true, "attendance": true, "survey": false, "deadline": false}')
         RETURNING id`,
        [c.id, `Kursus ${i}`, COMPETENCY_TYPES[i], 2 + i, i === 0 ? null : '2026-01-15T00:00:00Z'],
      );
      const [m] = await t.db.query<{ id: string }[]>(
        `INSERT INTO course_module (version_id, position, title) VALUES ($1, 1, 'Modul') RETURNING id`,
        [v.id],
      );
      const lessons: string[] = [];
      for (let j = 0; j < 2; j++) {
        const [l] = await t.db.query<{ id: string }[]>(
          `INSERT INTO lesson (version_id, module_id, position, type, title, duration_minutes)
           VALUES ($1, $2, $3, 'text', $4, 10) RETURNING id`,
          [v.id, m.id, j, `Materi ${j}`],
        );
        lessons.push(l.id);
      }
      await t.db.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [c.id, v.id]);
      courses.push({ id: c.id, versionId: v.id, lessons });
    }
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  // Moments around the year boundary in Asia/Jakarta (UTC+7), where month and year attribution can go wrong.
  const moment = fc
    .integer({ min: 0, max: 72 * 4 })
    .map((q) => new Date(Date.parse('2025-12-30T00:00:00Z') + q * 15 * 60_000));
  const user = fc.nat({ max: 5 });
  const course = fc.nat({ max: 2 });
  const RANKS = ['III/a', 'III/b', 'IV/a', null];

  type Command =
    | { kind: 'enrol'; user: number; course: number; at: Date }
    | { kind: 'open' | 'complete'; user: number; course: number; lesson: number; at: Date }
    | { kind: 'evaluate' | 'withdraw'; user: number; course: number; at: Date }
    | { kind: 'due'; user: number; course: number; at: Date }
    | { kind: 'credit'; user: number; jp: number; at: Date; competency: number; klasikal: boolean }
    | { kind: 'reverse'; pick: number }
    | { kind: 'move'; user: number; unit: number }
    | { kind: 'rank'; user: number; rank: number }
    | { kind: 'type'; user: number }
    | { kind: 'active'; user: number };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant('enrol' as const), user, course, at: moment }),
    fc.record({
      kind: fc.constantFrom('open' as const, 'complete' as const),
      user,
      course,
      lesson: fc.nat({ max: 1 }),
      at: moment,
    }),
    fc.record({
      kind: fc.constantFrom('evaluate' as const, 'withdraw' as const, 'due' as const),
      user,
      course,
      at: moment,
    }),
    fc.record({
      kind: fc.constant('credit' as const),
      user,
      jp: fc.integer({ min: 1, max: 80 }).map((n) => n / 2),
      at: moment,
      competency: fc.nat({ max: 2 }),
      klasikal: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), user, unit: fc.nat({ max: 2 }) }),
    fc.record({ kind: fc.constant('rank' as const), user, rank: fc.nat({ max: 3 }) }),
    fc.record({ kind: fc.constant('type' as const), user }),
    fc.record({ kind: fc.constant('active' as const), user }),
  );

  async function liveEnrolment(userIdx: number, courseIdx: number): Promise<string | null> {
    const rows: { id: string }[] = await t.db.query(
      `SELECT id FROM enrolment WHERE user_id = $1 AND course_id = $2 AND status <> 'withdrawn'`,
      [users[userIdx], courses[courseIdx].id],
    );
    return rows[0]?.id ?? null;
  }

  async function run(c: Command): Promise<void> {
    const completion = t.app.get(EnrolmentCompletion);
    switch (c.kind) {
      case 'enrol': {
        if (await liveEnrolment(c.user, c.course)) return;
        const k = courses[c.course];
        await t.db.query(
          `INSERT INTO enrolment (course_id, version_id, user_id, source, enrolled_at) VALUES ($1, $2, $3, 'self', $4)`,
          [k.id, k.versionId, users[c.user], c.at],
        );
        return;
      }
      case 'open':
      case 'complete': {
        const e = await liveEnrolment(c.user, c.course);
        if (!e) return;
        const lesson = courses[c.course].lessons[c.lesson];
        await t.db.query(
          `INSERT INTO lesson_progress (enrolment_id, lesson_id, first_opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [e, lesson, c.at],
        );
        if (c.kind === 'complete') {
          await t.db.query(
            `UPDATE lesson_progress SET status = 'completed', completed_at = coalesce(completed_at, $3)
              WHERE enrolment_id = $1 AND lesson_id = $2`,
            [e, lesson, c.at],
          );
          await t.db.transaction((em) => completion.evaluate(em, e));
        }
        return;
      }
      case 'evaluate': {
        const e = await liveEnrolment(c.user, c.course);
        if (e) await t.db.transaction((em) => completion.evaluate(em, e));
        return;
      }
      case 'withdraw':
        await t.db.query(
          `UPDATE enrolment SET status = 'withdrawn', withdrawn_at = $3
            WHERE user_id = $1 AND course_id = $2 AND status = 'active'`,
          [users[c.user], courses[c.course].id, c.at],
        );
        return;
      case 'due':
        await t.db.query(
          `UPDATE enrolment SET due_at = $3 WHERE user_id = $1 AND course_id = $2 AND status <> 'withdrawn'`,
          [users[c.user], courses[c.course].id, c.at],
        );
        return;
      case 'credit':
        await t.db.transaction((em) =>
          appendLedgerCredit(em, {
            userId: users[c.user],
            entryDate: wibDate(c.at),
            source: 'external',
            sourceRef: randomUUID(),
            title: 'Pelatihan eksternal',
            provider: 'Penyelenggara',
            trainingType: c.klasikal ? 'workshop' : 'e-learning',
            route: c.klasikal ? 'klasikal' : 'nonklasikal',
            competencyType: COMPETENCY_TYPES[c.competency],
            jp: c.jp,
            startDate: wibDate(c.at),
            endDate: wibDate(c.at),
          }),
        );
        return;
      case 'reverse': {
        const open: { id: string }[] = await t.db.query(
          `SELECT id FROM ledger_entry l WHERE reverses_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = l.id) ORDER BY recorded_at, id`,
        );
        if (open.length === 0) return;
        await t.db.query(
          `INSERT INTO ledger_entry (user_id, entry_date, source, source_ref, title, provider, training_type, route,
                  competency_type, jp, start_date, end_date, reverses_id, reason)
           SELECT user_id, entry_date, source, source_ref, title, provider, training_type, route,
                  competency_type, -jp, start_date, end_date, id, 'koreksi uji'
             FROM ledger_entry WHERE id = $1`,
          [open[c.pick % open.length].id],
        );
        return;
      }
      case 'move':
        await t.db.query(`UPDATE app_user SET org_unit_id = $2 WHERE id = $1`, [
          users[c.user],
          units[c.unit],
        ]);
        return;
      case 'rank':
        await t.db.query(`UPDATE app_user SET rank = $2 WHERE id = $1`, [
          users[c.user],
          RANKS[c.rank],
        ]);
        return;
      case 'type':
        await t.db.query(
          `UPDATE app_user SET employment_type = CASE employment_type WHEN 'PNS' THEN 'PPPK' WHEN 'PPPK' THEN 'PNS' ELSE employment_type END
            WHERE id = $1`,
          [users[c.user]],
        );
        return;
      case 'active':
        await t.db.query(`UPDATE app_user SET active = NOT active WHERE id = $1`, [users[c.user]]);
        return;
    }
  }

  it('holds for every table after every sequence', async () => {
    // A fixed opening so that every summary has rows whatever the random sequences do.
    const at = new Date('2025-12-31T16:30:00Z');
    for (const c of [
      { kind: 'enrol', user: 0, course: 1, at },
      { kind: 'complete', user: 0, course: 1, lesson: 0, at },
      { kind: 'complete', user: 0, course: 1, lesson: 1, at: new Date('2025-12-31T17:30:00Z') },
      { kind: 'enrol', user: 2, course: 2, at },
      { kind: 'credit', user: 2, jp: 12.5, at, competency: 1, klasikal: true },
    ] satisfies Command[])
      await run(c);
    expect(await summaryMismatches(t.db)).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), async (commands) => {
        for (const c of commands) await run(c);
        expect(await summaryMismatches(t.db)).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // The sequences did reach every summary.
    for (const table of [
      'stat_enrolment_org',
      'stat_open_due',
      'ledger_year_total',
      'stat_jp_person',
    ]) {
      const [{ n }] = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(n)).toBeGreaterThan(0);
    }
    const [{ completed }] = await t.db.query<{ completed: string }[]>(
      `SELECT count(*) AS completed FROM enrolment WHERE status = 'completed'`,
    );
    expect(Number(completed)).toBeGreaterThan(0);
  });

  it('books a reversal where the entry it cancels was booked, even after the person moved', async () => {
    const person = await createUser(t.db, { unit: { id: units[0], code: '', path: '' } });
    const entry = await t.db.transaction((em) =>
      appendLedgerCredit(em, {
        userId: person.id,
        entryDate: '2026-02-10',
        source: 'external',
        sourceRef: randomUUID(),
        title: 'Bimtek',
        provider: 'BKPSDM',
        trainingType: 'bimbingan teknis',
        route: 'klasikal',
        competencyType: 'teknis',
        jp: 8,
        startDate: '2026-02-09',
        endDate: '2026-02-10',
      }),
    );
    await t.db.query(`UPDATE app_user SET org_unit_id = $2 WHERE id = $1`, [person.id, units[1]]);
    await t.db.query(
      `INSERT INTO ledger_entry (user_id, entry_date, source, source_ref, title, provider, training_type, route,
              competency_type, jp, start_date, end_date, reverses_id, reason)
       SELECT user_id, entry_date, source, source_ref, title, provider, training_type, route,
              competency_type, -jp, start_date, end_date, id, 'salah input' FROM ledger_entry WHERE id = $1`,
      [entry],
    );
    const rows = await t.db.query<{ org_unit_id: string; jp: string }[]>(
      `SELECT org_unit_id, jp FROM ledger_entry WHERE user_id = $1 ORDER BY recorded_at`,
      [person.id],
    );
    expect(rows).toEqual([
      { org_unit_id: units[0], jp: '8.0' },
      { org_unit_id: units[0], jp: '-8.0' },
    ]);
    expect(await summaryMismatches(t.db)).toEqual([]);
  });

  it('finds a counter that drifted from its rows (the check is not vacuous)', async () => {
    await t.db.query(
      `UPDATE stat_staff SET persons = persons + 1 WHERE ctid = (SELECT ctid FROM stat_staff LIMIT 1)`,
    );
    const mismatches = await summaryMismatches(t.db);
    expect(mismatches.map((m) => m.table)).toEqual(['stat_staff']);
    await t.db.query(
      `UPDATE stat_staff SET persons = persons - 1 WHERE ctid = (SELECT ctid FROM stat_staff LIMIT 1)`,
    );
  });
});
