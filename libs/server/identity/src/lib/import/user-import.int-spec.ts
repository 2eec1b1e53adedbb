import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  uniqueNip,
} from '@siantar/server-testing';
import request from 'supertest';
import { IdentityModule } from '../identity.module';

const HEADER =
  'nip,nama,email,telepon,jabatan,golongan,jenis_kepegawaian,kode_unit,peran,nip_atasan';

describe('CSV import of users (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    await createOrgUnit(t.db, { code: 'DISDUKCAPIL', parent: city });
    admin = await t.tokenFor((await createUser(t.db, { unit: city, roles: ['admin'] })).id);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const upload = (csv: string, name = 'pegawai.csv') =>
    request(t.http)
      .post('/api/v1/users/import')
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: name, contentType: 'text/csv' });
  const count = async () =>
    Number(((await t.db.query(`SELECT count(*) AS n FROM app_user`)) as { n: string }[])[0].n);

  it('keeps the valid rows, reports the bad row with its line and reason, writes nothing of it', async () => {
    const boss = uniqueNip();
    const staff = uniqueNip();
    const before = await count();
    const csv = [
      HEADER,
      // staff listed before their supervisor: the importer orders them
      `${staff},Budi Santoso,budi.imp@siantar.test,0812 3456 7890,Pengadministrasi Umum,II/c,PNS,DISDUKCAPIL,learner,${boss}`,
      `198502302010011002,Tanggal Salah,salah.imp@siantar.test,,Pengadministrasi Umum,II/c,PNS,DISDUKCAPIL,learner,`,
      `${boss},Hotman Saragih,hotman.imp@siantar.test,,Kepala Seksi,III/d,PNS,disdukcapil,atasan;peserta,`,
    ].join('\n');
    const res = await upload(csv).expect(200);
    const body = res.body as {
      total: number;
      created: number;
      failed: number;
      rows: { line: number; status: string; errors: string[] }[];
    };
    expect(body).toMatchObject({ total: 3, created: 2, failed: 1 });
    expect(body.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'created'],
      [3, 'error'],
      [4, 'created'],
    ]);
    expect(body.rows[1].errors.join(' ')).toMatch(/tanggal lahir/);
    expect(await count()).toBe(before + 2);
    const linked: { sup: string }[] = await t.db.query(
      `SELECT s.nip AS sup FROM app_user u JOIN app_user s ON s.id = u.supervisor_id WHERE u.nip = $1`,
      [staff],
    );
    expect(linked[0]?.sup).toBe(boss);
  });

  it('refuses a file with a wrong header, naming the expected columns, and writes nothing', async () => {
    const before = await count();
    const res = await upload(`nip,nama,surel\n${uniqueNip()},A,a@b.c\n`).expect(400);
    const detail = (res.body as { detail: string }).detail;
    expect(detail).toMatch(/kolom hilang: email/);
    expect(detail).toMatch(/kolom tidak dikenal: surel/);
    expect(detail).toContain(HEADER);
    expect(await count()).toBe(before);
  });

  it('accepts semicolon-separated files from spreadsheets and flags duplicates inside the file', async () => {
    const nip = uniqueNip();
    const csv = [
      HEADER.replace(/,/g, ';'),
      `${nip};Ani;ani.imp@siantar.test;;Staf;II/a;PNS;DISDUKCAPIL;learner;`,
      `${nip};Ani Lagi;ani2.imp@siantar.test;;Staf;II/a;PNS;DISDUKCAPIL;learner;`,
      `${uniqueNip()};Tanpa Unit;tu.imp@siantar.test;;Staf;II/a;PNS;TIDAK-ADA;learner;`,
    ].join('\r\n');
    const body = (await upload(csv).expect(200)).body as {
      rows: { status: string; errors: string[] }[];
    };
    expect(body.rows.map((r) => r.status)).toEqual(['created', 'error', 'error']);
    expect(body.rows[1].errors.join()).toMatch(/ganda dalam berkas \(baris 2\)/);
    expect(body.rows[2].errors.join()).toMatch(/kode_unit TIDAK-ADA tidak ditemukan/);
  });

  it('explains a missing file and serves a template whose header is the expected one', async () => {
    const none = await request(t.http)
      .post('/api/v1/users/import')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect((none.body as { detail: string }).detail).toMatch(/"file"/);
    const tpl = await request(t.http)
      .get('/api/v1/users/import/template')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(tpl.headers['content-type']).toMatch(/text\/csv/);
    expect(tpl.text.split('\n')[0]).toBe(HEADER);
  });
});
