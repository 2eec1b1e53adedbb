import type { LearningHoursResponse, LedgerEntryView } from '@siantar/contracts';
import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  auth,
  createLedgerWorld,
  credit,
  type LedgerWorld,
  totalsMismatches,
  training,
} from '../testing/ledger-fixture';
import { wibDate, wibYear } from '../wib-date';

describe('learning hours: Asia/Jakarta years, who may read whom, SIASN export (real PostgreSQL + Redis)', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await createLedgerWorld();
  });
  afterAll(() => w.close());

  const hours = async (token: string, userId?: string, year?: number) =>
    (
      await request(w.t.http)
        .get(`/api/v1/${userId ? `users/${userId}` : 'me'}/learning-hours`)
        .query(year ? { year } : {})
        .set(auth(token))
        .expect(200)
    ).body as LearningHoursResponse;

  describe('year boundaries (Asia/Jakarta)', () => {
    it('an admin entry ending 2025-12-31 counts in 2025, one ending 2026-01-01 in 2026', async () => {
      const { cityAdmin, pns } = w.users;
      for (const date of ['2025-12-31', '2026-01-01']) {
        const res = await request(w.t.http)
          .post(`/api/v1/users/${pns.id}/ledger-entries`)
          .set(auth(cityAdmin.token))
          .send(training({ startDate: date, endDate: date, jp: 6, title: `Seminar ${date}` }))
          .expect(201);
        const e = res.body as LedgerEntryView;
        expect(e).toMatchObject({ entryDate: date, year: Number(date.slice(0, 4)), jp: 6 });
        expect(e.nip).toBe(pns.nip);
      }
      const y2025 = await hours(pns.token, undefined, 2025);
      expect(y2025.entries.map((e) => e.title)).toEqual(['Seminar 2025-12-31']);
      expect(y2025.jp).toBe(6);
      const y2026 = await hours(pns.token, undefined, 2026);
      expect(y2026.entries.map((e) => e.title)).toContain('Seminar 2026-01-01');
    });

    it('a credit made at 2025-12-31T17:30Z (00:30 WIB on 1 January) counts in 2026', async () => {
      const { pppk } = w.users;
      const entryDate = wibDate(new Date('2025-12-31T17:30:00Z'));
      expect(entryDate).toBe('2026-01-01');
      await credit(w.t, pppk.id, entryDate, 3, { title: 'Kursus malam tahun baru' });
      const rows: { year: number; jp: string }[] = await w.t.db.query(
        `SELECT year, jp FROM ledger_year_total WHERE user_id = $1`,
        [pppk.id],
      );
      expect(rows.map((r) => [r.year, Number(r.jp)])).toEqual([[2026, 3]]);
      expect((await hours(pppk.token, undefined, 2025)).jp).toBe(0);
      expect((await hours(pppk.token, undefined, 2026)).jp).toBe(3);
      expect(await totalsMismatches(w.t)).toEqual([]);
    });

    it('defaults to the current WIB year; history lists every year with entries plus this one, newest first', async () => {
      const { pns } = w.users;
      await credit(w.t, pns.id, '2024-05-02', 4, { competencyType: 'sosial-kultural' });
      const body = await hours(pns.token);
      expect(body.year).toBe(wibYear());
      expect(body.history.map((h) => h.year)).toEqual(
        [...new Set([wibYear(), 2026, 2025, 2024])].sort((a, b) => b - a),
      );
      const h2024 = body.history.find((h) => h.year === 2024);
      expect(h2024).toMatchObject({
        jp: 4,
        target: 20,
        byCompetency: { teknis: 0, manajerial: 0, 'sosial-kultural': 4 },
        byRoute: { klasikal: 0, nonklasikal: 4 },
      });
      expect(body).toMatchObject({ employmentType: 'PNS', target: 20, nip: pns.nip });
    });

    it('orders the entries of a year by date', async () => {
      const { outsider } = w.users;
      await credit(w.t, outsider.id, '2025-08-20', 2);
      await credit(w.t, outsider.id, '2025-02-01', 2);
      await credit(w.t, outsider.id, '2025-05-10', 2);
      const body = await hours(outsider.token, undefined, 2025);
      expect(body.entries.map((e) => e.entryDate)).toEqual([
        '2025-02-01',
        '2025-05-10',
        '2025-08-20',
      ]);
      expect(body.jp).toBe(6);
    });
  });

  describe('who may read a person', () => {
    const status = async (token: string, userId: string) =>
      (await request(w.t.http).get(`/api/v1/users/${userId}/learning-hours`).set(auth(token)))
        .status;

    it('a learner sees only themself', async () => {
      const { pns, pppk } = w.users;
      expect(await status(pns.token, pns.id)).toBe(200);
      expect(await status(pns.token, pppk.id)).toBe(404);
    });

    it('a supervisor sees their direct reports, not other people', async () => {
      const { supervisor, pns, pppk, outsider, otherSupervisor } = w.users;
      expect(await status(supervisor.token, pns.id)).toBe(200);
      expect(await status(supervisor.token, pppk.id)).toBe(200);
      expect(await status(supervisor.token, outsider.id)).toBe(404);
      expect(await status(otherSupervisor.token, pns.id)).toBe(404);
      expect(await status(otherSupervisor.token, outsider.id)).toBe(200);
    });

    it('an OPD admin sees only people of their OPD; the city admin everyone', async () => {
      const { adminA, adminB, cityAdmin, pns, outsider } = w.users;
      expect(await status(adminA.token, pns.id)).toBe(200);
      expect(await status(adminA.token, outsider.id)).toBe(404);
      expect(await status(adminB.token, pns.id)).toBe(404);
      expect(await status(adminB.token, outsider.id)).toBe(200);
      expect(await status(cityAdmin.token, outsider.id)).toBe(200);
    });

    it('an unknown person is the same 404 as a hidden one, and NON_ASN has no target', async () => {
      const { cityAdmin, partner } = w.users;
      expect(await status(cityAdmin.token, '00000000-0000-4000-8000-000000000000')).toBe(404);
      const body = await hours(partner.token);
      expect(body).toMatchObject({ employmentType: 'NON_ASN', target: null, nip: null, jp: 0 });
      expect(body.history.every((h) => h.target === null)).toBe(true);
    });
  });

  describe('SIASN export', () => {
    let kept = '';
    beforeAll(async () => {
      const { cityAdmin, pppk } = w.users;
      const entry = async (title: string, certificateNumber?: string) =>
        (
          (
            await request(w.t.http)
              .post(`/api/v1/users/${pppk.id}/ledger-entries`)
              .set(auth(cityAdmin.token))
              .send(
                training({
                  title,
                  provider: 'BPSDM Provinsi Sumatera Utara',
                  startDate: '2025-03-10',
                  endDate: '2025-03-12',
                  jp: 24,
                  certificateNumber,
                }),
              )
              .expect(201)
          ).body as LedgerEntryView
        ).id;
      kept = await entry('Pelatihan "Pelayanan Prima"; Angkatan II', '800/123/BPSDM/2025');
      const dropped = await entry('Pelatihan yang dibatalkan');
      await request(w.t.http)
        .post(`/api/v1/ledger-entries/${dropped}/reverse`)
        .set(auth(cityAdmin.token))
        .send({ reason: 'Sertifikat ternyata milik pegawai lain' })
        .expect(201);
    });

    it('CSV: BOM, Indonesian headers, one row per training still standing, reversed ones left out', async () => {
      const { supervisor, pppk } = w.users;
      const res = await request(w.t.http)
        .get(`/api/v1/users/${pppk.id}/learning-hours/siasn`)
        .query({ format: 'csv' })
        .set(auth(supervisor.token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="siasn-diklat-/);
      const text = res.body as string;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'NIP,Nama Kursus/Diklat,Institusi Penyelenggara,Jenis Diklat,Jumlah Jam (JP),Tahun,Tanggal Mulai,Tanggal Selesai,Nomor Sertifikat',
      );
      expect(lines).toContain(
        `${pppk.nip},"Pelatihan ""Pelayanan Prima""; Angkatan II",BPSDM Provinsi Sumatera Utara,bimbingan teknis,24,2025,2025-03-10,2025-03-12,800/123/BPSDM/2025`,
      );
      expect(text).not.toContain('dibatalkan');
      // the 2026 course credit of the earlier test is there too: all years without ?year=
      expect(lines).toHaveLength(3);
      expect(kept).toBeTruthy();
    });

    it('XLSX for one year, read back with exceljs', async () => {
      const { adminA, pppk } = w.users;
      const res = await request(w.t.http)
        .get(`/api/v1/users/${pppk.id}/learning-hours/siasn`)
        .query({ format: 'xlsx', year: 2025 })
        .set(auth(adminA.token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.rowCount).toBe(2);
      expect(ws.getRow(1).getCell(9).value).toBe('Nomor Sertifikat');
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
        pppk.nip,
        'Pelatihan "Pelayanan Prima"; Angkatan II',
        'BPSDM Provinsi Sumatera Utara',
        'bimbingan teknis',
        24,
        2025,
        '2025-03-10',
        '2025-03-12',
        '800/123/BPSDM/2025',
      ]);
    });

    it('same access as the learning hours, and 409 for a person without NIP', async () => {
      const { pns, pppk, cityAdmin, partner } = w.users;
      await request(w.t.http)
        .get(`/api/v1/users/${pppk.id}/learning-hours/siasn`)
        .set(auth(pns.token))
        .expect(404);
      const res = await request(w.t.http)
        .get(`/api/v1/users/${partner.id}/learning-hours/siasn`)
        .set(auth(cityAdmin.token))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'ledger.no-nip' });
      expect((res.body as { detail: string }).detail).toContain('NIP');
      await request(w.t.http)
        .get(`/api/v1/users/${pppk.id}/learning-hours/siasn`)
        .query({ format: 'pdf' })
        .set(auth(cityAdmin.token))
        .expect(400);
    });
  });
});
