import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { ExportJobView } from '@siantar/contracts';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import {
  createTestApp,
  createTestContext,
  createTestWorker,
  jobStubsExcept,
  TEST_REDIS_URL,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import request from 'supertest';
import { ReportingJobsModule } from '../reporting-jobs.module';
import { ReportingModule } from '../reporting.module';
import { buildReportCity, type ReportCity } from '../testing/report-city';
import { ReportExportHandler } from './report-export.job';

describe('report exports through a real worker (PostgreSQL + Redis + storage)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let c: ReportCity;
  let admin = '';
  let sub: Redis;
  const events: ExportJobView[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-export-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, ReportingModule]);
    worker = await createTestWorker(ctx.config, [
      ReportingJobsModule,
      jobStubsExcept('reporting.export', 'reporting.opd-monthly'),
    ]);
    c = await buildReportCity(t.db);
    admin = await t.tokenFor(c.cityAdmin);
    sub = new Redis(TEST_REDIS_URL);
    await sub.subscribe(`${ctx.config.REDIS_PREFIX}:user-events`);
    sub.on('message', (_ch, m: string) => {
      const msg = JSON.parse(m) as { event: string; data: ExportJobView };
      if (msg.event === 'report-export') events.push(msg.data);
    });
  });
  afterAll(async () => {
    sub.disconnect();
    await worker.close();
    await t.close();
    await ctx.cleanup();
  });

  const requestExport = async (body: object, token = admin): Promise<ExportJobView> => {
    const res = await request(t.http)
      .post('/api/v1/reports/exports')
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(202);
    return res.body as ExportJobView;
  };

  const finished = async (id: string): Promise<ExportJobView> => {
    for (let i = 0; i < 600; i++) {
      const v = (
        await request(t.http)
          .get(`/api/v1/reports/exports/${id}`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(200)
      ).body as ExportJobView;
      if (v.status === 'done' || v.status === 'failed') return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`export ${id} did not finish`);
  };

  const download = async (v: ExportJobView): Promise<Buffer> => {
    const res = await request(t.http)
      .get(v.downloadUrl as string)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toContain(v.filename as string);
    return res.body as Buffer;
  };

  const csvRows = (buf: Buffer): string[] => {
    const text = buf.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text.slice(1).split('\r\n').slice(0, -1);
  };

  it('writes the people table of an OPD as CSV, with JP and target, and only those behind', async () => {
    const queued = await requestExport({
      table: 'people',
      format: 'csv',
      filter: { year: 2025, orgUnitId: c.disdik.id },
    });
    expect(queued).toMatchObject({ table: 'people', format: 'csv', downloadUrl: null });
    const done = await finished(queued.id);
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      rows: 3,
      totalRows: 3,
      error: null,
    });
    expect(done.filename).toBe('laporan-pegawai-dinas-pendidikan-2025.csv');
    expect(csvRows(await download(done))).toEqual([
      'NIP,Nama,Pangkat/golongan,Jenis kepegawaian,Unit,JP 2025,Target JP,Di bawah target,Kursus aktif,Kursus selesai 2025,Kursus lewat tenggat',
      `${c.nip.dedi},Dedi Kurniawan,III/a,PNS,Dinas Pendidikan,0,20,Ya,2,0,1`,
      `${c.nip.eka},Eka Putri,,PPPK,Dinas Pendidikan,30,24,Tidak,0,1,0`,
      `${c.nip.fajar},Fajar Hidayat,III/b,PNS,Dinas Pendidikan,19.5,20,Ya,1,0,0`,
    ]);
    const mine = events.filter((e) => e.id === queued.id);
    expect(mine.at(-1)).toMatchObject({ status: 'done', progress: 100 });

    const behind = await finished(
      (
        await requestExport({
          table: 'people',
          format: 'csv',
          filter: { year: 2025, orgUnitId: c.disdik.id },
          behindOnly: true,
        })
      ).id,
    );
    expect(csvRows(await download(behind)).map((l) => l.split(',')[1])).toEqual([
      'Nama',
      'Dedi Kurniawan',
      'Fajar Hidayat',
    ]);
  });

  it('writes the ledger of the city as XLSX, read back with exceljs', async () => {
    const done = await finished(
      (await requestExport({ table: 'ledger', format: 'xlsx', filter: { year: 2025 } })).id,
    );
    expect(done).toMatchObject({ status: 'done', rows: 6, progress: 100 });
    expect(done.filename).toMatch(/^laporan-catatan-jp-.*-2025\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(done)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const e = (
      nip: string,
      name: string,
      unit: string,
      date: string,
      jp: number,
      comp: string,
      route: string,
    ) => [
      nip,
      name,
      unit,
      date,
      `Pelatihan ${date}`,
      'BPSDM Provinsi',
      'pelatihan teknis',
      route,
      comp,
      jp,
      `SK-${date}`,
    ];
    expect(rows).toEqual([
      [
        'NIP',
        'Nama',
        'Unit',
        'Tanggal',
        'Judul',
        'Penyelenggara',
        'Jenis pelatihan',
        'Jalur',
        'Kompetensi',
        'JP',
        'Nomor sertifikat',
      ],
      e(c.nip.ani, 'Ani Lestari', 'Bidang P2P', '2025-03-15', 12, 'teknis', 'klasikal'),
      e(c.nip.budi, 'Budi Santoso', 'Bidang P2P', '2025-03-20', 5, 'teknis', 'nonklasikal'),
      e(c.nip.ani, 'Ani Lestari', 'Bidang P2P', '2025-04-20', 10, 'manajerial', 'nonklasikal'),
      e(
        c.nip.citra,
        'Citra Dewi',
        'Dinas Kesehatan',
        '2025-05-02',
        22,
        'sosial-kultural',
        'klasikal',
      ),
      e(c.nip.eka, 'Eka Putri', 'Dinas Pendidikan', '2025-06-10', 30, 'teknis', 'klasikal'),
      e(
        c.nip.fajar,
        'Fajar Hidayat',
        'Dinas Pendidikan',
        '2025-07-01',
        19.5,
        'manajerial',
        'nonklasikal',
      ),
    ]);
  });

  it('writes the units, courses and overdue tables', async () => {
    const units = await finished(
      (await requestExport({ table: 'units', format: 'csv', filter: { year: 2025 } })).id,
    );
    expect(csvRows(await download(units)).slice(1)).toEqual([
      'Dinas Kesehatan,opd,4,2,1,1,1,25,1,3,2,49',
      'Dinas Pendidikan,opd,3,2,1,1,0,33.3,1,3,2,49.5',
    ]);
    const courses = await finished(
      (await requestExport({ table: 'courses', format: 'csv', filter: { year: 2025 } })).id,
    );
    expect(csvRows(await download(courses)).slice(1)).toEqual([
      'K-MAN,Kursus Manajerial,4,1,1,1,1',
      'K-TEK,Kursus Teknis,3,3,1,1,0',
    ]);
    const overdue = await finished(
      (await requestExport({ table: 'overdue', format: 'csv', filter: {} })).id,
    );
    expect(csvRows(await download(overdue)).slice(1)).toEqual([
      `${c.nip.budi},Budi Santoso,Bidang P2P,K-MAN,Kursus Manajerial,2025-06-30`,
      `${c.nip.dedi},Dedi Kurniawan,Dinas Pendidikan,K-MAN,Kursus Manajerial,2025-06-30`,
    ]);
  });

  it('streams a large table in cursor batches, reporting progress on the way', async () => {
    // 12,000 credits of 2023, in statements of 1,000 spread over the six people.
    const people = [c.ani, c.budi, c.citra, c.dedi, c.eka, c.fajar];
    for (let batch = 0; batch < 12; batch++) {
      await t.db.query(
        `INSERT INTO ledger_entry (user_id, entry_date, source, source_ref, title, provider, training_type, route,
                                   competency_type, jp, start_date, end_date)
         SELECT ($1::uuid[])[1 + i % 6], DATE '2023-01-01' + (i % 365), 'external', gen_random_uuid(),
                'Webinar ' || i, 'LAN RI', 'webinar', 'nonklasikal', 'teknis', 1,
                DATE '2023-01-01' + (i % 365), DATE '2023-01-01' + (i % 365)
           FROM generate_series($2::int, $2::int + 999) i`,
        [people, batch * 1000],
      );
    }
    const queued = await requestExport({ table: 'ledger', format: 'csv', filter: { year: 2023 } });
    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'done', rows: 12000, totalRows: 12000, progress: 100 });
    expect(csvRows(await download(done))).toHaveLength(12001);
    const progress = events.filter((e) => e.id === queued.id).map((e) => e.progress);
    expect(progress).toEqual(expect.arrayContaining([41, 83, 100]));
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 120_000);

  it('a rerun of the same job starts over and leaves one file', async () => {
    const first = await finished(
      (await requestExport({ table: 'courses', format: 'xlsx', filter: { year: 2025 } })).id,
    );
    // As if the worker died after storing the file but before marking the export done.
    await t.db.query(`UPDATE report_export SET status = 'running', progress = 40 WHERE id = $1`, [
      first.id,
    ]);
    await worker.get(ReportExportHandler).handle(
      { exportId: first.id },
      {
        jobId: `export-${first.id}`,
        attempt: 2,
        log: async () => undefined,
        updateProgress: async () => undefined,
      },
    );
    const again = await finished(first.id);
    expect(again).toMatchObject({ status: 'done', progress: 100, rows: 2 });
    const files: unknown[] = await t.db.query(
      `SELECT id FROM stored_file WHERE storage_key LIKE $1`,
      [`exports/${first.id}%`],
    );
    expect(files).toHaveLength(1);
  });

  it('shows an export to its requester only', async () => {
    const mine = await requestExport({ table: 'units', format: 'csv', filter: {} });
    const other = await t.tokenFor(c.disdikAdmin);
    const res = await request(t.http)
      .get(`/api/v1/reports/exports/${mine.id}`)
      .set('Authorization', `Bearer ${other}`)
      .expect(404);
    expect(res.body).toMatchObject({ code: 'export-not-found' });
    const theirs = (
      await request(t.http)
        .get('/api/v1/reports/exports')
        .set('Authorization', `Bearer ${other}`)
        .expect(200)
    ).body as ExportJobView[];
    expect(theirs).toEqual([]);
    const list = (
      await request(t.http)
        .get('/api/v1/reports/exports')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as ExportJobView[];
    expect(list[0].id).toBe(mine.id);
    expect(list.length).toBeLessThanOrEqual(20);
    await finished(mine.id);
  });

  it('checks the request: unit in reach, known table and format, behindOnly for people only', async () => {
    const opd = await t.tokenFor(c.disdikAdmin);
    const out = await request(t.http)
      .post('/api/v1/reports/exports')
      .set('Authorization', `Bearer ${opd}`)
      .send({ table: 'people', format: 'csv', filter: { orgUnitId: c.dinkes.id } })
      .expect(404);
    expect(out.body).toMatchObject({ code: 'org-unit-not-found' });
    const bad = await request(t.http)
      .post('/api/v1/reports/exports')
      .set('Authorization', `Bearer ${admin}`)
      .send({ table: 'everything', format: 'pdf', filter: { year: 1900 } })
      .expect(400);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'filter.year',
      'format',
      'table',
    ]);
    await request(t.http)
      .post('/api/v1/reports/exports')
      .set('Authorization', `Bearer ${admin}`)
      .send({ table: 'ledger', format: 'csv', filter: {}, behindOnly: true })
      .expect(400);
  });
});
