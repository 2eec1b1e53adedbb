import type {
  BankDetail,
  ImportPreviewResponse,
  ImportResult,
  Page,
  QuestionSummary,
} from '@siantar/contracts';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { AssessmentModule } from '../assessment.module';
import { auth } from '../testing/quiz-fixture';

const GIFT = `// Bank soal pelayanan publik
$CATEGORY: $course$/top/Pelayanan/Disdukcapil

::KTP::Dokumen wajib untuk KTP-el baru? {
  =Kartu Keluarga #Benar.
  ~%-50%SIM #SIM bukan syarat.
  ~Paspor
}

::Waktu tunggu::Waktu tunggu maksimal (menit)? {#15:5}

::Rusak::Bagian ini rusak {=satu ~dua

::Sapa::Petugas menyapa warga lebih dulu. {T#Kurang tepat.#Tepat sekali.}

$CATEGORY: $course$/top/Pelayanan/Umum

::Jenis::Cocokkan layanan dengan instansinya. {
  =KTP -> Disdukcapil
  =Izin usaha -> DPMPTSP
  =Pajak daerah -> BPKPD
}

::Esai::Ceritakan pengalaman melayani warga. {}
`;

describe('question banks: GIFT/Aiken preview, import, export, versions and who may edit (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let trainer = '';
  let otherTrainer = '';
  let admin = '';
  let partner = '';
  let bank: BankDetail;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, AssessmentModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    trainer = await t.tokenFor((await createUser(t.db, { unit: city, roles: ['trainer'] })).id);
    otherTrainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    const mitra = await createOrgUnit(t.db, { code: 'MITRA', kind: 'mitra' });
    partner = await t.tokenFor(
      (await createUser(t.db, { unit: mitra, roles: ['partner'], employmentType: 'NON_ASN' })).id,
    );
    bank = (
      await request(t.http)
        .post('/api/v1/question-banks')
        .set(auth(trainer))
        .send({ name: 'Bank Bersama' })
        .expect(201)
    ).body as BankDetail;
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const count = async () =>
    Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM question`))[0].n);

  it('previews a GIFT file without saving: questions in the documented shape, bad ones with their line', async () => {
    const res = await request(t.http)
      .post('/api/v1/question-import/preview')
      .set(auth(trainer))
      .send({ format: 'gift', text: GIFT })
      .expect(200);
    const body = res.body as ImportPreviewResponse;
    expect(body.questions.map((q) => [q.type, q.name])).toEqual([
      ['single-choice', 'KTP'],
      ['numerical', 'Waktu tunggu'],
      ['true-false', 'Sapa'],
      ['matching', 'Jenis'],
      ['essay', 'Esai'],
    ]);
    expect(body.questions[0]).toMatchObject({
      format: 'moodle',
      category: 'Pelayanan/Disdukcapil',
      answers: [
        { text: 'Kartu Keluarga', fraction: 1, feedback: 'Benar.' },
        { text: 'SIM', fraction: -0.5, feedback: 'SIM bukan syarat.' },
        { text: 'Paspor', fraction: 0 },
      ],
    });
    expect(body.questions[1].answers?.[0]).toMatchObject({ value: 15, tolerance: 5, fraction: 1 });
    expect(body.questions[2]).toMatchObject({ correct: true });
    expect(body.questions[3].pairs).toHaveLength(3);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].line).toBe(12);
    expect(await count()).toBe(0);
  });

  it('imports the good questions after the preview, creating the categories of the file', async () => {
    const res = await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/import`)
      .set(auth(trainer))
      .send({ format: 'gift', text: GIFT })
      .expect(201);
    const result = res.body as ImportResult;
    expect(result).toMatchObject({ imported: 5, categoriesCreated: 3 });
    expect(result.errors.map((e) => e.line)).toEqual([12]);
    const detail = (
      await request(t.http).get(`/api/v1/question-banks/${bank.id}`).set(auth(trainer)).expect(200)
    ).body as BankDetail;
    expect(detail.categories.map((c) => [c.path, c.questionCount])).toEqual([
      ['Pelayanan', 0],
      ['Pelayanan/Disdukcapil', 3],
      ['Pelayanan/Umum', 2],
      ['Umum', 0],
    ]);
  });

  it('refuses a file with nothing importable and saves nothing', async () => {
    const before = await count();
    const res = await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/import`)
      .set(auth(trainer))
      .send({ format: 'aiken', text: 'Apa ibu kota Sumatera Utara?\nA. Medan\nB. Siantar\n' })
      .expect(400);
    expect(res.body.code).toBe('imports.nothing-to-import');
    expect(res.body.errors[0].path).toBe('baris 1');
    expect(await count()).toBe(before);
  });

  it('imports Aiken', async () => {
    const res = await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/import`)
      .set(auth(trainer))
      .send({
        format: 'aiken',
        text: 'Kota tempat BKPSDM ini?\nA. Medan\nB. Pematangsiantar\nANSWER: B\n',
      })
      .expect(201);
    expect(res.body).toMatchObject({ imported: 1, errors: [] });
  });

  it('exports the bank to GIFT that imports back to the same questions', async () => {
    const res = await request(t.http)
      .get(`/api/v1/question-banks/${bank.id}/export.gift`)
      .set(auth(trainer))
      .expect(200);
    expect(res.headers['content-disposition']).toContain('bank-bersama.gift.txt');
    const again = (
      await request(t.http)
        .post('/api/v1/question-import/preview')
        .set(auth(trainer))
        .send({ format: 'gift', text: res.text })
        .expect(200)
    ).body as ImportPreviewResponse;
    expect(again.errors).toEqual([]);
    const original = (
      await request(t.http)
        .post('/api/v1/question-import/preview')
        .set(auth(trainer))
        .send({ format: 'gift', text: GIFT })
    ).body as ImportPreviewResponse;
    const meaning = (q: ImportPreviewResponse['questions'][number]) => ({
      type: q.type,
      name: q.name,
      text: q.text,
      category: q.category,
      answers: q.answers?.map((a) => ({
        text: a.text,
        fraction: a.fraction,
        feedback: a.feedback,
      })),
      correct: q.correct,
      pairs: q.pairs,
    });
    const byName = new Map(again.questions.map((q) => [q.name, meaning(q)]));
    for (const q of original.questions) expect(byName.get(q.name)).toEqual(meaning(q));
  });

  it('keeps a shared bank read-only for other trainers; admins over its unit edit it', async () => {
    const list = (
      await request(t.http).get('/api/v1/question-banks').set(auth(otherTrainer)).expect(200)
    ).body as Page<{ id: string }>;
    expect(list.items.map((b) => b.id)).toContain(bank.id);
    const detail = (
      await request(t.http)
        .get(`/api/v1/question-banks/${bank.id}`)
        .set(auth(otherTrainer))
        .expect(200)
    ).body as BankDetail;
    expect(detail.canEdit).toBe(false);
    const refused = await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/categories`)
      .set(auth(otherTrainer))
      .send({ name: 'Baru' })
      .expect(403);
    expect(refused.body.code).toBe('banks.read-only');
    await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/categories`)
      .set(auth(admin))
      .send({ name: 'Dari admin' })
      .expect(201);
    // Partners work on their own courses' banks; the shared ones are not listed for them.
    const partnerList = (
      await request(t.http).get('/api/v1/question-banks').set(auth(partner)).expect(200)
    ).body as Page<{ id: string }>;
    expect(partnerList.items.map((b) => b.id)).not.toContain(bank.id);
    await request(t.http).get(`/api/v1/question-banks/${bank.id}`).set(auth(partner)).expect(404);
  });

  it('edits an unused question in place, and checks drafts field by field', async () => {
    const page = (
      await request(t.http)
        .get(`/api/v1/question-banks/${bank.id}/questions?q=KTP`)
        .set(auth(trainer))
        .expect(200)
    ).body as Page<QuestionSummary>;
    expect(page.items).toHaveLength(1);
    const q = (
      await request(t.http)
        .get(`/api/v1/questions/${page.items[0].id}`)
        .set(auth(trainer))
        .expect(200)
    ).body;
    expect(q.draft.body.answers.every((a: { id: string }) => /^x[0-9a-f]{11}$/.test(a.id))).toBe(
      true,
    );
    const saved = (
      await request(t.http)
        .put(`/api/v1/questions/${q.id}`)
        .set(auth(trainer))
        .send({
          categoryId: q.categoryId,
          draft: { ...q.draft, name: 'KTP-el' },
          tags: ['Disdukcapil'],
        })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({ version: 1, name: 'KTP-el', tags: ['disdukcapil'] });
    expect(saved.draft.body.answers.map((a: { id: string }) => a.id)).toEqual(
      q.draft.body.answers.map((a: { id: string }) => a.id),
    );
    const bad = await request(t.http)
      .put(`/api/v1/questions/${q.id}`)
      .set(auth(trainer))
      .send({
        categoryId: q.categoryId,
        draft: {
          ...q.draft,
          body: { type: 'single-choice', answers: [{ text: 'A', fraction: 2 }] },
        },
      })
      .expect(400);
    expect(bad.body.code).toBe('questions.invalid');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['draft.body.answers', 'draft.body.answers[0].fraction']),
    );
  });
});
