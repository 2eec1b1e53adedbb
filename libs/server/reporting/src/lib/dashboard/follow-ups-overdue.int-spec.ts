import type { DashboardResponse } from '@siantar/contracts';
import { IdentityModule } from '@siantar/server-identity';
import {
  createTestApp,
  createTestContext,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { ReportingModule } from '../reporting.module';
import { buildReportCity, type ReportCity } from '../testing/report-city';

/**
 * The dashboard's count of overdue post-training follow-ups (evaluation domain, L3): open
 * after their answer time, by the alumnus's unit when asked, with the report's filters.
 */
describe('overdue post-training follow-ups on the dashboard (real PostgreSQL)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let c: ReportCity;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, ReportingModule]);
    c = await buildReportCity(t.db);
    const enrolment = async (userId: string, courseId: string) =>
      (
        await t.db.query<{ id: string }[]>(
          `SELECT id FROM enrolment WHERE user_id = $1 AND course_id = $2`,
          [userId, courseId],
        )
      )[0].id;
    const followUp = async (
      enrolmentId: string,
      offset: number,
      status: 'scheduled' | 'open' | 'done',
      answerBy: string,
      unitId: string | null,
    ) =>
      t.db.query(
        `INSERT INTO follow_up (enrolment_id, offset_days, course_ended_at, due_at, answer_by, status,
                                opened_at, org_unit_id, done_at)
         VALUES ($1, $2, '2025-02-01T18:00:00Z', $3::timestamptz - interval '7 days', $3, $4::text,
                 CASE WHEN $4::text <> 'scheduled' THEN now() END, $5, CASE WHEN $4::text = 'done' THEN now() END)`,
        [enrolmentId, offset, answerBy, status, unitId],
      );
    const aniTek = await enrolment(c.ani, c.tek);
    const ekaMan = await enrolment(c.eka, c.man);
    // Ani (Bidang P2P, K-TEK): +30 overdue, +90 done. Eka (Disdik, K-MAN): +30 overdue,
    // +90 still within its week. A scheduled one is not asked yet.
    await followUp(aniTek, 30, 'open', '2025-03-10T01:00:00Z', c.p2p.id);
    await followUp(aniTek, 90, 'done', '2025-05-10T01:00:00Z', c.p2p.id);
    await followUp(ekaMan, 30, 'open', '2025-06-26T01:00:00Z', c.disdik.id);
    await followUp(ekaMan, 90, 'open', '2099-01-01T01:00:00Z', c.disdik.id);
    await followUp(ekaMan, 180, 'scheduled', '2099-06-01T01:00:00Z', null);
  });
  afterAll(async () => {
    await t?.close();
    await ctx?.cleanup();
  });

  const dashboard = async (query: string, userId = c.cityAdmin) =>
    (
      await request(t.http)
        .get(`/api/v1/reports/dashboard?year=2025${query}`)
        .set('Authorization', `Bearer ${await t.tokenFor(userId)}`)
        .expect(200)
    ).body as DashboardResponse;
  const byUnit = (d: DashboardResponse) =>
    Object.fromEntries(d.units.map((u) => [u.name, u.followUpsOverdue]));

  it('counts them city-wide and per OPD, by the unit when asked', async () => {
    const d = await dashboard('');
    expect(d.totals.followUpsOverdue).toBe(2);
    expect(byUnit(d)).toEqual({ 'Dinas Kesehatan': 1, 'Dinas Pendidikan': 1 });
  });

  it('drills down inside an OPD, and an OPD admin sees their own', async () => {
    const dinkes = await dashboard(`&orgUnitId=${c.dinkes.id}`);
    expect(dinkes.totals.followUpsOverdue).toBe(1);
    // Citra sits in Dinkes itself: its own row, with none.
    expect(byUnit(dinkes)).toEqual({ 'Bidang P2P': 1, 'Dinas Kesehatan': 0 });
    expect((await dashboard('', c.disdikAdmin)).totals.followUpsOverdue).toBe(1);
  });

  it('applies the course and employment-type filters through the enrolment', async () => {
    expect((await dashboard(`&courseId=${c.man}`)).totals.followUpsOverdue).toBe(1);
    expect((await dashboard('&employmentType=PPPK')).totals.followUpsOverdue).toBe(1);
    expect((await dashboard('&competencyType=sosial-kultural')).totals.followUpsOverdue).toBe(0);
  });
});
