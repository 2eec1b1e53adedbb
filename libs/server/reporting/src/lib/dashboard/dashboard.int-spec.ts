import type {
  DashboardResponse,
  DashboardRow,
  Page,
  PersonReport,
  PersonReportRow,
} from '@siantar/contracts';
import { summaryMismatches } from '@siantar/server-core';
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

const row = (r: Partial<DashboardRow>): DashboardRow => ({
  enrolled: 0,
  started: 0,
  completed: 0,
  passed: 0,
  withdrawn: 0,
  staff: 0,
  belowTarget: 0,
  jp: 0,
  completionRate: null,
  overdue: 0,
  followUpsOverdue: 0,
  ...r,
});

describe('admin reports over the summary tables (real PostgreSQL)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let c: ReportCity;
  let admin = '';
  let opdAdmin = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, ReportingModule]);
    c = await buildReportCity(t.db);
    admin = await t.tokenFor(c.cityAdmin);
    opdAdmin = await t.tokenFor(c.disdikAdmin);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const get = async <T>(path: string, token = admin, status = 200): Promise<T> =>
    (
      await request(t.http)
        .get(`/api/v1${path}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(status)
    ).body as T;

  it('the triggers kept the summaries equal to their recomputation', async () => {
    expect(await summaryMismatches(t.db)).toEqual([]);
  });

  it('city-wide: totals, twelve months, the OPDs, JP buckets and targets, funnels', async () => {
    const d = await get<DashboardResponse>('/reports/dashboard?year=2025');
    expect(d.filter).toEqual({ year: 2025 });
    expect(d.scope).toEqual({
      orgUnitId: null,
      name: 'Pemerintah Kota Uji',
      path: [{ id: c.city.id, name: 'Pemerintah Kota Uji' }],
    });
    expect(d.totals).toEqual(
      row({
        enrolled: 7,
        started: 4,
        completed: 2,
        passed: 2,
        withdrawn: 1,
        staff: 6,
        belowTarget: 4,
        jp: 98.5,
        completionRate: 28.6,
        overdue: 2,
      }),
    );
    expect(d.months).toHaveLength(12);
    expect(d.months.slice(0, 7)).toEqual([
      { month: 1, jp: 0, enrolled: 1, started: 2, completed: 0, passed: 0, withdrawn: 0 },
      { month: 2, jp: 0, enrolled: 1, started: 1, completed: 1, passed: 1, withdrawn: 0 },
      { month: 3, jp: 17, enrolled: 5, started: 1, completed: 0, passed: 0, withdrawn: 0 },
      { month: 4, jp: 10, enrolled: 0, started: 0, completed: 0, passed: 0, withdrawn: 1 },
      { month: 5, jp: 22, enrolled: 0, started: 0, completed: 1, passed: 1, withdrawn: 0 },
      { month: 6, jp: 30, enrolled: 0, started: 0, completed: 0, passed: 0, withdrawn: 0 },
      { month: 7, jp: 19.5, enrolled: 0, started: 0, completed: 0, passed: 0, withdrawn: 0 },
    ]);
    expect(d.months.slice(7).every((m) => m.enrolled === 0 && m.jp === 0)).toBe(true);
    expect(d.units).toEqual([
      {
        orgUnitId: c.dinkes.id,
        name: 'Dinas Kesehatan',
        kind: 'opd',
        hasChildren: true,
        ...row({
          enrolled: 4,
          started: 2,
          completed: 1,
          passed: 1,
          withdrawn: 1,
          staff: 3,
          belowTarget: 2,
          jp: 49,
          completionRate: 25,
          overdue: 1,
        }),
      },
      {
        orgUnitId: c.disdik.id,
        name: 'Dinas Pendidikan',
        kind: 'opd',
        hasChildren: false,
        ...row({
          enrolled: 3,
          started: 2,
          completed: 1,
          passed: 1,
          staff: 3,
          belowTarget: 2,
          jp: 49.5,
          completionRate: 33.3,
          overdue: 1,
        }),
      },
    ]);
    expect(d.jpDistribution.buckets.map((b) => [b.label, b.persons])).toEqual([
      ['0–4', 1],
      ['5–9', 1],
      ['10–14', 0],
      ['15–19', 1],
      ['20–29', 2],
      ['30+', 1],
    ]);
    expect(d.jpDistribution.byRank).toEqual([
      { rank: 'III/a', staff: 2, belowTarget: 1, jp: 22 },
      { rank: 'III/b', staff: 1, belowTarget: 1, jp: 19.5 },
      { rank: 'IV/a', staff: 1, belowTarget: 1, jp: 5 },
      { rank: '-', staff: 2, belowTarget: 1, jp: 52 },
    ]);
    expect(d.jpDistribution.byEmploymentType).toEqual([
      { employmentType: 'PNS', target: 20, staff: 4, belowTarget: 3, jp: 46.5 },
      { employmentType: 'PPPK', target: 24, staff: 2, belowTarget: 1, jp: 52 },
    ]);
    expect(d.jpDistribution.byCompetency).toEqual([
      { competencyType: 'teknis', jp: 47, entries: 3 },
      { competencyType: 'manajerial', jp: 29.5, entries: 2 },
      { competencyType: 'sosial-kultural', jp: 22, entries: 1 },
    ]);
    expect(d.funnels).toEqual([
      {
        courseId: c.man,
        code: 'K-MAN',
        title: 'Kursus Manajerial',
        enrolled: 4,
        started: 1,
        completed: 1,
        passed: 1,
        withdrawn: 1,
      },
      {
        courseId: c.tek,
        code: 'K-TEK',
        title: 'Kursus Teknis',
        enrolled: 3,
        started: 3,
        completed: 1,
        passed: 1,
        withdrawn: 0,
      },
    ]);
    expect(d.filterNotes).toEqual([]);
    expect(typeof d.tookMs).toBe('number');
  });

  it('drills down: OPD (bidang + its own people) → bidang → people → person', async () => {
    const opd = await get<DashboardResponse>(
      `/reports/dashboard?year=2025&orgUnitId=${c.dinkes.id}`,
    );
    expect(opd.scope).toEqual({
      orgUnitId: c.dinkes.id,
      name: 'Dinas Kesehatan',
      path: [
        { id: c.city.id, name: 'Pemerintah Kota Uji' },
        { id: c.dinkes.id, name: 'Dinas Kesehatan' },
      ],
    });
    expect(opd.units).toEqual([
      {
        orgUnitId: c.p2p.id,
        name: 'Bidang P2P',
        kind: 'bidang',
        hasChildren: false,
        ...row({
          enrolled: 3,
          started: 2,
          completed: 1,
          passed: 1,
          staff: 2,
          belowTarget: 1,
          jp: 27,
          completionRate: 33.3,
          overdue: 1,
        }),
      },
      {
        orgUnitId: c.dinkes.id,
        name: 'Dinas Kesehatan',
        kind: 'opd',
        hasChildren: false,
        direct: true,
        ...row({ enrolled: 1, withdrawn: 1, staff: 1, belowTarget: 1, jp: 22, completionRate: 0 }),
      },
    ]);
    // Funnels of a subtree come from stat_enrolment_course: ties by code.
    expect(
      opd.funnels.map((f) => [f.code, f.enrolled, f.started, f.completed, f.withdrawn]),
    ).toEqual([
      ['K-MAN', 2, 0, 0, 1],
      ['K-TEK', 2, 2, 1, 0],
    ]);

    const bidang = await get<DashboardResponse>(
      `/reports/dashboard?year=2025&orgUnitId=${c.p2p.id}`,
    );
    expect(bidang.totals).toMatchObject({ staff: 2, belowTarget: 1, jp: 27, enrolled: 3 });

    const people = await get<Page<PersonReportRow>>(
      `/reports/people?year=2025&orgUnitId=${c.p2p.id}`,
    );
    expect(people.total).toBe(2);
    expect(people.items).toEqual([
      {
        userId: c.ani,
        name: 'Ani Lestari',
        nip: c.nip.ani,
        rank: 'III/a',
        employmentType: 'PNS',
        orgUnitId: c.p2p.id,
        orgUnitName: 'Bidang P2P',
        jp: 22,
        target: 20,
        behind: false,
        activeCourses: 0,
        completedCourses: 1,
        overdueCourses: 0,
      },
      {
        userId: c.budi,
        name: 'Budi Santoso',
        nip: c.nip.budi,
        rank: 'IV/a',
        employmentType: 'PNS',
        orgUnitId: c.p2p.id,
        orgUnitName: 'Bidang P2P',
        jp: 5,
        target: 20,
        behind: true,
        activeCourses: 2,
        completedCourses: 0,
        overdueCourses: 1,
      },
    ]);

    const budi = await get<PersonReport>(`/reports/people/${c.budi}?year=2025`);
    expect(budi.person).toEqual(people.items[1]);
    expect(budi.enrolments.map((e) => [e.code, e.status, e.overdue, e.dueAt])).toEqual([
      ['K-MAN', 'active', true, '2025-06-30T16:59:59.000Z'],
      ['K-TEK', 'active', false, null],
    ]);
    // Last year's JP is that year's.
    expect((await get<PersonReport>(`/reports/people/${c.budi}?year=2024`)).person.jp).toBe(8);
  });

  it('people: behind, overdue, name and NIP prefix, sort by JP, paging', async () => {
    const names = (p: Page<PersonReportRow>) => p.items.map((i) => i.name);
    expect(
      names(await get(`/reports/people?year=2025&orgUnitId=${c.dinkes.id}&only=behind`)),
    ).toEqual(['Budi Santoso', 'Citra Dewi']);
    expect(names(await get(`/reports/people?year=2025&only=overdue`))).toEqual([
      'Budi Santoso',
      'Dedi Kurniawan',
    ]);
    expect(names(await get(`/reports/people?q=bu`))).toEqual(['Budi Santoso']);
    expect(names(await get(`/reports/people?q=${c.nip.eka.slice(0, 16)}`))).toEqual(['Eka Putri']);
    expect(names(await get(`/reports/people?q=%25`))).toEqual([]);
    const byJp = await get<Page<PersonReportRow>>(
      `/reports/people?year=2025&orgUnitId=${c.disdik.id}&sort=jp&limit=2`,
    );
    expect(byJp.total).toBe(3);
    expect(byJp.items.map((i) => [i.name, i.jp, i.behind])).toEqual([
      ['Dedi Kurniawan', 0, true],
      ['Fajar Hidayat', 19.5, true],
    ]);
    const last = await get<Page<PersonReportRow>>(
      `/reports/people?year=2025&orgUnitId=${c.disdik.id}&sort=jp&limit=2&offset=2`,
    );
    expect(last).toMatchObject({ total: 3, items: [{ name: 'Eka Putri', jp: 30, behind: false }] });
    expect(
      (await get<Page<PersonReportRow>>(`/reports/people?orgUnitId=${c.disdik.id}&offset=10`))
        .total,
    ).toBe(3);
  });

  it('each filter narrows the figures its tables hold and says which it does not', async () => {
    const pppk = await get<DashboardResponse>('/reports/dashboard?year=2025&employmentType=PPPK');
    expect(pppk.totals).toEqual(
      row({
        enrolled: 2,
        started: 1,
        completed: 1,
        passed: 1,
        withdrawn: 1,
        staff: 2,
        belowTarget: 1,
        jp: 52,
        completionRate: 50,
      }),
    );
    expect(pppk.jpDistribution.buckets.map((b) => b.persons)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(pppk.jpDistribution.byEmploymentType).toEqual([
      { employmentType: 'PPPK', target: 24, staff: 2, belowTarget: 1, jp: 52 },
    ]);

    const man = await get<DashboardResponse>(
      '/reports/dashboard?year=2025&competencyType=manajerial',
    );
    expect(man.totals).toEqual(
      row({
        enrolled: 4,
        started: 1,
        completed: 1,
        passed: 1,
        withdrawn: 1,
        staff: 6,
        belowTarget: 4,
        jp: 29.5,
        completionRate: 25,
        overdue: 2,
      }),
    );
    expect(man.jpDistribution.byCompetency).toEqual([
      { competencyType: 'manajerial', jp: 29.5, entries: 2 },
    ]);
    expect(man.funnels.map((f) => f.code)).toEqual(['K-MAN']);
    expect(man.filterNotes.map((n) => n.filter)).toEqual(['competencyType']);

    const tek = await get<DashboardResponse>(`/reports/dashboard?year=2025&courseId=${c.tek}`);
    expect(tek.totals).toEqual(
      row({
        enrolled: 3,
        started: 3,
        completed: 1,
        passed: 1,
        staff: 6,
        belowTarget: 4,
        jp: 98.5,
        completionRate: 33.3,
      }),
    );
    expect(tek.funnels.map((f) => f.code)).toEqual(['K-TEK']);
    expect(tek.filterNotes).toEqual([
      {
        filter: 'courseId',
        notApplied: expect.arrayContaining(['jp', 'staff', 'belowTarget']) as string[],
      },
    ]);

    const combined = await get<DashboardResponse>(
      `/reports/dashboard?year=2025&courseId=${c.man}&orgUnitId=${c.disdik.id}&employmentType=PNS`,
    );
    expect(combined.totals).toMatchObject({
      enrolled: 1,
      overdue: 1,
      staff: 2,
      belowTarget: 2,
      jp: 19.5,
    });
    expect(combined.funnels.map((f) => [f.code, f.enrolled])).toEqual([['K-MAN', 1]]);

    const lastYear = await get<DashboardResponse>('/reports/dashboard?year=2024');
    expect(lastYear.totals).toMatchObject({
      enrolled: 1,
      started: 0,
      jp: 8,
      staff: 6,
      belowTarget: 6,
    });
  });

  it('course funnels and overdue enrolments as pages', async () => {
    const courses = await get<Page<{ code: string; enrolled: number }>>(
      '/reports/courses?year=2025&limit=1',
    );
    expect(courses).toMatchObject({
      total: 2,
      limit: 1,
      offset: 0,
      items: [{ code: 'K-MAN', enrolled: 4 }],
    });
    const overdue =
      await get<Page<{ name: string; code: string; dueAt: string; orgUnitName: string }>>(
        '/reports/overdue',
      );
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((o) => [o.name, o.code, o.orgUnitName, o.dueAt])).toEqual([
      ['Budi Santoso', 'K-MAN', 'Bidang P2P', '2025-06-30T16:59:59.000Z'],
      ['Dedi Kurniawan', 'K-MAN', 'Dinas Pendidikan', '2025-06-30T16:59:59.000Z'],
    ]);
    const inDisdik = await get<Page<{ name: string }>>(`/reports/overdue?orgUnitId=${c.disdik.id}`);
    expect(inDisdik.items.map((o) => o.name)).toEqual(['Dedi Kurniawan']);
    expect((await get<Page<unknown>>(`/reports/overdue?courseId=${c.tek}`)).total).toBe(0);
  });

  it('an OPD admin sees their OPD only; other units and people answer 404', async () => {
    const d = await get<DashboardResponse>('/reports/dashboard?year=2025', opdAdmin);
    expect(d.scope).toEqual({
      orgUnitId: null,
      name: 'Dinas Pendidikan',
      path: [{ id: c.disdik.id, name: 'Dinas Pendidikan' }],
    });
    expect(d.totals).toMatchObject({ staff: 3, enrolled: 3, jp: 49.5, overdue: 1 });
    expect(d.funnels.map((f) => [f.code, f.enrolled])).toEqual([
      ['K-MAN', 2],
      ['K-TEK', 1],
    ]);
    const other = await get<{ code: string; detail: string }>(
      `/reports/dashboard?orgUnitId=${c.dinkes.id}`,
      opdAdmin,
      404,
    );
    expect(other).toMatchObject({
      code: 'org-unit-not-found',
      detail: 'Unit organisasi tidak ditemukan.',
    });
    await get(`/reports/dashboard?orgUnitId=${c.city.id}`, opdAdmin, 404);
    await get(`/reports/people?orgUnitId=${c.dinkes.id}`, opdAdmin, 404);
    await get(`/reports/people/${c.ani}`, opdAdmin, 404);
    await get(`/reports/overdue?orgUnitId=${c.p2p.id}`, opdAdmin, 404);
    const mine = await get<Page<PersonReportRow>>('/reports/people?year=2025', opdAdmin);
    expect(mine.items.map((i) => i.name)).toEqual(['Dedi Kurniawan', 'Eka Putri', 'Fajar Hidayat']);
  });

  it('refuses bad input: unknown unit or course 404, bad year or enum 400 with the field', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    expect(await get(`/reports/dashboard?orgUnitId=${missing}`, admin, 404)).toMatchObject({
      code: 'org-unit-not-found',
    });
    expect(await get(`/reports/dashboard?courseId=${missing}`, admin, 404)).toMatchObject({
      code: 'course-not-found',
    });
    const bad = await get<{ code: string; errors: { path: string }[] }>(
      '/reports/dashboard?competencyType=teknik&employmentType=honorer&year=1999',
      admin,
      400,
    );
    expect(bad.code).toBe('validation');
    expect(bad.errors.map((e) => e.path).sort()).toEqual([
      'competencyType',
      'employmentType',
      'year',
    ]);
    await get('/reports/people?only=late', admin, 400);
    await get('/reports/people/not-a-uuid', admin, 400);
    await get(`/reports/people/${missing}`, admin, 404);
  });

  it('learners and supervisors get 403 on the admin reports', async () => {
    for (const id of [c.learner, c.supervisor]) {
      const token = await t.tokenFor(id);
      for (const path of [
        '/reports/dashboard',
        '/reports/people',
        '/reports/courses',
        '/reports/overdue',
        '/reports/exports',
      ])
        expect(await get(path, token, 403)).toMatchObject({ code: 'forbidden' });
    }
  });
});
