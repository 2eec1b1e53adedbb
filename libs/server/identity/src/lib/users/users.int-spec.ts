import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUnit,
  uniqueNip,
} from '@siantar/server-testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { IdentityModule } from '../identity.module';

describe('user administration (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let city: TestUnit;
  let dukcapil: TestUnit;
  let dinkes: TestUnit;
  let cityAdmin: string;
  let opdAdmin: string;

  beforeAll(async () => {
    ctx = await createTestContext({ BODY_LIMIT_BYTES: '2048' });
    t = await createTestApp(ctx.config, [IdentityModule]);
    city = await createOrgUnit(t.db, { code: 'PEMKO' });
    dukcapil = await createOrgUnit(t.db, { code: 'DISDUKCAPIL', parent: city });
    dinkes = await createOrgUnit(t.db, { code: 'DINKES', parent: city });
    cityAdmin = await t.tokenFor(
      (await createUser(t.db, { unit: dukcapil, roles: ['admin'], adminScope: city })).id,
    );
    opdAdmin = await t.tokenFor((await createUser(t.db, { unit: dukcapil, roles: ['admin'] })).id);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const valid = () => ({
    nip: uniqueNip(),
    name: 'Sinta Nainggolan',
    email: `sinta.${Math.random().toString(36).slice(2)}@siantar.test`,
    position: 'Pengadministrasi Umum',
    rank: 'II/c',
    employmentType: 'PNS',
    orgUnitId: dukcapil.id,
    roles: ['learner'],
  });
  const post = (token: string, body: unknown) =>
    request(t.http)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  it('creates a user and queues exactly one welcome email keyed by the user', async () => {
    const res = await post(cityAdmin, valid()).expect(201);
    const user = res.body as { id: string; orgUnit: { code: string }; roles: string[] };
    expect(user.orgUnit.code).toBe('DISDUKCAPIL');
    const queue = new Queue('identity', {
      connection: { url: ctx.config.REDIS_URL },
      prefix: ctx.config.REDIS_PREFIX,
    });
    try {
      const job = await queue.getJob(`welcome-email-${user.id}`);
      expect(job?.name).toBe('identity.welcome-email');
      expect(job?.data).toEqual({ userId: user.id });
    } finally {
      await queue.close();
    }
  });

  it.each([
    ['198502302010011002', /tanggal lahir/],
    ['19850312201001100', /18 digit/],
    ['198503122010131002', /bulan pengangkatan/i],
    ['198503122010013002', /Digit ke-15/],
  ])('rejects NIP %s with a message that says what is wrong', async (nip, message) => {
    const res = await post(cityAdmin, { ...valid(), nip }).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.body as { detail: string; errors: { path: string; message: string }[] };
    expect(body.errors.find((e) => e.path === 'nip')?.message).toMatch(message);
  });

  it('rejects a taken email or NIP with 409 and writes nothing', async () => {
    const first = valid();
    await post(cityAdmin, first).expect(201);
    const dupEmail = await post(cityAdmin, { ...valid(), email: first.email.toUpperCase() }).expect(
      409,
    );
    expect((dupEmail.body as { detail: string }).detail).toMatch(/sudah dipakai/);
    await post(cityAdmin, { ...valid(), nip: first.nip }).expect(409);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM app_user WHERE lower(email) = lower($1)`,
      [first.email],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('refuses unknown fields, wrong types, malformed JSON and oversized bodies with clear 4xx', async () => {
    const unknown = await post(cityAdmin, { ...valid(), isSuperuser: true }).expect(400);
    expect((unknown.body as { detail: string }).detail).toMatch(/isSuperuser.*tidak dikenal/);
    const wrongType = await post(cityAdmin, { ...valid(), roles: 'learner' }).expect(400);
    expect(
      (wrongType.body as { errors: { path: string }[] }).errors.some((e) => e.path === 'roles'),
    ).toBe(true);
    const badRole = await post(cityAdmin, { ...valid(), roles: ['superhero'] }).expect(400);
    expect((badRole.body as { detail: string }).detail).toMatch(/roles/);
    const malformed = await request(t.http)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${cityAdmin}`)
      .set('Content-Type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect((malformed.body as { code: string }).code).toBe('malformed-json');
    const big = await post(cityAdmin, { ...valid(), name: 'x'.repeat(5000) }).expect(413);
    expect((big.body as { detail: string }).detail).toMatch(/2048 byte/);
  });

  it('applies PNS and PPPK rules by employment type, and partner rules', async () => {
    await post(cityAdmin, {
      ...valid(),
      employmentType: 'PPPK',
      nip: '999999999999999999',
      rank: 'IX',
    }).expect(201);
    const pppkRank = await post(cityAdmin, {
      ...valid(),
      employmentType: 'PPPK',
      nip: '999999999999999998',
      rank: 'III/a',
    }).expect(400);
    expect((pppkRank.body as { detail: string }).detail).toMatch(
      /golongan III\/a tidak berlaku untuk PPPK/,
    );
    const partner = await post(cityAdmin, { ...valid(), roles: ['partner'] }).expect(400);
    expect((partner.body as { detail: string }).detail).toMatch(/mitra/);
  });

  it("keeps an OPD admin inside their OPD: others' users are invisible and out of reach", async () => {
    const outsider = await createUser(t.db, { unit: dinkes });
    await request(t.http)
      .get(`/api/v1/users/${outsider.id}`)
      .set('Authorization', `Bearer ${opdAdmin}`)
      .expect(404);
    await request(t.http)
      .get(`/api/v1/users/${outsider.id}`)
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(200);
    const res = await post(opdAdmin, { ...valid(), orgUnitId: dinkes.id }).expect(400);
    expect((res.body as { detail: string }).detail).toMatch(/di luar wilayah kewenangan/);
    const list = await request(t.http)
      .get('/api/v1/users?limit=100')
      .set('Authorization', `Bearer ${opdAdmin}`)
      .expect(200);
    const ids = (list.body as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).not.toContain(outsider.id);
  });

  it('lists with search, filters and pagination and a total', async () => {
    for (let i = 0; i < 3; i++)
      await post(cityAdmin, { ...valid(), name: `Togar Pagination ${i}` }).expect(201);
    const page1 = await request(t.http)
      .get('/api/v1/users?q=togar%20pagination&limit=2&offset=0')
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(200);
    const body = page1.body as { items: { name: string }[]; total: number; limit: number };
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.name)).toEqual(['Togar Pagination 0', 'Togar Pagination 1']);
    const page2 = await request(t.http)
      .get('/api/v1/users?q=togar%20pagination&limit=2&offset=2')
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(200);
    expect((page2.body as { items: unknown[] }).items).toHaveLength(1);
    await request(t.http)
      .get('/api/v1/users?limit=1000')
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(400);
  });

  it('deactivates a user (ending their sessions) and refuses to deactivate oneself', async () => {
    const created = (await post(cityAdmin, valid()).expect(201)).body as { id: string };
    const res = await request(t.http)
      .post(`/api/v1/users/${created.id}/deactivate`)
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(200);
    expect((res.body as { active: boolean }).active).toBe(false);
    const self = await request(t.http)
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(200);
    await request(t.http)
      .post(`/api/v1/users/${(self.body as { id: string }).id}/deactivate`)
      .set('Authorization', `Bearer ${cityAdmin}`)
      .expect(400);
  });
});
